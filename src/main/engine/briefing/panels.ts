/**
 * The briefing's figures as vector paths: the places on the offline basemap (projected with
 * d3-geo) and the relationships graph (laid out with ForceAtlas2), sized for a page.
 */
import { geoBounds, geoMercator, geoPath } from 'd3-geo';
import type { GeoPermissibleObjects, GeoStream } from 'd3-geo';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphEdge, GraphNode, PlacePin } from './content';

export interface MapPanel {
  readonly width: number;
  readonly height: number;
  readonly land: string;
  readonly borders: string;
  readonly disputedBorders: string;
  readonly regions: string;
  readonly countries: readonly { readonly name: string; readonly x: number; readonly y: number }[];
  readonly pins: readonly (PlacePin & { readonly x: number; readonly y: number })[];
  /** Pins off the drawn area (the map shows where most places are). */
  readonly outside: number;
}

interface FeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}

const basemapCache = new Map<string, FeatureCollection>();
function basemap(dir: string, file: string): FeatureCollection {
  const path = join(dir, file);
  let collection = basemapCache.get(path);
  if (!collection) {
    collection = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
    basemapCache.set(path, collection);
  }
  return collection;
}

/** Points closer than this (in PDF points) to the last one kept add nothing visible at print size. */
const SIMPLIFY_POINTS = 0.6;

/**
 * A projection stream stage that drops points closer than `tolerance` to the last point kept,
 * always keeping a line's first and last: coastlines at 1:10m have far more points than a page
 * can show, and every point costs PDF layout time and bytes.
 */
function dropCloserThan(tolerance: number, output: GeoStream): GeoStream {
  const squared = tolerance * tolerance;
  let kept: [number, number] | null = null;
  let pending: [number, number] | null = null;
  return {
    point(x, y) {
      if (kept && (x - kept[0]) ** 2 + (y - kept[1]) ** 2 < squared) {
        pending = [x, y];
        return;
      }
      output.point(x, y);
      kept = [x, y];
      pending = null;
    },
    lineStart() {
      kept = null;
      pending = null;
      output.lineStart();
    },
    lineEnd() {
      if (pending) output.point(pending[0], pending[1]);
      kept = null;
      pending = null;
      output.lineEnd();
    },
    polygonStart: () => output.polygonStart(),
    polygonEnd: () => output.polygonEnd(),
    sphere: () => output.sphere?.(),
  };
}

/** Degrees around the places: at least a region's width, so a single village still shows its surroundings. */
const MIN_SPAN = 3;

/** The part of the world the map shows: the places' extent, padded, or the world when they span it. */
function extentOf(all: readonly PlacePin[]): [[number, number], [number, number]] {
  // A country's or continent's point is only a label position: finer places decide what to show.
  const fine = all.filter((pin) => pin.subtype !== 'country' && pin.subtype !== 'continent');
  const pins = fine.length > 0 ? fine : all;
  if (pins.length === 0) return [[-170, -58], [180, 80]];
  // The middle 90% of places, so one stray pin on another continent does not shrink the rest to dots.
  const lats = pins.map((pin) => pin.lat).sort((a, b) => a - b);
  const lons = pins.map((pin) => pin.lon).sort((a, b) => a - b);
  const cut = pins.length >= 10 ? Math.floor(pins.length * 0.05) : 0;
  let [south, north] = [lats[cut]!, lats[lats.length - 1 - cut]!];
  let [west, east] = [lons[cut]!, lons[lons.length - 1 - cut]!];
  const padLat = Math.max((north - south) * 0.2, (MIN_SPAN - (north - south)) / 2, 0.5);
  const padLon = Math.max((east - west) * 0.2, (MIN_SPAN - (east - west)) / 2, 0.5);
  south = Math.max(-80, south - padLat);
  north = Math.min(84, north + padLat);
  west = Math.max(-180, west - padLon);
  east = Math.min(180, east + padLon);
  return [[west, south], [east, north]];
}

