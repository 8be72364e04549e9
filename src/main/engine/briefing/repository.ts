/** Briefings kept in the case: list, read, save and delete, each change undoable. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Briefing, BriefingSpec } from '../../../shared/briefing';
import { BriefingSpecSchema } from '../../../shared/briefing';
import { DossierError } from '../../../shared/errors';
import { record, registerReversibles } from '../case/undo';
import { statement } from '../case/statements';

interface BriefingRow {
  id: number;
  title: string;
  spec: string;
  created_at: string;
  updated_at: string;
}

const StoredBriefing = z.object({ id: z.number(), title: z.string(), spec: z.string(), created_at: z.string(), updated_at: z.string() });

function toBriefing(row: BriefingRow): Briefing {
  // A spec written by an older Dossier may lack newer fields; the schema fills what it can.
  return { ...BriefingSpecSchema.parse(JSON.parse(row.spec)), id: row.id, updatedAt: row.updated_at };
}

export function listBriefings(db: Database): { id: number; title: string; date: string; updatedAt: string }[] {
  return (statement(db, 'SELECT id, title, spec, created_at, updated_at FROM briefings ORDER BY updated_at DESC').all() as BriefingRow[]).map((row) => {
    const briefing = toBriefing(row);
    return { id: briefing.id, title: briefing.title, date: briefing.date, updatedAt: briefing.updatedAt };
  });
}

export function getBriefing(db: Database, id: number): Briefing {
  const row = statement(db, 'SELECT id, title, spec, created_at, updated_at FROM briefings WHERE id = ?').get(id) as BriefingRow | undefined;
  if (!row) throw new DossierError('not-found', `There is no briefing ${id} in this case; it may have been deleted.`);
  return toBriefing(row);
}

function putRow(db: Database, row: z.infer<typeof StoredBriefing>): void {
  statement(
    db,
    `INSERT INTO briefings (id, title, spec, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, spec = excluded.spec, updated_at = excluded.updated_at`,
  ).run(row.id, row.title, row.spec, row.created_at, row.updated_at);
}

const BriefingsChange = z.object({ label: z.string(), id: z.number(), before: StoredBriefing.nullable(), after: StoredBriefing.nullable() });

declare module '../case/undo' {
  interface OperationPayloads {
    'briefings.change': z.infer<typeof BriefingsChange>;
  }
}

registerReversibles({
  'briefings.change': {
    payload: BriefingsChange,
    describe: (p) => p.label,
    undo: (db, p) => (p.before ? putRow(db, p.before) : void statement(db, 'DELETE FROM briefings WHERE id = ?').run(p.id)),
    redo: (db, p) => (p.after ? putRow(db, p.after) : void statement(db, 'DELETE FROM briefings WHERE id = ?').run(p.id)),
  },
});

const rowOf = (db: Database, id: number): z.infer<typeof StoredBriefing> | null =>
  (statement(db, 'SELECT id, title, spec, created_at, updated_at FROM briefings WHERE id = ?').get(id) as BriefingRow | undefined) ?? null;

/** Creates a briefing (no id) or replaces one's spec; answers with it as stored. */
export function saveBriefing(db: Database, spec: BriefingSpec, id?: number): Briefing {
  return db.transaction(() => {
    const before = id === undefined ? null : rowOf(db, id);
    if (id !== undefined && !before) throw new DossierError('not-found', `There is no briefing ${id} in this case; it may have been deleted.`);
    const now = new Date().toISOString();
    const json = JSON.stringify(spec);
    if (before && before.spec === json) return getBriefing(db, before.id);
    const saved = before
      ? { ...before, title: spec.title, spec: json, updated_at: now }
      : { id: (statement(db, 'SELECT coalesce(max(id), 0) + 1 AS next FROM briefings').get() as { next: number }).next, title: spec.title, spec: json, created_at: now, updated_at: now };
    putRow(db, saved);
    record(db, 'briefings.change', {
      label: before ? `edit briefing "${spec.title}"` : `create briefing "${spec.title}"`,
      id: saved.id,
      before,
      after: saved,
    });
    return getBriefing(db, saved.id);
  })();
}

export function deleteBriefing(db: Database, id: number): void {
  db.transaction(() => {
    const before = rowOf(db, id);
    if (!before) throw new DossierError('not-found', `There is no briefing ${id} in this case; it may have been deleted.`);
    statement(db, 'DELETE FROM briefings WHERE id = ?').run(id);
    record(db, 'briefings.change', { label: `delete briefing "${before.title}"`, id, before, after: null });
  })();
}
