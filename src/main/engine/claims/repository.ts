/**
 * Reading and reviewing claims, events and relations suggested from text. Each review is one
 * transaction with one undoable history entry; confirming a relation asserts a link exactly as one
 * drawn by hand, and the suggestion reads as confirmed only while that link exists, so undoing the
 * link (one Ctrl+Z) puts the suggestion back.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Argument, CaseEvent, Claim, DateValue, ReadingStatus, RelationSuggestion, TextSpan, TimeMention } from '../../../shared/claims';
import { ReadingStatuses, symmetricTextRelations, textRelationLabels } from '../../../shared/claims';
import type { EntityType } from '../../../shared/entities';
import { DossierError } from '../../../shared/errors';
import { recordHistory } from '../case/history';
import { reversible } from '../case/reversible';
import { statement } from '../case/statements';
import { createLink } from '../graph/links';
import type { ResolvedArgument } from './store';

export interface ListFilter {
  readonly documentId?: number;
  readonly entityId?: number;
  readonly status?: ReadingStatus;
}

interface ClaimRow {
  id: number;
  document_id: number;
  document_title: string;
  published_at: string | null;
  speaker_entity_id: number | null;
  speaker_name: string | null;
  speaker_start: number;
  speaker_end: number;
  speaker_text: string;
  speaker_type: EntityType;
  cue_start: number;
  cue_end: number;
  cue_text: string;
  content_start: number;
  content_end: number;
  content_text: string;
  stance: Claim['stance'];
  date: string | null;
  status: ReadingStatus;
  reliability: Claim['reliability'];
  credibility: number | null;
}

const CLAIM_SELECT = `SELECT c.id, c.document_id, d.title AS document_title, d.published_at, c.speaker_entity_id, e.name AS speaker_name,
    c.speaker_start, c.speaker_end, c.speaker_text, coalesce(e.kind, c.speaker_type) AS speaker_type, c.cue_start, c.cue_end, c.cue_text,
    c.content_start, c.content_end, substr(d.text, c.content_start + 1, c.content_end - c.content_start) AS content_text,
    c.stance, c.date, c.status, c.reliability, c.credibility
  FROM claims c JOIN documents d ON d.id = c.document_id LEFT JOIN entities e ON e.id = c.speaker_entity_id`;

function rowToClaim(row: ClaimRow): Claim {
  return {
    id: row.id,
    documentId: row.document_id,
    documentTitle: row.document_title,
    documentDate: row.published_at ? row.published_at.slice(0, 10) : null,
    speaker: {
      start: row.speaker_start,
      end: row.speaker_end,
      text: row.speaker_text,
      entityId: row.speaker_name === null ? null : row.speaker_entity_id,
      name: row.speaker_name ?? row.speaker_text,
      type: row.speaker_type,
    },
    cue: { start: row.cue_start, end: row.cue_end, text: row.cue_text },
    content: { start: row.content_start, end: row.content_end, text: row.content_text },
    stance: row.stance,
    date: row.date ? (JSON.parse(row.date) as DateValue) : null,
    status: row.status,
    reliability: row.reliability,
    credibility: row.credibility,
  };
}

function where(filter: ListFilter, alias: string, entityColumns: readonly string[]): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.documentId !== undefined) {
    clauses.push(`${alias}.document_id = ?`);
    params.push(filter.documentId);
  }
  if (filter.entityId !== undefined && entityColumns.length > 0) {
    clauses.push(`(${entityColumns.map((column) => `${column} = ?`).join(' OR ')})`);
    for (let index = 0; index < entityColumns.length; index += 1) params.push(filter.entityId);
  }
  if (filter.status !== undefined) {
    clauses.push(`${alias}.status = ?`);
    params.push(filter.status);
  } else {
    clauses.push(`${alias}.status <> 'rejected'`);
  }
  return { sql: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '', params };
}

export function listClaims(db: Database, filter: ListFilter = {}): Claim[] {
  const { sql, params } = where(filter, 'c', ['c.speaker_entity_id']);
  return (db.prepare(`${CLAIM_SELECT}${sql} ORDER BY d.published_at, c.document_id, c.content_start`).all(...params) as ClaimRow[]).map(rowToClaim);
}

export function getClaim(db: Database, id: number): Claim {
  const row = statement(db, `${CLAIM_SELECT} WHERE c.id = ?`).get(id) as ClaimRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no claim ${id}; it may have been removed when its document was read again.`);
  return rowToClaim(row);
}

interface EventRow {
  id: number;
  document_id: number;
  document_title: string;
  type: string;
  trigger_start: number;
  trigger_end: number;
  trigger_text: string;
  arguments: string;
  date: string | null;
  claim_id: number | null;
  status: ReadingStatus;
}

const EVENT_SELECT = `SELECT v.id, v.document_id, d.title AS document_title, v.type, v.trigger_start, v.trigger_end, v.trigger_text, v.arguments,
    v.date, v.claim_id, v.status FROM events v JOIN documents d ON d.id = v.document_id`;

function toArgument(db: Database, stored: ResolvedArgument | undefined): Argument | null {
  if (!stored) return null;
  const entity =
    stored.entityId === null ? undefined : (statement(db, 'SELECT name, kind FROM entities WHERE id = ?').get(stored.entityId) as { name: string; kind: EntityType } | undefined);
  return {
    start: stored.start,
    end: stored.end,
    text: stored.text,
    entityId: entity ? stored.entityId : null,
    name: entity && !stored.partial ? entity.name : stored.text,
    type: entity?.kind ?? stored.type,
  };
}

function rowToEvent(db: Database, row: EventRow): CaseEvent {
  const args = JSON.parse(row.arguments) as Partial<Record<'agent' | 'patient' | 'place', ResolvedArgument>>;
  return {
    id: row.id,
    documentId: row.document_id,
    documentTitle: row.document_title,
    type: row.type,
    trigger: { start: row.trigger_start, end: row.trigger_end, text: row.trigger_text },
    agent: toArgument(db, args.agent),
    patient: toArgument(db, args.patient),
    place: toArgument(db, args.place),
    date: row.date ? (JSON.parse(row.date) as DateValue) : null,
    claimId: row.claim_id,
    status: row.status,
  };
}

export function listEvents(db: Database, filter: ListFilter = {}): CaseEvent[] {
  const entityColumns = ["json_extract(v.arguments, '$.agent.entityId')", "json_extract(v.arguments, '$.patient.entityId')", "json_extract(v.arguments, '$.place.entityId')"];
  const { sql, params } = where(filter, 'v', entityColumns);
  return (db.prepare(`${EVENT_SELECT}${sql} ORDER BY d.published_at, v.document_id, v.trigger_start`).all(...params) as EventRow[]).map((row) => rowToEvent(db, row));
}

export function getEvent(db: Database, id: number): CaseEvent {
  const row = statement(db, `${EVENT_SELECT} WHERE v.id = ?`).get(id) as EventRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no event ${id}; it may have been removed when its document was read again.`);
  return rowToEvent(db, row);
}

interface RelationRow {
  id: number;
  document_id: number;
  document_title: string;
  document_text_evidence: string;
  relation: RelationSuggestion['relation'];
  source: string;
  target: string;
  cue: string | null;
  evidence_start: number;
  evidence_end: number;
  status: ReadingStatus;
  link_id: number | null;
  link_exists: number;
}

const RELATION_SELECT = `SELECT r.id, r.document_id, d.title AS document_title,
    substr(d.text, r.evidence_start + 1, r.evidence_end - r.evidence_start) AS document_text_evidence, r.relation, r.source, r.target, r.cue,
    r.evidence_start, r.evidence_end, r.status, r.link_id, (r.link_id IS NOT NULL AND EXISTS (SELECT 1 FROM links l WHERE l.id = r.link_id)) AS link_exists
  FROM relation_suggestions r JOIN documents d ON d.id = r.document_id`;

function rowToRelation(db: Database, row: RelationRow): RelationSuggestion {
  // Confirmed only while its link exists: undoing the link's creation makes it a suggestion again.
  const confirmed = row.status === 'confirmed' && row.link_exists === 1;
  return {
    id: row.id,
    documentId: row.document_id,
    documentTitle: row.document_title,
    source: toArgument(db, JSON.parse(row.source) as ResolvedArgument)!,
    target: toArgument(db, JSON.parse(row.target) as ResolvedArgument)!,
    relation: row.relation,
    cue: row.cue ? (JSON.parse(row.cue) as TextSpan) : null,
    evidence: { start: row.evidence_start, end: row.evidence_end, text: row.document_text_evidence },
    status: row.status === 'confirmed' && !confirmed ? 'suggested' : row.status,
    linkId: confirmed ? row.link_id : null,
  };
}

export function listRelationSuggestions(db: Database, filter: ListFilter = {}): RelationSuggestion[] {
  const { sql, params } = where({ ...filter, status: undefined }, 'r', ['r.source_entity_id', 'r.target_entity_id']);
  const rows = (db.prepare(`${RELATION_SELECT}${sql} ORDER BY r.document_id, r.evidence_start`).all(...params) as RelationRow[]).map((row) => rowToRelation(db, row));
  return filter.status === undefined ? rows : rows.filter((row) => row.status === filter.status);
}

export function getRelationSuggestion(db: Database, id: number): RelationSuggestion {
  const row = statement(db, `${RELATION_SELECT} WHERE r.id = ?`).get(id) as RelationRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no suggested relation ${id}; it may have been removed when its document was read again.`);
  return rowToRelation(db, row);
}

export function listTimes(db: Database, documentId: number): TimeMention[] {
  return (
    statement(
      db,
      `SELECT start, end, text, value, end_value AS endValue, precision, approximate, anchor FROM time_mentions WHERE document_id = ? ORDER BY start`,
    ).all(documentId) as (Omit<TimeMention, 'approximate'> & { approximate: number })[]
  ).map((row) => ({ ...row, approximate: row.approximate === 1 }));
}

// Review: each change remembers the fields it touched, before and after.

const ReviewTables = ['claims', 'events', 'relation_suggestions'] as const;
const FieldValue = z.union([z.string(), z.number(), z.null()]);
const FieldChange = z.object({
  table: z.enum(ReviewTables),
  id: z.number(),
  before: z.record(z.string(), FieldValue),
  after: z.record(z.string(), FieldValue),
  label: z.string(),
});
type FieldChangeValue = z.infer<typeof FieldChange>;

/** Columns a review may change, per table: never spliced from input, only from this list. */
const REVIEW_COLUMNS: Readonly<Record<(typeof ReviewTables)[number], readonly string[]>> = {
  claims: ['status', 'speaker_entity_id', 'reliability', 'credibility'],
  events: ['status'],
  relation_suggestions: ['status'],
};

