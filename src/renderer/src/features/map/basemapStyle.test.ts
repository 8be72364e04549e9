import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, GeoJSON, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { BasemapData, BasemapSourceId } from './basemapStyle';
import { basemapFiles, basemapFontFiles, buildBasemapStyle } from './basemapStyle';

// Through Vite rather than node:fs, which the renderer's lint rules keep out of this folder.
const basemapText = import.meta.glob<string>('../../../../../resources/basemap/*.geojson', { query: '?raw', import: 'default', eager: true });
const shippedFonts = Object.keys(import.meta.glob('../../../../../resources/fonts/*.woff')).map((path) => path.split('/').pop());

function loadData(): BasemapData {
  const entries = Object.entries(basemapFiles).map(([id, file]) => {
    const text = basemapText[`../../../../../resources/basemap/${file}`];
    if (text === undefined) throw new Error(`resources/basemap/${file} is missing; run "node scripts/build-basemap.mjs".`);
    return [id, JSON.parse(text) as GeoJSON];
  });
  return Object.fromEntries(entries) as Record<BasemapSourceId, GeoJSON>;
}

describe('buildBasemapStyle', () => {
  const data = loadData();

  it.each(['light', 'dark'] as const)('builds a valid %s style from the shipped data', (theme) => {
    const style = buildBasemapStyle({ data, theme, fontUrl: (file) => `file:///fonts/${file}` });
    expect(validateStyleMin(style).map((error) => error.message)).toEqual([]);
  });

  it('needs nothing from the network: no glyphs, no sprite, no remote URL', () => {
    const style = buildBasemapStyle({ data, theme: 'light', fontUrl: (file) => `app://fonts/${file}` });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('draws every label with fonts that ship in resources/fonts', () => {
    const style = buildBasemapStyle({ data, theme: 'dark', fontUrl: (file) => file });
    const faces = style['font-faces'] ?? {};
    for (const font of Object.values(faces)) {
      for (const face of typeof font === 'string' ? [{ url: font }] : font) {
        expect(shippedFonts).toContain(face.url);
      }
    }
    const fontsUsed = new Set(JSON.stringify(style.layers).match(/Noto Sans \w+/g));
    expect([...fontsUsed].sort()).toEqual(Object.keys(faces).sort());
  });

  it('covers the letters the analysts need: Azerbaijani Latin, Cyrillic and Armenian', () => {
    const covers = (codePoint: number) =>
      basemapFontFiles.some((font) =>
        font.unicodeRange.some((range) => {
          const [start = NaN, end = start] = range.slice(2).split('-').map((hex) => parseInt(hex, 16));
          return codePoint >= start && codePoint <= end;
        }),
      );
    for (const letter of 'Əəıİğşçöü' + 'ЖжЯяЁё' + 'ԱաՀհևՎվ') expect(covers(letter.codePointAt(0) ?? 0), letter).toBe(true);
  });

  it('labels places by rank, so that the world zoom shows only the big ones', () => {
    const places = data.places as FeatureCollection<Point, { minzoom: number; population: number }>;
    const atWorldZoom = places.features.filter((place) => place.properties.minzoom <= 3);
    expect(atWorldZoom.length).toBeGreaterThan(20);
    expect(atWorldZoom.length).toBeLessThan(places.features.length / 50);
  });
});
