import type { Database } from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import { seedDataCase } from '../../../../tests/support/seedCase';
import { useTempDirs } from '../../../../tests/support/tempDir';
import type { EmitEvent } from '../../../shared/api';
import type { ExtractProgress } from '../../../shared/entities';
import type { DrawingFields } from '../../../shared/map';
import type { Engine } from '../engine';
import { createEngine } from '../engine';
import { distanceKm } from '../geo/resolve';
import { createLink, getLink } from '../graph/links';
import { createDrawings, getDrawing } from '../map/drawings';

const tempDir = useTempDirs();
const seedPath = join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt');

async function seedCase(emit?: EmitEvent): Promise<{ engine: Engine; handlers: Engine['handlers'] }> {
  const engine = createEngine(emit ? { emit } : {});
  await engine.handlers['cases.create']({ path: join(tempDir(), 'seed.dossier'), title: 'Seed' });
  await engine.startImport([{ path: seedPath }]).finished;
  return { engine, handlers: engine.handlers };
}

/** The seed case with its actors and places from data, not the tagger: for tests of curation, not of extraction. */
async function seedFromData(): Promise<{ engine: Engine; handlers: Engine['handlers'] }> {
  return seedDataCase(join(tempDir(), 'seed.dossier'));
}

async function byName(handlers: Engine['handlers'], name: string) {
  const found = (await handlers['entities.list']({ search: name })).find((entity) => entity.name === name || entity.aliases.includes(name));
  if (!found) throw new Error(`no entity ${name}`);
  return found;
}

describe('what extraction knows beyond the tagger', () => {
  it('reads roles and affiliations, takes demonyms as affiliations and capitals as governments', async () => {
    const { engine, handlers } = await seedCase();
    const pashinyan = await handlers['entities.get']({ id: (await byName(handlers, 'Pashinian')).id });
    expect(pashinyan).toMatchObject({ name: 'Nikol Pashinyan', attributes: { role: 'Prime Minister', affiliation: 'Armenia' } });
    expect(pashinyan.aliases).toEqual(expect.arrayContaining(['Nikol Pashinián', 'Pashinian']));
    const aliyev = await handlers['entities.get']({ id: (await byName(handlers, 'Ilham Aliyev')).id });
    expect(aliyev.attributes).toMatchObject({ role: 'President', affiliation: 'Azerbaijan' });
    const ministry = await handlers['entities.get']({ id: (await byName(handlers, 'Azerbaijani Ministry of Defense')).id });
    expect(ministry.attributes.affiliation).toBe('Azerbaijan');

    const mentions = await handlers['mentions.forDocument']({ documentId: 1 });
    const demonyms = mentions.filter((mention) => mention.text === 'Armenian');
    expect(demonyms.length).toBeGreaterThan(3);
    expect(demonyms.every((mention) => mention.role === 'affiliation' && mention.entityName === 'Armenia')).toBe(true);
    expect(mentions.find((mention) => mention.text === 'Baku')?.role).toBe('government');
    expect(mentions.find((mention) => mention.text === 'Yerevan')?.role).toBe('government');
    expect(mentions.find((mention) => mention.text === 'Kalbajar')?.role).toBeNull();
    engine.dispose();
  });

  it('finds the analyst\'s confirmed names when extraction runs again, and keeps rejections', async () => {
    let extracted: (report: ExtractProgress) => void = () => undefined;
    const finished = new Promise<ExtractProgress>((resolve) => (extracted = resolve));
    const { engine, handlers } = await seedCase((event, payload) => {
      if (event === 'extract.finished') extracted(payload as ExtractProgress);
    });
    const before = await handlers['mentions.forDocument']({ documentId: 1 });
    expect(before.some((mention) => mention.text === 'Similar')).toBe(false);
    // The analyst marks a word the tagger did not take; extraction then finds it again in new text.
    const document = await handlers['documents.get']({ id: 1 });
    const start = document.text.indexOf('tripartite border demarcation commission');
    const made = await handlers['mentions.create']({ documentId: 1, start, end: start + 'tripartite border demarcation commission'.length, type: 'organization' });
    expect(made).toMatchObject({ status: 'confirmed', origin: 'manual', entityName: 'tripartite border demarcation commission' });
    const rejected = before.find((mention) => mention.text === 'Russia')!;
    await handlers['mentions.setStatus']({ id: rejected.id, status: 'rejected' });

    const { jobId } = await handlers['entities.extract']({});
    expect(await finished).toMatchObject({ jobId, done: 1, total: 1, cancelled: false });
    const after = await handlers['mentions.forDocument']({ documentId: 1 });
    expect(after.find((mention) => mention.id === rejected.id)?.status).toBe('rejected');
    expect(after.length).toBe(before.length + 1);
    engine.dispose();
  });

  it('keeps lone function words out, and in other scripts only the places the gazetteer knows', async () => {
    const engine = createEngine();
    const dir = tempDir();
    await engine.handlers['cases.create']({ path: join(dir, 'ru.dossier'), title: 'RU' });
    const path = join(dir, 'ru.txt');
    writeFileSync(path, 'Министерство обороны Армении заявило, что Баку нарушил перемирие. Пресс-служба Азербайджана отрицает это.\n\nThe statement was issued in Yerevan.');
    await engine.startImport([{ path }]).finished;
    const mentions = await engine.handlers['mentions.forDocument']({ documentId: 1 });
    const cyrillic = mentions.filter((mention) => /\p{Script=Cyrillic}/u.test(mention.text));
    expect(cyrillic.every((mention) => mention.type === 'location')).toBe(true);
    expect(mentions.map((mention) => mention.text)).not.toContain('The');
    expect(mentions.find((mention) => mention.text === 'Yerevan')?.type).toBe('location');
    engine.dispose();
  });
});

