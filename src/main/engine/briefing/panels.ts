/**
 * The briefing's figures as vector paths: the places and the analyst's drawings on the offline
 * basemap (projected with d3-geo) and the relationships graph (laid out with ForceAtlas2), sized
 * for a page.
 */
import { geoArea, geoBounds, geoMercator, geoPath, geoStream } from 'd3-geo';
import type { GeoPermissibleObjects, GeoProjection, GeoStream } from 'd3-geo';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DrawingGeometry, DrawingKind, Position } from '../../../shared/map';
import { DEFAULT_DRAWING_COLOR } from '../map/drawings';
import type { MapDrawing, PlacePin } from './content';
import { along, alongBoxes, around, beside, DRAWING_LABEL_SIZE, LABEL_PAD, overlap, placeLabel, readable, textBox } from './labels';

/** A rectangle on the panel, in PDF points from its top left corner. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A label the panel placed: where its baseline starts, and the box it needs (drawn pale behind it). */
export interface PanelLabel {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly fontSize: number;
  readonly box: Box;
}

/** One of the analyst's drawings, projected. */
export interface DrawnShape {
  readonly kind: DrawingKind;
  readonly color: string;
  /** The colour of its label: a colour too light to read on the map is darkened. */
  readonly labelColor: string;
  /** A line's or polygon's SVG path, clipped to the panel; empty for a point. */
  readonly path: string;
  /** Where a point is; unused for lines and polygons. */
  readonly x: number;
  readonly y: number;
  readonly label: PanelLabel | null;
}

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
  /** The analyst's drawings in view, polygons first, so that lines and points draw over them. */
  readonly drawings: readonly DrawnShape[];
}

/** Where a place's name goes from its pin, its size, and how many pins are named (the rest stay dots). */
export const PIN_LABEL = { dx: 5, dy: -4, fontSize: 7.5, max: 40 } as const;
/** Labels longer than this are cut: a map label is a name, the note says the rest. */
const DRAWING_LABEL_CHARACTERS = 48;
/** The radius of a drawn point's marker. */
export const DRAWN_POINT_RADIUS = 3.2;

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

/** A drawing's vertices (a polygon's outer ring: holes lie inside it). */
function positionsOf(geometry: DrawingGeometry): readonly Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  return geometry.type === 'LineString' ? geometry.coordinates : (geometry.coordinates[0] ?? []);
}

/**
 * The part of the world the map shows: the places' extent joined with the drawings', padded, or the
 * world when there is nothing to show.
 */
function extentOf(all: readonly PlacePin[], drawings: readonly MapDrawing[]): [[number, number], [number, number]] {
  // A country's or continent's point is only a label position: finer places decide what to show.
  const fine = all.filter((pin) => pin.subtype !== 'country' && pin.subtype !== 'continent');
  const pins = fine.length > 0 ? fine : all;
  // West, south, east, north of each thing that must show.
  const boxes: [number, number, number, number][] = [];
  if (pins.length > 0) {
    // The middle 90% of places, so one stray pin on another continent does not shrink the rest to dots.
    const lats = pins.map((pin) => pin.lat).sort((a, b) => a - b);
    const lons = pins.map((pin) => pin.lon).sort((a, b) => a - b);
    const cut = pins.length >= 10 ? Math.floor(pins.length * 0.05) : 0;
    boxes.push([lons[cut]!, lats[cut]!, lons[lons.length - 1 - cut]!, lats[lats.length - 1 - cut]!]);
  }
  // Drawings whole: the analyst drew each on purpose, none is a stray.
  for (const drawing of drawings) {
    const positions = positionsOf(drawing.geometry);
    if (positions.length === 0) continue;
    const lons = positions.map(([lon]) => lon);
    const lats = positions.map(([, lat]) => lat);
    boxes.push([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]);
  }
  if (boxes.length === 0) return [[-170, -58], [180, 80]];
  let [west, south] = [Math.min(...boxes.map((box) => box[0])), Math.min(...boxes.map((box) => box[1]))];
  let [east, north] = [Math.max(...boxes.map((box) => box[2])), Math.max(...boxes.map((box) => box[3]))];
  const padLat = Math.max((north - south) * 0.2, (MIN_SPAN - (north - south)) / 2, 0.5);
  const padLon = Math.max((east - west) * 0.2, (MIN_SPAN - (east - west)) / 2, 0.5);
  south = Math.max(-80, south - padLat);
  north = Math.min(84, north + padLat);
  west = Math.max(-180, west - padLon);
  east = Math.min(180, east + padLon);
  return [[west, south], [east, north]];
}

