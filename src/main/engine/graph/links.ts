/**
 * Links the analyst asserts between actors, places and documents, each citing passages as
 * evidence. Every change is one transaction recorded in history with the link as it was before and
 * after (evidence included), so undo and redo put it back exactly.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Evidence, Link } from '../../../shared/graph';
import { SourceReliabilities, nodeKey, parseNodeKey } from '../../../shared/graph';
import { DossierError } from '../../../shared/errors';
import { record, registerReversibles } from '../case/undo';
import { statement } from '../case/statements';

const EvidenceRow = z.object({ id: z.number(), document_id: z.number(), start: z.number(), end: z.number(), quote: z.string() });
const LinkRow = z.object({
  from_kind: z.enum(['entity', 'document']),
  from_id: z.number(),
  to_kind: z.enum(['entity', 'document']),
  to_id: z.number(),
  relation: z.string(),
  directed: z.number(),
  date_start: z.string().nullable(),
  date_end: z.string().nullable(),
  reliability: z.enum(SourceReliabilities).nullable(),
  credibility: z.number().nullable(),
  note: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  evidence: z.array(EvidenceRow),
});
type LinkRowValue = z.infer<typeof LinkRow>;

/** The link as stored, evidence included; null when there is no such link. */
function captureLink(db: Database, id: number): LinkRowValue | null {
  const row = statement(
    db,
    `SELECT from_kind, from_id, to_kind, to_id, relation, directed, date_start, date_end, reliability, credibility, note, created_at, updated_at
     FROM links WHERE id = ?`,
  ).get(id) as Omit<LinkRowValue, 'evidence'> | undefined;
  if (!row) return null;
  const evidence = statement(db, 'SELECT id, document_id, start, end, quote FROM link_evidence WHERE link_id = ? ORDER BY id').all(id) as z.infer<
    typeof EvidenceRow
  >[];
  return { ...row, evidence };
}

/** Makes the link (and its evidence) what `row` says, or removes it when `row` is null. */
function restoreLink(db: Database, id: number, row: LinkRowValue | null): void {
  statement(db, 'DELETE FROM link_evidence WHERE link_id = ?').run(id);
  if (!row) {
    statement(db, 'DELETE FROM links WHERE id = ?').run(id);
    return;
  }
  statement(
    db,
    `INSERT INTO links (id, from_kind, from_id, to_kind, to_id, relation, directed, date_start, date_end, reliability, credibility, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET relation = excluded.relation, directed = excluded.directed, date_start = excluded.date_start,
       date_end = excluded.date_end, reliability = excluded.reliability, credibility = excluded.credibility, note = excluded.note,
       updated_at = excluded.updated_at`,
  ).run(
    id,
    row.from_kind,
    row.from_id,
    row.to_kind,
    row.to_id,
    row.relation,
    row.directed,
    row.date_start,
    row.date_end,
    row.reliability,
    row.credibility,
    row.note,
    row.created_at,
    row.updated_at,
  );
  for (const evidence of row.evidence) {
    // A cited document removed since (its import undone) takes that citation with it.
    if (!statement(db, 'SELECT 1 FROM documents WHERE id = ?').get(evidence.document_id)) continue;
    statement(db, 'INSERT INTO link_evidence (id, link_id, document_id, start, end, quote) VALUES (?, ?, ?, ?, ?, ?)').run(
      evidence.id,
      id,
      evidence.document_id,
      evidence.start,
      evidence.end,
      evidence.quote,
    );
  }
}

const LinksChange = z.object({ id: z.number(), label: z.string(), before: LinkRow.nullable(), after: LinkRow.nullable() });

declare module '../case/undo' {
  interface OperationPayloads {
    'links.change': z.infer<typeof LinksChange>;
  }
}

registerReversibles({
  'links.change': {
    payload: LinksChange,
    describe: (p) => p.label,
    undo: (db, p) => restoreLink(db, p.id, p.before),
    redo: (db, p) => restoreLink(db, p.id, p.after),
  },
});

/**
 * Runs a change to one link in a transaction and records it with the link before and after;
 * `existingId` is null for a new link, else the link must exist.
 */
function changeLink<T>(
  db: Database,
  existingId: number | null,
  label: (before: LinkRowValue | null, after: LinkRowValue | null) => string,
  change: (before: LinkRowValue | null) => { id: number; result: T },
): T {
  return db.transaction(() => {
    const before = existingId === null ? null : captureLink(db, existingId);
    if (existingId !== null && !before) throw new DossierError('not-found', `There is no link ${existingId} in this case; it may have been deleted.`);
    const { id, result } = change(before);
    const after = captureLink(db, id);
    record(db, 'links.change', { id, label: label(before, after), before, after });
    return result;
  })();
}