describe('curation, each change undoable', () => {
  it('merges two entities and undoes it exactly', async () => {
    const { engine, handlers } = await seedFromData();
    const armenia = await byName(handlers, 'Armenia');
    const yerevan = await byName(handlers, 'Yerevan');
    const merged = await handlers['entities.merge']({ targetId: armenia.id, sourceIds: [yerevan.id] });
    expect(merged).toMatchObject({ id: armenia.id, status: 'confirmed', mentions: armenia.mentions + yerevan.mentions });
    expect(merged.aliases).toContain('Yerevan');
    await expect(async () => handlers['entities.get']({ id: yerevan.id })).rejects.toThrow(/merged or deleted/);

    expect(await handlers['history.undo']({})).toMatchObject({ operation: 'entities.curate', description: 'merge "Yerevan" into "Armenia"' });
    expect(await handlers['entities.get']({ id: yerevan.id })).toMatchObject({ name: 'Yerevan', mentions: yerevan.mentions, coordinates: yerevan.coordinates });
    expect(await byName(handlers, 'Armenia')).toEqual(armenia);
    await handlers['history.redo']({});
    expect((await byName(handlers, 'Armenia')).mentions).toBe(armenia.mentions + yerevan.mentions);
    engine.dispose();
  });

  it('splits a spelling off, deletes an entity (its mentions rejected), and edits attributes', async () => {
    const { engine, handlers } = await seedFromData();
    const pashinyan = await byName(handlers, 'Pashinian');
    const split = await handlers['entities.splitAlias']({ id: pashinyan.id, alias: 'Pashinian' });
    expect(split).toMatchObject({ name: 'Pashinian', type: 'person', mentions: 1, aliases: ['Pashinian'] });
    expect((await handlers['entities.get']({ id: pashinyan.id })).aliases).not.toContain('Pashinian');
    await expect(async () => handlers['entities.splitAlias']({ id: pashinyan.id, alias: 'Nikol Pashinyan' })).rejects.toThrow(/rename the entity first/);
    await handlers['history.undo']({});
    expect(await byName(handlers, 'Pashinian')).toMatchObject({ id: pashinyan.id, mentions: pashinyan.mentions });

    const russia = await byName(handlers, 'Russia');
    expect(await handlers['entities.delete']({ ids: [russia.id] })).toEqual({ deleted: 1 });
    const mentions = await handlers['mentions.forDocument']({ documentId: 1 });
    expect(mentions.filter((mention) => mention.text === 'Russia').map((mention) => mention.status)).toEqual(['rejected']);
    await handlers['history.undo']({});
    expect(await byName(handlers, 'Russia')).toEqual(russia);

    const detail = await handlers['entities.setAttributes']({ id: pashinyan.id, notes: 'Signed the 2020 ceasefire.', role: null });
    expect(detail.attributes).toEqual({ role: null, affiliation: 'Armenia', notes: 'Signed the 2020 ceasefire.' });
    await handlers['history.undo']({});
    expect((await handlers['entities.get']({ id: pashinyan.id })).attributes).toMatchObject({ role: 'Prime Minister', notes: null });
    engine.dispose();
  });

  it('marks a passage by hand, links a mention to another entity, retypes one', async () => {
    const { engine, handlers } = await seedFromData();
    const document = await handlers['documents.get']({ id: 1 });
    const start = document.text.indexOf('Armudlu');
    const ministry = await byName(handlers, 'Azerbaijani Ministry of Defense');
    await expect(async () => handlers['mentions.create']({ documentId: 1, start: start - 3, end: start + 4, type: 'location' })).rejects.toThrow(
      /overlaps the mention "Armudlu"/,
    );

    // A passage with surrounding space and punctuation is trimmed to the name.
    const commissionAt = document.text.indexOf('tripartite border demarcation commission');
    const region = await handlers['mentions.create']({
      documentId: 1,
      start: commissionAt - 1,
      end: commissionAt + 'tripartite border demarcation commission, '.length,
      type: 'organization',
    });
    expect(region).toMatchObject({ start: commissionAt, text: 'tripartite border demarcation commission' });
    await handlers['history.undo']({});
    expect((await handlers['mentions.forDocument']({ documentId: 1 })).some((mention) => mention.id === region.id)).toBe(false);

    const statementAt = document.text.indexOf('he said');
    const linked = await handlers['mentions.create']({ documentId: 1, start: statementAt, end: statementAt + 2, type: 'organization', entityId: ministry.id });
    expect(linked).toMatchObject({ entityId: ministry.id, text: 'he', status: 'confirmed' });

    const nagorno = (await handlers['mentions.forDocument']({ documentId: 1 })).find((mention) => mention.text === 'Nagorno-Karabakh')!;
    const retyped = await handlers['mentions.relink']({ id: nagorno.id, type: 'other' });
    expect(retyped).toMatchObject({ type: 'other', status: 'confirmed' });
    expect(retyped.entityId).not.toBe(nagorno.entityId);
    const relinked = await handlers['mentions.relink']({ id: nagorno.id, entityId: nagorno.entityId! });
    expect(relinked).toMatchObject({ entityId: nagorno.entityId, type: 'location' });
    engine.dispose();
  });

  it('places a place at another candidate or by hand', async () => {
    const { engine, handlers } = await seedFromData();
    const baku = await byName(handlers, 'Baku');
    const candidates = await handlers['entities.placeCandidates']({ id: baku.id });
    expect(candidates.length).toBeGreaterThan(0);
    const other = candidates.find((candidate) => distanceKm(candidate.lat, candidate.lon, baku.coordinates!.lat, baku.coordinates!.lon) > 1);
    if (other) {
      const moved = await handlers['entities.setPlace']({ id: baku.id, candidateId: other.id });
      expect(moved.place).toMatchObject({ gazetteerId: other.id, precision: 'gazetteer', lat: other.lat });
    }
    const armudlu = await byName(handlers, 'Armudlu');
    const placed = await handlers['entities.setPlace']({ id: armudlu.id, lat: 40.06, lon: 46.02 });
    expect(placed).toMatchObject({ status: 'confirmed', place: { precision: 'manual', lat: 40.06, lon: 46.02 } });
    await handlers['history.undo']({});
    expect((await handlers['entities.get']({ id: armudlu.id })).place).toBeNull();
    await expect(async () => handlers['entities.setPlace']({ id: (await byName(handlers, 'Ilham Aliyev')).id, lat: 1, lon: 1 })).rejects.toThrow(/not a place/);
    engine.dispose();
  });

  it('gives every mention in context with its documents and related entities', async () => {
    const { engine, handlers } = await seedFromData();
    const armenia = await byName(handlers, 'Armenia');
    const page = await handlers['entities.mentions']({ id: armenia.id, limit: 5, offset: 0 });
    expect(page.total).toBe(armenia.mentions);
    expect(page.mentions).toHaveLength(5);
    for (const line of page.mentions) {
      const document = await handlers['documents.get']({ id: line.documentId });
      expect(document.text.slice(line.start, line.end)).toBe(line.text);
      expect(line.before.length + line.after.length).toBeGreaterThan(20);
      expect(line.before + line.text + line.after).not.toMatch(/\n/);
    }
    expect(page.documents).toEqual([expect.objectContaining({ id: 1, mentions: armenia.mentions })]);
    expect(page.related.map((entity) => entity.name)).toEqual(expect.arrayContaining(['Azerbaijan', 'Nikol Pashinyan']));
    engine.dispose();
  });
});

