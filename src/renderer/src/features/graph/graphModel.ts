/**
 * The graph view's model, free of the DOM so the benchmark runs it in Node: the graphology graph
 * built from the engine's slice, what the filters hide, and the analytics (shortest path,
 * centralities, communities, ego networks) over what is shown.
 */
import Graph, { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { bidirectional } from 'graphology-shortest-path';
import { bfsFromNode } from 'graphology-traversal';
import { entityTypeColors, entityTypeLabels } from '../../../../shared/entities';
import type { EdgeStatus, EdgeType, GraphEdge, GraphNode, GraphSlice, NodeKind } from '../../../../shared/graph';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  /** Set by `paint` for sigma's styles: */
  shape?: string;
  opacity?: number;
  forceLabel?: boolean;
  zIndex?: number;
  hidden?: boolean;
  labelColor?: string;
  backdropColor?: string;
  kind: NodeKind;
  status: GraphNode['status'];
  degree: number;
  date: string | null;
  tags: readonly number[];
  /** Pinned by the analyst: the layout leaves it where it is (ForceAtlas2 reads `fixed`). */
  fixed: boolean;
}

export interface EdgeAttributes {
  size: number;
  /** The width by type and weight, before any highlight. */
  baseSize: number;
  color: string;
  /** Set by `paint` for sigma's styles: */
  head?: string;
  label?: string | null;
  labelColor?: string;
  zIndex?: number;
  hidden?: boolean;
  edgeType: EdgeType;
  status: EdgeStatus;
  weight: number;
  linkId: number | null;
  relation: string | null;
  directed: boolean;
  evidence: number;
  reliability: GraphEdge['reliability'];
  credibility: number | null;
  dateStart: string | null;
  dateEnd: string | null;
}

export type CaseGraphModel = Graph<NodeAttributes, EdgeAttributes>;

/** Node colours by kind: each entity type's colour (src/shared/entities.ts), and orange for documents. */
export const kindColors: Readonly<Record<NodeKind, string>> = {
  document: '#fd7e14',
  person: entityTypeColors.person.hex,
  organization: entityTypeColors.organization.hex,
  location: entityTypeColors.location.hex,
  other: entityTypeColors.other.hex,
};

export const kindLabels: Readonly<Record<NodeKind, string>> = { document: 'Document', ...entityTypeLabels };

/** Asserted links stand out; machine suggestions stay muted (UX: suggestions look different everywhere). */
export function edgeColor(type: EdgeType, status: EdgeStatus, dark: boolean): string {
  if (type === 'link') return dark ? '#ffa94d' : '#e8590c';
  if (type === 'mention') return status === 'confirmed' ? (dark ? '#5c5f66' : '#adb5bd') : dark ? '#373a40' : '#dee2e6';
  return dark ? '#2c2e33' : '#e9ecef';
}

const sizeOf = (value: number, max: number): number => 3 + 14 * Math.sqrt(max > 0 ? value / max : 0);