/** The name a node goes by: an entity's name, a document's title. */
export function nodeLabel(db: Database, key: string): string | null {
  const parsed = parseNodeKey(key);
  if (!parsed) return null;
  const row =
    parsed.kind === 'entity'
      ? (statement(db, 'SELECT name AS label FROM entities WHERE id = ?').get(parsed.id) as { label: string } | undefined)
      : (statement(db, 'SELECT title AS label FROM documents WHERE id = ?').get(parsed.id) as { label: string } | undefined);
  return row?.label ?? null;
}

function requireNode(db: Database, key: string): { kind: 'entity' | 'document'; id: number; label: string } {
  const parsed = parseNodeKey(key);
  const label = parsed ? nodeLabel(db, key) : null;
  if (!parsed || label === null) {
    throw new DossierError('not-found', `There is no ${parsed?.kind ?? 'node'} ${parsed?.id ?? key} in this case; it may have been merged or deleted.`);
  }
  return { ...parsed, label };
}

function citeEvidence(db: Database, linkId: number, evidence: readonly { documentId: number; start: number; end: number }[]): void {
  for (const passage of evidence) {
    const text = (statement(db, 'SELECT text FROM documents WHERE id = ?').get(passage.documentId) as { text: string } | undefined)?.text;
    if (text === undefined) throw new DossierError('not-found', `There is no document ${passage.documentId} to cite; it may have been removed.`);
    if (passage.end > text.length) {
      throw new DossierError('invalid-input', `The cited passage (${passage.start}-${passage.end}) runs past the end of document ${passage.documentId}.`);
    }
    const quote = text.slice(passage.start, passage.end);
    const duplicate = statement(db, 'SELECT 1 FROM link_evidence WHERE link_id = ? AND document_id = ? AND start = ? AND end = ?').get(
      linkId,
      passage.documentId,
      passage.start,
      passage.end,
    );
    if (duplicate) continue;
    statement(db, 'INSERT INTO link_evidence (link_id, document_id, start, end, quote) VALUES (?, ?, ?, ?, ?)').run(
      linkId,
      passage.documentId,
      passage.start,
      passage.end,
      quote,
    );
  }
}

export interface LinkInput {
  readonly from: string;
  readonly to: string;
  readonly relation: string;
  readonly directed: boolean;
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly reliability: (typeof SourceReliabilities)[number] | null;
  readonly credibility: number | null;
  readonly note: string;
  readonly evidence: readonly { documentId: number; start: number; end: number }[];
}

const describeLink = (row: LinkRowValue | null, db: Database): string =>
  row
    ? `"${nodeLabel(db, nodeKey(row.from_kind, row.from_id)) ?? '?'}" ${row.relation} "${nodeLabel(db, nodeKey(row.to_kind, row.to_id)) ?? '?'}"`
    : 'link';

