/**
 * The Map view's whole style: the offline basemap, an analyst's .pmtiles detail over its land, and the
 * case on top — pins by place type (full colour when confirmed, pale with a dashed-looking ring when
 * suggested), clusters, drawings (with handles on the selected one's vertices) and the sketch being drawn.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { PlaceSubtype } from '../../../../shared/entities';
import type { MapBasemap } from '../../../../shared/map';
import type { BasemapData, BasemapTheme } from './basemapStyle';
import { basemapFontNames, buildBasemapStyle } from './basemapStyle';

/** Pin colours by place type (the entity's subtype), with the legend's words. */
export const placeKinds = [
  { subtype: 'country', label: 'Country', color: '#4263eb' },
  { subtype: 'region', label: 'Region', color: '#7048e8' },
  { subtype: 'capital', label: 'Capital', color: '#e03131' },
  { subtype: 'populated place', label: 'Town or village', color: '#0c8599' },
  { subtype: 'place', label: 'Other place', color: '#e8590c' },
] as const satisfies readonly { subtype: PlaceSubtype; label: string; color: string }[];
const otherPlaceColor = '#e8590c';

/** Ids of the sources and layers the view updates. */
export const caseSources = { places: 'case-places', drawings: 'case-drawings', handles: 'case-handles', sketch: 'case-sketch', selection: 'case-selection' } as const;
export const caseLayers = {
  clusters: 'case-clusters',
  clusterCounts: 'case-cluster-counts',
  pins: 'case-pins',
  pinLabels: 'case-pin-labels',
  drawingFills: 'case-drawing-fills',
  drawingLines: 'case-drawing-lines',
  drawingPoints: 'case-drawing-points',
  drawingLabels: 'case-drawing-labels',
  drawingHandles: 'case-drawing-handles',
} as const;

/** The id the style uses for the analyst's .pmtiles source (its URL goes through the pmtiles protocol). */
export const PMTILES_SOURCE = 'analyst-basemap';

export interface MapStyleOptions {
  data: BasemapData;
  fontUrl: (file: string) => string;
  theme: BasemapTheme;
  /** Group nearby pins into clusters (the default); off, every pin draws. */
  cluster: boolean;
  /** The analyst's .pmtiles file and the URL its tiles load from (pmtiles://…), when the case has one. */
  pmtiles?: { basemap: MapBasemap; url: string } | null;
}

const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

function pinColor(): ExpressionSpecification {
  return ['match', ['coalesce', ['get', 'subtype'], 'place'], ...placeKinds.flatMap((kind) => [kind.subtype, kind.color]), otherPlaceColor] as unknown as ExpressionSpecification;
}

