import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import { useTempDirs } from '../../../../tests/support/tempDir';
import { migrate } from '../case/migrations';
import { createEngine } from '../engine';
import { createEntityPipeline } from '../extract/pipeline';
import { distanceKm } from '../geo/resolve';
import { listEntities } from './repository';
import { storeSuggestions } from './suggestions';

const tempDir = useTempDirs();
const seedPath = join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt');

describe('schema v3 (entities)', () => {
  it('migrates a v2 case with documents, which keep their text and get room for mentions', () => {
    const db = new Database(':memory:');
    migrate(db, 'memory', 2);
    db.prepare("INSERT INTO documents (kind, title, imported_at, text) VALUES ('text', 'Seed', 'now', 'Baku said.')").run();
    migrate(db, 'memory', 3);
    expect(db.prepare('SELECT title, text FROM documents').get()).toEqual({ title: 'Seed', text: 'Baku said.' });
    db.prepare("INSERT INTO entities (kind, name, created_at, updated_at) VALUES ('location', 'Baku', 'now', 'now')").run();
    db.prepare("INSERT INTO mentions (document_id, entity_id, start, end, text, type) VALUES (1, 1, 0, 4, 'Baku', 'location')").run();
    expect(() => db.prepare("INSERT INTO mentions (document_id, entity_id, start, end, text, type) VALUES (1, 1, 0, 4, 'Baku', 'location')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO places (entity_id, lat, lon) VALUES (1, 91, 0)").run()).toThrow(/CHECK/);
  });
});

