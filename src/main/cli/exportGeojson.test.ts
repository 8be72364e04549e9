import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../tests/support/built';
import { useTempDirs } from '../../../tests/support/tempDir';
import { createEngine } from '../engine/engine';
import { runCli } from './program';

const tempDir = useTempDirs();

interface Collection {
  features: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[];
}

describe('dossier export', () => {
  it('writes every located place as a Point (suggested ones marked) and the drawings as GeoJSON', async () => {
    const path = join(tempDir(), 'seed.dossier');
    const engine = createEngine();
    await engine.handlers['cases.create']({ path, title: 'Seed' });
    await engine.startImport([{ path: join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt') }]).finished;
    await engine.handlers['map.createDrawing']({
      geometry: { type: 'LineString', coordinates: [[45.5, 40.4], [46.0, 40.1]] },
      label: 'Incursion route',
      color: '#5f3dc4',
      note: '',
      entityIds: [],
      documentIds: [1],
    });
    engine.dispose();

    const out = join(tempDir(), 'export.geojson');
    const lines: string[] = [];
    const print = (text: string) => void lines.push(text);
    expect(await runCli(['export', path, '--format', 'geojson', '--out', out], { out: print, err: print })).toBe(0);
    expect(lines.join('')).toMatch(/Wrote .*export\.geojson: \d+ places and 1 drawings as GeoJSON/);
    const collection = JSON.parse(readFileSync(out, 'utf8')) as Collection;
    const yerevan = collection.features.find((feature) => feature.properties['name'] === 'Yerevan');
    expect(yerevan?.geometry.type).toBe('Point');
    expect(yerevan?.properties).toMatchObject({ dossier: 'place', type: 'location' });
    expect(yerevan?.properties['mentions']).toBeGreaterThan(0);
    expect(Array.isArray(yerevan?.properties['aliases'])).toBe(true);
    expect(collection.features.some((feature) => feature.properties['suggested'] === true)).toBe(true);
    expect(collection.features.find((feature) => feature.properties['dossier'] === 'drawing')?.properties).toMatchObject({
      label: 'Incursion route',
      documents: [expect.stringMatching(/Azerbaijan denounces/)],
    });

    const errors: string[] = [];
    expect(await runCli(['export', path, '--format', 'shapefile', '--out', out], { out: () => undefined, err: (text) => void errors.push(text) })).toBe(2);
    expect(errors.join('')).toMatch(/Allowed choices are graphml, gexf, csv, geojson, kml, stix, ftm/);
  });
});
