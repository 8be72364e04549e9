/**
 * Moving the selected drawing by dragging: all of it (a point simply follows the pointer), or one vertex of a line
 * or polygon by its handle. While the pointer moves, only the map's sources change; on release the new geometry is
 * saved once, and Esc puts the shape back. The arrow keys move it along the same path (moveSelected). The hook
 * fills the drawings and handles sources, so what they show always includes a move in progress.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import type { Drawing, DrawingGeometry } from '../../../../shared/map';
import type { Grab } from './drawingGeometry';
import { dragGeometry, drawingsToGeoJson, positionsOf, vertexHandles } from './drawingGeometry';
import type { Move } from './keyboardMove';
import { caseLayers, caseSources } from './mapStyle';

export interface DrawingDragOptions {
  map: MapLibreMap | null;
  drawings: readonly Drawing[];
  selectedId: number | null;
  /** Off while a drawing tool is chosen: then the pointer adds vertices instead. */
  enabled: boolean;
  setData: (source: string, collection: GeoJSON.FeatureCollection) => void;
  /** Saves a moved drawing; resolves false when it could not (the shape then goes back). */
  save: (drawing: Drawing, geometry: DrawingGeometry, grab: Grab) => Promise<boolean>;
}

export interface DrawingDrag {
  /** The cursor for the pointer here, when the selected drawing has a say: 'move' over it or its handles, 'grabbing' while dragging. */
  cursorAt: (point: { x: number; y: number }) => string | null;
  /** Starts moving the selected drawing as a whole (for the arrow keys); null when none is selected or a drag is on. */
  moveSelected: () => Move | null;
}

/** How far, in pixels, the pointer may be from a handle or a line and still take hold of it. */
const REACH = 5;
/** How far, in pixels, the pointer moves before a press becomes a drag (maplibre's click tolerance). */
const THRESHOLD = 3;

