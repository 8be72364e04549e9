/**
 * The reading layer of the documents a merge adds: time expressions, claims, events and relation
 * suggestions, with their entity ids (and an event's claim, a relation's link) renumbered into this
 * case. A joined document keeps the reading it has here.
 */
import type { Database } from 'better-sqlite3';
import { statement } from '../case/statements';
import type { MergeContext, Row } from './mergeContext';

type ReadingTable = 'time_mentions' | 'claims' | 'events' | 'relation_suggestions';

/** The columns of one of our own tables (never a name from the source file), without its id. */
function columnsOf(db: Database, table: ReadingTable): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((row) => row.name).filter((name) => name !== 'id');
}

/** An argument or relation end ({start, end, text, type, entityId}) with its entity renumbered. */
function remapEnd(value: unknown, entities: ReadonlyMap<number, number>): unknown {
  if (!value || typeof value !== 'object') return value;
  const end = value as Row;
  if (typeof end['entityId'] !== 'number') return end;
  return { ...end, entityId: entities.get(end['entityId']) ?? null };
}

const mapped = (map: ReadonlyMap<number, number>, id: unknown): number | null => (typeof id === 'number' ? (map.get(id) ?? null) : null);

/** Copies one reading table's rows of added documents; answers source id -> id here. */
function copyTable(context: MergeContext, table: ReadingTable, remap: (row: Row) => Row): Map<number, number> {
  const { db, src, added, addedDocuments, documents } = context;
  const ids = new Map<number, number>();
  if (addedDocuments.size === 0) return ids;
  const columns = columnsOf(db, table);
  const insert = statement(db, `INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  for (const source of src.prepare(`SELECT * FROM ${table} ORDER BY id`).iterate() as IterableIterator<Row>) {
    if (!addedDocuments.has(source['document_id'] as number)) continue;
    const row = remap({ ...source, document_id: documents.get(source['document_id'] as number) });
    const result = insert.run(...columns.map((column) => row[column] ?? null));
    if (result.changes === 0) continue;
    const id = Number(result.lastInsertRowid);
    added.add(table, id);
    ids.set(source['id'] as number, id);
  }
  return ids;
}

/** Carries the reading layer of the added documents. */
export function mergeReading(context: MergeContext): void {
  const { entities, links } = context;
  context.progress('reading', 0, 4);
  copyTable(context, 'time_mentions', (row) => row);
  const claims = copyTable(context, 'claims', (row) => ({ ...row, speaker_entity_id: mapped(entities, row['speaker_entity_id']) }));
  context.progress('reading', 2, 4);
  copyTable(context, 'events', (row) => {
    const args = JSON.parse(row['arguments'] as string) as Row;
    const remapped = Object.fromEntries(Object.entries(args).map(([role, end]) => [role, remapEnd(end, entities)]));
    return { ...row, arguments: JSON.stringify(remapped), claim_id: mapped(claims, row['claim_id']) };
  });
  copyTable(context, 'relation_suggestions', (row) => ({
    ...row,
    source: JSON.stringify(remapEnd(JSON.parse(row['source'] as string), entities)),
    target: JSON.stringify(remapEnd(JSON.parse(row['target'] as string), entities)),
    source_entity_id: mapped(entities, row['source_entity_id']),
    target_entity_id: mapped(entities, row['target_entity_id']),
    link_id: mapped(links, row['link_id']),
  }));
  context.progress('reading', 4, 4);
}
