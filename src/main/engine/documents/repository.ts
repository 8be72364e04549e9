/** SQL for documents and their originals: insert, list and search, read, edit. */
import type { Database } from 'better-sqlite3';
import type { DocumentDetail, DocumentKind, DocumentPage, DocumentQuery, DocumentRow } from '../../../shared/documents';
import { DocumentQuerySchema } from '../../../shared/documents';
import { DossierError } from '../../../shared/errors';
import { WORD_PATTERN } from '../../../shared/textFolding';
import { analyzeText, searchNamesOf } from './textAnalysis';
import { findHighlights, parseSearch } from './searchQuery';
import type { NearDuplicateIndex } from './nearDuplicates';
import { statement } from '../case/statements';

/** A document ready to be stored. */
export interface NewDocument {
  readonly parentId: number | null;
  readonly blobId: number | null;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly author: string | null;
  readonly source: string | null;
  readonly publishedAt: string | null;
  readonly language: string | null;
  readonly fileName: string | null;
  readonly importedAt: string;
  readonly size: number;
  readonly text: string;
  readonly html: string | null;
  readonly pageStarts: readonly number[] | null;
  readonly meta: Readonly<Record<string, unknown>>;
}

interface DocumentListRow {
  id: number;
  title: string;
  kind: DocumentKind;
  author: string | null;
  source: string | null;
  published_at: string | null;
  imported_at: string;
  file_name: string | null;
  size: number;
  parent_id: number | null;
  near_duplicate_of: number | null;
  tag_ids: string | null;
  note_count: number;
  ocr_confidence: number | null;
  snippet: string | null;
}

interface DocumentFullRow extends DocumentListRow {
  language: string | null;
  sha256: string | null;
  text: string;
  html: string | null;
  page_starts: string | null;
  meta: string;
  search_names: string;
}


/** Every document's near-duplicate fingerprint, to build the importer's index from. */
export function listFingerprints(db: Database): { id: number; fingerprint: string }[] {
  return statement(db, 'SELECT id, fingerprint FROM documents WHERE fingerprint IS NOT NULL ORDER BY id').all() as {
    id: number;
    fingerprint: string;
  }[];
}

/** Stores original bytes once per SHA-256; returns the blob's id. */
export function storeBlob(db: Database, sha256: string, bytes: Uint8Array): number {
  statement(db, 'INSERT OR IGNORE INTO document_blobs (sha256, size, bytes) VALUES (?, ?, ?)').run(sha256, bytes.length, bytes);
  return (statement(db, 'SELECT id FROM document_blobs WHERE sha256 = ?').get(sha256) as { id: number }).id;
}

/** The document already holding these exact bytes, if any. */
export function findDocumentBySha256(db: Database, sha256: string): number | null {
  const row = statement(db, 'SELECT documents.id FROM documents JOIN document_blobs ON document_blobs.id = documents.blob_id WHERE sha256 = ? ORDER BY documents.id LIMIT 1')
    .get(sha256) as { id: number } | undefined;
  return row?.id ?? null;
}

/** What inserting a document can be given besides the document. */
export interface InsertOptions {
  /** The importer's index of the case's fingerprints: a near duplicate of one of them is flagged. */
  readonly nearDuplicates?: NearDuplicateIndex;
  /** Where the search index row waits to be written with the rest of the transaction's; written at once without. */
  readonly searchIndex?: SearchIndexBatch;
}

/**
 * Inserts a document, indexes it for search, and flags it when it nearly duplicates one already in
 * `nearDuplicates` (the importer's index of the case's fingerprints).
 */
