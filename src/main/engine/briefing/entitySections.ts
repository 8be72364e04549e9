/**
 * The briefing's sections about the case's entities: the actors table, the places map (with the
 * analyst's drawings) and the relationships graph (co-occurrences and asserted links, laid out as
 * the graph view left them).
 */
import type { Database } from 'better-sqlite3';
import type { BriefingSection } from '../../../shared/briefing';
import { sectionTitles } from '../../../shared/briefing';
import type { EntityType } from '../../../shared/entities';
import { statement } from '../case/statements';
import { readAttributes } from '../entities/attributes';
import { liveDocumentCount, liveMention, liveMentionCount } from '../entities/liveMentions';
import { cooccurrences } from '../graph/caseGraph';
import { listLinks } from '../graph/links';
import { listDrawings } from '../map/drawings';
import type { Citations } from './citations';
import type { GraphEdge, GraphNode, SectionContent } from './content';

const MAX_ACTORS = 40;
const GRAPH_ACTORS = 14;
const GRAPH_PLACES = 8;
const MAX_PAIRS = 60;

/** The documents that mention an entity most, for citing it. */
function sourcesOf(db: Database, entityId: number, limit: number): number[] {
  return (
    statement(
      db,
      `SELECT document_id FROM mentions WHERE entity_id = ? AND ${liveMention()}
       GROUP BY document_id ORDER BY count(*) DESC, document_id LIMIT ?`,
    ).all(entityId, limit) as { document_id: number }[]
  ).map((row) => row.document_id);
}

interface EntityRow {
  id: number;
  name: string;
  kind: EntityType;
  subtype: string | null;
  status: 'suggested' | 'confirmed';
  attributes: string;
  mentions: number;
  documents: number;
}

const ENTITY_COUNTS = `SELECT e.id, e.name, e.kind, e.subtype, e.status, e.attributes,
   ${liveMentionCount('e.id')} AS mentions,
   ${liveDocumentCount('e.id')} AS documents
 FROM entities e`;

