/** The writing half of an import: documents read from one file stored in the case, inside that file's transaction. */
import type { Database } from 'better-sqlite3';
import type { ImportReport } from '../../../shared/documents';
import type { NearDuplicateIndex } from '../documents/nearDuplicates';
import type { SearchIndexBatch } from '../documents/repository';
import { findDocumentBySha256, insertDocument, storeBlob } from '../documents/repository';
import type { CaseExtraction } from '../entities/suggestions';
import type { ExtractedDocument } from './types';
import type { Found } from './finding';
import type { LoadedFile, PreparedDocument } from './load';
import { sha256 } from './load';
import { datelineDate } from './read/dateline';

/** Where stored documents go and what is told of them. */
export interface StoreContext {
  readonly db: Database;
  readonly report: ImportReport;
  readonly extract: CaseExtraction | null;
  readonly nearDuplicates: NearDuplicateIndex;
  /** The transaction's search index rows, written when its documents are all stored. */
  readonly searchIndex: SearchIndexBatch;
  /** What extraction found in a document ahead of the transaction, when it was (see findPool.ts); else it extracts here. */
  readonly found?: (document: ExtractedDocument) => Found;
}

/**
 * Stores one document and its children, inside the caller's transaction; null for a duplicate.
 * `label` names the file in the report when the document is not a part of it with a name of its own.
 */
export function storePrepared(context: StoreContext, entry: PreparedDocument, file: LoadedFile, parentId: number | null, label: string): number | null {
  const { db, report, extract } = context;
  const { document } = entry;
  const original = document.original ?? file.bytes;
  const sha = document.original ? sha256(document.original) : file.sha256;
  const shown = document.originalName ?? label;
  // Checked again here: the same file twice in one import was read before either was stored.
  const existing = findDocumentBySha256(db, sha);
  if (existing !== null) {
    report.duplicates.push({ file: shown, existingDocumentId: existing });
    return null;
  }
  const blobId = storeBlob(db, sha, original);
  const found = context.found?.(document);
  const { id, nearDuplicateOf } = insertDocument(
    db,
    {
      parentId,
      blobId,
      kind: document.kind,
      title: document.title.trim() || file.name,
      author: document.author,
      source: document.source,
      publishedAt: publishedAtOf(document, file),
      language: document.language,
      fileName: document.originalName ?? file.name,
      importedAt: new Date().toISOString(),
      size: original.length,
      text: document.text,
      html: document.html,
      pageStarts: document.pageStarts,
      meta: document.meta,
    },
    { nearDuplicates: context.nearDuplicates, searchIndex: context.searchIndex },
  );
  if (extract) {
    if (found) extract.store(id, document.text, found);
    else extract.suggest(id, document.text);
  }
  report.imported.push({ file: shown, documentId: id, title: document.title, nearDuplicateOf });
  for (const child of entry.children) storePrepared(context, child, file, id, label);
  return id;
}

/** When a document was published: its own metadata, else the dateline its text opens with, else a date in its file name. */
export function publishedAtOf(document: ExtractedDocument, file: LoadedFile): string | null {
  return document.publishedAt ?? datelineDate(document.text) ?? dateInFileName(document.originalName ?? file.name);
}

/** A date written into a file name (statement-2025-03-04.txt), for documents that carry none. */
function dateInFileName(name: string): string | null {
  const match = /(?:^|[^\d])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[^\d]|$)/.exec(name);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}