export function mapPanel(pins: readonly PlacePin[], basemapDir: string, width: number, height: number): MapPanel {
  const [[west, south], [east, north]] = extentOf(pins);
  // Corner points, not a polygon: a ring's winding would make d3-geo take the rest of the globe.
  const frame: GeoPermissibleObjects = { type: 'MultiPoint', coordinates: [[west, south], [east, south], [east, north], [west, north]] };
  const projection = geoMercator().fitExtent([[0, 0], [width, height]], frame).clipExtent([[0, 0], [width, height]]);
  const path = geoPath({ stream: (output: GeoStream) => projection.stream(dropCloserThan(SIMPLIFY_POINTS, output)) }).digits(1);
  const span = Math.max(east - west, north - south);
  // Natural Earth 1:50m for a continent, 1:10m closer in; region lines only when they read.
  const detailed = span < 25;
  const land = basemap(basemapDir, detailed ? 'land-10m.geojson' : 'land-50m.geojson');
  const borders = basemap(basemapDir, detailed ? 'borders-10m.geojson' : 'borders-50m.geojson');
  const inView = (feature: FeatureCollection['features'][number]): boolean => {
    const [[minLon, minLat], [maxLon, maxLat]] = geoBounds(feature as GeoPermissibleObjects);
    return !(minLon > east || maxLon < west || minLat > north || maxLat < south) || maxLon < minLon;
  };
  const joined = (features: FeatureCollection['features']): string =>
    features
      .filter(inView)
      .map((feature) => path(feature as GeoPermissibleObjects) ?? '')
      .join('');
  const regions = span < 12 ? joined(basemap(basemapDir, 'admin1-lines.geojson').features) : '';
  const countries = basemap(basemapDir, 'country-labels.geojson')
    .features.map((feature) => {
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const point = projection([lon, lat]);
      return point && lon >= west && lon <= east && lat >= south && lat <= north ? { name: String(feature.properties.name), x: point[0], y: point[1] } : null;
    })
    .filter((label): label is { name: string; x: number; y: number } => label !== null);
  const placed = pins.map((pin) => {
    const point = projection([pin.lon, pin.lat]);
    return { ...pin, x: point?.[0] ?? -1, y: point?.[1] ?? -1 };
  });
  const inside = placed.filter((pin) => pin.x >= 0 && pin.x <= width && pin.y >= 0 && pin.y <= height);
  return {
    width,
    height,
    land: joined(land.features),
    borders: joined(borders.features.filter((feature) => feature.properties.disputed !== true)),
    disputedBorders: joined(borders.features.filter((feature) => feature.properties.disputed === true)),
    regions,
    countries,
    pins: inside,
    outside: placed.length - inside.length,
  };
}

export interface GraphPanel {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly (GraphNode & { readonly x: number; readonly y: number; readonly radius: number })[];
  readonly edges: readonly (GraphEdge & { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number })[];
}

/**
 * Places the graph as the analyst left it in the graph view when every node has a saved position;
 * otherwise lays it out with ForceAtlas2 from a circle (deterministic: the same case gives the same
 * figure). Then fits it into the panel with room for labels.
 */
export function graphPanel(nodes: readonly GraphNode[], edges: readonly GraphEdge[], width: number, height: number): GraphPanel {
  const graph = new Graph<{ x: number; y: number; size: number }>({ multi: true, type: 'undirected' });
  const saved = nodes.length > 0 && nodes.every((node) => node.position !== null);
  nodes.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / Math.max(1, nodes.length);
    // Sigma's graph y grows upwards, the page's downwards.
    const start = saved ? { x: node.position!.x, y: -node.position!.y } : { x: Math.cos(angle) * 100, y: Math.sin(angle) * 100 };
    graph.addNode(node.key, { ...start, size: 1 + Math.log2(1 + node.mentions) });
  });
  for (const edge of edges) if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdge(edge.source, edge.target, { weight: edge.weight });
  if (graph.size > 0 && !saved) {
    forceAtlas2.assign(graph, { iterations: 300, settings: { ...forceAtlas2.inferSettings(graph), gravity: 1.5, adjustSizes: true, barnesHutOptimize: false } });
  }
  const xs = graph.mapNodes((_key, attributes) => attributes.x);
  const ys = graph.mapNodes((_key, attributes) => attributes.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Labels run to the right of their dots: more room there.
  const margin = { left: 16, right: 120, y: 24 };
  const scale = Math.min((width - margin.left - margin.right) / Math.max(1, maxX - minX), (height - 2 * margin.y) / Math.max(1, maxY - minY));
  const at = (key: string): { x: number; y: number } => {
    const attributes = graph.getNodeAttributes(key);
    return {
      x: margin.left + (width - margin.left - margin.right) / 2 + (attributes.x - (minX + maxX) / 2) * scale,
      y: height / 2 + (attributes.y - (minY + maxY) / 2) * scale,
    };
  };
  const maxMentions = Math.max(1, ...nodes.map((node) => node.mentions));
  return {
    width,
    height,
    nodes: nodes.map((node) => ({ ...node, ...at(node.key), radius: 3 + 7 * Math.sqrt(node.mentions / maxMentions) })),
    edges: edges
      .filter((edge) => graph.hasNode(edge.source) && graph.hasNode(edge.target))
      .map((edge) => {
        const [from, to] = [at(edge.source), at(edge.target)];
        return { ...edge, x1: from.x, y1: from.y, x2: to.x, y2: to.y };
      }),
  };
}