describe('extraction on import', () => {
  it('turns the seed article into its actors and places, places within 50 km of the real ones', async () => {
    const dir = tempDir();
    const engine = createEngine();
    await engine.handlers['cases.create']({ path: join(dir, 'seed.dossier'), title: 'Seed' });
    await engine.startImport([{ path: seedPath }]).finished;
    const entities = listEntities(engine.currentCase()!.db);
    const find = (name: string) => entities.find((entity) => entity.name === name || entity.aliases.includes(name));

    const pashinyan = find('Pashinian');
    expect(pashinyan).toMatchObject({ name: 'Nikol Pashinyan', type: 'person', role: 'Prime Minister' });
    expect(pashinyan?.aliases).toEqual(expect.arrayContaining(['Nikol Pashinián', 'Pashinian']));
    expect(entities.filter((entity) => entity.type === 'person' && /Pashin/.test(entity.name))).toHaveLength(1);
    expect(find('Ilham Aliyev')?.type).toBe('person');
    expect(find('Azerbaijani Ministry of Defense')?.type).toBe('organization');
    for (const country of ['Armenia', 'Azerbaijan', 'Russia']) expect(find(country)).toMatchObject({ type: 'location', subtype: 'country' });
    const real: Record<string, [number, number]> = {
      Kalbajar: [40.1, 46.04],
      'Nagorno-Karabakh': [39.9, 46.7],
      Yerevan: [40.18, 44.51],
      Baku: [40.41, 49.87],
    };
    for (const [name, [lat, lon]] of Object.entries(real)) {
      const coordinates = find(name)?.coordinates;
      expect(coordinates, name).toBeTruthy();
      expect(distanceKm(coordinates!.lat, coordinates!.lon, lat, lon), name).toBeLessThan(50);
    }
    expect((await engine.handlers['cases.current']({}))?.counts.entities).toBe(entities.length);
    engine.dispose();
  });

  it('keeps a rejected suggestion rejected when extraction runs again, and skips extraction when asked', async () => {
    const dir = tempDir();
    const engine = createEngine();
    await engine.handlers['cases.create']({ path: join(dir, 'review.dossier'), title: 'Review' });
    await engine.startImport([{ path: seedPath }], { extract: false }).finished;
    const db = engine.currentCase()!.db;
    expect(listEntities(db)).toEqual([]);

    const pipeline = createEntityPipeline();
    const text = readFileSync(seedPath, 'utf8');
    storeSuggestions(db, 1, pipeline.analyze(text));
    db.prepare("UPDATE mentions SET status = 'rejected' WHERE text = 'Russia'").run();
    const before = db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number };
    expect(storeSuggestions(db, 1, pipeline.analyze(text))).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM mentions').get()).toEqual(before);
    expect(db.prepare("SELECT status FROM mentions WHERE text = 'Russia'").get()).toEqual({ status: 'rejected' });
    expect(listEntities(db).find((entity) => entity.name === 'Russia')).toBeUndefined();
    engine.dispose();
  });

  it('lets the analyst review: filter, rename, retype, confirm in bulk, reject a mention — each undoable', async () => {
    const dir = tempDir();
    const engine = createEngine();
    const { handlers } = engine;
    await handlers['cases.create']({ path: join(dir, 'review.dossier'), title: 'Review' });
    await engine.startImport([{ path: seedPath }]).finished;

    const people = await handlers['entities.list']({ types: ['person'] });
    expect(people.map((entity) => entity.type)).toEqual(people.map(() => 'person'));
    const [found] = await handlers['entities.list']({ search: 'pashinian' });
    expect(found?.name).toBe('Nikol Pashinyan');

    const renamed = await handlers['entities.update']({ id: found!.id, name: 'Nikol Vovayi Pashinyan' });
    expect(renamed).toMatchObject({ name: 'Nikol Vovayi Pashinyan', aliases: expect.arrayContaining(['Nikol Vovayi Pashinyan', 'Nikol Pashinián']) as string[] });
    expect(await handlers['history.undo']({})).toMatchObject({ operation: 'entities.update' });
    expect((await handlers['entities.list']({ search: 'pashinian' }))[0]?.name).toBe('Nikol Pashinyan');

    const places = await handlers['entities.list']({ types: ['location'] });
    const { changed } = await handlers['entities.setStatus']({ ids: places.map((entity) => entity.id), status: 'confirmed' });
    expect(changed).toBe(places.length);
    expect(await handlers['entities.list']({ status: 'suggested', types: ['location'] })).toEqual([]);
    await handlers['history.undo']({});
    expect(await handlers['entities.list']({ status: 'confirmed' })).toEqual([]);

    const mentions = await handlers['mentions.forDocument']({ documentId: 1 });
    const yerevan = mentions.find((mention) => mention.text === 'Yerevan')!;
    expect(yerevan).toMatchObject({ type: 'location', status: 'suggested', origin: 'auto', entityName: 'Yerevan' });
    const onMap = async (): Promise<string[]> => (await handlers['map.places']({})).map((place) => place.name);
    const inGraph = async (): Promise<string[]> => (await handlers['graph.load']({ limit: 2_000, cooccurrence: false, minCooccurrence: 1 })).nodes.map((node) => node.label);
    expect(await onMap()).toContain('Yerevan');
    expect(await handlers['mentions.setStatus']({ id: yerevan.id, status: 'rejected' })).toMatchObject({ status: 'rejected' });
    // A suggestion whose every mention the analyst rejected is turned down: out of the list, the map and the graph.
    expect(await handlers['entities.list']({ search: 'yerevan' })).toEqual([]);
    expect(await onMap()).not.toContain('Yerevan');
    expect(await inGraph()).not.toContain('Yerevan');
    await handlers['history.undo']({});
    expect((await handlers['entities.list']({ search: 'yerevan' }))[0]?.mentions).toBe(1);
    expect(await onMap()).toContain('Yerevan');
    // An entity that never had a mention (imported from a file) stays listed.
    engine.currentCase()!.db.prepare("INSERT INTO entities (kind, name, created_at, updated_at) VALUES ('organization', 'Imported Holdings', 'now', 'now')").run();
    expect((await handlers['entities.list']({ types: ['organization'] })).find((entity) => entity.name === 'Imported Holdings')?.mentions).toBe(0);
    engine.dispose();
  });
});

describe('GeoNames extracts and later imports', () => {
  it('resolves a village of an extract added after the first import in the documents imported next', async () => {
    const dir = tempDir();
    const engine = createEngine();
    const { handlers } = engine;
    await handlers['cases.create']({ path: join(dir, 'extracts.dossier'), title: 'Extracts' });
    const first = join(dir, 'first.txt');
    writeFileSync(first, 'Officials in Baku spoke on Monday.');
    await engine.startImport([{ path: first }]).finished;
    await handlers['gazetteer.addExtract']({ path: join(projectRoot, 'tests', 'fixtures', 'geonames-AZ-sample.txt') });
    await engine.startImport([{ path: seedPath }]).finished;
    const [armudlu] = await handlers['entities.list']({ search: 'Armudlu' });
    expect(armudlu?.coordinates).not.toBeNull();
    engine.dispose();
  });
});

