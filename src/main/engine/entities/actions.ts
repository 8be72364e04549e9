/** The analyst's review of entities and mentions: each change one transaction, in history, undoable. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { EntitySummary, EntityType, Mention } from '../../../shared/entities';
import { EntityStatuses, EntityTypes, MentionStatuses } from '../../../shared/entities';
import { statement } from '../case/statements';
import { record, registerReversibles } from '../case/undo';
import { getEntity, getMention } from './repository';
import { addAlias } from './store';

const EntityState = z.object({ name: z.string(), kind: z.enum(EntityTypes), status: z.enum(EntityStatuses) });
type EntityStateValue = z.infer<typeof EntityState>;

function setEntityState(db: Database, id: number, state: EntityStateValue): void {
  statement(db, 'UPDATE entities SET name = ?, kind = ?, status = ?, updated_at = ? WHERE id = ?').run(
    state.name,
    state.kind,
    state.status,
    new Date().toISOString(),
    id,
  );
  // A new name is also a way the entity is written.
  addAlias(db, id, state.name);
}

function setStatuses(db: Database, entries: readonly { id: number; status: string }[]): void {
  for (const entry of entries) statement(db, 'UPDATE entities SET status = ? WHERE id = ?').run(entry.status, entry.id);
}

const EntitiesUpdate = z.object({ id: z.number(), before: EntityState, after: EntityState });
const EntitiesSetStatus = z.object({ status: z.enum(EntityStatuses), previous: z.array(z.object({ id: z.number(), status: z.enum(EntityStatuses) })) });
const MentionsSetStatus = z.object({ id: z.number(), text: z.string(), before: z.enum(MentionStatuses), after: z.enum(MentionStatuses) });

declare module '../case/undo' {
  interface OperationPayloads {
    'entities.update': z.infer<typeof EntitiesUpdate>;
    'entities.setStatus': z.infer<typeof EntitiesSetStatus>;
    'mentions.setStatus': z.infer<typeof MentionsSetStatus>;
  }
}

registerReversibles({
  'entities.update': {
    payload: EntitiesUpdate,
    describe: (p) => (p.before.name === p.after.name ? `edit "${p.after.name}"` : `rename "${p.before.name}" to "${p.after.name}"`),
    undo: (db, p) => setEntityState(db, p.id, p.before),
    redo: (db, p) => setEntityState(db, p.id, p.after),
  },
  'entities.setStatus': {
    payload: EntitiesSetStatus,
    describe: (p) => `mark ${p.previous.length} entit${p.previous.length === 1 ? 'y' : 'ies'} ${p.status}`,
    undo: (db, p) => setStatuses(db, p.previous),
    redo: (db, p) => setStatuses(db, p.previous.map((entry) => ({ id: entry.id, status: p.status }))),
  },
  'mentions.setStatus': {
    payload: MentionsSetStatus,
    describe: (p) => `${p.after === 'rejected' ? 'reject' : p.after === 'confirmed' ? 'accept' : 'reset'} mention "${p.text}"`,
    undo: (db, p) => void statement(db, 'UPDATE mentions SET status = ? WHERE id = ?').run(p.before, p.id),
    redo: (db, p) => void statement(db, 'UPDATE mentions SET status = ? WHERE id = ?').run(p.after, p.id),
  },
});

export function updateEntity(
  db: Database,
  id: number,
  patch: { name?: string; type?: EntityType; status?: 'suggested' | 'confirmed' },
): EntitySummary {
  return db.transaction(() => {
    const current = getEntity(db, id);
    const before = { name: current.name, kind: current.type, status: current.status };
    const after = { name: patch.name ?? before.name, kind: patch.type ?? before.kind, status: patch.status ?? before.status };
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      setEntityState(db, id, after);
      record(db, 'entities.update', { id, before, after });
    }
    return getEntity(db, id);
  })();
}

export function setEntityStatus(db: Database, ids: readonly number[], status: 'suggested' | 'confirmed'): number {
  return db.transaction(() => {
    const previous: { id: number; status: 'suggested' | 'confirmed' }[] = [];
    for (const id of new Set(ids)) {
      const entity = getEntity(db, id);
      if (entity.status !== status) previous.push({ id, status: entity.status });
    }
    if (previous.length === 0) return 0;
    setStatuses(db, previous.map((entry) => ({ id: entry.id, status })));
    record(db, 'entities.setStatus', { status, previous });
    return previous.length;
  })();
}

export function setMentionStatus(db: Database, id: number, status: Mention['status']): Mention {
  return db.transaction(() => {
    const mention = getMention(db, id);
    if (mention.status !== status) {
      statement(db, 'UPDATE mentions SET status = ? WHERE id = ?').run(status, id);
      record(db, 'mentions.setStatus', { id, text: mention.text, before: mention.status, after: status });
    }
    return getMention(db, id);
  })();
}
