/**
 * The history table: every change to a case, for audit and undo. Only this file writes it: a
 * change kept for audit goes through `recordAudit`, an undoable one through `record` in undo.ts,
 * each typed by the operation it names.
 */
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
 * The changes kept for audit only (they cannot be undone) and what each records. The names and
 * shapes are stored in case files already: add new ones, never change these.
 */
export interface AuditPayloads {
  'case.create': { title: string; schemaVersion: number };
  'case.update': { before: { title: string; description: string }; after: { title: string; description: string } };
  'documents.import': { file: string; documentIds: readonly number[] };
  'map.setBasemap': { before: string | null; after: string | null };
  'gazetteer.addExtract': { id: number; fileName: string; places: number };
  'gazetteer.removeExtract': { id: number; fileName: string };
  'gazetteer.placeUnplaced': { placed: number };
  'exchange.importCsv': { file: string; kind: string; added: number; joined: number; errors: number };
  'exchange.importFtm': { file: string; errors: number; [count: string]: unknown };
}

/** Appends an entry kept for audit; call it inside the transaction that makes the change. */
export function recordAudit<O extends keyof AuditPayloads>(db: Database, operation: O, payload: AuditPayloads[O]): void {
  recordHistory(db, operation, payload, false);
}

/**
 * Appends an undoable entry, clearing the redo stack as in every editor. Only undo.ts calls it,
 * through `record`, which checks the payload against the operation.
 */
export function recordUndoable(db: Database, operation: string, payload: unknown): void {
  recordHistory(db, operation, payload, true);
}

function recordHistory(db: Database, operation: string, payload: unknown, undoable: boolean): void {
  const at = new Date().toISOString();
  const json = JSON.stringify(payload ?? {});
  if (!undoable) {
    statement(db, 'INSERT INTO history (operation, at, payload) VALUES (?, ?, ?)').run(operation, at, json);
    return;
  }
  statement(db, "UPDATE history SET state = 'discarded' WHERE state = 'undone'").run();
  statement(db, 'INSERT INTO history (operation, at, payload, undoable) VALUES (?, ?, ?, 1)').run(operation, at, json);
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

/**
 * Takes the newest undoable entry back out of history and answers its payload, so that a bigger
 * change can hold it as one of its parts (one undo step). Call it inside the transaction that
 * recorded the entry; throws when the newest entry is not `operation`.
 */
export function takeNewestUndoable(db: Database, operation: string): unknown {
  const entry = nextToUndo(db);
  if (!entry || entry.operation !== operation) throw new Error(`the newest history entry is not ${operation}`);
  statement(db, 'DELETE FROM history WHERE id = ?').run(entry.id);
  return entry.payload;
}
