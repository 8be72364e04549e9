/**
 * Moving the selected pin or drawing with the arrow keys: how far a key moves it on screen, and that step in
 * degrees where the thing is. Pure, so the arithmetic is tested without a map.
 */
import type { Position } from '../../../../shared/map';

/** Pixels an arrow key moves the selection; with Shift, further. */
export const ARROW_STEP = 5;
export const SHIFT_ARROW_STEP = 40;
/** How long after the last key press a burst of presses is saved, as one move (one undo). */
export const SAVE_AFTER_MS = 500;

/** The screen offset, in pixels (y down), an arrow key asks for; null for any other key or with Ctrl, Alt or Meta. */
export function arrowStep(key: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>): { x: number; y: number } | null {
  if (key.ctrlKey || key.altKey || key.metaKey) return null;
  const size = key.shiftKey ? SHIFT_ARROW_STEP : ARROW_STEP;
  const directions: Record<string, { x: number; y: number }> = {
    ArrowLeft: { x: -size, y: 0 },
    ArrowRight: { x: size, y: 0 },
    ArrowUp: { x: 0, y: -size },
    ArrowDown: { x: 0, y: size },
  };
  return directions[key.key] ?? null;
}

/** What of a map the conversion needs (maplibre's Map has both). */
export interface Projection {
  project(position: [number, number]): { x: number; y: number };
  unproject(point: [number, number]): { lng: number; lat: number };
}

/**
 * Where a position ends up when it moves by a step of pixels on screen, at the map's current zoom: the same step
 * looks the same at any zoom, and covers fewer degrees the closer the map is.
 */
export function stepFrom(projection: Projection, at: Position, step: { x: number; y: number }): Position {
  const point = projection.project([at[0], at[1]]);
  const to = projection.unproject([point.x + step.x, point.y + step.y]);
  return [to.lng, to.lat];
}

/**
 * A move in progress of the selected pin or drawing, however it is made (the mouse, the arrow keys): it shows at
 * once and is saved, or put back, when it ends.
 */
export interface Move {
  /** Where the thing was when the move began (a pin's position, a drawing's first vertex). */
  readonly from: Position;
  /** Shows the thing moved by dLon, dLat degrees in all since the move began. */
  update(dLon: number, dLat: number): void;
  /** Ends the move: saves it (keep), or puts the thing back where it was. */
  end(keep: boolean): void;
}
