// The offline basemap's maplibre style: Natural Earth land, borders and admin-1 regions, GeoNames places,
// labels drawn with the bundled Noto Sans files (no glyphs URL, no sprite, no network).
import type {
  ExpressionSpecification,
  FontFacesSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';

/** The GeoJSON files in resources/basemap/, by source id (built by scripts/build-basemap.mjs). */
export const basemapFiles = {
  land50m: 'land-50m.geojson',
  land10m: 'land-10m.geojson',
  borders50m: 'borders-50m.geojson',
  borders10m: 'borders-10m.geojson',
  admin1Lines: 'admin1-lines.geojson',
  disputedAreas: 'disputed-areas.geojson',
  countryLabels: 'country-labels.geojson',
  admin1Labels: 'admin1-labels.geojson',
  places: 'places.geojson',
} as const;

export type BasemapSourceId = keyof typeof basemapFiles;

/**
 * Each basemap source's data: a parsed GeoJSON object (say, read by the main process and sent over IPC) or a
 * URL the renderer may fetch (a file or app-protocol URL; never a remote one).
 */
export type BasemapData = Record<BasemapSourceId, GeoJSONSourceSpecification['data']>;

/** The two weights labels are drawn in; the names are what `text-font` and `font-faces` use. */
export const basemapFontNames = { regular: 'Noto Sans Regular', bold: 'Noto Sans Bold' } as const;

/**
 * The font files in resources/fonts/ (fontsource's Noto Sans, cut by Unicode subset) with the codepoints each
 * covers, as fontsource declares them. WOFF, which both maplibre-gl (through the browser) and
 * @react-pdf/renderer read.
 */
export const basemapFontFiles: readonly { file: string; weight: 400 | 700; unicodeRange: readonly string[] }[] = [400, 700].flatMap(
  (weight) =>
    (
      [
        ['latin', ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+0304', 'U+0308', 'U+0329', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD']],
        ['latin-ext', ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF']],
        ['cyrillic', ['U+0301', 'U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116']],
        ['cyrillic-ext', ['U+0460-052F', 'U+1C80-1C8A', 'U+20B4', 'U+2DE0-2DFF', 'U+A640-A69F', 'U+FE2E-FE2F']],
        ['armenian', ['U+0530-058F', 'U+FB13-FB17']],
      ] as const
    ).map(([subset, unicodeRange]) => ({ file: `noto-sans-${subset}-${weight}.woff`, weight: weight as 400 | 700, unicodeRange })),
);

/**
 * The style's `font-faces`: each label font name drawn from the bundled files. `fontUrl` turns a file name of
 * resources/fonts/ into a URL the renderer can load (a Vite asset URL, an app-protocol URL or a blob: URL).
 */
export function basemapFontFaces(fontUrl: (file: string) => string): FontFacesSpecification {
  const faces = (weight: 400 | 700) =>
    basemapFontFiles.filter((font) => font.weight === weight).map((font) => ({ url: fontUrl(font.file), 'unicode-range': [...font.unicodeRange] }));
  return { [basemapFontNames.regular]: faces(400), [basemapFontNames.bold]: faces(700) };
}

export type BasemapTheme = 'light' | 'dark';

interface Palette {
  water: string;
  land: string;
  disputedFill: string;
  border: string;
  disputedBorder: string;
  admin1: string;
  place: string;
  countryText: string;
  admin1Text: string;
  placeText: string;
  halo: string;
}

const palettes: Record<BasemapTheme, Palette> = {
  light: {
    water: '#c9dbe6',
    land: '#f3f0e8',
    disputedFill: '#e0d3c0',
    border: '#8b7d92',
    disputedBorder: '#8b5e4a',
    admin1: '#b7acb9',
    place: '#4a4a4a',
    countryText: '#3d3545',
    admin1Text: '#7a6f7e',
    placeText: '#262626',
    halo: 'rgba(255, 255, 255, 0.9)',
  },
  dark: {
    water: '#121b24',
    land: '#23272c',
    disputedFill: '#3a3128',
    border: '#8c8496',
    disputedBorder: '#c0896f',
    admin1: '#4f545c',
    place: '#c9ccd1',
    countryText: '#d9d4de',
    admin1Text: '#9a94a0',
    placeText: '#e6e8eb',
    halo: 'rgba(18, 22, 26, 0.9)',
  },
};

export interface BasemapStyleOptions {
  data: BasemapData;
  /** Turns a font file name (see `basemapFontFiles`) into a URL; see `basemapFontFaces`. */
  fontUrl: (file: string) => string;
  theme: BasemapTheme;
}

/** Where the 50m layers hand over to the 10m ones. */
const closeZoom = 4;

/** Shown once the map reaches the feature's own `minzoom` property (evaluated at whole zooms). */
const reachedMinZoom: ExpressionSpecification = ['>=', ['zoom'], ['get', 'minzoom']];

/** A name, with the local name (in its own script) under it in smaller type when there is one. */
function nameWithLocal(localScale: number): ExpressionSpecification {
  return [
    'case',
    ['has', 'local'],
    ['format', ['get', 'name'], {}, '\n', {}, ['get', 'local'], { 'font-scale': localScale }],
    ['format', ['get', 'name'], {}],
  ];
}

/** Builds the basemap style, complete and self-contained: no glyphs URL, no sprite, no remote source. */
export function buildBasemapStyle({ data, fontUrl, theme }: BasemapStyleOptions): StyleSpecification {
  const color = palettes[theme];
  const attribution = 'Natural Earth (public domain); GeoNames (CC BY 4.0)';
  const source = (id: BasemapSourceId, maxzoom: number): GeoJSONSourceSpecification => ({
    type: 'geojson',
    data: data[id],
    maxzoom,
    ...(id === 'land50m' ? { attribution } : {}),
  });
  const regular = [basemapFontNames.regular];
  const bold = [basemapFontNames.bold];
  const isDisputed: ExpressionSpecification = ['==', ['get', 'disputed'], true];
  const notDisputed: ExpressionSpecification = ['!=', ['get', 'disputed'], true];

  const borderLayers = (sourceId: 'borders50m' | 'borders10m', zoomRange: { minzoom?: number; maxzoom?: number }): LayerSpecification[] => [
    {
      id: `${sourceId}-disputed`,
      type: 'line',
      source: sourceId,
      ...zoomRange,
      filter: isDisputed,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': color.disputedBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.6, 6, 1.2, 10, 2],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: sourceId,
      type: 'line',
      source: sourceId,
      ...zoomRange,
      filter: notDisputed,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': color.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.6, 6, 1.2, 10, 2],
      },
    },
  ];

  const layers: LayerSpecification[] = [
    { id: 'water', type: 'background', paint: { 'background-color': color.water } },
    { id: 'land-50m', type: 'fill', source: 'land50m', maxzoom: closeZoom, paint: { 'fill-color': color.land, 'fill-antialias': false } },
    { id: 'land-10m', type: 'fill', source: 'land10m', minzoom: closeZoom, paint: { 'fill-color': color.land, 'fill-antialias': false } },
    {
      id: 'disputed-areas',
      type: 'fill',
      source: 'disputedAreas',
      minzoom: 2,
      paint: { 'fill-color': color.disputedFill, 'fill-opacity': 0.55, 'fill-antialias': false },
    },
    {
      id: 'admin1-lines',
      type: 'line',
      source: 'admin1Lines',
      minzoom: closeZoom,
      filter: notDisputed,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': color.admin1,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 8, 0.9, 12, 1.4],
        'line-dasharray': [4, 2],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 6, 1],
      },
    },
    {
      id: 'admin1-lines-disputed',
      type: 'line',
      source: 'admin1Lines',
      minzoom: 3,
      filter: isDisputed,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': color.disputedBorder,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 6, 1.2, 10, 2],
        'line-dasharray': [3, 2],
      },
    },
    ...borderLayers('borders50m', { maxzoom: closeZoom }),
    ...borderLayers('borders10m', { minzoom: closeZoom }),
    {
      id: 'place-dots',
      type: 'circle',
      source: 'places',
      minzoom: 2,
      filter: reachedMinZoom,
      paint: {
        'circle-color': color.place,
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          3,
          ['case', ['==', ['get', 'capital'], 'country'], 2.5, 1.5],
          10,
          ['case', ['==', ['get', 'capital'], 'country'], 4, 2.5],
        ],
        'circle-stroke-color': color.halo,
        'circle-stroke-width': 1,
      },
    },
    // Labels: maplibre places the topmost symbol layer first, so countries win over places, places over regions.
    {
      id: 'admin1-labels',
      type: 'symbol',
      source: 'admin1Labels',
      minzoom: closeZoom,
      filter: reachedMinZoom,
      layout: {
        'text-field': nameWithLocal(0.9),
        'text-font': regular,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 10, 13],
        'text-letter-spacing': 0.04,
        'text-max-width': 7,
        'text-padding': 4,
        'symbol-sort-key': ['get', 'minzoom'],
      },
      paint: { 'text-color': color.admin1Text, 'text-halo-color': color.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'place-labels',
      type: 'symbol',
      source: 'places',
      minzoom: 2,
      filter: reachedMinZoom,
      layout: {
        'text-field': nameWithLocal(0.85),
        'text-font': ['case', ['==', ['get', 'capital'], 'country'], ['literal', bold], ['literal', regular]],
        'text-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          3,
          ['interpolate', ['linear'], ['get', 'population'], 0, 10, 1_000_000, 11, 5_000_000, 12],
          10,
          ['interpolate', ['linear'], ['get', 'population'], 0, 12, 100_000, 14, 1_000_000, 16],
        ],
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.45,
        'text-justify': 'auto',
        'text-max-width': 8,
        'text-padding': 2,
        'symbol-sort-key': ['-', 0, ['get', 'population']],
      },
      paint: { 'text-color': color.placeText, 'text-halo-color': color.halo, 'text-halo-width': 1.4 },
    },
    {
      id: 'country-labels',
      type: 'symbol',
      source: 'countryLabels',
      filter: reachedMinZoom,
      layout: {
        'text-field': nameWithLocal(0.85),
        'text-font': bold,
        'text-size': ['interpolate', ['linear'], ['zoom'], 1, ['case', ['>', ['get', 'area'], 100], 11, 9], 6, 15],
        'text-letter-spacing': 0.06,
        'text-max-width': 7,
        'text-padding': 6,
        'symbol-sort-key': ['-', 0, ['get', 'area']],
      },
      paint: { 'text-color': color.countryText, 'text-halo-color': color.halo, 'text-halo-width': 1.6 },
    },
  ];

  return {
    version: 8,
    name: `Dossier basemap (${theme})`,
    'font-faces': basemapFontFaces(fontUrl),
    sources: {
      land50m: source('land50m', 5),
      land10m: source('land10m', 10),
      borders50m: source('borders50m', 5),
      borders10m: source('borders10m', 10),
      admin1Lines: source('admin1Lines', 10),
      disputedAreas: source('disputedAreas', 10),
      countryLabels: source('countryLabels', 8),
      admin1Labels: source('admin1Labels', 10),
      places: source('places', 10),
    },
    layers,
  };
}