function applyFields(db: Database, table: (typeof ReviewTables)[number], id: number, fields: Record<string, string | number | null>): void {
  const columns = Object.keys(fields).filter((column) => REVIEW_COLUMNS[table].includes(column));
  if (columns.length === 0) return;
  db.prepare(`UPDATE ${table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((column) => fields[column] ?? null), id);
}

function readFields(db: Database, table: (typeof ReviewTables)[number], id: number, columns: readonly string[]): Record<string, string | number | null> {
  const safe = columns.filter((column) => REVIEW_COLUMNS[table].includes(column));
  const row = db.prepare(`SELECT ${safe.join(', ')} FROM ${table} WHERE id = ?`).get(id) as Record<string, string | number | null> | undefined;
  if (!row) throw new DossierError('not-found', `That suggestion (${table} ${id}) is gone; it may have been removed when its document was read again.`);
  return row;
}

function change(db: Database, table: (typeof ReviewTables)[number], id: number, after: Record<string, string | number | null>, label: string): void {
  db.transaction(() => {
    const before = readFields(db, table, id, Object.keys(after));
    if (JSON.stringify(before) === JSON.stringify({ ...before, ...after })) return;
    applyFields(db, table, id, after);
    const payload: FieldChangeValue = { table, id, before, after, label };
    recordHistory(db, 'reading.review', payload, { undoable: true });
  })();
}

export const readingReversibles = {
  'reading.review': reversible({
    payload: FieldChange,
    describe: (p) => p.label,
    undo: (db, p) => applyFields(db, p.table, p.id, p.before),
    redo: (db, p) => applyFields(db, p.table, p.id, p.after),
  }),
};

const verb = (status: ReadingStatus): string => (status === 'confirmed' ? 'accept' : status === 'rejected' ? 'reject' : 'restore');

export function reviewClaim(db: Database, id: number, status: ReadingStatus): Claim {
  if (!ReadingStatuses.includes(status)) throw new DossierError('invalid-input', `"${String(status)}" is not a review status.`);
  const claim = getClaim(db, id);
  change(db, 'claims', id, { status }, `${verb(status)} the claim by ${claim.speaker.name}`);
  return getClaim(db, id);
}

export function setClaimSpeaker(db: Database, id: number, entityId: number): Claim {
  const entity = statement(db, 'SELECT name FROM entities WHERE id = ?').get(entityId) as { name: string } | undefined;
  if (!entity) throw new DossierError('not-found', `There is no entity ${entityId} to speak this claim; choose one from the list.`);
  change(db, 'claims', id, { speaker_entity_id: entityId }, `make ${entity.name} the speaker of a claim`);
  return getClaim(db, id);
}

export function gradeClaim(db: Database, id: number, grading: { reliability: Claim['reliability']; credibility: number | null }): Claim {
  change(db, 'claims', id, { reliability: grading.reliability, credibility: grading.credibility }, 'grade a claim');
  return getClaim(db, id);
}

export function reviewEvent(db: Database, id: number, status: ReadingStatus): CaseEvent {
  const event = getEvent(db, id);
  change(db, 'events', id, { status }, `${verb(status)} the event "${event.trigger.text}"`);
  return getEvent(db, id);
}

export function rejectRelation(db: Database, id: number): RelationSuggestion {
  const suggestion = getRelationSuggestion(db, id);
  if (suggestion.linkId !== null) throw new DossierError('conflict', 'This relation is already a link; delete the link in the graph instead.');
  change(db, 'relation_suggestions', id, { status: 'rejected' }, `reject "${suggestion.source.name} ${textRelationLabels[suggestion.relation]} ${suggestion.target.name}"`);
  return getRelationSuggestion(db, id);
}

/** Asserts the suggested relation as a link citing its sentence; the link's own history entry undoes both. */
export function confirmRelation(db: Database, id: number, grading: { reliability?: Claim['reliability']; credibility?: number | null } = {}): RelationSuggestion {
  return db.transaction(() => {
    const suggestion = getRelationSuggestion(db, id);
    if (suggestion.linkId !== null) return suggestion;
    if (suggestion.source.entityId === null || suggestion.target.entityId === null) {
      throw new DossierError('conflict', 'One end of this relation is no longer an entity of the case (merged or deleted); draw the link by hand.');
    }
    const link = createLink(db, {
      from: `entity:${suggestion.source.entityId}`,
      to: `entity:${suggestion.target.entityId}`,
      relation: textRelationLabels[suggestion.relation],
      directed: !symmetricTextRelations.has(suggestion.relation),
      dateStart: null,
      dateEnd: null,
      reliability: grading.reliability ?? null,
      credibility: grading.credibility ?? null,
      note: '',
      evidence: [{ documentId: suggestion.documentId, start: suggestion.evidence.start, end: suggestion.evidence.end }],
    });
    statement(db, "UPDATE relation_suggestions SET status = 'confirmed', link_id = ? WHERE id = ?").run(link.id, id);
    return getRelationSuggestion(db, id);
  })();
}
