/** Applies the numbered migrations in order and records each in `schema_migrations`. */
import type { Database } from 'better-sqlite3';
import { DossierError } from '../../../../shared/errors';
import { initial } from './0001-initial';
import { documents } from './0002-documents';
import { entities } from './0003-entities';
import { gazetteerExtracts } from './0004-gazetteer-extracts';
import { links } from './0005-links';
import { mapFeatures } from './0006-map-features';
import { briefings } from './0007-briefings';
import { entityIds } from './0008-entity-ids';
import { reading } from './0009-reading';
import { exchange } from './0010-exchange';
import { learning } from './0011-learning';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [initial, documents, entities, gazetteerExtracts, links, mapFeatures, briefings, entityIds, reading, exchange, learning];

/** The schema version this build writes: the number of the last migration. */
export const SCHEMA_VERSION = migrations.length;

interface AppliedRow {
  version: number;
  name: string;
}

/**
 * Brings `db` up to `target` (default: the latest), one transaction per migration so that a
 * failure leaves the file at the last good version. Refuses a file whose recorded migrations are
 * not ours, since running our steps on someone else's schema could damage it.
 */
export function migrate(db: Database, fileName: string, target: number = SCHEMA_VERSION): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = checkMigrations(db, fileName);
  const insert = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations.slice(applied, target)) {
    db.transaction(() => {
      migration.up(db);
      insert.run(migration.version, migration.name, new Date().toISOString());
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/**
 * Reads (never writes) the migrations a file records and throws when one is not ours; answers
 * how many are applied. A file with no record yet has none.
 */
export function checkMigrations(db: Database, fileName: string): number {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
  if (!hasTable) return 0;
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  applied.forEach((row, index) => {
    const known = migrations[index];
    if (!known || known.version !== row.version || known.name !== row.name) {
      throw new DossierError(
        'unknown-schema',
        `${fileName} records schema step ${row.version} "${row.name}", which this version of Dossier does not know. ` +
          'Open it with the Dossier that made it.',
      );
    }
  });
  return applied.length;
}
