/**
 * Undo and redo as a service of the case: each domain registers its reversible operations here, and
 * records them with `record`, whose payload the compiler checks against the operation.
 *
 * Two styles of reversible live side by side, on purpose. Small changes (tags, notes, document
 * details, an entity's name or status) store the few fields they changed and replay them. Changes
 * that move many rows at once (curation's merge and split, a link, a drawing, a briefing) store the
 * rows they touched before and after and put them back whole, so undo stays exact however many
 * mentions a merge moved. Both are a `Reversible`; undo does not need to know which.
 *
 * A domain declares its operations' payloads by augmenting `OperationPayloads`:
 *
 *   declare module '../case/undo' {
 *     interface OperationPayloads { 'links.change': z.infer<typeof LinkChange> }
 *   }
 *   registerReversibles({ 'links.change': { payload: LinkChange, describe, undo, redo } });
 *
 * Operation names and payload shapes are stored in users' case files: never rename one or change
 * its shape (a zod `.default` may add a field), or older history stops undoing.
 */
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { DossierError } from '../../../shared/errors';
import { nextToRedo, nextToUndo, recordUndoable, setHistoryState } from './history';

/**
 * Every undoable operation and the payload its history entry holds; empty here, filled in by each
 * domain through module augmentation.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by module augmentation, as described above.
export interface OperationPayloads {}
export type Operation = keyof OperationPayloads;

/** How to undo and redo one operation from its history payload, and how to name it to the analyst. */
export interface Reversible<P> {
  readonly payload: z.ZodType<P>;
  describe(payload: P): string;
  undo(db: Database, payload: P): void;
  redo(db: Database, payload: P): void;
}

type Registry = { [O in Operation]?: Reversible<OperationPayloads[O]> };
const registry: Registry = {};

/**
 * Registers a domain's reversible operations; a domain module calls it once when it loads. An
 * operation registered twice is a programming error and throws.
 */
export function registerReversibles(reversibles: Registry): void {
  for (const operation of Object.keys(reversibles)) {
    if (Object.hasOwn(registry, operation)) throw new Error(`undoable operation ${operation} is registered twice`);
  }
  Object.assign(registry, reversibles);
}

/** Records an undoable change; call it inside the transaction that makes the change. */
export function record<O extends Operation>(db: Database, operation: O, payload: OperationPayloads[O]): void {
  recordUndoable(db, operation, payload);
}

/** Reverts (or re-applies) the next change; null when there is none. */
export function undoOrRedo(db: Database, direction: 'undo' | 'redo'): { operation: string; description: string } | null {
  return db.transaction(() => {
    const entry = direction === 'undo' ? nextToUndo(db) : nextToRedo(db);
    if (!entry) return null;
    const definition = (registry as Partial<Record<string, Reversible<unknown>>>)[entry.operation];
    if (!definition) {
      throw new DossierError('internal', `History entry ${entry.id} (${entry.operation}) cannot be ${direction}ne by this version of Dossier.`);
    }
    const payload = definition.payload.parse(entry.payload);
    if (direction === 'undo') definition.undo(db, payload);
    else definition.redo(db, payload);
    setHistoryState(db, entry.id, direction === 'undo' ? 'undone' : 'done');
    return { operation: entry.operation, description: definition.describe(payload) };
  })();
}
