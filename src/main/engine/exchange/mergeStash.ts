/**
 * A merge as one undoable step: the rows it added are listed by table (`AddedRows`); undo takes them
 * out of the case into merge_stash, and redo puts them back in the same order.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { DossierError } from '../../../shared/errors';
import { record, registerReversibles } from '../case/undo';
import { statement } from '../case/statements';

type Row = Record<string, unknown>;
export type Key = number | readonly (number | string)[];

/** Every table a merge adds to, parents before children, with the columns that name one row. */
const TABLES: readonly { name: string; key: readonly string[] }[] = [
  { name: 'document_blobs', key: ['id'] },
  { name: 'documents', key: ['id'] },
  { name: 'tags', key: ['id'] },
  { name: 'entities', key: ['id'] },
  { name: 'places', key: ['entity_id'] },
  { name: 'entity_aliases', key: ['entity_id', 'alias'] },
  { name: 'document_tags', key: ['document_id', 'tag_id'] },
  { name: 'mentions', key: ['id'] },
  { name: 'notes', key: ['id'] },
  { name: 'links', key: ['id'] },
  { name: 'link_evidence', key: ['id'] },
  { name: 'map_features', key: ['id'] },
  { name: 'map_feature_entities', key: ['feature_id', 'entity_id'] },
  { name: 'map_feature_documents', key: ['feature_id', 'document_id'] },
  { name: 'briefings', key: ['id'] },
  // The reading layer of added documents: claims before the events that cite them.
  { name: 'time_mentions', key: ['id'] },
  { name: 'claims', key: ['id'] },
  { name: 'events', key: ['id'] },
  { name: 'relation_suggestions', key: ['id'] },
];

/** The rows a merge added, by table, in the order they were added. */
export class AddedRows {
  readonly rows: Record<string, Key[]> = {};
  add(table: string, key: Key): void {
    (this.rows[table] ??= []).push(key);
  }
  count(table: string): number {
    return this.rows[table]?.length ?? 0;
  }
  get any(): boolean {
    return Object.values(this.rows).some((keys) => keys.length > 0);
  }
}

type Stored = Record<string, unknown>;

function encodeRow(row: Row): Stored {
  return Object.fromEntries(Object.entries(row).map(([column, value]) => [column, Buffer.isBuffer(value) ? { $base64: value.toString('base64') } : value]));
}

function decodeRow(row: Stored): Row {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column,
      value && typeof value === 'object' && '$base64' in value ? Buffer.from((value as { $base64: string }).$base64, 'base64') : value,
    ]),
  );
}

function whereKey(key: readonly string[]): string {
  return key.map((column) => `${column} = ?`).join(' AND ');
}

function keyValues(key: Key): readonly (number | string)[] {
  return typeof key === 'number' ? [key] : key;
}

function takeOut(db: Database, mergeId: number, rows: Readonly<Record<string, Key[]>>): void {
  let seq = (statement(db, 'SELECT coalesce(max(seq), 0) AS n FROM merge_stash WHERE merge_id = ?').get(mergeId) as { n: number }).n;
  const stash = statement(db, 'INSERT INTO merge_stash (merge_id, seq, table_name, row) VALUES (?, ?, ?, ?)');
  for (const table of [...TABLES].reverse()) {
    const select = db.prepare(`SELECT * FROM ${table.name} WHERE ${whereKey(table.key)}`);
    const remove = db.prepare(`DELETE FROM ${table.name} WHERE ${whereKey(table.key)}`);
    // Newest first, so that a document goes before the one it was found in (which would take it along).
    for (const key of [...(rows[table.name] ?? [])].reverse()) {
      const row = select.get(...keyValues(key)) as Row | undefined;
      if (!row) continue;
      stash.run(mergeId, (seq += 1), table.name, JSON.stringify(encodeRow(row)));
      if (table.name === 'documents') {
        statement(db, "INSERT INTO documents_fts (documents_fts, rowid, title, text, search_names) VALUES ('delete', ?, ?, ?, ?)").run(row['id'], row['title'], row['text'], row['search_names']);
      }
      remove.run(...keyValues(key));
    }
  }
}

function putBack(db: Database, mergeId: number): void {
  const stored = statement(db, 'SELECT table_name, row FROM merge_stash WHERE merge_id = ? ORDER BY seq DESC').all(mergeId) as { table_name: string; row: string }[];
  for (const { table_name: table, row: text } of stored) {
    if (!TABLES.some((known) => known.name === table)) throw new DossierError('corrupt', `The merge's saved rows name a table "${table}" that a merge never writes; the case may be damaged.`);
    const row = decodeRow(JSON.parse(text) as Stored);
    const columns = Object.keys(row);
    if (!columns.every((column) => /^[a-z_0-9]+$/.test(column))) throw new DossierError('corrupt', `The merge's saved rows for ${table} are damaged.`);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((column) => row[column]));
    if (table === 'documents') statement(db, 'INSERT INTO documents_fts (rowid, title, text, search_names) VALUES (?, ?, ?, ?)').run(row['id'], row['title'], row['text'], row['search_names']);
  }
  statement(db, 'DELETE FROM merge_stash WHERE merge_id = ?').run(mergeId);
}

/** True while a merge is undone: its rows wait in the stash. */
export function isMergeUndone(db: Database, mergeId: number): boolean {
  return statement(db, 'SELECT 1 FROM merge_stash WHERE merge_id = ? LIMIT 1').get(mergeId) !== undefined;
}

const KeySchema = z.union([z.number(), z.array(z.union([z.number(), z.string()]))]);

const ExchangeMerge = z.object({ mergeId: z.number(), title: z.string(), rows: z.record(z.string(), z.array(KeySchema)) });

declare module '../case/undo' {
  interface OperationPayloads {
    'exchange.merge': z.infer<typeof ExchangeMerge>;
  }
}

/** Records the merge as one undoable step; call it inside the merge's transaction. */
export function recordMerge(db: Database, mergeId: number, title: string, added: AddedRows): void {
  record(db, 'exchange.merge', { mergeId, title, rows: added.rows as z.infer<typeof ExchangeMerge>['rows'] });
}

registerReversibles({
  'exchange.merge': {
    payload: ExchangeMerge,
    describe: (p) => `merge of "${p.title}"`,
    undo: (db, p) => takeOut(db, p.mergeId, p.rows),
    redo: (db, p) => putBack(db, p.mergeId),
  },
});
