/**
 * Two Dossiers writing one case take turns. Every transaction on a case connection begins
 * IMMEDIATE, taking the write lock before its first read: a deferred transaction that read first
 * could not wait for another writer's commit (SQLite answers SQLITE_BUSY at once, since its snapshot
 * is stale), and every file of a second import failed with "database is locked". A transaction that
 * finds the lock taken tells the listeners (the CLI prints "waiting for another Dossier writing to
 * X…") and then waits its turn, up to WRITE_WAIT_MS.
 */
import type { Database } from 'better-sqlite3';
import { basename } from 'node:path';

/** How long one transaction waits for another Dossier's transaction to end. */
export const WRITE_WAIT_MS = 5 * 60_000;

type WaitListener = (caseName: string) => void;
const listeners = new Set<WaitListener>();

/** Calls `listener` with the case's file name whenever a write has to wait for another writer; returns the unsubscribe. */
export function onWaitingForWriter(listener: WaitListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function isBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
}

/** Whether another connection holds the write lock now (tried without waiting). */
function writeLockTaken(db: Database): boolean {
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if (isBusy(error)) return true;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${WRITE_WAIT_MS}`);
  }
}

/**
 * Makes the connection's transactions wait their turn (see above). Call it once, on a writable
 * connection, before any transaction; `db.transaction(fn).deferred` stays available for reads.
 */
export function takeTurnsWriting(db: Database): void {
  db.pragma(`busy_timeout = ${WRITE_WAIT_MS}`);
  const transaction = db.transaction.bind(db);
  const patched = (fn: (...args: unknown[]) => unknown) => {
    const made = transaction(fn);
    const immediate = (...args: unknown[]): unknown => {
      // A nested transaction is a savepoint inside one that already holds the lock.
      if (!db.inTransaction && listeners.size > 0 && writeLockTaken(db)) {
        const name = basename(db.name);
        for (const listener of listeners) listener(name);
      }
      return made.immediate(...args);
    };
    const deferred = (...args: unknown[]): unknown => made.deferred(...args);
    const exclusive = (...args: unknown[]): unknown => made.exclusive(...args);
    return Object.assign(immediate, { default: immediate, deferred, immediate, exclusive });
  };
  db.transaction = patched as Database['transaction'];
}
