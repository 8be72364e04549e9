/** The case's own metadata (title, description) and the figures `info` reports. */
import type { Database } from 'better-sqlite3';
import type { CaseInfo } from '../../../shared/api';
import { recordHistory } from './history';

export interface CaseMeta {
  readonly title: string;
  readonly description: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface CaseMetaRow {
  title: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export function getCaseMeta(db: Database): CaseMeta {
  const row = db.prepare('SELECT title, description, created_at, updated_at FROM case_meta WHERE id = 1').get() as
    | CaseMetaRow
    | undefined;
  if (!row) return { title: 'Untitled case', description: '', createdAt: '', updatedAt: '' };
  return { title: row.title, description: row.description, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Changes title and/or description in one transaction, recording before and after in history. */
export function updateCaseMeta(db: Database, patch: { title?: string; description?: string }): CaseMeta {
  db.transaction(() => {
    const before = getCaseMeta(db);
    const after = {
      title: patch.title ?? before.title,
      description: patch.description ?? before.description,
    };
    if (after.title === before.title && after.description === before.description) return;
    db.prepare('UPDATE case_meta SET title = ?, description = ?, updated_at = ? WHERE id = 1').run(
      after.title,
      after.description,
      new Date().toISOString(),
    );
    recordHistory(db, 'case.update', {
      before: { title: before.title, description: before.description },
      after,
    });
  })();
  return getCaseMeta(db);
}

// Tables that later schema versions add; a case without them simply has none of those things.
const COUNTED_TABLES = { documents: 'documents', entities: 'entities', links: 'links' } as const;

/** Row counts for the tables `info` reports; 0 for a table this case's schema does not have yet. */
export function countCaseContents(db: Database): CaseInfo['counts'] {
  const present = new Set(
    (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name),
  );
  const count = (table: string): number =>
    present.has(table) ? (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : 0;
  return {
    documents: count(COUNTED_TABLES.documents),
    entities: count(COUNTED_TABLES.entities),
    links: count(COUNTED_TABLES.links),
  };
}

export function describeCase(db: Database, path: string): CaseInfo {
  const meta = getCaseMeta(db);
  return {
    path,
    title: meta.title,
    description: meta.description,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    readOnly: db.readonly,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    counts: countCaseContents(db),
  };
}