/** Asserts a link (undoable) and answers with it. */
export function createLink(db: Database, input: LinkInput): Link {
  const from = requireNode(db, input.from);
  const to = requireNode(db, input.to);
  if (from.kind === to.kind && from.id === to.id) throw new DossierError('invalid-input', 'A link joins two different nodes; choose another end.');
  const id = changeLink(
    db,
    null,
    (_before, after) => `link ${describeLink(after, db)}`,
    () => {
      const now = new Date().toISOString();
      const result = statement(
        db,
        `INSERT INTO links (from_kind, from_id, to_kind, to_id, relation, directed, date_start, date_end, reliability, credibility, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        from.kind,
        from.id,
        to.kind,
        to.id,
        input.relation.trim(),
        input.directed ? 1 : 0,
        input.dateStart,
        input.dateEnd,
        input.reliability,
        input.credibility,
        input.note,
        now,
        now,
      );
      const linkId = Number(result.lastInsertRowid);
      citeEvidence(db, linkId, input.evidence);
      return { id: linkId, result: linkId };
    },
  );
  return getLink(db, id);
}

export interface LinkPatch {
  readonly relation?: string;
  readonly directed?: boolean;
  readonly dateStart?: string | null;
  readonly dateEnd?: string | null;
  readonly reliability?: (typeof SourceReliabilities)[number] | null;
  readonly credibility?: number | null;
  readonly note?: string;
  readonly addEvidence?: readonly { documentId: number; start: number; end: number }[];
  readonly removeEvidence?: readonly number[];
}

/** Changes what a link says or cites (undoable). */
export function updateLink(db: Database, id: number, patch: LinkPatch): Link {
  changeLink(
    db,
    id,
    (_before, after) => `edit link ${describeLink(after, db)}`,
    (before) => {
      if (!before) throw new DossierError('not-found', `There is no link ${id} in this case; it may have been deleted.`);
      const next = {
        relation: patch.relation?.trim() ?? before.relation,
        directed: patch.directed === undefined ? before.directed : patch.directed ? 1 : 0,
        dateStart: patch.dateStart === undefined ? before.date_start : patch.dateStart,
        dateEnd: patch.dateEnd === undefined ? before.date_end : patch.dateEnd,
        reliability: patch.reliability === undefined ? before.reliability : patch.reliability,
        credibility: patch.credibility === undefined ? before.credibility : patch.credibility,
        note: patch.note ?? before.note,
      };
      if (next.dateStart && next.dateEnd && next.dateStart > next.dateEnd) {
        throw new DossierError('invalid-input', `The dates run backwards (${next.dateStart} to ${next.dateEnd}); the range must end after it starts.`);
      }
      statement(
        db,
        `UPDATE links SET relation = ?, directed = ?, date_start = ?, date_end = ?, reliability = ?, credibility = ?, note = ?, updated_at = ?
         WHERE id = ?`,
      ).run(next.relation, next.directed, next.dateStart, next.dateEnd, next.reliability, next.credibility, next.note, new Date().toISOString(), id);
      for (const evidenceId of patch.removeEvidence ?? []) {
        statement(db, 'DELETE FROM link_evidence WHERE id = ? AND link_id = ?').run(evidenceId, id);
      }
      citeEvidence(db, id, patch.addEvidence ?? []);
      return { id, result: id };
    },
  );
  return getLink(db, id);
}

/** Withdraws a link and its citations (undoable). */
export function deleteLink(db: Database, id: number): void {
  changeLink(
    db,
    id,
    (before) => `delete link ${describeLink(before, db)}`,
    () => {
      restoreLink(db, id, null);
      return { id, result: undefined };
    },
  );
}

/** A row of the links table, as stored. */
export interface LinkRow {
  id: number;
  from_kind: 'entity' | 'document';
  from_id: number;
  to_kind: 'entity' | 'document';
  to_id: number;
  relation: string;
  directed: number;
  date_start: string | null;
  date_end: string | null;
  reliability: Link['reliability'];
  credibility: number | null;
  note: string;
  created_at: string;
  updated_at: string;
}

function evidenceOf(db: Database, linkId: number): Evidence[] {
  return (
    statement(
      db,
      `SELECT ev.id, ev.document_id AS documentId, d.title AS documentTitle, d.published_at AS publishedAt, ev.start, ev.end, ev.quote
       FROM link_evidence ev JOIN documents d ON d.id = ev.document_id WHERE ev.link_id = ? ORDER BY d.published_at, ev.id`,
    ).all(linkId) as Evidence[]
  );
}

function rowToLink(db: Database, row: LinkRow): Link {
  const from = nodeKey(row.from_kind, row.from_id);
  const to = nodeKey(row.to_kind, row.to_id);
  return {
    id: row.id,
    from,
    to,
    fromLabel: nodeLabel(db, from) ?? '(removed)',
    toLabel: nodeLabel(db, to) ?? '(removed)',
    relation: row.relation,
    directed: row.directed === 1,
    dateStart: row.date_start,
    dateEnd: row.date_end,
    reliability: row.reliability,
    credibility: row.credibility,
    note: row.note,
    evidence: evidenceOf(db, row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const LINK_SELECT =
  'SELECT id, from_kind, from_id, to_kind, to_id, relation, directed, date_start, date_end, reliability, credibility, note, created_at, updated_at FROM links';

export function getLink(db: Database, id: number): Link {
  const row = statement(db, `${LINK_SELECT} WHERE id = ?`).get(id) as LinkRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no link ${id} in this case; it may have been deleted.`);
  return rowToLink(db, row);
}

/** The links of one node (either end), or of the whole case; newest first. */
export function listLinks(db: Database, node?: string): Link[] {
  if (node === undefined) {
    return (statement(db, `${LINK_SELECT} ORDER BY id DESC`).all() as LinkRow[]).map((row) => rowToLink(db, row));
  }
  const parsed = parseNodeKey(node);
  if (!parsed) throw new DossierError('invalid-input', `"${node}" is not a node; give "entity:ID" or "document:ID".`);
  const rows = statement(
    db,
    `${LINK_SELECT} WHERE (from_kind = ? AND from_id = ?) OR (to_kind = ? AND to_id = ?) ORDER BY id DESC`,
  ).all(parsed.kind, parsed.id, parsed.kind, parsed.id) as LinkRow[];
  return rows.map((row) => rowToLink(db, row));
}

/** The relation types in use in this case, most used first, for the relation picker. */
export function relationsInUse(db: Database): string[] {
  return (statement(db, 'SELECT relation FROM links GROUP BY relation ORDER BY count(*) DESC, relation').all() as { relation: string }[]).map(
    (row) => row.relation,
  );
}