export function mapPanel(pins: readonly PlacePin[], drawings: readonly MapDrawing[], basemapDir: string, width: number, height: number): MapPanel {
  const [[west, south], [east, north]] = extentOf(pins, drawings);
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
  const countryPoints = basemap(basemapDir, 'country-labels.geojson')
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
  const pinBoxes: Box[] = [
    ...inside.map((pin) => around(pin.x, pin.y, 4)),
    ...inside.slice(0, PIN_LABEL.max).map((pin) => textBox(pin.name, pin.x + PIN_LABEL.dx, pin.y + PIN_LABEL.dy, PIN_LABEL.fontSize, false)),
  ];
  // A country's name moves off the pins and names it would cover ("ARMENIA" over "Yerevan"): up or down, then aside.
  const countries = countryPoints.map((country) => {
    for (const [dx, dy] of COUNTRY_LABEL_SHIFTS) {
      const box = countryLabelBox(country.name, country.x + dx, country.y + dy);
      if (!pinBoxes.some((other) => overlap(box, other) > 0)) return { ...country, x: country.x + dx, y: country.y + dy };
    }
    return country;
  });
  // What the drawings' labels keep clear of: the place pins, their names and the country names.
  const taken: Box[] = [...pinBoxes, ...countries.map((country) => countryLabelBox(country.name, country.x, country.y))];
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
    drawings: drawnShapes(drawings, projection, path, width, height, taken),
  };
}

const COUNTRY_LABEL_SHIFTS: readonly [number, number][] = [[0, 0], [0, -14], [0, 14], [0, -28], [0, 28], [-40, 0], [40, 0]];

/** The box of a country's name, set in bold capitals centred on (x, y) as the map panel draws it. */
function countryLabelBox(name: string, x: number, y: number): Box {
  const box = textBox(name.toUpperCase(), x, y, 10, true);
  return { ...box, x: box.x - box.width / 2 };
}


/**
 * d3-geo takes a ring's inside to be on its right (clockwise on the map); GeoJSON and the map view draw
 * outer rings anticlockwise. A ring read the wrong way round is the rest of the globe, so each ring is
 * turned to enclose less than a hemisphere (an outer ring) or more (a hole).
 */
function wound(geometry: DrawingGeometry): DrawingGeometry {
  if (geometry.type !== 'Polygon') return geometry;
  const coordinates = geometry.coordinates.map((ring, index) => {
    const small = geoArea({ type: 'Polygon', coordinates: [ring] }) <= 2 * Math.PI;
    return small === (index === 0) ? ring : [...ring].reverse();
  });
  return { type: 'Polygon', coordinates };
}

/** A geometry's lines, or its polygon's rings, as the panel draws them: projected, resampled along great circles, clipped. */
function projectedLines(projection: GeoProjection, geometry: DrawingGeometry): [number, number][][] {
  const lines: [number, number][][] = [];
  let line: [number, number][] | null = null;
  let ring = false;
  geoStream(
    geometry,
    projection.stream({
      point: (x, y) => line?.push([x, y]),
      lineStart: () => {
        line = [];
      },
      lineEnd: () => {
        // A ring comes without its closing point.
        if (line && ring && line.length > 2) line.push(line[0]!);
        if (line && line.length > 1) lines.push(line);
        line = null;
      },
      polygonStart: () => {
        ring = true;
      },
      polygonEnd: () => {
        ring = false;
      },
    }),
  );
  return lines;
}

/**
 * The analyst's drawings on the panel's projection, each labelled where its label covers no place,
 * name, drawn line or other label if it can: a point's beside it, a line's beside its middle (or
 * further along), a polygon's inside it when it fits, else beside it.
 */
