/**
 * What the Map view's editing is doing, as one reducer: the tool (select, or drawing a point, line,
 * polygon or place), the sketch being drawn and where the pointer is, what is selected, and a place
 * being added by hand. The map's handlers and the parts read it; every change is an action.
 */
import { useReducer } from 'react';
import type { Position } from '../../../../shared/map';

export type Mode = 'select' | 'point' | 'line' | 'polygon' | 'place';
export type Selection = { kind: 'place'; id: number } | { kind: 'drawing'; id: number } | null;

export interface MapEditorState {
  readonly mode: Mode;
  /** The points of a line or polygon being drawn. */
  readonly sketch: readonly Position[];
  /** Where the pointer is while drawing, for the sketch's last segment. */
  readonly pointer: Position | null;
  readonly selection: Selection;
  /** A place being added where the analyst clicked, until it is named. */
  readonly newPlace: { readonly lat: number; readonly lon: number; readonly name: string } | null;
}

export type MapEditorAction =
  | { type: 'mode'; mode: Mode }
  | { type: 'addPoint'; position: Position }
  | { type: 'dropLastPoint' }
  | { type: 'pointer'; position: Position | null }
  | { type: 'select'; selection: Selection }
  /** Deselects this selection if it is still the one selected. */
  | { type: 'deselect'; selection: NonNullable<Selection> }
  | { type: 'drawn'; id: number }
  | { type: 'placeAt'; lat: number; lon: number }
  | { type: 'nameNewPlace'; name: string }
  | { type: 'closeNewPlace' }
  | { type: 'placeAdded'; id: number };

export const initialMapEditorState: MapEditorState = { mode: 'select', sketch: [], pointer: null, selection: null, newPlace: null };

export function mapEditorReducer(state: MapEditorState, action: MapEditorAction): MapEditorState {
  switch (action.type) {
    case 'mode':
      return { ...state, mode: action.mode, sketch: [], pointer: null };
    case 'addPoint':
      return { ...state, sketch: [...state.sketch, action.position] };
    case 'dropLastPoint':
      return { ...state, sketch: state.sketch.slice(0, -1) };
    case 'pointer':
      return { ...state, pointer: action.position };
    case 'select':
      return { ...state, selection: action.selection };
    case 'deselect': {
      const current = state.selection;
      return current?.kind === action.selection.kind && current.id === action.selection.id ? { ...state, selection: null } : state;
    }
    case 'drawn':
      return { ...state, mode: 'select', sketch: [], pointer: null, selection: { kind: 'drawing', id: action.id } };
    case 'placeAt':
      return { ...state, newPlace: { lat: action.lat, lon: action.lon, name: '' } };
    case 'nameNewPlace':
      return state.newPlace ? { ...state, newPlace: { ...state.newPlace, name: action.name } } : state;
    case 'closeNewPlace':
      return { ...state, newPlace: null };
    case 'placeAdded':
      return { ...state, newPlace: null, mode: 'select', selection: { kind: 'place', id: action.id } };
  }
}

export function useMapEditor() {
  return useReducer(mapEditorReducer, initialMapEditorState);
}
