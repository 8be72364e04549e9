import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import { useTempDirs } from '../../../../tests/support/tempDir';
import { migrate } from '../case/migrations';
import { createEngine } from '../engine';
import { distanceKm } from '../geo/resolve';

const tempDir = useTempDirs();
const fixtures = join(projectRoot, 'tests', 'fixtures');
const seedPath = join(fixtures, 'border-incident-article.txt');
const extractPath = join(fixtures, 'geonames-AZ-sample.txt');

describe('GeoNames country extracts in a case', () => {
  it('migrates a v3 case to v4 with its entities kept', () => {
    const db = new Database(':memory:');
    migrate(db, 'memory', 3);
    db.prepare("INSERT INTO entities (kind, name, created_at, updated_at) VALUES ('location', 'Armudlu', 'now', 'now')").run();
    migrate(db, 'memory', 4);
    expect(db.prepare('SELECT name FROM entities').all()).toEqual([{ name: 'Armudlu' }]);
    expect(db.prepare('SELECT count(*) AS n FROM gazetteer_extracts').get()).toEqual({ n: 0 });
  });

  it('places the village the bundled gazetteer lacks, keeps the extract in the case, and refuses what is not one', async () => {
    const dir = tempDir();
    const path = join(dir, 'seed.dossier');
    let engine = createEngine();
    await engine.handlers['cases.create']({ path, title: 'Seed' });
    await engine.startImport([{ path: seedPath }]).finished;
    const armudlu = async () => (await engine.handlers['entities.list']({ search: 'Armudlu' }))[0]!;
    expect((await armudlu()).coordinates).toBeNull();

    const added = await engine.handlers['gazetteer.addExtract']({ path: extractPath });
    expect(added).toMatchObject({ fileName: 'geonames-AZ-sample.txt', places: 7, placed: 1 });
    const placed = (await armudlu()).coordinates!;
    expect(distanceKm(placed.lat, placed.lon, 40.17, 45.81)).toBeLessThan(1);
    const candidates = await engine.handlers['entities.placeCandidates']({ id: (await armudlu()).id });
    expect(candidates[0]?.id).toBe('geonames:9900001');

    await expect(async () => engine.handlers['gazetteer.addExtract']({ path: extractPath })).rejects.toThrow(/already in this case's gazetteer/);
    const notGeoNames = join(dir, 'places.csv');
    writeFileSync(notGeoNames, 'name,lat,lon\nArmudlu,40.1,45.8\n');
    await expect(async () => engine.handlers['gazetteer.addExtract']({ path: notGeoNames })).rejects.toThrow(/places\.csv is not a GeoNames extract: line 1/);
    const empty = join(dir, 'AZ.txt');
    writeFileSync(empty, '');
    await expect(async () => engine.handlers['gazetteer.addExtract']({ path: empty })).rejects.toThrow(/AZ\.txt is empty/);
    expect(await engine.handlers['gazetteer.extracts']({})).toHaveLength(1);
    engine.dispose();

    // Reopened elsewhere, the case still knows the village: a new document naming it resolves.
    engine = createEngine();
    await engine.handlers['cases.open']({ path });
    const note = join(dir, 'report.txt');
    writeFileSync(note, 'Shelling was reported near Zar, a village in the Kalbajar district of Azerbaijan, on Tuesday.');
    await engine.startImport([{ path: note }]).finished;
    const zar = (await engine.handlers['entities.list']({ search: 'Zar' })).find((entity) => entity.name === 'Zar');
    expect(zar?.coordinates && distanceKm(zar.coordinates.lat, zar.coordinates.lon, 40.22, 46.28)).toBeLessThan(1);

    const [extract] = await engine.handlers['gazetteer.extracts']({});
    expect(await engine.handlers['gazetteer.removeExtract']({ id: extract!.id })).toEqual([]);
    engine.dispose();
  });
});