function drawnShapes(
  drawings: readonly MapDrawing[],
  projection: GeoProjection,
  path: (object: GeoPermissibleObjects) => string | null,
  width: number,
  height: number,
  taken: Box[],
): DrawnShape[] {
  const order: Record<DrawingKind, number> = { polygon: 0, line: 1, point: 2 };
  const shapes = [...drawings]
    .sort((left, right) => order[left.kind] - order[right.kind])
    .map((drawing) => {
      const color = /^#[0-9a-f]{6}$/iu.test(drawing.color) ? drawing.color.toLowerCase() : DEFAULT_DRAWING_COLOR;
      const geometry = wound(drawing.geometry);
      const [x, y] = geometry.type === 'Point' ? (projection(geometry.coordinates) ?? [-1, -1]) : [-1, -1];
      const lines = geometry.type === 'Point' ? [] : projectedLines(projection, geometry);
      return { drawing, geometry, color, lines, path: geometry.type === 'Point' ? '' : (path(geometry) ?? ''), x, y };
    })
    .filter((shape) => (shape.geometry.type === 'Point' ? shape.x >= 0 && shape.x <= width && shape.y >= 0 && shape.y <= height : shape.path !== ''));
  // Every mark first, so that no label covers a drawn point or line.
  for (const shape of shapes) {
    if (shape.geometry.type === 'Point') taken.push(around(shape.x, shape.y, DRAWN_POINT_RADIUS + 1));
    else taken.push(...alongBoxes(shape.lines));
  }
  // Next to the mark, then a little further off when that is taken.
  const gaps = [2.5, 9];
  const labels = new Map<(typeof shapes)[number], PanelLabel | null>();
  // Points first, their labels having the fewest places to go; lines last, with the most.
  const labelOrder: Record<DrawingKind, number> = { point: 0, polygon: 1, line: 2 };
  for (const shape of [...shapes].sort((left, right) => labelOrder[left.drawing.kind] - labelOrder[right.drawing.kind])) {
    const trimmed = shape.drawing.label.trim().replace(/\s+/gu, ' ');
    if (!trimmed) continue;
    const text = [...trimmed].length > DRAWING_LABEL_CHARACTERS ? `${[...trimmed].slice(0, DRAWING_LABEL_CHARACTERS - 1).join('').trimEnd()}…` : trimmed;
    const box = textBox(text, 0, 0, DRAWING_LABEL_SIZE, true);
    const [halfWidth, halfHeight] = [box.width / 2 + LABEL_PAD.x, box.height / 2 + LABEL_PAD.y];
    let centres: [number, number][] = [];
    if (shape.geometry.type === 'Point') {
      centres = gaps.flatMap((gap) => beside(around(shape.x, shape.y, DRAWN_POINT_RADIUS), halfWidth, halfHeight, gap));
    } else if (shape.geometry.type === 'LineString') {
      const anchors = [0.5, 0.35, 0.65, 0.2, 0.8].map((fraction) => along(shape.lines, fraction)).filter((at) => at !== null);
      centres = gaps.flatMap((gap) => anchors.flatMap(([x, y]) => beside(around(x, y, 0.8), halfWidth, halfHeight, gap)));
    } else {
      const [[minX, minY], [maxX, maxY]] = geoPath(projection).bounds(shape.geometry);
      const [centreX, centreY] = geoPath(projection).centroid(shape.geometry);
      if ([minX, minY, maxX, maxY, centreX, centreY].every(Number.isFinite)) {
        const step = 2 * halfHeight + 1;
        const bounds = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
        centres = [
          [centreX, centreY],
          [centreX, centreY - step],
          [centreX, centreY + step],
          ...gaps.flatMap((gap) => beside(bounds, halfWidth, halfHeight, gap)),
        ];
      }
    }
    labels.set(shape, placeLabel(text, centres, taken, width, height));
  }
  return shapes.map((shape) => ({
    kind: shape.drawing.kind,
    color: shape.color,
    labelColor: readable(shape.color),
    path: shape.path,
    x: shape.x,
    y: shape.y,
    label: labels.get(shape) ?? null,
  }));
}

