/**
 * The case graph read from the case file: documents, actors and places as nodes; mention,
 * co-occurrence and asserted-link edges. Co-occurrence is computed on demand (one indexed
 * self-join over mentions) rather than stored, so it never disagrees with the mentions; the whole
 * graph is cached until the case changes.
 */
import type { Database } from 'better-sqlite3';
import type { EdgeStatus, GraphEdge, GraphNode, GraphSlice } from '../../../shared/graph';
import { nodeKey, parseNodeKey } from '../../../shared/graph';
import type { EntityType } from '../../../shared/entities';
import { DossierError } from '../../../shared/errors';
import { foldText } from '../../../shared/textFolding';
import { statement } from '../case/statements';
import type { LinkRow } from './links';
import { liveMention, rejectedSuggestion } from '../entities/liveMentions';

/**
 * Two mentions whose starts lie within this many characters share a passage: about a sentence of
 * newswire. A stand-in for sentence windows that needs no text, so it stays an index lookup.
 */
export const COOCCURRENCE_WINDOW = 200;

export interface CaseGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
}

export interface CaseGraphOptions {
  readonly cooccurrence?: boolean;
  readonly minCooccurrence?: number;
}

interface EntityNodeRow {
  id: number;
  name: string;
  kind: EntityType;
  status: 'suggested' | 'confirmed';
}
interface DocumentNodeRow {
  id: number;
  title: string;
  published_at: string | null;
}
interface PositionRow {
  node: string;
  x: number;
  y: number;
  pinned: number;
}
interface MentionEdgeRow {
  document_id: number;
  entity_id: number;
  mentions: number;
  confirmed: number;
}
interface CooccurrenceRow {
  a: number;
  b: number;
  windows: number;
  documents: string;
}

/** Two entities named within COOCCURRENCE_WINDOW characters of each other: how often, and in which documents. */
export interface Cooccurrence {
  readonly source: number;
  readonly target: number;
  readonly windows: number;
  readonly documents: readonly number[];
}

/**
 * Every pair of entities named within COOCCURRENCE_WINDOW characters of each other (rejected mentions
 * left out), smaller id first; among `entityIds` only, when given. The graph's dashed edges and the
 * briefing's relations panel both read this, so that both mean the same by "named together".
 */
export function cooccurrences(db: Database, entityIds?: readonly number[]): Cooccurrence[] {
  const among = entityIds ? `AND a.entity_id IN (${entityIds.map(() => '?').join(', ')}) AND b.entity_id IN (${entityIds.map(() => '?').join(', ')})` : '';
  const rows = statement(
    db,
    `SELECT a.entity_id AS a, b.entity_id AS b, count(*) AS windows, group_concat(DISTINCT a.document_id) AS documents
     FROM mentions a JOIN mentions b ON b.document_id = a.document_id AND b.start > a.start AND b.start <= a.start + ${COOCCURRENCE_WINDOW}
     WHERE a.entity_id IS NOT NULL AND b.entity_id IS NOT NULL AND a.entity_id <> b.entity_id
       AND ${liveMention('a')} AND ${liveMention('b')} ${among}
     GROUP BY a.entity_id, b.entity_id`,
  ).all(...(entityIds ?? []), ...(entityIds ?? [])) as CooccurrenceRow[];
  const pairs = new Map<string, { source: number; target: number; windows: number; documents: Set<number> }>();
  for (const row of rows) {
    const [source, target] = row.a < row.b ? [row.a, row.b] : [row.b, row.a];
    const key = `${source}:${target}`;
    const pair = pairs.get(key) ?? { source, target, windows: 0, documents: new Set<number>() };
    pair.windows += row.windows;
    for (const id of row.documents.split(',')) pair.documents.add(Number(id));
    pairs.set(key, pair);
  }
  return [...pairs.values()].map((pair) => ({ ...pair, documents: [...pair.documents].sort((left, right) => left - right) }));
}
/** A link as the graph draws it: the stored row without its note and times, with its number of citations. */
type LinkEdgeRow = Omit<LinkRow, 'note' | 'created_at' | 'updated_at'> & { evidence: number };

const cache = new WeakMap<Database, { key: string; graph: CaseGraph }>();