/** A deterministic spot for a node the case has no position for: a golden-angle spiral, so a first layout starts untangled. */
function seedPosition(index: number): { x: number; y: number } {
  const radius = 10 * Math.sqrt(index + 1);
  const angle = index * 2.399963229728653;
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

function nodeAttributes(node: GraphNode, index: number): NodeAttributes {
  const seed = node.x === null || node.y === null ? seedPosition(index) : { x: node.x, y: node.y };
  return {
    ...seed,
    size: 4,
    color: kindColors[node.kind],
    label: node.label,
    kind: node.kind,
    status: node.status,
    degree: node.degree,
    date: node.date,
    tags: node.tags,
    fixed: node.pinned,
  };
}

function edgeAttributes(edge: GraphEdge, dark: boolean): EdgeAttributes {
  const size = edge.type === 'link' ? 2.5 : edge.type === 'mention' ? 0.6 : Math.min(2, 0.4 + Math.log2(1 + edge.weight) / 3);
  return {
    size,
    baseSize: size,
    color: edgeColor(edge.type, edge.status, dark),
    edgeType: edge.type,
    status: edge.status,
    weight: edge.weight,
    linkId: edge.linkId,
    relation: edge.relation,
    directed: edge.directed,
    evidence: edge.evidence,
    reliability: edge.reliability,
    credibility: edge.credibility,
    dateStart: edge.dateStart,
    dateEnd: edge.dateEnd,
  };
}

/** A multigraph (a document may mention an entity and also be linked to it) of the slice. */
export function buildGraph(slice: GraphSlice, dark = false): CaseGraphModel {
  const graph: CaseGraphModel = new Graph<NodeAttributes, EdgeAttributes>({ multi: true, type: 'mixed', allowSelfLoops: false });
  mergeSlice(graph, slice, dark);
  return graph;
}

/** Adds what a slice has that the graph lacks (expanding a node); answers with the keys of the new nodes. */
export function mergeSlice(graph: CaseGraphModel, slice: GraphSlice, dark = false): string[] {
  const added: string[] = [];
  let index = graph.order;
  for (const node of slice.nodes) {
    if (graph.hasNode(node.key)) continue;
    graph.addNode(node.key, nodeAttributes(node, index));
    index += 1;
    added.push(node.key);
  }
  for (const edge of slice.edges) {
    if (graph.hasEdge(edge.key) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    const attributes = edgeAttributes(edge, dark);
    if (edge.directed) graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
    else graph.addUndirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
  }
  return added;
}

/**
 * Brings the graph in line with a fresh slice (after a link is made or undone): adds what is new,
 * drops what is gone, updates what changed, and keeps every node where it is.
 */
export function syncSlice(graph: CaseGraphModel, slice: GraphSlice, dark = false): string[] {
  const nodeKeys = new Set(slice.nodes.map((node) => node.key));
  const edgeKeys = new Set(slice.edges.map((edge) => edge.key));
  for (const edge of graph.edges()) if (!edgeKeys.has(edge)) graph.dropEdge(edge);
  for (const key of graph.nodes()) if (!nodeKeys.has(key)) graph.dropNode(key);
  for (const node of slice.nodes) {
    if (!graph.hasNode(node.key)) continue;
    graph.mergeNodeAttributes(node.key, { label: node.label, kind: node.kind, status: node.status, degree: node.degree, date: node.date, tags: node.tags, color: kindColors[node.kind] });
  }
  for (const edge of slice.edges) {
    if (graph.hasEdge(edge.key)) graph.replaceEdgeAttributes(edge.key, edgeAttributes(edge, dark));
  }
  return mergeSlice(graph, slice, dark);
}

/** What the analyst has chosen to see. */
export interface GraphFilter {
  readonly kinds: ReadonlySet<NodeKind>;
  readonly edgeTypes: ReadonlySet<EdgeType>;
  /** Hide suggested entities (and the edges to them). */
  readonly confirmedOnly: boolean;
  /** Asserted links graded below this source reliability (A best) are hidden; null: all. */
  readonly minReliability: GraphEdge['reliability'];
  /** Documents and dated links outside [from, to] (YYYY-MM-DD prefixes) are hidden. */
  readonly from: string | null;
  readonly to: string | null;
  /** Nodes the analyst hid one by one. */
  readonly hidden: ReadonlySet<string>;
  /** Documents carrying none of these tags are hidden; empty: no tag filter. */
  readonly tags: ReadonlySet<number>;
}

export const defaultFilter: GraphFilter = {
  kinds: new Set<NodeKind>(['document', 'person', 'organization', 'location', 'other']),
  edgeTypes: new Set<EdgeType>(['mention', 'cooccurrence', 'link']),
  confirmedOnly: false,
  minReliability: null,
  from: null,
  to: null,
  hidden: new Set(),
  tags: new Set(),
};

function inDateRange(date: string | null, filter: GraphFilter): boolean {
  if (!date) return true;
  const day = date.slice(0, 10);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day.slice(0, filter.to.length) > filter.to) return false;
  return true;
}

export function isNodeShown(attributes: NodeAttributes, key: string, filter: GraphFilter): boolean {
  if (filter.hidden.has(key) || !filter.kinds.has(attributes.kind)) return false;
  if (filter.confirmedOnly && attributes.status === 'suggested') return false;
  if (attributes.kind !== 'document') return true;
  if (filter.tags.size > 0 && !attributes.tags.some((tag) => filter.tags.has(tag))) return false;
  return inDateRange(attributes.date, filter);
}

export function isEdgeShown(attributes: EdgeAttributes, filter: GraphFilter): boolean {
  if (!filter.edgeTypes.has(attributes.edgeType)) return false;
  if (attributes.edgeType === 'link') {
    if (filter.minReliability && (!attributes.reliability || attributes.reliability > filter.minReliability)) return false;
    if (!inDateRange(attributes.dateStart, filter) && !inDateRange(attributes.dateEnd, filter)) return false;
  }
  return true;
}

/**
 * The shown part as a simple undirected graph for the analytics: parallel edges merged (their
 * weights summed), as Louvain and the centralities expect.
 */
export function analyticsGraph(graph: CaseGraphModel, filter: GraphFilter): UndirectedGraph {
  const simple = new UndirectedGraph();
  graph.forEachNode((key, attributes) => {
    if (isNodeShown(attributes, key, filter)) simple.addNode(key);
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (!simple.hasNode(source) || !simple.hasNode(target) || !isEdgeShown(attributes, filter)) return;
    simple.updateUndirectedEdge(source, target, (current: { weight?: number }) => ({ weight: (current.weight ?? 0) + 1 }));
  });
  return simple;
}

export type Centrality = 'degree' | 'betweenness' | 'pagerank';

/** Node sizes by a centrality over what is shown; answers with the scores. */
export function sizeBy(graph: CaseGraphModel, filter: GraphFilter, centrality: Centrality): Map<string, number> {
  let scores: Record<string, number>;
  if (centrality === 'degree') scores = shownDegrees(graph, filter);
  else if (centrality === 'betweenness') scores = betweennessCentrality(analyticsGraph(graph, filter), { normalized: true });
  else scores = pagerank(analyticsGraph(graph, filter), { getEdgeWeight: null });
  const max = Math.max(0, ...Object.values(scores));
  const result = new Map<string, number>();
  graph.updateEachNodeAttributes((key, attributes) => {
    const score = scores[key] ?? 0;
    result.set(key, score);
    return { ...attributes, size: sizeOf(score, max) };
  });
  return result;
}

/** Edges at each node among what is shown; one pass, no copy of the graph (it sizes the first frame). */
function shownDegrees(graph: CaseGraphModel, filter: GraphFilter): Record<string, number> {
  const scores: Record<string, number> = {};
  graph.forEachNode((key, attributes) => {
    if (isNodeShown(attributes, key, filter)) scores[key] = 0;
  });
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (scores[source] === undefined || scores[target] === undefined || !isEdgeShown(attributes, filter)) return;
    scores[source] += 1;
    scores[target] += 1;
  });
  return scores;
}

