/**
 * "Check case": reads everything a case holds and reports what is damaged, never repairing it
 * silently. SQLite's own integrity and foreign-key checks, and every stored original against the
 * SHA-256 it was imported with (a flipped byte inside a blob passes SQLite's checks).
 */
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { CaseCheck } from '../../../shared/cases';

const MAX_LISTED = 50;

interface BlobRow {
  id: number;
  sha256: string;
  size: number;
  bytes: Buffer;
}

/** Checks the open case; `onProgress` hears how many originals are done out of how many. */
export function checkCase(db: Database, onProgress?: (done: number, total: number) => void): CaseCheck {
  const integrity = (db.pragma(`integrity_check(${MAX_LISTED})`) as { integrity_check: string }[]).map((row) => row.integrity_check).filter((line) => line !== 'ok');
  const foreignKeys = (db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[])
    .slice(0, MAX_LISTED)
    .map((row) => `${row.table} row ${row.rowid} points at a missing ${row.parent} row`);
  const total = (db.prepare('SELECT count(*) AS n FROM document_blobs').get() as { n: number }).n;
  const titles = db.prepare('SELECT id, title FROM documents WHERE blob_id = ? ORDER BY id');
  const damaged: CaseCheck['damagedOriginals'] = [];
  let checked = 0;
  for (const blob of db.prepare('SELECT id, sha256, size, bytes FROM document_blobs ORDER BY id').iterate() as IterableIterator<BlobRow>) {
    checked += 1;
    const actual = createHash('sha256').update(blob.bytes).digest('hex');
    if (actual !== blob.sha256 || blob.bytes.length !== blob.size) {
      const documents = titles.all(blob.id) as { id: number; title: string }[];
      if (damaged.length < MAX_LISTED) damaged.push({ blobId: blob.id, expected: blob.sha256, actual, documents });
    }
    if (onProgress && checked % 200 === 0) onProgress(checked, total);
  }
  onProgress?.(checked, total);
  return { ok: integrity.length === 0 && foreignKeys.length === 0 && damaged.length === 0, integrity, foreignKeys, originalsChecked: checked, damagedOriginals: damaged };
}
