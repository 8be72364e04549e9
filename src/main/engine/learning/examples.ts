/**
 * The examples the analyst's review teaches, as the case file keeps them (schema v11): written in
 * the transaction of the review, read back as the examples in effect — those whose review is not
 * undone and that no reset has set aside.
 */
import type { Database } from 'better-sqlite3';
import type { EntityType } from '../../../shared/entities';
import { foldText } from '../../../shared/textFolding';
import { statement } from '../case/statements';

export const Decisions = ['accept', 'reject', 'retype', 'mark', 'merge'] as const;
export type Decision = (typeof Decisions)[number];

/** How many characters of text around a name an example keeps for the contextual layer. */
const CONTEXT_CHARACTERS = 60;

/** One lesson of review: a name, the type extraction gave it, and the type the analyst gave (none: not a name). */
export interface Example {
  readonly decision: Decision;
  readonly text: string;
  readonly suggested: EntityType | null;
  readonly type: EntityType | null;
  readonly before: string;
  readonly after: string;
}

export interface StoredExample extends Example {
  readonly id: number;
  readonly folded: string;
  readonly documentId: number | null;
}

/** Where in a document an example was taught, for the words around it. */
export interface Place {
  readonly documentId: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Reads the words before and after spans of documents, as examples keep them; one reader serves one
 * review, keeping each document's text it read (JS offsets are UTF-16, which SQLite's substr is not).
 */
export function contextReader(db: Database): (place: Place | null) => { before: string; after: string; documentId: number | null } {
  const texts = new Map<number, string | null>();
  return (place) => {
    if (!place) return { before: '', after: '', documentId: null };
    if (!texts.has(place.documentId)) {
      const row = statement(db, 'SELECT text FROM documents WHERE id = ?').get(place.documentId) as { text: string } | undefined;
      texts.set(place.documentId, row?.text ?? null);
    }
    const text = texts.get(place.documentId);
    if (text === null || text === undefined) return { before: '', after: '', documentId: null };
    return {
      before: text.slice(Math.max(0, place.start - CONTEXT_CHARACTERS), place.start),
      after: text.slice(place.end, place.end + CONTEXT_CHARACTERS),
      documentId: place.documentId,
    };
  };
}

/** The newest undoable history entry's id (0 when there is none): a review's entry, read right after it is recorded. */
export function newestReview(db: Database): number {
  return (statement(db, 'SELECT coalesce(max(id), 0) AS id FROM history WHERE undoable = 1').get() as { id: number }).id;
}

/** Keeps the examples a review taught; call it in the review's transaction, after the review recorded its history entry. */
export function recordExamples(db: Database, historyId: number, examples: readonly (Example & { documentId: number | null })[]): void {
  const insert = statement(
    db,
    `INSERT INTO learning_examples (history_id, decision, text, folded, suggested, type, before, after, document_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  for (const example of examples) {
    const text = example.text.trim();
    if (!text) continue;
    insert.run(historyId, example.decision, text, foldText(text), example.suggested, example.decision === 'reject' ? null : example.type, example.before, example.after, example.documentId, now);
  }
}

interface ExampleRow {
  id: number;
  decision: Decision;
  text: string;
  folded: string;
  suggested: EntityType | null;
  type: EntityType | null;
  before: string;
  after: string;
  document_id: number | null;
}

/** The examples in effect, oldest first. */
export function examplesInEffect(db: Database): StoredExample[] {
  const rows = statement(
    db,
    `SELECT x.id, x.decision, x.text, x.folded, x.suggested, x.type, x.before, x.after, x.document_id
     FROM learning_examples x JOIN history h ON h.id = x.history_id
     WHERE h.state = 'done' AND x.forgotten_at IS NULL ORDER BY x.id`,
  ).all() as ExampleRow[];
  return rows.map(({ document_id: documentId, ...row }) => ({ ...row, documentId }));
}