/** Louvain communities over what is shown: node key to community number (largest community 0). */
export function communities(graph: CaseGraphModel, filter: GraphFilter): Map<string, number> {
  const simple = analyticsGraph(graph, filter);
  if (simple.size === 0) return new Map();
  const raw = louvain(simple, { getEdgeWeight: 'weight', rng: seededRandom(7) });
  const sizes = new Map<number, number>();
  for (const community of Object.values(raw)) sizes.set(community, (sizes.get(community) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1]).map(([community]) => community);
  const rank = new Map(order.map((community, index) => [community, index]));
  return new Map(Object.entries(raw).map(([key, community]) => [key, rank.get(community) ?? 0]));
}

/** Colours for communities, the largest first; the rest share grey. */
export const communityPalette = ['#e03131', '#1971c2', '#2f9e44', '#f08c00', '#9c36b5', '#0c8599', '#c2255c', '#5c940d', '#e8590c', '#3b5bdb'];

/** A shortest path over what is shown, ignoring direction; null when the two are not connected. */
export function shortestPath(graph: CaseGraphModel, filter: GraphFilter, from: string, to: string): string[] | null {
  const simple = analyticsGraph(graph, filter);
  if (!simple.hasNode(from) || !simple.hasNode(to)) return null;
  return bidirectional(simple, from, to);
}

/** The edges along a path of nodes, one per step (the asserted link when there is one). */
export function pathEdges(graph: CaseGraphModel, path: readonly string[], filter: GraphFilter): string[] {
  const edges: string[] = [];
  for (let index = 1; index < path.length; index += 1) {
    const between = graph.edges(path[index - 1]!, path[index]!).concat(graph.edges(path[index]!, path[index - 1]!));
    const shown = between.filter((edge) => isEdgeShown(graph.getEdgeAttributes(edge), filter));
    const best = shown.find((edge) => graph.getEdgeAttribute(edge, 'edgeType') === 'link') ?? shown[0];
    if (best) edges.push(best);
  }
  return edges;
}

/** The nodes within `depth` steps of a node, over what is shown. */
export function egoNetwork(graph: CaseGraphModel, filter: GraphFilter, center: string, depth: number): Set<string> {
  const simple = analyticsGraph(graph, filter);
  const found = new Set<string>();
  if (!simple.hasNode(center)) return found;
  bfsFromNode(simple, center, (node, _attributes, distance) => {
    found.add(node);
    return distance >= depth;
  });
  return found;
}

/** A small seeded generator, so communities come out the same each time for the same graph. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
