/**
 * What the tests of extraction in worker threads share: the built worker made to do all the finding, an analyzer the
 * main thread must not use, and the rows extraction writes, to compare a worker's run with the main thread's.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { EntityAnalyzer } from '../../src/main/engine/entities/finder';
import type { FindWorkerOptions } from '../../src/main/engine/ingest/findPool';
import { builtFile } from './built';

/** The built worker script, started at once and left all the finding (the main thread takes none). */
export function builtWorkers(resourcesDir: string, threads: number): FindWorkerOptions {
  return { recipe: () => ({ resourcesDir, extracts: [] }), script: builtFile('main/findWorker.js'), threads, startAfterCharacters: 0, mainThreadFinds: false };
}

/** An analyzer that must not be called: with it, the workers found everything or the job fails. */
export function unusableAnalyzer(knowledge: EntityAnalyzer['knowledge']): EntityAnalyzer {
  return {
    analyze: () => {
      throw new Error('the main thread extracted');
    },
    knowledge,
    reader: () => {
      throw new Error('the main thread read');
    },
  };
}

/**
 * Every table extraction fills, without the clock's columns; `documents` says which of the documents' columns count,
 * `more` adds queries of the caller's own.
 */
export function extractionRows(db: SqliteDatabase, documents: string, more: Record<string, string> = {}): Record<string, unknown[]> {
  const read = (sql: string): unknown[] => db.prepare(sql).raw().all();
  const rows: Record<string, unknown[]> = {
    documents: read(`SELECT ${documents} FROM documents ORDER BY id`),
    entities: read('SELECT id, kind, subtype, name, status, attributes FROM entities ORDER BY id'),
    aliases: read('SELECT entity_id, alias, folded, skeleton FROM entity_aliases ORDER BY entity_id, alias'),
    mentions: read('SELECT * FROM mentions ORDER BY id'),
    places: read('SELECT * FROM places ORDER BY entity_id'),
    times: read('SELECT * FROM time_mentions ORDER BY id'),
    claims: read('SELECT * FROM claims ORDER BY id'),
    events: read('SELECT * FROM events ORDER BY id'),
    relations: read('SELECT * FROM relation_suggestions ORDER BY id'),
  };
  for (const [name, sql] of Object.entries(more)) rows[name] = read(sql);
  return rows;
}