export function insertDocument(db: Database, document: NewDocument, options: InsertOptions = {}): { id: number; nearDuplicateOf: number | null } {
  const { searchNames, fingerprint } = analyzeText(document.title, document.text);
  const result = statement(db, 
      `INSERT INTO documents (parent_id, blob_id, kind, title, author, source, published_at, language, file_name,
         imported_at, size, text, html, page_starts, meta, fingerprint, search_names)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      document.parentId,
      document.blobId,
      document.kind,
      document.title,
      document.author,
      document.source,
      document.publishedAt,
      document.language,
      document.fileName,
      document.importedAt,
      document.size,
      document.text,
      document.html,
      document.pageStarts ? JSON.stringify(document.pageStarts) : null,
      JSON.stringify(document.meta),
      fingerprint,
      searchNames,
    );
  const id = Number(result.lastInsertRowid);
  const indexed: SearchRow = { id, title: document.title, text: document.text, searchNames };
  if (options.searchIndex) options.searchIndex.add(indexed);
  else writeSearchRow(db, indexed);
  const nearDuplicateOf = fingerprint && options.nearDuplicates ? options.nearDuplicates.add(id, fingerprint) : null;
  if (nearDuplicateOf !== null) statement(db, 'UPDATE documents SET near_duplicate_of = ? WHERE id = ?').run(nearDuplicateOf, id);
  return { id, nearDuplicateOf };
}

interface SearchRow {
  readonly id: number;
  readonly title: string;
  readonly text: string;
  readonly searchNames: string;
}

function writeSearchRow(db: Database, row: SearchRow): void {
  statement(db, 'INSERT INTO documents_fts (rowid, title, text, search_names) VALUES (?, ?, ?, ?)').run(row.id, row.title, row.text, row.searchNames);
}

/**
 * Search index rows held back to the end of a transaction that stores many documents. FTS5 gathers
 * new rows in memory and writes them as one segment, but every statement that opens a savepoint
 * (inserting an entity does: its trigger makes it one) makes it write what it holds: indexed one by
 * one between entity inserts, an import wrote a segment a document and spent its time merging them.
 * Write them in the same transaction as their documents (`flush`), so a crash loses both or neither.
 */
export class SearchIndexBatch {
  private rows: SearchRow[] = [];

  add(row: SearchRow): void {
    this.rows.push(row);
  }

  flush(db: Database): void {
    const rows = this.rows;
    this.rows = [];
    for (const row of rows) writeSearchRow(db, row);
  }
}

const SORT_COLUMNS: Record<string, string> = {
  title: 'd.title COLLATE NOCASE',
  publishedAt: 'd.published_at IS NULL, d.published_at',
  importedAt: 'd.imported_at',
  kind: 'd.kind',
  size: 'd.size',
  // Documents read without OCR come last either way. (No space after the comma inside: the order is split on ', '.)
  ocrConfidence: "json_extract(d.meta,'$.ocrConfidence') IS NULL, json_extract(d.meta,'$.ocrConfidence')",
};

const ROW_COLUMNS = `d.id, d.title, d.kind, d.author, d.source, d.published_at, d.imported_at, d.file_name, d.size,
  d.parent_id, d.near_duplicate_of,
  (SELECT group_concat(tag_id) FROM document_tags WHERE document_id = d.id) AS tag_ids,
  (SELECT count(*) FROM notes WHERE document_id = d.id) AS note_count,
  json_extract(d.meta, '$.ocrConfidence') AS ocr_confidence`;

/** One window of the documents list, filtered, searched and sorted. */
export function listDocuments(db: Database, input: DocumentQuery): DocumentPage {
  const query = DocumentQuerySchema.parse(input);
  const where: string[] = [];
  const params: unknown[] = [];
  const search = query.search?.trim() ? parseSearch(query.search) : null;
  let from = 'documents AS d';
  if (search) {
    from = 'documents_fts JOIN documents AS d ON d.id = documents_fts.rowid';
    where.push('documents_fts MATCH ?');
    params.push(search.match);
  }
  for (const tagId of query.tagIds ?? []) {
    // A tag selects its own documents and those of its sub-tags (source selects source/media).
    where.push(`d.id IN (SELECT document_id FROM document_tags WHERE tag_id IN (
      SELECT id FROM tags WHERE id = ? OR name LIKE (SELECT replace(replace(replace(name, '\\', '\\\\'), '%', '\\%'), '_', '\\_') FROM tags WHERE id = ?) || '/%' ESCAPE '\\'))`);
    params.push(tagId, tagId);
  }
  if (query.kinds && query.kinds.length > 0) {
    where.push(`d.kind IN (${query.kinds.map(() => '?').join(', ')})`);
    params.push(...query.kinds);
  }
  if (query.publishedFrom) {
    where.push('d.published_at >= ?');
    params.push(query.publishedFrom.slice(0, 10));
  }
  if (query.publishedTo) {
    // Inclusive of the whole last day, whether stored as a date or a date-time.
    where.push("d.published_at < date(?, '+1 day')");
    params.push(query.publishedTo.slice(0, 10));
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
  const order =
    query.sort === 'relevance' || !SORT_COLUMNS[query.sort]
      ? search
        ? `bm25(documents_fts, 10.0, 1.0, 2.0) ${query.direction === 'asc' ? 'DESC' : 'ASC'}, d.id`
        : `d.imported_at ${direction}, d.id ${direction}`
      : `${SORT_COLUMNS[query.sort]!.split(', ').map((part) => (part.endsWith('IS NULL') ? part : `${part} ${direction}`)).join(', ')}, d.id ${direction}`;
  const snippet = search ? "snippet(documents_fts, 1, char(2), char(3), '…', 24)" : 'NULL';
  try {
    const total = (statement(db, `SELECT count(*) AS n FROM ${from} ${whereSql}`).get(...params) as { n: number }).n;
    const rows = statement(db, `SELECT ${ROW_COLUMNS}, ${snippet} AS snippet FROM ${from} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset) as DocumentListRow[];
    return { total, rows: rows.map(rowToDocumentRow) };
  } catch (error) {
    if (search && error instanceof Error && /fts5|syntax|malformed MATCH/i.test(error.message)) {
      throw new DossierError('invalid-input', `The search “${query.search}” could not be read: ${error.message}.`);
    }
    throw error;
  }
}

function rowToDocumentRow(row: DocumentListRow): DocumentRow {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    author: row.author,
    source: row.source,
    publishedAt: row.published_at,
    importedAt: row.imported_at,
    fileName: row.file_name,
    size: row.size,
    parentId: row.parent_id,
    nearDuplicateOf: row.near_duplicate_of,
    tagIds: row.tag_ids ? row.tag_ids.split(',').map(Number) : [],
    noteCount: row.note_count,
    ocrConfidence: typeof row.ocr_confidence === 'number' ? row.ocr_confidence : null,
    snippet: row.snippet,
  };
}

