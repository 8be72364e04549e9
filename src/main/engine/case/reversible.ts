/** The shape of an undoable change: how to undo and redo it from its history payload, and its name. */
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';

export interface Reversible<P> {
  readonly payload: z.ZodType<P>;
  describe(payload: P): string;
  undo(db: Database, payload: P): void;
  redo(db: Database, payload: P): void;
}

/** Declares one undoable change, keeping its payload type. */
export function reversible<P>(definition: Reversible<P>): Reversible<P> {
  return definition;
}
