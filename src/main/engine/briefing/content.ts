/**
 * What a briefing says, gathered from the case: actors, places, relationships, a chronology and
 * quoted excerpts, every statement taken from a document citing it by an endnote number. Plain
 * data, so the PDF layout only lays out.
 */
import type { Database } from 'better-sqlite3';
import type { CaseEvent, DateValue } from '../../../shared/claims';
import { formatDateValue } from '../../../shared/claims';
import { competingAccounts } from '../claims/accounts';
import { listEvents } from '../claims/repository';
import type { BriefingSection, BriefingSpec } from '../../../shared/briefing';
import { sectionTitles } from '../../../shared/briefing';
import type { EntityType } from '../../../shared/entities';
import type { Drawing } from '../../../shared/map';
import { statement } from '../case/statements';
import { cooccurrences } from '../graph/caseGraph';
import { listLinks } from '../graph/links';
import { listDrawings } from '../map/drawings';

/** One cited source: a document, as the endnote list gives it. */
export interface Endnote {
  readonly number: number;
  readonly documentId: number;
  readonly title: string;
  readonly author: string | null;
  readonly source: string | null;
  readonly date: string | null;
  readonly location: string | null;
}

export interface ActorRow {
  readonly name: string;
  readonly type: EntityType;
  readonly role: string | null;
  readonly affiliation: string | null;
  readonly mentions: number;
  readonly documents: number;
  readonly notes: readonly number[];
}

export interface PlacePin {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly confirmed: boolean;
  readonly mentions: number;
  readonly subtype: string | null;
}

/** One of the analyst's map drawings, as the map panel draws it. */
export type MapDrawing = Pick<Drawing, 'kind' | 'geometry' | 'label' | 'color'>;

export interface GraphNode {
  readonly key: string;
  readonly label: string;
  readonly type: EntityType;
  readonly mentions: number;
  /** Where the graph view left it, when it did. */
  readonly position: { readonly x: number; readonly y: number } | null;
}

export interface GraphEdge {
  readonly source: string;
  readonly target: string;
  /** Documents both are named in, for a co-occurrence; 1 for an asserted link. */
  readonly weight: number;
  readonly relation: string | null;
  readonly grading: string | null;
  readonly notes: readonly number[];
}

export interface ChronologyEntry {
  readonly date: string;
  readonly text: string;
  readonly notes: readonly number[];
}

/** One speaker's side of a dispute, as the briefing sets it beside the others. */
export interface AccountEntry {
  readonly speaker: string;
  readonly stance: string;
  readonly quote: string;
  readonly date: string | null;
  readonly grading: string | null;
  readonly reviewed: boolean;
  readonly note: number;
}

export interface Excerpt {
  readonly quote: string;
  readonly comment: string;
  readonly note: number;
}

export type SectionContent =
  | { readonly kind: 'actors'; readonly title: string; readonly rows: readonly ActorRow[] }
  | { readonly kind: 'places'; readonly title: string; readonly pins: readonly PlacePin[]; readonly drawings: readonly MapDrawing[] }
  | { readonly kind: 'relationships'; readonly title: string; readonly nodes: readonly GraphNode[]; readonly edges: readonly GraphEdge[] }
  | { readonly kind: 'chronology'; readonly title: string; readonly entries: readonly ChronologyEntry[] }
  | {
      readonly kind: 'accounts';
      readonly title: string;
      readonly groups: readonly { readonly topic: string; readonly sides: readonly { readonly side: string; readonly accounts: readonly AccountEntry[] }[] }[];
    }
  | { readonly kind: 'excerpts'; readonly title: string; readonly excerpts: readonly Excerpt[] }
  | { readonly kind: 'notes'; readonly title: string; readonly text: string };

export interface BriefingContent {
  readonly spec: BriefingSpec;
  readonly caseTitle: string;
  readonly sections: readonly SectionContent[];
  readonly endnotes: readonly Endnote[];
}

const MAX_ACTORS = 40;
const GRAPH_ACTORS = 14;
const GRAPH_PLACES = 8;
const MAX_CHRONOLOGY = 60;

/** Numbers documents in the order they are first cited. */
class Citations {
  private readonly numbers = new Map<number, number>();
  readonly endnotes: Endnote[] = [];

  constructor(private readonly db: Database) {}