/** The whole case graph; built once per state of the case and options. */
export function loadCaseGraph(db: Database, options: CaseGraphOptions = {}): CaseGraph {
  const cooccurrence = options.cooccurrence ?? true;
  const minCooccurrence = options.minCooccurrence ?? 1;
  // total_changes() counts this connection's writes, and the engine is the case's only writer.
  const changes = (statement(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  const key = `${changes}|${cooccurrence}|${minCooccurrence}`;
  const cached = cache.get(db);
  if (cached?.key === key) return cached.graph;
  const graph = buildCaseGraph(db, cooccurrence, minCooccurrence);
  cache.set(db, { key, graph });
  return graph;
}

/** Builds the graph anew and says where the time went, stage by stage (for the benchmark). */
export function profileCaseGraph(db: Database): Record<string, number> {
  const stages: Record<string, number> = {};
  buildCaseGraph(db, true, 1, stages);
  return stages;
}

function buildCaseGraph(db: Database, cooccurrence: boolean, minCooccurrence: number, stages?: Record<string, number>): CaseGraph {
  let last = performance.now();
  const stage = (name: string): void => {
    if (!stages) return;
    const now = performance.now();
    stages[name] = now - last;
    last = now;
  };
  const positions = new Map<string, PositionRow>();
  for (const row of statement(db, 'SELECT node, x, y, pinned FROM graph_positions').all() as PositionRow[]) positions.set(row.node, row);
  const nodes: GraphNode[] = [];
  const index = new Map<string, GraphNode>();
  const addNode = (node: Omit<GraphNode, 'x' | 'y' | 'pinned' | 'degree'>): void => {
    const position = positions.get(node.key);
    const full: GraphNode = { ...node, degree: 0, x: position?.x ?? null, y: position?.y ?? null, pinned: position?.pinned === 1 };
    nodes.push(full);
    index.set(full.key, full);
  };
  const tagsOf = new Map<number, number[]>();
  for (const row of statement(db, 'SELECT document_id, tag_id FROM document_tags').all() as { document_id: number; tag_id: number }[]) {
    const tags = tagsOf.get(row.document_id);
    if (tags) tags.push(row.tag_id);
    else tagsOf.set(row.document_id, [row.tag_id]);
  }
  for (const row of statement(db, 'SELECT id, title, published_at FROM documents').all() as DocumentNodeRow[]) {
    addNode({ key: nodeKey('document', row.id), label: row.title, kind: 'document', status: 'confirmed', date: row.published_at, tags: tagsOf.get(row.id) ?? [] });
  }
  for (const row of statement(db, `SELECT e.id, e.name, e.kind, e.status FROM entities e WHERE NOT ${rejectedSuggestion('e')}`).all() as EntityNodeRow[]) {
    addNode({ key: nodeKey('entity', row.id), label: row.name, kind: row.kind, status: row.status, date: null, tags: [] });
  }
  stage('nodes and positions');

  const edges: GraphEdge[] = [];
  const addEdge = (edge: Omit<GraphEdge, 'linkId' | 'relation' | 'directed' | 'evidence' | 'reliability' | 'credibility' | 'dateStart' | 'dateEnd'> & Partial<GraphEdge>): void => {
    const source = index.get(edge.source);
    const target = index.get(edge.target);
    // An end that is gone (a deleted entity whose link waits for undo) is not drawn.
    if (!source || !target) return;
    source.degree += 1;
    target.degree += 1;
    edges.push({
      linkId: null,
      relation: null,
      directed: false,
      evidence: 0,
      reliability: null,
      credibility: null,
      dateStart: null,
      dateEnd: null,
      ...edge,
    });
  };

  const mentionRows = statement(
    db,
    `SELECT document_id, entity_id, count(*) AS mentions, max(status = 'confirmed') AS confirmed
     FROM mentions WHERE entity_id IS NOT NULL AND ${liveMention()} GROUP BY document_id, entity_id`,
  ).all() as MentionEdgeRow[];
  for (const row of mentionRows) {
    const status: EdgeStatus = row.confirmed ? 'confirmed' : 'suggested';
    addEdge({
      key: `mention:${row.document_id}:${row.entity_id}`,
      source: nodeKey('document', row.document_id),
      target: nodeKey('entity', row.entity_id),
      type: 'mention',
      status,
      weight: row.mentions,
      directed: true,
    });
  }
  stage('mention edges');

  if (cooccurrence) {
    for (const { source, target, windows } of cooccurrences(db)) {
      if (windows < minCooccurrence) continue;
      addEdge({
        key: `cooccurrence:${source}:${target}`,
        source: nodeKey('entity', source),
        target: nodeKey('entity', target),
        type: 'cooccurrence',
        status: 'suggested',
        weight: windows,
      });
    }
  }
  stage('co-occurrence edges');

  const linkRows = statement(
    db,
    `SELECT l.id, l.from_kind, l.from_id, l.to_kind, l.to_id, l.relation, l.directed, l.date_start, l.date_end, l.reliability, l.credibility,
       coalesce(ev.n, 0) AS evidence
     FROM links l LEFT JOIN (SELECT link_id, count(*) AS n FROM link_evidence GROUP BY link_id) ev ON ev.link_id = l.id`,
  ).all() as LinkEdgeRow[];
  for (const row of linkRows) {
    addEdge({
      key: `link:${row.id}`,
      source: nodeKey(row.from_kind, row.from_id),
      target: nodeKey(row.to_kind, row.to_id),
      type: 'link',
      status: 'asserted',
      weight: 1,
      linkId: row.id,
      relation: row.relation,
      directed: row.directed === 1,
      evidence: row.evidence,
      reliability: row.reliability,
      credibility: row.credibility,
      dateStart: row.date_start,
      dateEnd: row.date_end,
    });
  }
  stage('link edges');
  return { nodes, edges };
}

/**
 * The part of the case graph the view opens with: every node when there are few, else the best
 * connected `limit` nodes (the rest are reached by search and expand) and the edges among them.
 */
export function graphSlice(db: Database, query: { limit: number } & CaseGraphOptions): GraphSlice {
  const graph = loadCaseGraph(db, query);
  const total = { nodes: graph.nodes.length, edges: graph.edges.length };
  if (graph.nodes.length <= query.limit) return { nodes: graph.nodes, edges: graph.edges, total };
  // Pinned and placed nodes first (the analyst arranged them), then by degree.
  const ranked = [...graph.nodes].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.degree - a.degree || (a.key < b.key ? -1 : 1));
  const kept = new Set(ranked.slice(0, query.limit).map((node) => node.key));
  return {
    nodes: graph.nodes.filter((node) => kept.has(node.key)),
    edges: graph.edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target)),
    total,
  };
}