export function useDrawingDrag({ map, drawings, selectedId, enabled, setData, save }: DrawingDragOptions): DrawingDrag {
  const latest = useRef({ drawings, selectedId, enabled, setData, save });
  latest.current = { drawings, selectedId, enabled, setData, save };
  /** The geometry shown instead of the saved one: while dragging, and until the saved one comes back. */
  const preview = useRef<{ id: number; geometry: DrawingGeometry } | null>(null);
  /** Ends the drag in progress, keeping the move or not. */
  const dragging = useRef<((keep: boolean) => void) | null>(null);

  const drag = useMemo(() => {
    const shown = (): Drawing[] => {
      const moving = preview.current;
      const all = latest.current.drawings;
      return moving ? all.map((drawing) => (drawing.id === moving.id ? { ...drawing, geometry: moving.geometry } : drawing)) : [...all];
    };
    const show = () => {
      const { selectedId: id, setData: fill } = latest.current;
      const all = shown();
      fill(caseSources.drawings, drawingsToGeoJson(all, id));
      fill(caseSources.handles, vertexHandles(all.find((drawing) => drawing.id === id) ?? null));
    };
    const grabAt = (point: { x: number; y: number }): Grab | null => {
      const { enabled: on, selectedId: id } = latest.current;
      if (!map || !on || id === null) return null;
      const layers = [caseLayers.drawingHandles, caseLayers.drawingPoints, caseLayers.drawingLines, caseLayers.drawingFills].filter((layer) => map.getLayer(layer));
      const hits = map
        .queryRenderedFeatures(
          [
            [point.x - REACH, point.y - REACH],
            [point.x + REACH, point.y + REACH],
          ],
          { layers },
        )
        .filter((feature) => feature.properties['id'] === id);
      // Of the handles within reach, the nearest; else the shape itself.
      const distance = (feature: (typeof hits)[number]) => {
        const at = map.project((feature.geometry as GeoJSON.Point).coordinates as [number, number]);
        return Math.hypot(at.x - point.x, at.y - point.y);
      };
      const handle = hits.filter((feature) => feature.layer.id === caseLayers.drawingHandles).sort((a, b) => distance(a) - distance(b))[0];
      if (handle) return { part: 'vertex', ring: Number(handle.properties['ring']), index: Number(handle.properties['index']) };
      return hits.length > 0 ? { part: 'shape' } : null;
    };
    /**
     * Starts moving a drawing, by the mouse or the keys: the sources show it moved at once; at the end it is saved
     * once, or put back.
     */
    const startMove = (drawing: Drawing, grab: Grab): Move => {
      const before = preview.current;
      let moved: DrawingGeometry | null = null;
      return {
        from: positionsOf(drawing.geometry)[0] ?? [0, 0],
        update: (dLon, dLat) => {
          moved = dragGeometry(drawing.geometry, grab, dLon, dLat);
          preview.current = { id: drawing.id, geometry: moved };
          show();
        },
        end: (keep) => {
          if (!moved) return;
          if (!keep) {
            preview.current = before;
            show();
            return;
          }
          const final = preview.current;
          void latest.current.save(drawing, moved, grab).then((saved) => {
            // A later move has its own preview by now.
            if (preview.current !== final) return;
            preview.current = null;
            // Saved, the refetched drawings already show it; not saved, the shape goes back.
            if (!saved) show();
          });
        },
      };
    };
    const begin = (event: MapMouseEvent, drawing: Drawing, grab: Grab) => {
      if (!map) return;
      const canvas = map.getCanvas();
      const from = event.point;
      const start = event.lngLat;
      const move = startMove(drawing, grab);
      // Map panning would move the map under the shape; it waits until the drag is over.
      const panning = map.dragPan.isEnabled();
      map.dragPan.disable();
      let started = false;
      const onMove = (pointer: MouseEvent) => {
        // The button came up outside the window.
        if ((pointer.buttons & 1) === 0) {
          end(true);
          return;
        }
        const box = canvas.getBoundingClientRect();
        const [x, y] = [pointer.clientX - box.left, pointer.clientY - box.top];
        if (!started && Math.hypot(x - from.x, y - from.y) < THRESHOLD) return;
        started = true;
        const at = map.unproject([x, y]);
        move.update(at.lng - start.lng, at.lat - start.lat);
        canvas.style.cursor = 'grabbing';
      };
      const onUp = () => end(true);
      const onKey = (key: KeyboardEvent) => {
        if (key.key !== 'Escape') return;
        // Esc here takes the drag back and nothing else (not the selection too).
        key.preventDefault();
        key.stopPropagation();
        end(false);
      };
      const onBlur = () => end(false);
      const end = (keep: boolean) => {
        window.removeEventListener('mousemove', onMove);
        window.removeEventListener('mouseup', onUp);
        window.removeEventListener('keydown', onKey, true);
        window.removeEventListener('blur', onBlur);
        if (panning) map.dragPan.enable();
        canvas.style.cursor = '';
        dragging.current = null;
        move.end(keep);
      };
      window.addEventListener('mousemove', onMove);
      window.addEventListener('mouseup', onUp);
      window.addEventListener('keydown', onKey, true);
      window.addEventListener('blur', onBlur);
      dragging.current = end;
    };
    const onDown = (event: MapMouseEvent) => {
      if (event.originalEvent.button !== 0 || dragging.current) return;
      const grab = grabAt(event.point);
      const drawing = shown().find((candidate) => candidate.id === latest.current.selectedId);
      if (!grab || !drawing) return;
      // Keeps maplibre's own handlers (panning, box zoom) out of this press.
      event.preventDefault();
      begin(event, drawing, grab);
    };
    const cursorAt = (point: { x: number; y: number }) => (dragging.current ? 'grabbing' : grabAt(point) ? 'move' : null);
    const moveSelected = (): Move | null => {
      const drawing = shown().find((candidate) => candidate.id === latest.current.selectedId);
      return drawing && !dragging.current ? startMove(drawing, { part: 'shape' }) : null;
    };
    return { show, onDown, cursorAt, moveSelected };
  }, [map]);

  useEffect(() => drag.show(), [drag, drawings, selectedId]);
  useEffect(() => {
    if (!map) return undefined;
    map.on('mousedown', drag.onDown);
    return () => {
      map.off('mousedown', drag.onDown);
      dragging.current?.(false);
    };
  }, [map, drag]);

  return useMemo(() => ({ cursorAt: drag.cursorAt, moveSelected: drag.moveSelected }), [drag]);
}