/** A link with nothing but its ends and relation. */
function link(db: Database, from: string, to: string, relation: string): number {
  return createLink(db, { from, to, relation, directed: true, dateStart: null, dateEnd: null, reliability: null, credibility: null, note: '', evidence: [] })
    .id;
}

/** A point on the map tagged with these entities. */
function drawing(db: Database, label: string, entityIds: number[]): number {
  const fields: DrawingFields = { geometry: { type: 'Point', coordinates: [46.0, 40.1] }, label, color: '#c92a2a', note: '', entityIds, documentIds: [] };
  return createDrawings(db, [fields])[0]!;
}

/** The rows merge and delete may change besides entities and mentions, as stored. */
function linksAndTags(db: Database): { links: unknown[]; tags: unknown[] } {
  return {
    links: db.prepare('SELECT * FROM links ORDER BY id').all(),
    tags: db.prepare('SELECT feature_id, entity_id FROM map_feature_entities ORDER BY feature_id, entity_id').all(),
  };
}

const taggedIds = (db: Database, featureId: number): number[] => getDrawing(db, featureId).entities.map((entity) => entity.id);

describe('links and map tags through merge and delete', () => {
  it('merges "Pashinian" into "Nikol Pashinyan" with its links and map tags, and undoes and redoes it exactly', async () => {
    const { engine, handlers } = await seedFromData();
    const db = engine.currentCase()!.db;
    const pashinyan = await byName(handlers, 'Nikol Pashinyan');
    const pashinian = await handlers['entities.splitAlias']({ id: pashinyan.id, alias: 'Pashinian' });
    const azerbaijan = await byName(handlers, 'Azerbaijan');
    const aliyev = await byName(handlers, 'Ilham Aliyev');
    const outgoing = link(db, `entity:${pashinian.id}`, `entity:${azerbaijan.id}`, 'accuses');
    const incoming = link(db, `entity:${aliyev.id}`, `entity:${pashinian.id}`, 'criticizes');
    const fromDocument = link(db, 'document:1', `entity:${pashinian.id}`, 'quotes');
    const between = link(db, `entity:${pashinian.id}`, `entity:${pashinyan.id}`, 'same person as');
    const onlySource = drawing(db, 'Press conference', [pashinian.id]);
    const both = drawing(db, 'Residence', [pashinian.id, pashinyan.id]);
    const before = linksAndTags(db);

    await handlers['entities.merge']({ targetId: pashinyan.id, sourceIds: [pashinian.id] });
    expect(getLink(db, outgoing)).toMatchObject({ from: `entity:${pashinyan.id}`, to: `entity:${azerbaijan.id}`, fromLabel: 'Nikol Pashinyan' });
    expect(getLink(db, incoming)).toMatchObject({ from: `entity:${aliyev.id}`, to: `entity:${pashinyan.id}` });
    expect(getLink(db, fromDocument)).toMatchObject({ from: 'document:1', to: `entity:${pashinyan.id}` });
    // Repointed it would be a self-loop: it stays on the merged-away entity, hidden.
    expect(getLink(db, between)).toMatchObject({ from: `entity:${pashinian.id}`, to: `entity:${pashinyan.id}`, fromLabel: '(removed)' });
    expect((await handlers['links.list']({ node: `entity:${pashinyan.id}` })).map((found) => found.id).sort()).toEqual(
      [outgoing, incoming, fromDocument, between].sort(),
    );
    expect(taggedIds(db, onlySource)).toEqual([pashinyan.id]);
    expect(taggedIds(db, both)).toEqual([pashinyan.id]);
    const merged = linksAndTags(db);

    expect(await handlers['history.undo']({})).toMatchObject({ description: 'merge "Pashinian" into "Nikol Pashinyan"' });
    expect(linksAndTags(db)).toEqual(before);
    await handlers['history.redo']({});
    expect(linksAndTags(db)).toEqual(merged);
    await handlers['history.undo']({});
    expect(linksAndTags(db)).toEqual(before);
    engine.dispose();
  });

  it('merges two entities linked to each other into a third without making a self-loop', async () => {
    const { engine, handlers } = await seedFromData();
    const db = engine.currentCase()!.db;
    const armenia = await byName(handlers, 'Armenia');
    const yerevan = await byName(handlers, 'Yerevan');
    const azerbaijan = await byName(handlers, 'Azerbaijan');
    const sourceToSource = link(db, `entity:${yerevan.id}`, `entity:${azerbaijan.id}`, 'negotiates with');
    const before = linksAndTags(db);
    await handlers['entities.merge']({ targetId: armenia.id, sourceIds: [yerevan.id, azerbaijan.id] });
    expect(getLink(db, sourceToSource)).toMatchObject({ from: `entity:${yerevan.id}`, to: `entity:${azerbaijan.id}` });
    await handlers['history.undo']({});
    expect(linksAndTags(db)).toEqual(before);
    engine.dispose();
  });

  it('deletes an entity tagged on the map, and undo puts the tag back while its links stay throughout', async () => {
    const { engine, handlers } = await seedFromData();
    const db = engine.currentCase()!.db;
    const russia = await byName(handlers, 'Russia');
    const armenia = await byName(handlers, 'Armenia');
    const mediates = link(db, `entity:${russia.id}`, `entity:${armenia.id}`, 'mediates for');
    const checkpoint = drawing(db, 'Peacekeepers checkpoint', [russia.id, armenia.id]);
    const before = linksAndTags(db);

    await handlers['entities.delete']({ ids: [russia.id] });
    expect(taggedIds(db, checkpoint)).toEqual([armenia.id]);
    expect(getLink(db, mediates)).toMatchObject({ from: `entity:${russia.id}`, fromLabel: '(removed)' });
    await handlers['history.undo']({});
    expect(linksAndTags(db)).toEqual(before);
    expect(taggedIds(db, checkpoint).sort()).toEqual([russia.id, armenia.id].sort());
    await handlers['history.redo']({});
    expect(taggedIds(db, checkpoint)).toEqual([armenia.id]);
    engine.dispose();
  });

  it('never gives a new entity the id of one merged away, so its hidden links and its undo stay its own', async () => {
    const { engine, handlers } = await seedFromData();
    const db = engine.currentCase()!.db;
    const highest = (await handlers['entities.list']({})).reduce((top, entity) => (entity.id > top.id ? entity : top));
    const russia = await byName(handlers, 'Russia');
    const selfLink = link(db, `entity:${russia.id}`, `entity:${highest.id}`, 'mediates for');
    await handlers['entities.merge']({ targetId: russia.id, sourceIds: [highest.id] });
    const document = await handlers['documents.get']({ id: 1 });
    const at = document.text.indexOf('tripartite border demarcation commission');
    const created = await handlers['mentions.create']({ documentId: 1, start: at, end: at + 'tripartite border demarcation commission'.length, type: 'organization' });
    expect(created.entityId).toBeGreaterThan(highest.id);
    // The link between the two stays on the merged-away id, unseen: nothing new took that id.
    expect(getLink(db, selfLink)).toMatchObject({ to: `entity:${highest.id}`, toLabel: '(removed)' });
    engine.dispose();
  });

  it('undoes and redoes a history entry written before snapshots held links and map tags, leaving those alone', async () => {
    const { engine, handlers } = await seedFromData();
    const db = engine.currentCase()!.db;
    const armenia = await byName(handlers, 'Armenia');
    const yerevan = await byName(handlers, 'Yerevan');
    const capital = drawing(db, 'Capital', [armenia.id]);
    await handlers['entities.merge']({ targetId: armenia.id, sourceIds: [yerevan.id] });
    // The entry as the previous version wrote it: entities and mentions only.
    db.prepare(
      `UPDATE history SET payload = json_remove(payload, '$.before.links', '$.before.mapTags', '$.after.links', '$.after.mapTags')
       WHERE id = (SELECT max(id) FROM history)`,
    ).run();
    expect(db.prepare("SELECT json_type(payload, '$.before.links') AS links FROM history ORDER BY id DESC LIMIT 1").get()).toEqual({ links: null });

    expect(await handlers['history.undo']({})).toMatchObject({ description: 'merge "Yerevan" into "Armenia"' });
    expect(await handlers['entities.get']({ id: yerevan.id })).toMatchObject({ name: 'Yerevan', mentions: yerevan.mentions });
    expect(await byName(handlers, 'Armenia')).toEqual(armenia);
    expect(taggedIds(db, capital)).toEqual([armenia.id]);
    await handlers['history.redo']({});
    expect((await byName(handlers, 'Armenia')).mentions).toBe(armenia.mentions + yerevan.mentions);
    expect(taggedIds(db, capital)).toEqual([armenia.id]);
    engine.dispose();
  });
});
