/**
 * Everything a document's text carries, as rows put back whole: the text with its pages and OCR
 * layer, and every row whose offsets point into it (notes, mentions, link evidence, times, claims,
 * events, relation suggestions), with the entities those mentions name. Re-running OCR records the
 * state before and after, and undo and redo put one of them back (the style curation uses).
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { record, registerReversibles } from '../case/undo';
import { statement } from '../case/statements';
import { replaceDocumentText } from '../documents/repository';
import { applySnapshot, captureEntity, EntityRow } from '../entities/curationHistory';

/**
 * The tables whose rows point into a document's text, in the order they are written back (a claim
 * before the events that cite it). Fixed names: no identifier here ever comes from a case file.
 */
export const TEXT_TABLES = ['notes', 'mentions', 'link_evidence', 'time_mentions', 'claims', 'events', 'relation_suggestions'] as const;
export type TextTable = (typeof TEXT_TABLES)[number];

const Cell = z.union([z.number(), z.string(), z.null()]);
const Row = z.record(z.string(), Cell);

const DocumentText = z.object({
  text: z.string(),
  page_starts: z.string().nullable(),
  meta: z.string(),
  language: z.string().nullable(),
  fingerprint: z.string().nullable(),
  search_names: z.string(),
});

export const TextState = z.object({
  document: DocumentText,
  rows: z.object(Object.fromEntries(TEXT_TABLES.map((table) => [table, z.array(Row)])) as Record<TextTable, z.ZodArray<typeof Row>>),
  /** The entities the document's mentions name, before or after; a null row is one that did not exist. */
  entities: z.array(z.object({ id: z.number(), row: EntityRow.nullable() })),
});
export type TextStateValue = z.infer<typeof TextState>;

/** The entities a document's mentions name now. */
export function mentionedEntities(db: Database, documentId: number): number[] {
  return (statement(db, 'SELECT DISTINCT entity_id FROM mentions WHERE document_id = ? AND entity_id IS NOT NULL ORDER BY entity_id').all(documentId) as { entity_id: number }[]).map(
    (row) => row.entity_id,
  );
}

/** The document's text and every row pointing into it, with the entities in `entityIds` as they are now. */
export function captureTextState(db: Database, documentId: number, entityIds: Iterable<number>): TextStateValue {
  const document = statement(db, 'SELECT text, page_starts, meta, language, fingerprint, search_names FROM documents WHERE id = ?').get(documentId) as z.infer<typeof DocumentText>;
  const rows = Object.fromEntries(
    TEXT_TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} WHERE document_id = ? ORDER BY id`).all(documentId) as z.infer<typeof Row>[]]),
  ) as TextStateValue['rows'];
  return { document, rows, entities: [...new Set(entityIds)].sort((a, b) => a - b).map((id) => ({ id, row: captureEntity(db, id) })) };
}

/** Puts a captured state back: the text (and its search index), the rows pointing into it, and the entities. */
export function applyTextState(db: Database, documentId: number, state: TextStateValue): void {
  replaceDocumentText(db, documentId, {
    text: state.document.text,
    pageStarts: state.document.page_starts,
    meta: state.document.meta,
    language: state.document.language,
    fingerprint: state.document.fingerprint,
    searchNames: state.document.search_names,
  });
  for (const table of [...TEXT_TABLES].reverse()) db.prepare(`DELETE FROM ${table} WHERE document_id = ?`).run(documentId);
  // Entities first (the mentions name them); those the state did not have go with it.
  applySnapshot(db, { entities: state.entities, mentions: [], links: [], mapTags: [] });
  for (const table of TEXT_TABLES) for (const row of state.rows[table]) insertRow(db, table, row, 'fail');
}

/** A row as `SELECT *` gives it. */
export type StoredRow = z.infer<typeof Row>;

/**
 * Writes a row back whole into one of the text tables (ids included). With `taken` 'skip', a row
 * whose place another holds (a unique span) is skipped and the answer is false; with 'fail' it throws. Only the table's own columns are written, so a stored payload
 * cannot name others.
 */
export function insertRow(db: Database, table: TextTable, row: StoredRow, taken: 'skip' | 'fail' = 'skip'): boolean {
  const columns = (statement(db, `SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((column) => column.name);
  const present = columns.filter((column) => Object.hasOwn(row, column));
  const sql = `INSERT ${taken === 'skip' ? 'OR IGNORE ' : ''}INTO ${table} (${present.map((column) => `"${column}"`).join(', ')}) VALUES (${present.map(() => '?').join(', ')})`;
  return db.prepare(sql).run(...present.map((column) => row[column] ?? null)).changes > 0;
}

export const OcrRerun = z.object({
  documentId: z.number(),
  title: z.string(),
  languages: z.object({ before: z.string(), after: z.string() }),
  before: TextState,
  after: TextState,
});

declare module '../case/undo' {
  interface OperationPayloads {
    'ocr.rerun': z.infer<typeof OcrRerun>;
  }
}

registerReversibles({
  'ocr.rerun': {
    payload: OcrRerun,
    describe: (p) => `read "${p.title}" again with OCR (${p.languages.after} instead of ${p.languages.before})`,
    undo: (db, p) => applyTextState(db, p.documentId, p.before),
    redo: (db, p) => applyTextState(db, p.documentId, p.after),
  },
});

/** Records a re-run; call it inside the transaction that made it. */
export function recordRerun(db: Database, payload: z.infer<typeof OcrRerun>): void {
  record(db, 'ocr.rerun', payload);
}