function chosenOrTop(db: Database, ids: readonly number[] | undefined, kinds: readonly EntityType[], limit: number): EntityRow[] {
  if (ids && ids.length > 0) {
    const rows = statement(db, `${ENTITY_COUNTS} WHERE e.id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as EntityRow[];
    const order = new Map(ids.map((id, index) => [id, index]));
    return rows.sort((left, right) => (order.get(left.id) ?? 0) - (order.get(right.id) ?? 0));
  }
  // Confirmed entities first: the analyst vouched for them; suggestions fill up to the limit.
  return statement(
    db,
    `SELECT * FROM (${ENTITY_COUNTS} WHERE e.kind IN (${kinds.map(() => '?').join(', ')}))
     WHERE mentions > 0 ORDER BY status = 'confirmed' DESC, mentions DESC, name LIMIT ?`,
  ).all(...kinds, limit) as EntityRow[];
}

export function actorsSection(db: Database, section: Extract<BriefingSection, { kind: 'actors' }>, citations: Citations): SectionContent {
  const rows = chosenOrTop(db, section.entityIds, ['person', 'organization'], MAX_ACTORS).map((row) => {
    const { role, affiliation } = readAttributes(row.attributes);
    return {
      name: row.name,
      type: row.kind,
      role,
      affiliation,
      mentions: row.mentions,
      documents: row.documents,
      notes: sourcesOf(db, row.id, 3).map((documentId) => citations.cite(documentId)),
    };
  });
  return { kind: 'actors', title: section.title || sectionTitles.actors, rows };
}

export function placesSection(db: Database, section: Extract<BriefingSection, { kind: 'places' }>): SectionContent {
  const chosen = section.entityIds && section.entityIds.length > 0 ? section.entityIds : null;
  const rows = statement(
    db,
    `SELECT e.id, e.name, e.subtype, e.status, p.lat, p.lon,
       (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND ${liveMention('m')} AND coalesce(m.role, '') != 'affiliation') AS mentions
     FROM entities e JOIN places p ON p.entity_id = e.id
     WHERE e.kind = 'location' ${chosen ? `AND e.id IN (${chosen.map(() => '?').join(', ')})` : ''}
     ORDER BY mentions DESC, e.name LIMIT 400`,
  ).all(...(chosen ?? [])) as { id: number; name: string; subtype: string | null; status: string; lat: number; lon: number; mentions: number }[];
  return {
    kind: 'places',
    title: section.title || sectionTitles.places,
    pins: rows.map((row) => ({ name: row.name, lat: row.lat, lon: row.lon, confirmed: row.status === 'confirmed', mentions: row.mentions, subtype: row.subtype })),
    // Every drawing, also when the analyst chose which places to show: drawings are few and deliberate.
    drawings: listDrawings(db).map(({ kind, geometry, label, color }) => ({ kind, geometry, label, color })),
  };
}

export function relationshipsSection(db: Database, section: Extract<BriefingSection, { kind: 'relationships' }>, citations: Citations): SectionContent {
  const members = [
    ...chosenOrTop(db, undefined, ['person', 'organization'], GRAPH_ACTORS),
    ...chosenOrTop(db, undefined, ['location'], GRAPH_PLACES),
  ];
  const ids = members.map((member) => member.id);
  const positions = savedPositions(db);
  const nodes: GraphNode[] = members.map((member) => ({
    key: `e${member.id}`,
    label: member.name,
    type: member.kind,
    mentions: member.mentions,
    position: positions.get(`e${member.id}`) ?? null,
  }));
  const edges: GraphEdge[] = [];
  if (ids.length > 1) {
    // The strongest pairs named together, as the graph view has them (graph/caseGraph.ts).
    const pairs = cooccurrences(db, ids).sort((left, right) => right.windows - left.windows || left.source - right.source || left.target - right.target);
    for (const pair of pairs.slice(0, MAX_PAIRS)) {
      edges.push({
        source: `e${pair.source}`,
        target: `e${pair.target}`,
        weight: pair.windows,
        relation: null,
        grading: null,
        notes: pair.documents.map((documentId) => citations.cite(documentId)),
      });
    }
  }
  edges.push(...assertedLinks(db, new Set(ids), citations));
  return { kind: 'relationships', title: section.title || sectionTitles.relationships, nodes, edges };
}

/** The analyst's asserted links between the panel's entities, with their grading and evidence. */
function assertedLinks(db: Database, members: ReadonlySet<number>, citations: Citations): GraphEdge[] {
  return caseLinks(db)
    .filter((link) => members.has(link.fromId) && members.has(link.toId))
    .map((link) => ({
      source: `e${link.fromId}`,
      target: `e${link.toId}`,
      weight: 1,
      relation: link.relation,
      grading: link.grading,
      notes: link.evidence.map((documentId) => citations.cite(documentId)),
    }));
}

interface CaseLink {
  readonly fromId: number;
  readonly toId: number;
  readonly from: string;
  readonly to: string;
  readonly relation: string;
  readonly grading: string | null;
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly evidence: readonly number[];
}

/** The links the analyst asserted between two entities, oldest first, each with the documents it cites. */
export function caseLinks(db: Database): CaseLink[] {
  const entityId = (key: string): number | null => (key.startsWith('entity:') ? Number(key.slice('entity:'.length)) : null);
  return listLinks(db)
    .reverse()
    .flatMap((link) => {
      const [fromId, toId] = [entityId(link.from), entityId(link.to)];
      if (fromId === null || toId === null) return [];
      return [
        {
          fromId,
          toId,
          from: link.fromLabel,
          to: link.toLabel,
          relation: link.relation,
          grading: link.reliability && link.credibility ? `${link.reliability}${link.credibility}` : null,
          dateStart: link.dateStart,
          dateEnd: link.dateEnd,
          evidence: [...new Set(link.evidence.map((cited) => cited.documentId))],
        },
      ];
    });
}

/** Where the graph view left each entity, so the briefing shows the analyst's layout. */
export function savedPositions(db: Database): Map<string, { x: number; y: number }> {
  const rows = statement(db, "SELECT node, x, y FROM graph_positions WHERE node GLOB 'entity:*'").all() as { node: string; x: number; y: number }[];
  return new Map(rows.map((row) => [`e${row.node.slice('entity:'.length)}`, { x: row.x, y: row.y }]));
}
