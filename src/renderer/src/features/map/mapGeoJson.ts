/** The case's places and the sketch being drawn as GeoJSON for the map's sources, and the bounds of positions. */
import { LngLatBounds } from 'maplibre-gl';
import type { MapPlace, Position } from '../../../../shared/map';
import type { Mode } from './useMapEditor';

export function placesToGeoJson(places: readonly MapPlace[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: places.map((place) => ({
      type: 'Feature',
      id: place.id,
      geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
      properties: { id: place.id, name: place.name, subtype: place.subtype, status: place.status, mentions: place.mentions },
    })),
  };
}

export function sketchToGeoJson(mode: Mode, points: readonly Position[], pointer: Position | null): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = points.map((position) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: {} }));
  const path = pointer ? [...points, pointer] : [...points];
  if (mode === 'polygon' && path.length >= 3) {
    features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...path, path[0]!]] }, properties: {} });
  } else if ((mode === 'line' || mode === 'polygon') && path.length >= 2) {
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: path }, properties: {} });
  }
  return { type: 'FeatureCollection', features };
}

export function boundsOf(positions: readonly Position[]): LngLatBounds | null {
  if (positions.length === 0) return null;
  const bounds = new LngLatBounds(positions[0], positions[0]);
  for (const position of positions) bounds.extend(position);
  return bounds;
}
