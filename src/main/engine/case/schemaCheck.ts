/**
 * A case file comes from anyone, so its schema is checked against the one our own migrations
 * build before anything is written: a trigger, view, table or index that Dossier did not write
 * (a trigger that deletes tags on insert, a `documents` table swapped for a view) refuses the file.
 */
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { DossierError } from '../../../shared/errors';
import { migrate } from './migrations';

interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly tableName: string;
  /** Normalised CREATE statement (triggers, views, indexes) or column list (tables). */
  readonly shape: string;
}

const references = new Map<number, Map<string, SchemaObject>>();

/** Throws a DossierError naming the first object of `db` that our migrations to `version` would not have made. */
export function checkSchema(db: SqliteDatabase, label: string, version: number): void {
  const expected = referenceSchema(version);
  const actual = readSchema(db);
  for (const object of actual.values()) {
    const wanted = expected.get(object.name);
    if (!wanted) throw untrusted(label, `${describeObject(object)} that Dossier did not write`);
    if (wanted.type !== object.type) throw untrusted(label, `${describeObject(object)} where Dossier keeps a ${wanted.type} of that name`);
    if (wanted.tableName !== object.tableName || wanted.shape !== object.shape) throw untrusted(label, `${describeObject(object)} that differs from the one Dossier wrote`);
  }
  for (const wanted of expected.values()) {
    if (!actual.has(wanted.name)) throw untrusted(label, `no ${wanted.type} "${wanted.name}", which every case of its version has`);
  }
}

function untrusted(label: string, what: string): DossierError {
  return new DossierError(
    'unknown-schema',
    `${label} has ${what}. A case file from someone else could use it to change the case behind your back, so Dossier ` +
      'did not open it and did not write to it. Ask whoever sent it for a clean copy, or import its documents into a new case.',
  );
}

function describeObject(object: SchemaObject): string {
  const article = object.type === 'index' ? 'an' : 'a';
  return object.type === 'table' ? `a table "${object.name}"` : `${article} ${object.type} "${object.name}" (on ${object.tableName})`;
}

/** The schema our migrations build at `version`, made once per version in memory. */
function referenceSchema(version: number): Map<string, SchemaObject> {
  let reference = references.get(version);
  if (!reference) {
    const db = new Database(':memory:');
    try {
      migrate(db, 'reference', version);
      // A case always records its migrations, even at version 0.
      reference = readSchema(db);
    } finally {
      db.close();
    }
    references.set(version, reference);
  }
  return reference;
}

interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

interface ColumnRow {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

interface ForeignKeyRow {
  table: string;
  from: string;
  to: string | null;
  on_update: string;
  on_delete: string;
}

function readSchema(db: SqliteDatabase): Map<string, SchemaObject> {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').all() as MasterRow[];
  const objects = new Map<string, SchemaObject>();
  for (const row of rows) {
    // SQLite's own tables (sequence, statistics) and automatic indexes are not part of the design.
    if (row.name.startsWith('sqlite_')) continue;
    const shape = row.type === 'table' && !/^\s*CREATE\s+VIRTUAL\b/i.test(row.sql ?? '') ? tableShape(db, row.name, row.sql) : normalise(row.sql ?? '');
    objects.set(row.name, { type: row.type, name: row.name, tableName: row.tbl_name, shape });
  }
  return objects;
}

// Columns rather than the CREATE text: ALTER TABLE rewrites that text, and SQLite versions differ in how.
function tableShape(db: SqliteDatabase, name: string, sql: string | null): string {
  const columns = db.prepare('SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?)').all(name) as ColumnRow[];
  const keys = db.prepare('SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(name) as ForeignKeyRow[];
  const strict = /\)\s*STRICT\s*$/i.test(sql ?? '') ? ' STRICT' : '';
  return (
    columns.map((column) => `${column.name} ${column.type} ${column.notnull} ${column.dflt_value ?? ''} ${column.pk} ${column.hidden}`).join(', ') +
    keys.map((key) => `; ${key.from} -> ${key.table}(${key.to ?? ''}) ${key.on_update} ${key.on_delete}`).join('') +
    strict
  );
}

function normalise(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}
