import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import { seedDataCase } from '../../../../tests/support/seedCase';
import { useTempDirs } from '../../../../tests/support/tempDir';
import type { DrawingFields, DrawingGeometry, Position } from '../../../shared/map';
import { migrate, SCHEMA_VERSION } from '../case/migrations';
import type { Engine } from '../engine';
import { createEngine } from '../engine';
import { distanceKm } from '../geo/resolve';
import { drawingsFromGeoJson, drawingsFromKml, loadXmlParser } from './exchange';

const tempDir = useTempDirs();

/** The seed case with its actors and places from data (tests/support/seedCase.ts), not the tagger. */
async function seedCase(path = join(tempDir(), 'seed.dossier')): Promise<{ engine: Engine; handlers: Engine['handlers']; path: string }> {
  return seedDataCase(path);
}

const sector: DrawingFields = {
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [45.9, 40.0],
        [46.3, 40.0],
        [46.3, 40.3],
        [45.9, 40.3],
        [45.9, 40.0],
      ],
    ],
  },
  label: 'Border sector 7',
  color: '#c92a2a',
  note: 'Where the monitors reported fire on 4 March.',
  entityIds: [],
  documentIds: [],
};

describe('the map', () => {
  it('puts the seed case\'s Kalbajar, Yerevan, Baku and Nagorno-Karabakh at the right places', async () => {
    const { engine, handlers } = await seedCase();
    const pins = await handlers['map.places']({});
    const where = (name: string) => {
      const pin = pins.find((candidate) => candidate.name === name);
      if (!pin) throw new Error(`${name} is not on the map (pins: ${pins.map((candidate) => candidate.name).join(', ')})`);
      return pin;
    };
    const expected: [string, number, number, number][] = [
      ['Kalbajar', 40.1, 46.04, 15],
      ['Yerevan', 40.18, 44.51, 10],
      ['Baku', 40.38, 49.89, 15],
      ['Nagorno-Karabakh', 39.85, 46.75, 60],
    ];
    for (const [name, lat, lon, withinKm] of expected) {
      const pin = where(name);
      expect(distanceKm(pin.lat, pin.lon, lat, lon), name).toBeLessThan(withinKm);
    }
    // The popup: counts, documents, and the actors named in the same documents.
    const kalbajar = await handlers['map.place']({ id: where('Kalbajar').id });
    expect(kalbajar.documents.map((document) => document.title)).toEqual([expect.stringMatching(/Azerbaijan denounces/)]);
    expect(kalbajar.actors.map((actor) => actor.name)).toEqual(expect.arrayContaining(['Nikol Pashinyan', 'Ilham Aliyev']));
    expect(kalbajar.actors.every((actor) => actor.type === 'person' || actor.type === 'organization')).toBe(true);

    // Filters: a tag no document has leaves no pin; a date range around the article keeps them.
    const tag = await handlers['tags.create']({ name: 'source/official' });
    expect(await handlers['map.places']({ tagIds: [tag.id] })).toEqual([]);
    expect((await handlers['map.places']({ subtypes: ['capital'] })).map((pin) => pin.name).sort()).toEqual(expect.arrayContaining(['Baku', 'Yerevan']));
    engine.dispose();
  });

  it('adds a place no gazetteer knows where the analyst clicked, and undoes it', async () => {
    const { engine, handlers } = await seedCase();
    const armudlu = await handlers['map.addPlace']({ name: 'Armudlu', lat: 40.052, lon: 45.95, subtype: 'village' });
    expect(armudlu).toMatchObject({ name: 'Armudlu', status: 'confirmed', precision: 'manual', lat: 40.052, lon: 45.95 });
    expect((await handlers['map.places']({})).some((pin) => pin.name === 'Armudlu')).toBe(true);
    // The article names Armudlu, which no gazetteer places: clicking the map places that entity.
    expect(await handlers['history.undo']({})).toMatchObject({ description: 'place "Armudlu" by hand' });
    expect((await handlers['map.places']({})).some((pin) => pin.name === 'Armudlu')).toBe(false);
    // A name the case does not know yet becomes a new place entity.
    const hill = await handlers['map.addPlace']({ name: 'Hill 2250', lat: 40.08, lon: 45.9, subtype: null });
    expect(hill).toMatchObject({ name: 'Hill 2250', status: 'confirmed', precision: 'manual' });
    expect(await handlers['history.undo']({})).toMatchObject({ description: 'add place "Hill 2250"' });
    expect((await handlers['entities.list']({ search: 'Hill 2250' })).length).toBe(0);
    // Dragging a pin is placing it by hand.
    const baku = (await handlers['map.places']({})).find((pin) => pin.name === 'Baku')!;
    await handlers['entities.setPlace']({ id: baku.id, lat: 40.4, lon: 49.9 });
    expect((await handlers['map.places']({})).find((pin) => pin.name === 'Baku')).toMatchObject({ precision: 'manual', lat: 40.4 });
    engine.dispose();
  });

  it('keeps a drawn polygon, linked to an entity and a document, across closing and reopening the case; edits undo', async () => {
    const { engine, handlers, path } = await seedCase();
    const kalbajar = (await handlers['map.places']({})).find((pin) => pin.name === 'Kalbajar')!;
    const drawn = await handlers['map.createDrawing']({ ...sector, entityIds: [kalbajar.id], documentIds: [1] });
    expect(drawn).toMatchObject({ kind: 'polygon', label: 'Border sector 7', entities: [{ id: kalbajar.id, name: 'Kalbajar' }], documents: [{ id: 1 }] });
    await handlers['map.updateDrawing']({ id: drawn.id, label: 'Sector 7 (north)', color: '#1971c2' });
    await handlers['cases.close']({});
    await handlers['cases.open']({ path });
    const [reopened] = await handlers['map.drawings']({});
    expect(reopened).toMatchObject({ id: drawn.id, label: 'Sector 7 (north)', color: '#1971c2', geometry: sector.geometry, note: sector.note });
    expect(await handlers['history.undo']({})).toMatchObject({ description: 'edit polygon "Border sector 7"' });
    expect((await handlers['map.drawings']({}))[0]).toMatchObject({ label: 'Border sector 7', color: '#c92a2a', entities: [{ id: kalbajar.id }] });
    await handlers['map.deleteDrawing']({ id: drawn.id });
    expect(await handlers['map.drawings']({})).toEqual([]);
    await handlers['history.undo']({});
    expect((await handlers['map.drawings']({}))[0]).toMatchObject({ id: drawn.id, documents: [{ id: 1 }] });
    await handlers['history.undo']({});
    await handlers['history.undo']({});
    expect(await handlers['map.drawings']({})).toEqual([]);
    await handlers['history.redo']({});
    expect((await handlers['map.drawings']({}))[0]).toMatchObject({ label: 'Border sector 7' });
    engine.dispose();
  });

  it('moves a drawing by a new geometry, and undo and redo put back each geometry exactly', async () => {
    const { engine, handlers } = await seedCase();
    const drawn = await handlers['map.createDrawing'](sector);
    const kept = await handlers['map.createDrawing']({ ...sector, geometry: { type: 'Point', coordinates: [45.95, 40.052] }, label: 'Observation post' });
    // Dragged as a whole (by an amount that does not add up exactly in binary), then one corner, as the map saves them.
    const outer = sector.geometry.type === 'Polygon' ? sector.geometry.coordinates[0]! : [];
    const shiftedRing = outer.map(([lon, lat]): Position => [lon + 0.1234567, lat - 0.0713]);
    const shifted: DrawingGeometry = { type: 'Polygon', coordinates: [shiftedRing] };
    await handlers['map.updateDrawing']({ id: drawn.id, geometry: shifted });
    expect((await handlers['map.drawings']({}))[0]).toMatchObject({ geometry: shifted, label: 'Border sector 7', note: sector.note });
    const cornered: DrawingGeometry = { type: 'Polygon', coordinates: [shiftedRing.map((position, index): Position => (index === 2 ? [46.5, 40.45] : position))] };
    await handlers['map.updateDrawing']({ id: drawn.id, geometry: cornered });

    const geometryOf = async (id: number) => (await handlers['map.drawings']({})).find((drawing) => drawing.id === id)?.geometry;
    expect(await geometryOf(drawn.id)).toEqual(cornered);
    expect(await handlers['history.undo']({})).toMatchObject({ description: 'move polygon "Border sector 7"' });
    expect(await geometryOf(drawn.id)).toEqual(shifted);
    expect(await handlers['history.undo']({})).toMatchObject({ description: 'move polygon "Border sector 7"' });
    expect(await geometryOf(drawn.id)).toEqual(sector.geometry);
    expect(await handlers['history.redo']({})).toMatchObject({ description: 'move polygon "Border sector 7"' });
    expect(await geometryOf(drawn.id)).toEqual(shifted);
    expect(await handlers['history.redo']({})).toMatchObject({ description: 'move polygon "Border sector 7"' });
    expect(await geometryOf(drawn.id)).toEqual(cornered);
    // Moving one drawing leaves the others, and everything else about it, as they were.
    expect(await geometryOf(kept.id)).toEqual({ type: 'Point', coordinates: [45.95, 40.052] });
    expect((await handlers['map.drawings']({})).find((drawing) => drawing.id === drawn.id)).toMatchObject({ label: 'Border sector 7', color: '#c92a2a', note: sector.note });
    engine.dispose();
  });

  it('round-trips drawings through GeoJSON and KML', async () => {
    const { engine, handlers } = await seedCase();
    const route: DrawingFields = {
      ...sector,
      geometry: { type: 'LineString', coordinates: [[45.5, 40.4], [45.8, 40.2], [46.0, 40.1]] },
      label: 'Incursion route',
      color: '#5f3dc4',
      note: 'Ü ə Кельбаджар Քարվաճառ',
    };
    const point: DrawingFields = { ...sector, geometry: { type: 'Point', coordinates: [45.95, 40.052] }, label: 'Observation post', note: '' };
    for (const fields of [sector, route, point]) await handlers['map.createDrawing'](fields);
    const drawings = (await handlers['map.drawings']({})).map(({ geometry, label, color, note }) => ({ geometry, label, color, note }));

    for (const format of ['geojson', 'kml'] as const) {
      const file = join(tempDir(), `map.${format}`);
      expect(await handlers['map.export']({ path: file, format })).toMatchObject({ drawings: 3 });
      const other = createEngine();
      await other.handlers['cases.create']({ path: join(tempDir(), `${format}.dossier`), title: format });
      const report = await other.handlers['map.import']({ path: file });
      expect(report).toMatchObject({ format, imported: 3 });
      expect(report.skipped.length).toBeGreaterThan(3); // the exported places: they come from documents
      expect((await other.handlers['map.drawings']({})).map(({ geometry, label, color, note }) => ({ geometry, label, color, note }))).toEqual(drawings);
      // One import is one undoable change.
      await other.handlers['history.undo']({});
      expect(await other.handlers['map.drawings']({})).toEqual([]);
      other.dispose();
    }
    engine.dispose();
  });

  it('refuses bad GeoJSON and KML naming the file, the feature and the fix', async () => {
    const parseXml = await loadXmlParser();
    expect(() => drawingsFromGeoJson('{"type": "FeatureCollection", "features": [', 'border.geojson')).toThrow(/border\.geojson is not valid JSON/);
    expect(() => drawingsFromGeoJson('{"hello": 1}', 'notes.json')).toThrow(/notes\.json is JSON but not GeoJSON/);
    expect(() =>
      drawingsFromGeoJson(JSON.stringify({ type: 'Feature', properties: { name: 'Sector' }, geometry: { type: 'Point', coordinates: [200, 40] } }), 'bad.geojson'),
    ).toThrow(/bad\.geojson, feature 1 \("Sector"\): a longitude is between -180 and 180/);
    expect(() => drawingsFromKml('<kml><Placemark>', 'route.kml', parseXml)).toThrow(/route\.kml is not well-formed XML/);
    expect(() => drawingsFromKml('<gpx></gpx>', 'track.kml', parseXml)).toThrow(/track\.kml is XML but not KML/);
    expect(() =>
      drawingsFromKml('<kml><Placemark><name>Post</name><Point><coordinates>x,y</coordinates></Point></Placemark></kml>', 'post.kml', parseXml),
    ).toThrow(/post\.kml, placemark 1 \("Post"\): "x,y" is not a coordinate/);
    // Google Earth's styles and multi-geometries read as they should.
    const parsed = drawingsFromKml(
      `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Two posts</name><Style><IconStyle><color>ff0000ff</color></IconStyle></Style>
       <MultiGeometry><Point><coordinates>45.9,40.1,0</coordinates></Point><Point><coordinates>46.0,40.2</coordinates></Point></MultiGeometry></Placemark></Document></kml>`,
      'posts.kml',
      parseXml,
    );
    expect(parsed.drawings.map((drawing) => [drawing.geometry, drawing.color])).toEqual([
      [{ type: 'Point', coordinates: [45.9, 40.1] }, '#ff0000'],
      [{ type: 'Point', coordinates: [46.0, 40.2] }, '#ff0000'],
    ]);
  });

  it('checks a .pmtiles basemap, saves its path in the case and reads it by range', async () => {
    const { engine, handlers, path } = await seedCase();
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.pmtiles'), 'not a tile archive');
    await expect(handlers['map.setBasemap']({ path: join(dir, 'notes.pmtiles') })).rejects.toThrow(/notes\.pmtiles is not a PMTiles file/);
    writeFileSync(join(dir, 'old.pmtiles'), Buffer.concat([Buffer.from('PMTiles'), Buffer.from([2]), Buffer.alloc(120)]));
    await expect(handlers['map.setBasemap']({ path: join(dir, 'old.pmtiles') })).rejects.toThrow(/old\.pmtiles is PMTiles version 2; .*pmtiles convert/);
    await expect(handlers['map.setBasemap']({ path: join(dir, 'missing.pmtiles') })).rejects.toThrow(/missing\.pmtiles cannot be read/);
    const fixture = join(projectRoot, 'tests', 'fixtures', 'caucasus-raster.pmtiles');
    const basemap = await handlers['map.setBasemap']({ path: fixture });
    expect(basemap).toMatchObject({ fileName: 'caucasus-raster.pmtiles', tileType: 'png', problem: null });
    await handlers['cases.close']({});
    await handlers['cases.open']({ path });
    expect(await handlers['map.basemap']({})).toMatchObject({ path: fixture, tileType: 'png' });
    const { base64 } = await handlers['map.readBasemap']({ offset: 0, length: 7 });
    expect(Buffer.from(base64, 'base64').toString('latin1')).toBe('PMTiles');
    await handlers['map.setBasemap']({ path: null });
    expect(await handlers['map.basemap']({})).toBeNull();
    engine.dispose();
  });

  it('opens a basemap path saved elsewhere only after the analyst confirms it on this machine', async () => {
    const { engine, handlers, path } = await seedCase();
    const fixture = join(projectRoot, 'tests', 'fixtures', 'caucasus-raster.pmtiles');
    await handlers['map.setBasemap']({ path: fixture });
    engine.dispose();

    // Another machine: its own state folder, where this case's path was never confirmed.
    const elsewhere = createEngine({ stateDir: tempDir() });
    await elsewhere.handlers['cases.open']({ path });
    expect(await elsewhere.handlers['map.basemap']({})).toMatchObject({ path: fixture, needsConfirmation: true, bytes: 0, problem: null });
    await expect((async () => elsewhere.handlers['map.readBasemap']({ offset: 0, length: 7 }))()).rejects.toThrow(/has not been confirmed on this machine/);
    expect(await elsewhere.handlers['map.confirmBasemap']({})).toMatchObject({ tileType: 'png', needsConfirmation: false });
    expect(Buffer.from((await elsewhere.handlers['map.readBasemap']({ offset: 0, length: 7 })).base64, 'base64').toString('latin1')).toBe('PMTiles');
    elsewhere.dispose();
  });

  it('migration 6 (map-features) keeps a v5 case\'s data and adds drawings', () => {
    const db = new Database(':memory:');
    migrate(db, 'memory', 5);
    db.prepare("INSERT INTO case_meta (id, title, created_at, updated_at) VALUES (1, 'Border', 'now', 'now')").run();
    migrate(db, 'memory');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT title FROM case_meta').get()).toEqual({ title: 'Border' });
    db.prepare("INSERT INTO map_features (kind, geometry, color, created_at, updated_at) VALUES ('point', '{\"type\":\"Point\",\"coordinates\":[1,2]}', '#000000', 'n', 'n')").run();
    expect(() => db.prepare("INSERT INTO map_features (kind, geometry, color, created_at, updated_at) VALUES ('circle', '{}', '#000000', 'n', 'n')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO map_settings (id, basemap_path) VALUES (2, 'x')").run()).toThrow(/CHECK/);
  });
});
