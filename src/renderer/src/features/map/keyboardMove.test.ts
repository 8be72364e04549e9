import { describe, expect, it } from 'vitest';
import type { Projection } from './keyboardMove';
import { arrowStep, stepFrom } from './keyboardMove';

const press = (key: string, modifiers: { shiftKey?: boolean; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean } = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...modifiers,
});

/** Web Mercator at a zoom, as maplibre projects (512-pixel tiles), centred on nothing in particular. */
function mercator(zoom: number): Projection {
  const size = 512 * 2 ** zoom;
  return {
    project: ([lon, lat]) => ({
      x: ((lon + 180) / 360) * size,
      y: ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360) * size,
    }),
    unproject: ([x, y]) => ({
      lng: (x / size) * 360 - 180,
      lat: (360 / Math.PI) * Math.atan(Math.exp(((180 - (y / size) * 360) * Math.PI) / 180)) - 90,
    }),
  };
}

describe('moving the selection with the arrow keys', () => {
  it('asks for 5 pixels a press, 40 with Shift, and leaves other keys and Ctrl, Alt or Meta chords alone', () => {
    expect(arrowStep(press('ArrowRight'))).toEqual({ x: 5, y: 0 });
    expect(arrowStep(press('ArrowLeft'))).toEqual({ x: -5, y: 0 });
    expect(arrowStep(press('ArrowUp', { shiftKey: true }))).toEqual({ x: 0, y: -40 });
    expect(arrowStep(press('ArrowDown'))).toEqual({ x: 0, y: 5 });
    expect(arrowStep(press('p'))).toBeNull();
    expect(arrowStep(press('ArrowRight', { ctrlKey: true }))).toBeNull();
    expect(arrowStep(press('ArrowRight', { altKey: true }))).toBeNull();
    expect(arrowStep(press('ArrowRight', { metaKey: true }))).toBeNull();
  });

  it('turns a step on screen into degrees where the thing is: the same pixels at any zoom, fewer degrees closer in', () => {
    const kalbajar: [number, number] = [46.04, 40.1];
    for (const zoom of [3, 9, 14]) {
      const map = mercator(zoom);
      const before = map.project(kalbajar);
      const east = stepFrom(map, kalbajar, { x: 15, y: 0 });
      const north = stepFrom(map, kalbajar, { x: 0, y: -40 });
      const [afterEast, afterNorth] = [map.project(east), map.project(north)];
      expect(afterEast.x - before.x).toBeCloseTo(15, 6);
      expect(afterEast.y - before.y).toBeCloseTo(0, 6);
      expect(afterNorth.y - before.y).toBeCloseTo(-40, 6);
      expect(east[1]).toBeCloseTo(kalbajar[1], 9);
      expect(north[0]).toBeCloseTo(kalbajar[0], 9);
      expect(north[1]).toBeGreaterThan(kalbajar[1]);
    }
    const far = stepFrom(mercator(3), kalbajar, { x: 5, y: 0 });
    const near = stepFrom(mercator(9), kalbajar, { x: 5, y: 0 });
    expect((far[0] - kalbajar[0]) / (near[0] - kalbajar[0])).toBeCloseTo(64, 6);
  });
});
