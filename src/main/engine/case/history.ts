/** The history table: every change to a case, for audit now and undo later. */
import type { Database } from 'better-sqlite3';

export interface HistoryEntry {
  readonly id: number;
  readonly operation: string;
  readonly at: string;
  readonly payload: unknown;
}

interface HistoryRow {
  id: number;
  operation: string;
  at: string;
  payload: string;
}

/** Appends one entry; call it inside the transaction that makes the change. */
export function recordHistory(db: Database, operation: string, payload: unknown): number {
  const result = db
    .prepare('INSERT INTO history (operation, at, payload) VALUES (?, ?, ?)')
    .run(operation, new Date().toISOString(), JSON.stringify(payload ?? {}));
  return Number(result.lastInsertRowid);
}

/** The latest entries, newest first. */
export function listHistory(db: Database, limit = 100): HistoryEntry[] {
  const rows = db.prepare('SELECT id, operation, at, payload FROM history ORDER BY id DESC LIMIT ?').all(limit) as HistoryRow[];
  return rows.map(rowToHistoryEntry);
}

function rowToHistoryEntry(row: HistoryRow): HistoryEntry {
  return { id: row.id, operation: row.operation, at: row.at, payload: JSON.parse(row.payload) as unknown };
}
