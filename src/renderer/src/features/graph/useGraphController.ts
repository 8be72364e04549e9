/**
 * What the graph view's controls decide, as one reducer: what is loaded around (expanded), selected,
 * filtered and highlighted (a path or an ego network, never both), how nodes are sized and coloured,
 * and a link being drawn or drafted. The canvas and the panels read it; every change is an action.
 */
import { useReducer } from 'react';
import type { LinkDraft } from './LinkModal';
import type { Centrality, GraphFilter } from './graphModel';
import { defaultFilter } from './graphModel';

export type Selection = { kind: 'node'; key: string } | { kind: 'edge'; key: string } | null;

export interface PathResult {
  readonly from: string;
  readonly to: string;
  readonly nodes: readonly string[] | null;
  readonly edges: readonly string[];
}

/** A Shift-drag from a node, drawn as a line until it ends on another node. */
export interface LinkingLine {
  readonly from: string;
  readonly x: number;
  readonly y: number;
  readonly toX: number;
  readonly toY: number;
}

export interface GraphViewState {
  /** Nodes whose neighbours were asked for, in order: the slice loads around them. */
  readonly expanded: readonly string[];
  readonly selection: Selection;
  readonly filter: GraphFilter;
  readonly centrality: Centrality;
  readonly communities: ReadonlyMap<string, number> | null;
  readonly path: PathResult | null;
  readonly pathEnds: { readonly from: string | null; readonly to: string | null };
  readonly ego: ReadonlySet<string> | null;
  readonly linkDraft: LinkDraft | null;
  readonly linking: LinkingLine | null;
  /** A node asked for before it was loaded: focused once it is. */
  readonly pendingFocus: string | null;
}

export type GraphAction =
  | { type: 'select'; selection: Selection }
  | { type: 'expand'; key: string }
  | { type: 'reveal'; key: string }
  | { type: 'revealed' }
  | { type: 'filter'; filter: GraphFilter }
  | { type: 'hide'; key: string }
  | { type: 'centrality'; centrality: Centrality }
  | { type: 'communities'; communities: ReadonlyMap<string, number> | null }
  | { type: 'pathEnds'; from: string | null; to: string | null }
  | { type: 'path'; path: PathResult }
  | { type: 'ego'; ego: ReadonlySet<string> }
  | { type: 'clearHighlight' }
  | { type: 'escape' }
  | { type: 'draftLink'; draft: LinkDraft | null }
  | { type: 'linking'; linking: LinkingLine | null };

export const initialGraphViewState: GraphViewState = {
  expanded: [],
  selection: null,
  filter: defaultFilter,
  centrality: 'degree',
  communities: null,
  path: null,
  pathEnds: { from: null, to: null },
  ego: null,
  linkDraft: null,
  linking: null,
  pendingFocus: null,
};

const withExpanded = (expanded: readonly string[], key: string) => (expanded.includes(key) ? expanded : [...expanded, key]);

export function graphViewReducer(state: GraphViewState, action: GraphAction): GraphViewState {
  switch (action.type) {
    case 'select':
      return { ...state, selection: action.selection };
    case 'expand':
      return { ...state, expanded: withExpanded(state.expanded, action.key) };
    case 'reveal':
      return { ...state, expanded: withExpanded(state.expanded, action.key), pendingFocus: action.key };
    case 'revealed':
      return { ...state, pendingFocus: null };
    case 'filter':
      return { ...state, filter: action.filter };
    case 'hide':
      return { ...state, filter: { ...state.filter, hidden: new Set([...state.filter.hidden, action.key]) }, selection: null };
    case 'centrality':
      return { ...state, centrality: action.centrality };
    case 'communities':
      return { ...state, communities: action.communities };
    case 'pathEnds':
      return { ...state, pathEnds: { from: action.from, to: action.to } };
    case 'path':
      return { ...state, path: action.path, ego: null };
    case 'ego':
      return { ...state, ego: action.ego, path: null };
    case 'clearHighlight':
      return { ...state, path: null, ego: null };
    case 'escape':
      return { ...state, selection: null, path: null, ego: null };
    case 'draftLink':
      return { ...state, linkDraft: action.draft };
    case 'linking':
      return { ...state, linking: action.linking };
  }
}

/** The view's state; `filter` is where its filters start (the period brushed on the timeline, say). */
export function useGraphController(filter: GraphFilter = defaultFilter) {
  return useReducer(graphViewReducer, filter, (start) => ({ ...initialGraphViewState, filter: start }));
}