describe('retyping a mention', () => {
  it('moves a demonym written under a country to an entity of its own words, and leaves the country a place; undo puts it back', async () => {
    const dir = tempDir();
    const engine = createEngine();
    const { handlers } = engine;
    await handlers['cases.create']({ path: join(dir, 'retype.dossier'), title: 'Retype' });
    const file = join(dir, 'dutch.txt');
    writeFileSync(file, 'The Dutch government met French diplomats in Oslo on Monday.');
    await engine.startImport([{ path: file }]).finished;
    const dutch = (await handlers['mentions.forDocument']({ documentId: 1 })).find((mention) => mention.text === 'Dutch')!;
    expect(dutch).toMatchObject({ type: 'location' });
    // Filed under the country it names, as extraction files a demonym.
    const country = dutch.entityName ?? '';
    expect(country).not.toMatch(/^(?:Dutch)?$/u);

    const retyped = await handlers['mentions.relink']({ id: dutch.id, type: 'other' });
    expect(retyped).toMatchObject({ type: 'other', entityName: 'Dutch', status: 'confirmed' });
    const others = await handlers['entities.list']({ types: ['other'] });
    expect(others.map((entity) => entity.name)).toEqual(['Dutch']);
    // The country the demonym was filed under is no 'other' (a suggestion left with nothing is gone).
    expect((await handlers['entities.list']({ search: country })).filter((entity) => entity.name === country && entity.type !== 'location')).toEqual([]);

    await handlers['history.undo']({});
    expect((await handlers['mentions.forDocument']({ documentId: 1 })).find((mention) => mention.id === dutch.id)).toMatchObject({ type: 'location', entityName: country, status: 'suggested' });
    expect(await handlers['entities.list']({ types: ['other'] })).toEqual([]);
    engine.dispose();
  });
});

describe('one name, one entity across the case', () => {
  /** A case in memory with `count` documents, and a way to write suggestions as extraction would. */
  function caseWith(count: number) {
    const db = new Database(':memory:');
    migrate(db, 'memory');
    for (let index = 0; index < count; index += 1) {
      db.prepare("INSERT INTO documents (kind, title, imported_at, text) VALUES ('text', ?, 'now', '')").run(`Report ${index + 1}`);
    }
    const place = (name: string, lat: number, lon: number, id: string) => ({
      id,
      name,
      lat,
      lon,
      country: 'AZ',
      admin1: '',
      featureCode: 'PPL',
      confidence: 0.9,
      candidates: [],
    });
    const suggest = (documentId: number, mentions: Array<{ text: string; type: 'person' | 'location'; place?: ReturnType<typeof place> }>) =>
      storeSuggestions(
        db,
        documentId,
        mentions.map((mention, index) => ({ start: index * 20, end: index * 20 + mention.text.length, text: mention.text, type: mention.type, entity: { name: mention.text }, ...(mention.place ? { place: mention.place } : {}) })),
      );
    const entities = () => listEntities(db).map((entity) => `${entity.type} ${entity.name} ${entity.mentions}`).sort();
    return { db, place, suggest, entities };
  }

  it('takes a one-word "person" the case knows as a place for the place, before and after the place is known', () => {
    const { suggest, entities } = caseWith(3);
    suggest(1, [{ text: 'Sotk', type: 'person' }]);
    suggest(2, [{ text: 'Sotk', type: 'location' }, { text: 'Sotk', type: 'location' }, { text: 'Sotk', type: 'location' }]);
    suggest(3, [{ text: 'Sotk', type: 'person' }, { text: 'Karapetyan', type: 'person' }]);
    expect(entities()).toEqual(['location Sotk 5', 'person Karapetyan 1']);
  });

  it('keeps a person the analyst confirmed, and a full name, apart from the place', () => {
    const { db, suggest, entities } = caseWith(2);
    suggest(1, [{ text: 'Aliyev', type: 'person' }, { text: 'Ilham Aliyev', type: 'person' }]);
    db.prepare("UPDATE entities SET status = 'confirmed' WHERE name = 'Aliyev'").run();
    suggest(2, [{ text: 'Aliyev', type: 'location' }, { text: 'Aliyev', type: 'location' }, { text: 'Aliyev', type: 'location' }]);
    expect(entities()).toEqual(['location Aliyev 3', 'person Aliyev 1', 'person Ilham Aliyev 1']);
  });

  it('joins two spellings of a place that resolve a few km apart, and not two places far apart', () => {
    const near = caseWith(2);
    near.suggest(1, [{ text: 'Kalbajar', type: 'location', place: near.place('Kalbajar', 40.097, 46.169, '1') }]);
    near.suggest(2, [{ text: 'Kelbajar', type: 'location', place: near.place('Kelbajar', 40.11, 46.044, '2') }]);
    expect(near.entities()).toEqual(['location Kalbajar 2']);
    const far = caseWith(2);
    far.suggest(1, [{ text: 'Kalbajar', type: 'location', place: far.place('Kalbajar', 40.097, 46.169, '1') }]);
    far.suggest(2, [{ text: 'Kelbajar', type: 'location', place: far.place('Kelbajar', 35.0, 30.0, '3') }]);
    expect(far.entities()).toEqual(['location Kalbajar 1', 'location Kelbajar 1']);
  });
});