/** Layers that draw an analyst's .pmtiles file: raster tiles as they are, vector layers in a neutral style. */
function pmtilesLayers(basemap: MapBasemap, theme: BasemapTheme): LayerSpecification[] {
  if (basemap.tileType !== 'mvt') {
    return [{ id: `${PMTILES_SOURCE}-raster`, type: 'raster', source: PMTILES_SOURCE, paint: { 'raster-opacity': 0.9 } }];
  }
  const line = theme === 'dark' ? '#6b7280' : '#a8a29e';
  const fill = theme === 'dark' ? '#2c3036' : '#e9e4d8';
  return basemap.vectorLayers.flatMap((layer): LayerSpecification[] => {
    const id = `${PMTILES_SOURCE}-${layer.id}`;
    const base = { source: PMTILES_SOURCE, 'source-layer': layer.id };
    return [
      { id: `${id}-fill`, type: 'fill', ...base, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': fill, 'fill-opacity': 0.5, 'fill-outline-color': line } },
      { id: `${id}-line`, type: 'line', ...base, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': line, 'line-width': 0.8 } },
      {
        id: `${id}-label`,
        type: 'symbol',
        ...base,
        minzoom: 10,
        filter: ['all', ['==', ['geometry-type'], 'Point'], ['has', 'name']],
        layout: { 'text-field': ['get', 'name'], 'text-font': [basemapFontNames.regular], 'text-size': 11 },
        paint: { 'text-color': theme === 'dark' ? '#d1d5db' : '#44403c', 'text-halo-color': theme === 'dark' ? '#111' : '#fff', 'text-halo-width': 1 },
      },
    ];
  });
}

function caseLayerList(theme: BasemapTheme): LayerSpecification[] {
  const halo = theme === 'dark' ? '#15181c' : '#ffffff';
  const text = theme === 'dark' ? '#f1f3f5' : '#1a1b1e';
  const confirmed: ExpressionSpecification = ['==', ['get', 'status'], 'confirmed'];
  const isKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
  return [
    { id: caseLayers.drawingFills, type: 'fill', source: caseSources.drawings, filter: isKind('polygon'), paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.18 } },
    {
      id: caseLayers.drawingLines,
      type: 'line',
      source: caseSources.drawings,
      filter: ['any', isKind('line'), isKind('polygon')],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': ['get', 'color'], 'line-width': ['case', ['boolean', ['get', 'selected'], false], 4.5, 2.5] },
    },
    {
      id: caseLayers.drawingPoints,
      type: 'circle',
      source: caseSources.drawings,
      filter: isKind('point'),
      paint: {
        'circle-color': ['get', 'color'],
        'circle-radius': ['case', ['boolean', ['get', 'selected'], false], 8, 6],
        'circle-stroke-color': halo,
        'circle-stroke-width': 2,
        'circle-pitch-alignment': 'map',
      },
    },
    {
      id: caseLayers.drawingLabels,
      type: 'symbol',
      source: caseSources.drawings,
      filter: ['all', ['!=', ['get', 'label'], ''], ['!', isKind('line')]],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [basemapFontNames.bold],
        'text-size': 12,
        'text-offset': ['case', isKind('point'), ['literal', [0, 1.2]], ['literal', [0, 0]]],
        'text-max-width': 10,
      },
      paint: { 'text-color': ['get', 'color'], 'text-halo-color': halo, 'text-halo-width': 1.6 },
    },
    {
      id: `${caseLayers.drawingLabels}-along`,
      type: 'symbol',
      source: caseSources.drawings,
      filter: ['all', ['!=', ['get', 'label'], ''], isKind('line')],
      layout: { 'text-field': ['get', 'label'], 'text-font': [basemapFontNames.bold], 'text-size': 12, 'symbol-placement': 'line', 'text-offset': [0, -0.8] },
      paint: { 'text-color': ['get', 'color'], 'text-halo-color': halo, 'text-halo-width': 1.6 },
    },
    // The sketch: vertices placed so far, and the shape they make.
    { id: 'case-sketch-fill', type: 'fill', source: caseSources.sketch, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#f76707', 'fill-opacity': 0.12 } },
    {
      id: 'case-sketch-line',
      type: 'line',
      source: caseSources.sketch,
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': '#f76707', 'line-width': 2, 'line-dasharray': [2, 1.5] },
    },
    { id: 'case-sketch-points', type: 'circle', source: caseSources.sketch, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': '#fff', 'circle-radius': 4, 'circle-stroke-color': '#f76707', 'circle-stroke-width': 2 } },
    {
      id: caseLayers.clusters,
      type: 'circle',
      source: caseSources.places,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': theme === 'dark' ? '#1c7ed6' : '#228be6',
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 12, 10, 15, 100, 19, 1000, 24],
        'circle-stroke-color': halo,
        'circle-stroke-width': 2,
      },
    },
    {
      id: caseLayers.clusterCounts,
      type: 'symbol',
      source: caseSources.places,
      filter: ['has', 'point_count'],
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': [basemapFontNames.bold], 'text-size': 11, 'text-allow-overlap': true },
      paint: { 'text-color': '#ffffff' },
    },
    // The selected pin's ring, under the pins.
    {
      id: 'case-selection-ring',
      type: 'circle',
      source: caseSources.selection,
      paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 13, 'circle-stroke-color': '#fab005', 'circle-stroke-width': 3 },
    },
    {
      id: caseLayers.pins,
      type: 'circle',
      source: caseSources.places,
      filter: ['!', ['has', 'point_count']],
      paint: {
        // Machine suggestions look different from the analyst's: pale and thin-ringed until confirmed.
        'circle-color': pinColor(),
        'circle-opacity': ['case', confirmed, 1, 0.45],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 2, ['case', confirmed, 5, 4], 10, ['case', confirmed, 8, 6.5]],
        'circle-stroke-color': ['case', confirmed, halo, pinColor()],
        'circle-stroke-width': ['case', confirmed, 2, 1.5],
      },
    },
    {
      id: caseLayers.pinLabels,
      type: 'symbol',
      source: caseSources.places,
      filter: ['!', ['has', 'point_count']],
      minzoom: 5,
      // One anchor, not a variable one: with thousands of pins, trying four placements each costs frames.
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [basemapFontNames.bold],
        'text-size': 12,
        'text-anchor': 'left',
        'text-offset': [0.9, 0],
        'text-max-width': 9,
      },
      paint: { 'text-color': text, 'text-halo-color': halo, 'text-halo-width': 1.8 },
    },
    // The selected line's or polygon's vertex handles, over everything: they are what the pointer takes hold of.
    {
      id: caseLayers.drawingHandles,
      type: 'circle',
      source: caseSources.handles,
      paint: {
        'circle-color': '#ffffff',
        'circle-radius': 4.5,
        'circle-stroke-color': ['get', 'color'],
        'circle-stroke-width': 2,
        'circle-pitch-alignment': 'map',
      },
    },
  ];
}

/** The basemap with the case's sources and layers added (their data arrives through setData). */
export function buildMapStyle({ data, fontUrl, theme, cluster, pmtiles }: MapStyleOptions): StyleSpecification {
  const basemap = buildBasemapStyle({ data, fontUrl, theme });
  const sources: Record<string, SourceSpecification> = {
    ...basemap.sources,
    [caseSources.places]: {
      type: 'geojson',
      data: empty(),
      cluster,
      clusterRadius: 42,
      clusterMaxZoom: 8,
      promoteId: 'id',
    },
    [caseSources.drawings]: { type: 'geojson', data: empty(), promoteId: 'id' },
    [caseSources.handles]: { type: 'geojson', data: empty() },
    [caseSources.sketch]: { type: 'geojson', data: empty() },
    [caseSources.selection]: { type: 'geojson', data: empty() },
  };
  let layers = basemap.layers;
  if (pmtiles && !pmtiles.basemap.problem && !pmtiles.basemap.needsConfirmation) {
    const { basemap: file, url } = pmtiles;
    // MapLibre sets attribution as HTML: a file name is text, and "<img onerror=…>.pmtiles" must stay text.
    const attribution = escapeHtml(file.fileName);
    sources[PMTILES_SOURCE] =
      file.tileType === 'mvt' ? { type: 'vector', url, attribution } : { type: 'raster', url, tileSize: 256, attribution };
    // Over the land and regions, under the borders and labels.
    const at = layers.findIndex((layer) => layer.id === 'admin1-lines');
    layers = [...layers.slice(0, at), ...pmtilesLayers(file, theme), ...layers.slice(at)];
  }
  return { ...basemap, name: `Dossier map (${theme})`, sources, layers: [...layers, ...caseLayerList(theme)] };
}

/** `text` safe to set as HTML: the five characters HTML gives meaning to, as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
