import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { MapBasemap } from '../../../../shared/map';
import type { BasemapData } from './basemapStyle';
import { basemapFiles } from './basemapStyle';
import { buildMapStyle, caseLayers, PMTILES_SOURCE } from './mapStyle';

const data = Object.fromEntries(Object.keys(basemapFiles).map((id) => [id, `http://127.0.0.1/${id}.geojson`])) as BasemapData;
const basemap = (tileType: MapBasemap['tileType']): MapBasemap => ({
  path: '/maps/caucasus.pmtiles',
  fileName: 'caucasus.pmtiles',
  bytes: 1,
  tileType,
  minZoom: 0,
  maxZoom: 14,
  bounds: [43, 38, 51, 43],
  center: [46, 40, 7],
  vectorLayers: tileType === 'mvt' ? [{ id: 'roads', geometry: 'LineString' }, { id: 'landuse', geometry: 'Polygon' }] : [],
  problem: null,
  needsConfirmation: false,
});

describe('buildMapStyle', () => {
  it.each([
    ['light', true, null],
    ['dark', false, null],
    ['light', true, 'png'],
    ['dark', true, 'mvt'],
  ] as const)('is a valid style (%s, clustered %s, pmtiles %s)', (theme, cluster, tileType) => {
    const style = buildMapStyle({
      data,
      theme,
      cluster,
      fontUrl: (file) => `http://127.0.0.1/${file}`,
      pmtiles: tileType ? { basemap: basemap(tileType), url: 'pmtiles://caucasus' } : null,
    });
    expect(validateStyleMin(style).map((error) => error.message)).toEqual([]);
    const ids = style.layers.map((layer) => layer.id);
    // The case draws over the basemap; an analyst's tiles sit under the borders.
    expect(ids.indexOf(caseLayers.pins)).toBeGreaterThan(ids.indexOf('country-labels'));
    // The selected drawing's vertex handles sit over everything, pins included, so they can be taken hold of.
    expect(ids.at(-1)).toBe(caseLayers.drawingHandles);
    if (tileType) expect(ids.findIndex((id) => id.startsWith(PMTILES_SOURCE))).toBeLessThan(ids.indexOf('admin1-lines'));
    expect(JSON.stringify(style)).not.toMatch(/https:\/\//);
  });

  it('sets a .pmtiles file name as text in the attribution, never as HTML', () => {
    const hostile = { ...basemap('png'), fileName: '<img src=x onerror=alert(1)>.pmtiles' };
    const style = buildMapStyle({ data, theme: 'light', cluster: true, fontUrl: (file) => `http://127.0.0.1/${file}`, pmtiles: { basemap: hostile, url: 'pmtiles://x' } });
    const attribution = (style.sources[PMTILES_SOURCE] as { attribution: string }).attribution;
    expect(attribution).not.toContain('<');
    expect(attribution).toBe('&#60;img src=x onerror=alert(1)&#62;.pmtiles');
  });
});
