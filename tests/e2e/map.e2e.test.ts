import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/built';
import type { DossierSession } from './harness';
import { createCase, useDossier } from './harness';

const fixtures = join(projectRoot, 'tests', 'fixtures');

let session: DossierSession;

// Each test imports the seed article (the entity model loads) and renders with software WebGL: slow on a shared machine.

useDossier('map-', (launched) => {
  session = launched;
});

/** Resolves once the map has drawn everything it has to (tiles, labels, pins) after the last change. */
async function settled(): Promise<void> {
  await session.page.waitForFunction(() => window.__dossierMap?.loaded() === true, undefined, { timeout: 30_000 });
  await session.page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__dossierMap!;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

async function jumpTo(center: [number, number], zoom: number): Promise<void> {
  await session.page.evaluate(([lon, lat, level]) => window.__dossierMap!.jumpTo({ center: [lon, lat], zoom: level }), [...center, zoom] as const);
  await settled();
}

/** Where a longitude, latitude is on the page, in pixels. */
async function pixelOf(lon: number, lat: number): Promise<{ x: number; y: number }> {
  const box = (await session.page.getByTestId('map').boundingBox())!;
  const point = await session.page.evaluate(([x, y]) => window.__dossierMap!.project([x, y]), [lon, lat] as const);
  return { x: box.x + point.x, y: box.y + point.y };
}

/** The pins drawn now: name and where on the map. */
async function drawnPins(): Promise<{ name: string; lon: number; lat: number }[]> {
  return session.page.evaluate(() =>
    window.__dossierMap!.queryRenderedFeatures({ layers: ['case-pins'] }).map((feature) => {
      const [lon, lat] = (feature.geometry as unknown as { coordinates: [number, number] }).coordinates;
      return { name: String(feature.properties['name']), lon, lat };
    }),
  );
}

async function openSeedOnMap(): Promise<void> {
  const { page } = session;
  await createCase(session, 'Border map');
  session.nextImportPaths = [join(fixtures, 'border-incident-article.txt')];
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await page.getByRole('grid', { name: 'Documents' }).getByRole('row', { name: /Azerbaijan denounces/ }).waitFor();
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await page.getByTestId('map-counts').getByText(/[1-9]\d* places? on the map/).waitFor();
  // The view fits the case's places once they are in.
  await page.locator('[data-testid="map"][data-fitted]').waitFor();
  await settled();
}

describe('the map, end to end', () => {
  it('shows the seed case\'s places over the offline basemap, in light and dark, with no request off the machine', async () => {
    const { page } = session;
    await openSeedOnMap();

    // The South Caucasus from Yerevan to Baku (maplibre's zoom 6.6 is 512 px tiles): the case's places where they are.
    await jumpTo([47.2, 40.1], 6.6);
    const pins = await drawnPins();
    const expected: [string, number, number, number][] = [
      ['Kalbajar', 46.04, 40.1, 0.15],
      ['Yerevan', 44.51, 40.18, 0.1],
      ['Baku', 49.89, 40.38, 0.15],
      ['Nagorno-Karabakh', 46.75, 39.85, 0.6],
    ];
    for (const [name, lon, lat, within] of expected) {
      const pin = pins.find((candidate) => candidate.name === name);
      expect(pin, `${name} is drawn`).toBeDefined();
      expect(Math.abs(pin!.lon - lon), `${name} longitude`).toBeLessThan(within);
      expect(Math.abs(pin!.lat - lat), `${name} latitude`).toBeLessThan(within);
    }
    await session.screenshot('map-01-caucasus-light');

    // A pin's popup: name, counts, the document, the actors named with it.
    const kalbajar = await pixelOf(46.04, 40.1);
    const kalbajarPin = pins.find((pin) => pin.name === 'Kalbajar')!;
    const at = await pixelOf(kalbajarPin.lon, kalbajarPin.lat);
    expect(Math.hypot(at.x - kalbajar.x, at.y - kalbajar.y)).toBeLessThan(40);
    await page.mouse.click(at.x, at.y);
    const popup = page.getByTestId('place-popup');
    await popup.getByText('Kalbajar', { exact: true }).waitFor();
    await popup.getByText(/mentions? in 1 document/).waitFor();
    await popup.getByRole('button', { name: /Azerbaijan denounces/ }).waitFor();
    await popup.getByRole('button', { name: 'Nikol Pashinyan' }).waitFor();
    await page.getByTestId('map-place-inspector').waitFor();
    await settled();
    await session.screenshot('map-02-popup');

    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /Switch to dark/i }).click();
    await settled();
    await session.screenshot('map-03-caucasus-dark');
    await jumpTo([30, 30], 1.6);
    await session.screenshot('map-04-world-dark');
    await page.getByRole('button', { name: /Switch to light/i }).click();
    await settled();
    await session.screenshot('map-05-world-light');
    expect(session.remoteRequests).toEqual([]);
  }, 240_000);

  it('draws a polygon that survives reopening the case, adds a place by clicking, and undoes', async () => {
    const { page } = session;
    await openSeedOnMap();
    await jumpTo([46.0, 40.1], 9);

    // A border sector: four corners, Enter closes it.
    await page.keyboard.press('g');
    await page.getByTestId('map-hint').getByText(/Click to add corners/).waitFor();
    for (const [lon, lat] of [[45.85, 40.02], [46.15, 40.02], [46.15, 40.2], [45.85, 40.2]] as const) {
      const { x, y } = await pixelOf(lon, lat);
      await page.mouse.click(x, y);
    }
    await page.keyboard.press('Enter');
    const inspector = page.getByTestId('drawing-inspector');
    await inspector.waitFor();
    await inspector.getByLabel('Label').fill('Border sector 7');
    await inspector.getByLabel('Note').click();
    await inspector.getByLabel('Note').fill('Fire reported on 4 March.');
    await inspector.getByLabel('Label').click();
    await expect.poll(async () => (await session.engine.handlers['map.drawings']({}))[0]?.note).toBe('Fire reported on 4 March.');
    const [drawn] = await session.engine.handlers['map.drawings']({});
    expect(drawn).toMatchObject({ kind: 'polygon', label: 'Border sector 7' });
    expect(drawn!.geometry.type === 'Polygon' && drawn!.geometry.coordinates[0]!.length).toBe(5);

    // Armudlu, which no gazetteer knows: click where it is and name it.
    await page.getByRole('button', { name: 'Add a place by clicking' }).click();
    const armudlu = await pixelOf(45.95, 40.06);
    await page.mouse.click(armudlu.x, armudlu.y);
    await page.getByRole('dialog', { name: 'Add a place here' }).getByLabel('Name').fill('Armudlu');
    await page.getByRole('button', { name: 'Add place' }).click();
    await page.getByTestId('place-popup').getByText('Armudlu', { exact: true }).waitFor();
    await settled();
    await session.screenshot('map-06-drawn-sector-and-armudlu');
    const placed = (await session.engine.handlers['map.places']({})).find((pin) => pin.name === 'Armudlu');
    expect(placed).toMatchObject({ precision: 'manual', status: 'confirmed' });
    expect(Math.abs(placed!.lat - 40.06)).toBeLessThan(0.01);

    // Undo takes Armudlu's placing back; the polygon stays.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await page.getByText(/Undone: place "Armudlu" by hand/).waitFor();
    expect((await session.engine.handlers['map.places']({})).some((pin) => pin.name === 'Armudlu')).toBe(false);

    // Close and reopen the case: the sector is still there.
    const path = (await session.engine.handlers['cases.current']({}))!.path;
    await page.getByRole('button', { name: 'Close case' }).click();
    session.nextOpenPath = path;
    await page.getByRole('button', { name: /Open case/ }).first().click();
    await page.getByTestId('case-title').getByText('Border map').waitFor();
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.getByRole('button', { name: 'Drawing Border sector 7' }).click();
    await page.getByTestId('drawing-inspector').getByLabel('Label').waitFor();
    expect(await page.getByTestId('drawing-inspector').getByLabel('Label').inputValue()).toBe('Border sector 7');
    expect(await page.getByTestId('drawing-inspector').getByLabel('Note').inputValue()).toBe('Fire reported on 4 March.');
  }, 240_000);

  it('imports GeoJSON, refuses a bad file with its name, and draws a .pmtiles basemap from disk', async () => {
    const { page } = session;
    await openSeedOnMap();
    session.nextOpenPath = join(fixtures, 'border-incident-article.txt');
    await page.getByRole('button', { name: 'GeoJSON / KML' }).click();
    await page.getByRole('menuitem', { name: 'Import drawings…' }).click();
    await page.getByText(/border-incident-article\.txt is neither GeoJSON/).waitFor();

    session.nextOpenPath = join(fixtures, 'caucasus-raster.pmtiles');
    await page.getByRole('button', { name: 'Basemap' }).click();
    await page.getByRole('menuitem', { name: 'Open a .pmtiles file…' }).click();
    await page.waitForFunction(() => window.__dossierMap?.getSource('analyst-basemap') !== undefined);
    await settled();
    const tiles = await page.evaluate(() => window.__dossierMap!.getLayer('analyst-basemap-raster') !== undefined);
    expect(tiles).toBe(true);
    expect(await session.engine.handlers['map.basemap']({})).toMatchObject({ fileName: 'caucasus-raster.pmtiles' });
    await session.screenshot('map-07-pmtiles-basemap');
  }, 240_000);
});
