import { describe, expect, it } from 'vitest';
import type { DrawingGeometry, Position } from '../../../../shared/map';
import { dragGeometry, moveVertex, positionsOf, translateGeometry, vertexHandles } from './drawingGeometry';

const sector: DrawingGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [45.9, 40.0],
      [46.3, 40.0],
      [46.3, 40.3],
      [45.9, 40.3],
      [45.9, 40.0],
    ],
  ],
};
const route: DrawingGeometry = { type: 'LineString', coordinates: [[45.5, 40.4], [45.8, 40.2], [46.0, 40.1]] };

const ring = (geometry: DrawingGeometry): Position[] => (geometry.type === 'Polygon' ? geometry.coordinates[0]! : []);

describe('moving a drawing', () => {
  it('shifts every position of a point, line or polygon by the same amount', () => {
    expect(translateGeometry({ type: 'Point', coordinates: [45.95, 40.05] }, 0.5, -0.25)).toEqual({ type: 'Point', coordinates: [46.45, 39.8] });
    const expectShifted = (from: DrawingGeometry, to: DrawingGeometry, dLon: number, dLat: number) => {
      const before = positionsOf(from);
      const after = positionsOf(to);
      expect(after).toHaveLength(before.length);
      after.forEach(([lon, lat], index) => {
        expect(lon - before[index]![0]).toBeCloseTo(dLon, 12);
        expect(lat - before[index]![1]).toBeCloseTo(dLat, 12);
      });
    };
    expectShifted(route, translateGeometry(route, 0.1, 0.2), 0.1, 0.2);
    const polygon = translateGeometry(sector, -1, 1);
    expectShifted(sector, polygon, -1, 1);
    // The ring stays closed, and the original is left alone.
    expect(ring(polygon)[0]).toEqual(ring(polygon)[4]);
    expect(ring(sector)[0]).toEqual([45.9, 40.0]);
  });

  it('stops a whole move at the edge of the world instead of bending the shape', () => {
    const moved = translateGeometry(route, 200, -200);
    expect(moved.type === 'LineString' && moved.coordinates[0]).toEqual([45.5 + (180 - 46.0), 40.4 - (40.1 + 90)]);
    expect(moved.type === 'LineString' && Math.max(...moved.coordinates.map(([lon]) => lon))).toBe(180);
  });

  it('moves one vertex of a line, and a polygon\'s first and closing vertex together', () => {
    expect(moveVertex(route, 0, 1, 0.5, 0)).toEqual({ type: 'LineString', coordinates: [[45.5, 40.4], [46.3, 40.2], [46.0, 40.1]] });
    const first = moveVertex(sector, 0, 0, -0.4, -0.5);
    expect(ring(first)).toEqual([[45.5, 39.5], [46.3, 40.0], [46.3, 40.3], [45.9, 40.3], [45.5, 39.5]]);
    const corner = dragGeometry(sector, { part: 'vertex', ring: 0, index: 2 }, 0.25, 0.25);
    expect(ring(corner)).toEqual([[45.9, 40.0], [46.3, 40.0], [46.55, 40.55], [45.9, 40.3], [45.9, 40.0]]);
    expect(moveVertex(route, 0, 1, 0, 100)).toEqual({ type: 'LineString', coordinates: [[45.5, 40.4], [45.8, 90], [46.0, 40.1]] });
    expect(moveVertex(route, 3, 0, 1, 1)).toBe(route);
  });

  it('puts a handle on each vertex of a line or polygon, none on a point or a ring\'s closing vertex', () => {
    expect(vertexHandles({ id: 1, color: '#c92a2a', geometry: { type: 'Point', coordinates: [45.95, 40.05] } }).features).toEqual([]);
    expect(vertexHandles(null).features).toEqual([]);
    const handles = vertexHandles({ id: 7, color: '#c92a2a', geometry: sector }).features;
    expect(handles.map((handle) => [(handle.geometry as GeoJSON.Point).coordinates, handle.properties])).toEqual(
      ring(sector)
        .slice(0, 4)
        .map((position, index) => [position, { id: 7, ring: 0, index, color: '#c92a2a' }]),
    );
    expect(vertexHandles({ id: 2, color: '#5f3dc4', geometry: route }).features).toHaveLength(3);
  });
});
