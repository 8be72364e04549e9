/** The history table: every change to a case, for audit now and undo later. */
import type { Database } from 'better-sqlite3';
import { statement } from './statements';

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

/**
 * Appends one entry; call it inside the transaction that makes the change. An undoable entry
 * clears the redo stack, as in every editor.
 */
export function recordHistory(db: Database, operation: string, payload: unknown, options: { undoable?: boolean } = {}): number {
  if (options.undoable) {
    statement(db, "UPDATE history SET state = 'discarded' WHERE state = 'undone'").run();
    const result = statement(db, 'INSERT INTO history (operation, at, payload, undoable) VALUES (?, ?, ?, 1)')
      .run(operation, new Date().toISOString(), JSON.stringify(payload ?? {}));
    return Number(result.lastInsertRowid);
  }
  const result = statement(db, 'INSERT INTO history (operation, at, payload) VALUES (?, ?, ?)')
    .run(operation, new Date().toISOString(), JSON.stringify(payload ?? {}));
  return Number(result.lastInsertRowid);
}

/** The entry undo would revert next: the newest undoable change still in effect. */
export function nextToUndo(db: Database): HistoryEntry | null {
  const row = statement(db, "SELECT id, operation, at, payload FROM history WHERE undoable = 1 AND state = 'done' ORDER BY id DESC LIMIT 1")
    .get() as HistoryRow | undefined;
  return row ? rowToHistoryEntry(row) : null;
}

/** The entry redo would bring back: the one undone most recently (undo walks back, so the oldest). */
export function nextToRedo(db: Database): HistoryEntry | null {
  const row = statement(db, "SELECT id, operation, at, payload FROM history WHERE undoable = 1 AND state = 'undone' ORDER BY id ASC LIMIT 1")
    .get() as HistoryRow | undefined;
  return row ? rowToHistoryEntry(row) : null;
}

export function setHistoryState(db: Database, id: number, state: 'done' | 'undone'): void {
  statement(db, 'UPDATE history SET state = ? WHERE id = ?').run(state, id);
}


function rowToHistoryEntry(row: HistoryRow): HistoryEntry {
  return { id: row.id, operation: row.operation, at: row.at, payload: JSON.parse(row.payload) as unknown };
}
