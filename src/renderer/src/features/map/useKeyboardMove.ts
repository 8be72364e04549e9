/**
 * The arrow keys move the selected pin or drawing while the map has the focus (or nothing has): it follows at once,
 * and a burst of presses is saved as one move half a second after the last; Esc before then puts it back. A press
 * of the mouse, another selection or leaving the view saves a pending move at once.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import type { Move } from './keyboardMove';
import { arrowStep, SAVE_AFTER_MS, stepFrom } from './keyboardMove';

export interface KeyboardMoveOptions {
  map: MapLibreMap | null;
  /** Off while a drawing tool is chosen: the arrow keys then pan the map, as they do with nothing selected. */
  enabled: boolean;
  /** What is selected, e.g. 'drawing:7': when it changes, a pending move is saved. */
  selectionKey: string | null;
  /** Starts moving the selection; null when nothing movable is selected. */
  start: () => Move | null;
}

/** Whether a key pressed here is meant for the map: not typed into a field, not for a menu or a list elsewhere. */
function meantForMap(target: EventTarget | null, container: HTMLElement): boolean {
  if (!(target instanceof HTMLElement)) return true;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return false;
  return target === document.body || target === document.documentElement || container.contains(target);
}

export function useKeyboardMove({ map, enabled, selectionKey, start }: KeyboardMoveOptions): void {
  const latest = useRef({ enabled, start });
  latest.current = { enabled, start };
  const pending = useRef<{ move: Move; dLon: number; dLat: number; timer?: ReturnType<typeof setTimeout> } | null>(null);
  /** Ends the pending move, if any: saved (keep) or put back. */
  const finish = useMemo(
    () => (keep: boolean) => {
      const current = pending.current;
      if (!current) return;
      pending.current = null;
      clearTimeout(current.timer);
      current.move.end(keep);
    },
    [],
  );

  useEffect(() => {
    if (!map) return undefined;
    // Capture, on the window: before maplibre pans the map with the same keys, and before Esc deselects.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && pending.current) {
        event.preventDefault();
        event.stopPropagation();
        finish(false);
        return;
      }
      const step = arrowStep(event);
      if (!step || !latest.current.enabled || !meantForMap(event.target, map.getContainer())) return;
      if (!pending.current) {
        const move = latest.current.start();
        if (!move) return;
        pending.current = { move, dLon: 0, dLat: 0 };
      }
      event.preventDefault();
      event.stopPropagation();
      const current = pending.current;
      const { from } = current.move;
      // Step from where the thing is shown now, so a zoom between presses still gives steps of the same size.
      const [lon, lat] = stepFrom(map, [from[0] + current.dLon, from[1] + current.dLat], step);
      current.dLon = lon - from[0];
      current.dLat = lat - from[1];
      current.move.update(current.dLon, current.dLat);
      clearTimeout(current.timer);
      current.timer = setTimeout(() => finish(true), SAVE_AFTER_MS);
    };
    // A press of the mouse may start a drag: the keys' move is saved first, so the two are two moves.
    const onMouseDown = () => finish(true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('mousedown', onMouseDown, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('mousedown', onMouseDown, true);
      finish(true);
    };
  }, [map, finish]);

  // Another selection, or a drawing tool: what the keys moved is saved now.
  useEffect(() => finish(true), [finish, selectionKey, enabled]);
}