function getDocumentRow(db: Database, id: number): DocumentFullRow {
  const row = statement(db, 
      // The OCR word layer can be megabytes; it is read on its own (ocrWords.ts), not with every document.
      `SELECT ${ROW_COLUMNS}, NULL AS snippet, d.language, d.text, d.html, d.page_starts, json_remove(d.meta, '$.ocrWords') AS meta, d.search_names,
         (SELECT sha256 FROM document_blobs WHERE id = d.blob_id) AS sha256
       FROM documents AS d WHERE d.id = ?`,
    )
    .get(id) as DocumentFullRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no document ${id} in this case; it may have been removed.`);
  return row;
}

/** Everything about one document, with the hits of `search` located in its text. */
export function getDocument(db: Database, id: number, search?: string): Omit<DocumentDetail, 'notes'> {
  const row = getDocumentRow(db, id);
  let highlights: { start: number; end: number }[] = [];
  if (search?.trim()) {
    try {
      highlights = findHighlights(row.text, parseSearch(search).terms);
    } catch {
      // A search that cannot be read highlights nothing; the list already said why.
    }
  }
  const children = statement(db, 'SELECT id, title, kind FROM documents WHERE parent_id = ? ORDER BY id').all(id) as {
    id: number;
    title: string;
    kind: DocumentKind;
  }[];
  const { snippet: _snippet, ...base } = rowToDocumentRow(row);
  return {
    ...base,
    language: row.language,
    sha256: row.sha256,
    text: row.text,
    html: row.html,
    pageStarts: row.page_starts ? (JSON.parse(row.page_starts) as number[]) : null,
    meta: JSON.parse(row.meta) as Record<string, unknown>,
    children,
    highlights,
  };
}

export interface DocumentMetadata {
  title: string;
  author: string | null;
  source: string | null;
  publishedAt: string | null;
  language: string | null;
}

export function getDocumentMetadata(db: Database, id: number): DocumentMetadata {
  const row = getDocumentRow(db, id);
  return { title: row.title, author: row.author, source: row.source, publishedAt: row.published_at, language: row.language };
}

/** Writes metadata fields, keeping the search index in step with the title. */
export function setDocumentMetadata(db: Database, id: number, metadata: DocumentMetadata): void {
  const row = getDocumentRow(db, id);
  if (metadata.title !== row.title) {
    const names = searchNamesOf(metadata.title, row.text.match(WORD_PATTERN) ?? []);
    statement(db, "INSERT INTO documents_fts (documents_fts, rowid, title, text, search_names) VALUES ('delete', ?, ?, ?, ?)").run(
      id,
      row.title,
      row.text,
      row.search_names,
    );
    statement(db, 'UPDATE documents SET search_names = ? WHERE id = ?').run(names, id);
    statement(db, 'INSERT INTO documents_fts (rowid, title, text, search_names) VALUES (?, ?, ?, ?)').run(id, metadata.title, row.text, names);
  }
  statement(db, 'UPDATE documents SET title = ?, author = ?, source = ?, published_at = ?, language = ? WHERE id = ?').run(
    metadata.title,
    metadata.author,
    metadata.source,
    metadata.publishedAt,
    metadata.language,
    id,
  );
}

/** The text of a document, for notes and excerpts. */
export function getDocumentText(db: Database, id: number): { title: string; text: string } {
  const row = statement(db, 'SELECT title, text FROM documents WHERE id = ?').get(id) as { title: string; text: string } | undefined;
  if (!row) throw new DossierError('not-found', `There is no document ${id} in this case; it may have been removed.`);
  return row;
}

/** A document's text and what is worked out from it, as a re-read of its pages gives them. */
export interface DocumentText {
  readonly text: string;
  /** JSON, as stored. */
  readonly pageStarts: string | null;
  /** JSON, as stored. */
  readonly meta: string;
  readonly language: string | null;
  readonly fingerprint: string | null;
  readonly searchNames: string;
}

/** Replaces a document's text, keeping the search index in step; offsets into the old text are the caller's to move. */
export function replaceDocumentText(db: Database, id: number, replacement: DocumentText): void {
  const row = getDocumentRow(db, id);
  statement(db, "INSERT INTO documents_fts (documents_fts, rowid, title, text, search_names) VALUES ('delete', ?, ?, ?, ?)").run(id, row.title, row.text, row.search_names);
  statement(db, 'UPDATE documents SET text = ?, page_starts = ?, meta = ?, language = ?, fingerprint = ?, search_names = ? WHERE id = ?').run(
    replacement.text,
    replacement.pageStarts,
    replacement.meta,
    replacement.language,
    replacement.fingerprint,
    replacement.searchNames,
    id,
  );
  statement(db, 'INSERT INTO documents_fts (rowid, title, text, search_names) VALUES (?, ?, ?, ?)').run(id, row.title, replacement.text, replacement.searchNames);
}
