/**
 * Drawings as the map shows and moves them: their features for the map's sources, the handles on a selected
 * line's or polygon's vertices, and the new geometry a drag makes. Pure, so the arithmetic is tested without a map.
 */
import type { Drawing, DrawingGeometry, Position } from '../../../../shared/map';

/** What the pointer took hold of on the selected drawing: all of it, or one vertex (by ring and index). */
export type Grab = { part: 'shape' } | { part: 'vertex'; ring: number; index: number };

/** Every position of a geometry (a polygon's closing vertex included). */
export function positionsOf(geometry: DrawingGeometry): Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'LineString') return geometry.coordinates;
  return geometry.coordinates.flat();
}

function rings(geometry: DrawingGeometry): Position[][] {
  if (geometry.type === 'Point') return [[geometry.coordinates]];
  return geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
}

function withRings(geometry: DrawingGeometry, next: Position[][]): DrawingGeometry {
  if (geometry.type === 'Point') return { type: 'Point', coordinates: next[0]![0]! };
  return geometry.type === 'LineString' ? { type: 'LineString', coordinates: next[0]! } : { type: 'Polygon', coordinates: next };
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/**
 * The geometry moved as a whole by dLon, dLat degrees: every position shifts by the same amount. At the edges of
 * the world (longitude ±180, latitude ±90, what a case accepts) the move stops short, so the shape never bends.
 */
export function translateGeometry(geometry: DrawingGeometry, dLon: number, dLat: number): DrawingGeometry {
  // A loop, not Math.min(...all): an imported polygon may have more vertices than a call takes arguments.
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const [lon, lat] of positionsOf(geometry)) {
    [west, south, east, north] = [Math.min(west, lon), Math.min(south, lat), Math.max(east, lon), Math.max(north, lat)];
  }
  const lonShift = clamp(dLon, Math.min(0, -180 - west), Math.max(0, 180 - east));
  const latShift = clamp(dLat, Math.min(0, -90 - south), Math.max(0, 90 - north));
  return withRings(
    geometry,
    rings(geometry).map((ring) => ring.map(([lon, lat]): Position => [lon + lonShift, lat + latShift])),
  );
}

/** The geometry with one vertex moved by dLon, dLat degrees; a polygon ring's closing vertex stays equal to its first. */
export function moveVertex(geometry: DrawingGeometry, ring: number, index: number, dLon: number, dLat: number): DrawingGeometry {
  const all = rings(geometry);
  const target = all[ring];
  const from = target?.[index];
  if (!target || !from) return geometry;
  const to: Position = [clamp(from[0] + dLon, -180, 180), clamp(from[1] + dLat, -90, 90)];
  const closes = geometry.type === 'Polygon' && (index === 0 || index === target.length - 1);
  const moved = target.map((position, at): Position => (at === index || (closes && (at === 0 || at === target.length - 1)) ? to : position));
  return withRings(
    geometry,
    all.map((other, at) => (at === ring ? moved : other)),
  );
}

/** The geometry a grab makes when the pointer has moved dLon, dLat degrees since it took hold. */
export function dragGeometry(geometry: DrawingGeometry, grab: Grab, dLon: number, dLat: number): DrawingGeometry {
  return grab.part === 'shape' ? translateGeometry(geometry, dLon, dLat) : moveVertex(geometry, grab.ring, grab.index, dLon, dLat);
}

/** The drawings source's features; the selected one is drawn thicker. */
export function drawingsToGeoJson(drawings: readonly Drawing[], selectedId: number | null): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: drawings.map((drawing) => ({
      type: 'Feature',
      id: drawing.id,
      geometry: drawing.geometry,
      properties: { id: drawing.id, kind: drawing.kind, label: drawing.label, color: drawing.color, selected: drawing.id === selectedId },
    })),
  };
}

/**
 * A handle on each vertex of a line or polygon, to drag it by. A polygon ring's closing vertex has none: it is its
 * first vertex again. A point has none either: the point itself is what is dragged.
 */
export function vertexHandles(drawing: Pick<Drawing, 'id' | 'geometry' | 'color'> | null): GeoJSON.FeatureCollection {
  const { geometry } = drawing ?? {};
  if (!drawing || !geometry || geometry.type === 'Point') return { type: 'FeatureCollection', features: [] };
  const features = rings(geometry).flatMap((ring, ringIndex) =>
    (geometry.type === 'Polygon' ? ring.slice(0, -1) : ring).map(
      (position, index): GeoJSON.Feature => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: position },
        properties: { id: drawing.id, ring: ringIndex, index, color: drawing.color },
      }),
    ),
  );
  return { type: 'FeatureCollection', features };
}