/**
 * The neighbours of some nodes (depth 1) with the edges that join them to what the view already
 * shows: `shown` names the nodes on screen, so the answer carries every edge between old and new.
 */
export function expandNodes(db: Database, keys: readonly string[], shown: readonly string[], options: CaseGraphOptions = {}): GraphSlice {
  const graph = loadCaseGraph(db, options);
  const nodesByKey = new Map(graph.nodes.map((node) => [node.key, node]));
  for (const key of keys) {
    if (!nodesByKey.has(key)) throw new DossierError('not-found', `There is no node ${key} in this case's graph; it may have been deleted.`);
  }
  const seeds = new Set(keys);
  const added = new Set<string>(keys);
  for (const edge of graph.edges) {
    if (seeds.has(edge.source)) added.add(edge.target);
    if (seeds.has(edge.target)) added.add(edge.source);
  }
  const visible = new Set([...shown, ...added]);
  return {
    nodes: [...added].map((key) => nodesByKey.get(key)!),
    edges: graph.edges.filter((edge) => visible.has(edge.source) && visible.has(edge.target) && (added.has(edge.source) || added.has(edge.target))),
    total: { nodes: graph.nodes.length, edges: graph.edges.length },
  };
}

/** Nodes whose name (or a document's title) contains the text, best connected first. */
export function searchNodes(db: Database, text: string, limit: number): GraphNode[] {
  const wanted = foldText(text.trim());
  if (!wanted) return [];
  const aliasMatches = new Set<string>(
    (
      statement(db, "SELECT DISTINCT entity_id FROM entity_aliases WHERE folded LIKE ? ESCAPE '\\' LIMIT 5000").all(
        `%${wanted.replace(/[\\%_]/g, (character) => `\\${character}`)}%`,
      ) as { entity_id: number }[]
    ).map((row) => nodeKey('entity', row.entity_id)),
  );
  return loadCaseGraph(db)
    .nodes.filter((node) => aliasMatches.has(node.key) || foldText(node.label).includes(wanted))
    .sort((a, b) => b.degree - a.degree)
    .slice(0, limit);
}

/** Keeps where nodes were placed (and which are pinned) in the case file; not undoable, like a window's size. */
export function savePositions(db: Database, positions: readonly { key: string; x: number; y: number; pinned: boolean }[]): number {
  const upsert = statement(
    db,
    'INSERT INTO graph_positions (node, x, y, pinned) VALUES (?, ?, ?, ?) ON CONFLICT (node) DO UPDATE SET x = excluded.x, y = excluded.y, pinned = excluded.pinned',
  );
  db.transaction(() => {
    for (const position of positions) {
      if (!parseNodeKey(position.key)) continue;
      upsert.run(position.key, position.x, position.y, position.pinned ? 1 : 0);
    }
  })();
  return positions.length;
}

/** Forgets every saved position, so the layout starts afresh. */
export function clearPositions(db: Database): void {
  statement(db, 'DELETE FROM graph_positions').run();
}