  cite(documentId: number): number {
    const known = this.numbers.get(documentId);
    if (known !== undefined) return known;
    const row = statement(this.db, 'SELECT title, author, source, published_at, file_name, meta FROM documents WHERE id = ?').get(documentId) as
      | { title: string; author: string | null; source: string | null; published_at: string | null; file_name: string | null; meta: string }
      | undefined;
    const number = this.endnotes.length + 1;
    const url = row ? (JSON.parse(row.meta) as { url?: unknown }).url : undefined;
    this.endnotes.push({
      number,
      documentId,
      title: row?.title ?? `Document ${documentId}`,
      author: row?.author ?? null,
      source: row?.source && row.source !== url ? row.source : null,
      date: row?.published_at?.slice(0, 10) ?? null,
      location: typeof url === 'string' ? url : (row?.file_name ?? null),
    });
    this.numbers.set(documentId, number);
    return number;
  }
}

function attributes(json: string): { role: string | null; affiliation: string | null } {
  const raw = JSON.parse(json) as { role?: unknown; affiliation?: unknown };
  return { role: typeof raw.role === 'string' ? raw.role : null, affiliation: typeof raw.affiliation === 'string' ? raw.affiliation : null };
}

/** The documents that mention an entity most, for citing it. */
function sourcesOf(db: Database, entityId: number, limit: number): number[] {
  return (
    statement(
      db,
      `SELECT document_id FROM mentions WHERE entity_id = ? AND status != 'rejected'
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
   (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND m.status != 'rejected') AS mentions,
   (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = e.id AND m.status != 'rejected') AS documents
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

function actorsSection(db: Database, section: Extract<BriefingSection, { kind: 'actors' }>, citations: Citations): SectionContent {
  const rows = chosenOrTop(db, section.entityIds, ['person', 'organization'], MAX_ACTORS).map((row) => ({
    name: row.name,
    type: row.kind,
    ...attributes(row.attributes),
    mentions: row.mentions,
    documents: row.documents,
    notes: sourcesOf(db, row.id, 3).map((documentId) => citations.cite(documentId)),
  }));
  return { kind: 'actors', title: section.title || sectionTitles.actors, rows };
}

function placesSection(db: Database, section: Extract<BriefingSection, { kind: 'places' }>): SectionContent {
  const chosen = section.entityIds && section.entityIds.length > 0 ? section.entityIds : null;
  const rows = statement(
    db,
    `SELECT e.id, e.name, e.subtype, e.status, p.lat, p.lon,
       (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND m.status != 'rejected' AND coalesce(m.role, '') != 'affiliation') AS mentions
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

function relationshipsSection(db: Database, section: Extract<BriefingSection, { kind: 'relationships' }>, citations: Citations): SectionContent {
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

const MAX_PAIRS = 60;

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
function caseLinks(db: Database): CaseLink[] {
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

function chronologySection(db: Database, section: Extract<BriefingSection, { kind: 'chronology' }>, citations: Citations): SectionContent {
  const chosen = section.documentIds && section.documentIds.length > 0 ? section.documentIds : null;
  const rows = statement(
    db,
    `SELECT id, title, published_at FROM documents
     WHERE published_at IS NOT NULL AND parent_id IS NULL ${chosen ? `AND id IN (${chosen.map(() => '?').join(', ')})` : ''}
     ORDER BY published_at, id LIMIT ?`,
  ).all(...(chosen ?? []), MAX_CHRONOLOGY) as { id: number; title: string; published_at: string }[];
  const documents = rows.map((row) => ({ date: row.published_at.slice(0, 10), text: row.title, notes: [citations.cite(row.id)] }));
  // Events read in the documents, with their dates' precision; the analyst's rejections are left out
  // and what they have not reviewed yet says so.
  const events = listEvents(db)
    .map((event) => ({ event, date: event.date ?? documentDate(rows, db, event.documentId) }))
    .filter(({ date }) => date !== null)
    .slice(0, MAX_CHRONOLOGY)
    .map(({ event, date }) => ({
      date: formatDateValue(date!),
      sortKey: date!.value,
      text: `${eventSentence(event)}${event.status === 'confirmed' ? '' : ' (unreviewed)'}`,
      notes: [citations.cite(event.documentId)],
    }));
  // Dated links are events the analyst asserted: they belong in the chronology with their evidence.
  const links = caseLinks(db)
    .filter((link) => link.dateStart)
    .map((link) => ({
      date: link.dateEnd && link.dateEnd !== link.dateStart ? `${link.dateStart!}–${link.dateEnd}` : link.dateStart!,
      // Relations read as verbs ("accuses", "member of"); the bundled fonts have no arrow glyph.
      text: `${link.from} ${link.relation} ${link.to}${link.grading ? ` (graded ${link.grading})` : ''}`,
      notes: link.evidence.map((documentId) => citations.cite(documentId)),
    }));
  return {
    kind: 'chronology',
    title: section.title || sectionTitles.chronology,
    entries: [...documents.map((entry) => ({ ...entry, sortKey: entry.date })), ...links.map((entry) => ({ ...entry, sortKey: entry.date })), ...events]
      .sort((left, right) => left.sortKey.localeCompare(right.sortKey))
      .map(({ sortKey: _sortKey, ...entry }) => entry),
  };
}

function documentDate(rows: readonly { id: number; published_at: string }[], db: Database, documentId: number): DateValue | null {
  const published =
    rows.find((row) => row.id === documentId)?.published_at ??
    (statement(db, 'SELECT published_at FROM documents WHERE id = ?').get(documentId) as { published_at: string | null } | undefined)?.published_at;
  return published && /^\d{4}-\d{2}-\d{2}/.test(published) ? { value: published.slice(0, 10), precision: 'day', approximate: false, source: 'document' } : null;
}

function eventSentence(event: CaseEvent): string {
  const parts = [event.agent?.name, event.trigger.text, event.patient?.name, event.place ? `near ${event.place.name}` : null].filter(Boolean);
  const sentence = parts.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function accountsSection(db: Database, section: Extract<BriefingSection, { kind: 'accounts' }>, citations: Citations): SectionContent {
  const groups = competingAccounts(db).slice(0, 20);
  return {
    kind: 'accounts',
    title: section.title || sectionTitles.accounts,
    groups: groups.map((group) => ({
      topic: group.topic,
      sides: group.sides.map(({ side, claimIds }) => ({
        side,
        accounts: group.claims.filter((claim) => claimIds.includes(claim.id)).map((claim) => {
        const quote = claim.content.text.replace(/\s+/g, ' ').trim();
        return {
          speaker: claim.speaker.name,
          stance: claim.stance,
          quote: quote.length > 400 ? `${quote.slice(0, 399)}…` : quote,
          date: claim.date ? formatDateValue(claim.date) : claim.documentDate,
          grading: claim.reliability || claim.credibility ? `${claim.reliability ?? '?'}${claim.credibility ?? '?'}` : null,
          reviewed: claim.status === 'confirmed',
          note: citations.cite(claim.documentId),
        };
        }),
      })),
    })),
  };
}

function excerptsSection(db: Database, section: Extract<BriefingSection, { kind: 'excerpts' }>, citations: Citations): SectionContent {
  const chosen = section.noteIds && section.noteIds.length > 0 ? section.noteIds : null;
  const rows = statement(
    db,
    `SELECT n.document_id, n.quote, n.body FROM notes n JOIN documents d ON d.id = n.document_id
     ${chosen ? `WHERE n.id IN (${chosen.map(() => '?').join(', ')})` : ''}
     ORDER BY d.published_at, n.document_id, n.start LIMIT 500`,
  ).all(...(chosen ?? [])) as { document_id: number; quote: string; body: string }[];
  return {
    kind: 'excerpts',
    title: section.title || sectionTitles.excerpts,
    excerpts: rows.map((row) => ({ quote: row.quote.replace(/\s+/g, ' ').trim(), comment: row.body, note: citations.cite(row.document_id) })),
  };
}

export function gatherBriefing(db: Database, spec: BriefingSpec, caseTitle: string): BriefingContent {
  const citations = new Citations(db);
  const sections = spec.sections.map((section): SectionContent => {
    switch (section.kind) {
      case 'actors':
        return actorsSection(db, section, citations);
      case 'places':
        return placesSection(db, section);
      case 'relationships':
        return relationshipsSection(db, section, citations);
      case 'chronology':
        return chronologySection(db, section, citations);
      case 'accounts':
        return accountsSection(db, section, citations);
      case 'excerpts':
        return excerptsSection(db, section, citations);
      case 'notes':
        return { kind: 'notes', title: section.title || sectionTitles.notes, text: section.text };
    }
  });
  return { spec, caseTitle, sections, endnotes: citations.endnotes };
}
