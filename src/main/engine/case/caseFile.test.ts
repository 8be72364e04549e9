import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/support/tempDir';
import { DossierError } from '../../../shared/errors';
import { createCaseFile, openCaseFile } from './caseFile';
import { DOSSIER_APPLICATION_ID } from './format';
import { SCHEMA_VERSION, migrate } from './migrations';

const tempDir = useTempDirs();

function fingerprint(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Opens `path`, expecting a refusal with `code`; checks that nothing about the folder changed. */
function expectRefusal(path: string, code: string, messagePart: RegExp): DossierError {
  const folder = join(path, '..');
  const before = { files: readdirSync(folder).sort(), hash: existsSync(path) && statSync(path).isFile() ? fingerprint(path) : null };
  let caught: unknown;
  try {
    openCaseFile(path).db.close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DossierError);
  const error = caught as DossierError;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(messagePart);
  expect(readdirSync(folder).sort()).toEqual(before.files);
  if (before.hash) expect(fingerprint(path)).toBe(before.hash);
  return error;
}

function makeCase(dir: string, name = 'case.dossier'): string {
  const path = join(dir, name);
  createCaseFile(path, 'Border incident').db.close();
  return path;
}

describe('createCaseFile', () => {
  it('writes a Dossier file with our application id, schema version and safe settings', () => {
    const dir = tempDir();
    const file = createCaseFile(join(dir, 'new.dossier'), 'Border incident');
    const { db } = file;
    expect(db.pragma('application_id', { simple: true })).toBe(DOSSIER_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      strict: number;
    }[];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect({ table: table.name, strict: table.strict }).toEqual({ table: table.name, strict: 1 });
    const history = db.prepare('SELECT operation, payload FROM history').all() as { operation: string; payload: string }[];
    expect(history).toEqual([{ operation: 'case.create', payload: JSON.stringify({ title: 'Border incident', schemaVersion: SCHEMA_VERSION }) }]);
    db.close();
    // Only the finished file remains: no temporary build file beside it.
    expect(readdirSync(dir).filter((name) => !name.endsWith('-wal') && !name.endsWith('-shm'))).toEqual(['new.dossier']);
  });

  it('never overwrites an existing file', () => {
    const dir = tempDir();
    const path = join(dir, 'taken.dossier');
    writeFileSync(path, 'precious notes');
    expect(() => createCaseFile(path, 'x')).toThrow(/already exists/);
    expect(readFileSync(path, 'utf8')).toBe('precious notes');
  });

  it('says so when the folder does not exist, and leaves nothing behind', () => {
    const dir = tempDir();
    expect(() => createCaseFile(join(dir, 'missing', 'x.dossier'), 'x')).toThrow(/folder .* does not exist/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('openCaseFile', () => {
  it('reopens a case with its title', () => {
    const path = makeCase(tempDir());
    const { db } = openCaseFile(path);
    expect(db.prepare('SELECT title FROM case_meta').get()).toEqual({ title: 'Border incident' });
    db.close();
  });

  it('refuses a missing file', () => {
    const dir = tempDir();
    expectRefusal(join(dir, 'nowhere.dossier'), 'not-found', /nowhere\.dossier does not exist/);
  });

  it('refuses a 0-byte file', () => {
    const path = join(tempDir(), 'empty.dossier');
    writeFileSync(path, '');
    expectRefusal(path, 'not-a-case', /empty\.dossier is empty \(0 bytes\)/);
  });

  it('refuses a text file', () => {
    const path = join(tempDir(), 'notes.txt');
    writeFileSync(path, 'Armenian and Azerbaijani forces exchanged fire near Kalbajar.\n'.repeat(10));
    expectRefusal(path, 'not-a-case', /notes\.txt is not a Dossier case file \(it is not an SQLite database\)/);
  });

  it('refuses a folder', () => {
    const path = join(tempDir(), 'folder.dossier');
    mkdirSync(path);
    expectRefusal(path, 'not-a-case', /is a folder/);
  });

  it("refuses another application's SQLite file and does not touch it", () => {
    const path = join(tempDir(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'Ada\')');
    other.close();
    expectRefusal(path, 'foreign-database', /other\.db is an SQLite database of another application/);
  });

  it('refuses a case written by a newer Dossier and does not touch it', () => {
    const path = makeCase(tempDir());
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expectRefusal(path, 'newer-schema', new RegExp(`newer Dossier \\(case format v${SCHEMA_VERSION + 1}; .* up to v${SCHEMA_VERSION}\\)`));
  });

  it('opens a read-only file for reading only, without writing a byte to it', () => {
    const path = makeCase(tempDir());
    chmodSync(path, 0o444);
    const before = fingerprint(path);
    const file = openCaseFile(path);
    expect(file.readOnly).toBe(true);
    expect(file.db.prepare('SELECT title FROM case_meta').get()).toEqual({ title: 'Border incident' });
    expect(() => file.db.prepare("UPDATE case_meta SET title = 'x'").run()).toThrow(/readonly/);
    file.db.close();
    expect(fingerprint(path)).toBe(before);
  });

  it('opens a writable case read-only when asked, and refuses an older format it cannot update read-only', () => {
    const path = makeCase(tempDir());
    const file = openCaseFile(path, { readOnly: true });
    expect(file.readOnly).toBe(true);
    file.db.close();
    const old = join(tempDir(), 'old.dossier');
    const raw = new Database(old);
    raw.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
    migrate(raw, 'old.dossier', SCHEMA_VERSION - 1);
    raw.close();
    expect(() => openCaseFile(old, { readOnly: true })).toThrow(/older case format .* read-only here/);
  });

  it('refuses a damaged file that fails quick_check, without writing to it', () => {
    const dir = tempDir();
    const path = makeCase(dir);
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE');
    raw.exec("CREATE TABLE filler (x TEXT); INSERT INTO filler WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) SELECT hex(randomblob(200)) FROM n");
    raw.close();
    // Overwrite the middle of the file (the filler table's pages) with garbage.
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    writeFileSync(path, bytes);
    expectRefusal(path, 'corrupt', /case\.dossier is damaged .* restore it from a backup/);
  });

  it('refuses a file whose recorded schema steps are not ours', () => {
    const path = makeCase(tempDir());
    const raw = new Database(path);
    raw.prepare("UPDATE schema_migrations SET name = 'someone-elses' WHERE version = 1").run();
    raw.close();
    expect(() => openCaseFile(path)).toThrow(/schema step 1 "someone-elses"/);
  });
});

describe('openCaseFile with a hostile or refused file', () => {
  it('refuses a pipe named .dossier without blocking on it', () => {
    const path = join(tempDir(), 'pipe.dossier');
    execFileSync('mkfifo', [path]);
    expect(() => openCaseFile(path)).toThrow(/pipe\.dossier is not a regular file/);
  });

  it('refuses a case carrying a trigger it did not write, before the trigger can fire, and leaves the file as it was', () => {
    const path = makeCase(tempDir());
    const raw = new Database(path);
    raw.exec("CREATE TRIGGER wipe_tags AFTER INSERT ON documents BEGIN DELETE FROM tags; UPDATE documents SET title = 'pwned'; END");
    raw.close();
    expectRefusal(path, 'unknown-schema', /case\.dossier has a trigger "wipe_tags" \(on documents\) that Dossier did not write.*did not write to it/);
  });

  it('refuses a case whose documents table was renamed and replaced by a view', () => {
    const path = makeCase(tempDir());
    const raw = new Database(path);
    raw.exec('ALTER TABLE documents RENAME TO documents_real; CREATE VIEW documents AS SELECT * FROM documents_real');
    raw.close();
    expectRefusal(path, 'unknown-schema', /case\.dossier has a (view|table|index) "\w+".* Dossier (did not write|wrote)/);
  });

  it('refuses a case with one of our triggers rewritten, or a foreign key made to cascade', () => {
    const path = makeCase(tempDir());
    const raw = new Database(path);
    raw.exec('DROP TRIGGER entities_raise_high_water; CREATE TRIGGER entities_raise_high_water AFTER INSERT ON entities BEGIN DELETE FROM notes; END');
    raw.close();
    expectRefusal(path, 'unknown-schema', /trigger "entities_raise_high_water" .*differs from the one Dossier wrote/);
  });

  it('does not switch a refused DELETE-journal case to WAL', () => {
    const path = makeCase(tempDir());
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE');
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from-the-future-fork', '2030-01-01')").run();
    raw.close();
    expectRefusal(path, 'unknown-schema', /schema step 99 "from-the-future-fork"/);
    const header = readFileSync(path).subarray(18, 20);
    expect([...header]).toEqual([1, 1]);
  });

  it('leaves a -wal beside a damaged case exactly as it was', () => {
    const dir = tempDir();
    const path = makeCase(dir);
    const writer = new Database(path);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("CREATE TABLE filler (x TEXT); INSERT INTO filler WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) SELECT hex(randomblob(200)) FROM n");
    // A copy taken while the writer still holds its log: a case and the -wal a crash left beside it.
    const copy = join(dir, 'crashed.dossier');
    writeFileSync(copy, readFileSync(path));
    writeFileSync(`${copy}-wal`, readFileSync(`${path}-wal`));
    writer.close();
    const bytes = readFileSync(copy);
    bytes.fill(0x5a, 8192 * 2, 8192 * 4);
    writeFileSync(copy, bytes);
    const wal = fingerprint(`${copy}-wal`);
    let caught: unknown;
    try {
      openCaseFile(copy).db.close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DossierError);
    expect((caught as DossierError).message).toMatch(/did not write to it/);
    expect(existsSync(`${copy}-wal`)).toBe(true);
    expect(fingerprint(`${copy}-wal`)).toBe(wal);
  });

  it('opens a sound case after checking it, and its own trigger still works', () => {
    const path = makeCase(tempDir());
    const file = openCaseFile(path);
    expect(file.db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'trigger'").get()).toEqual({ n: 1 });
    file.db.close();
  });
});

describe('openCaseFile with a case of an earlier version', () => {
  it('checks it against the schema of its own version, then migrates it', () => {
    const path = join(tempDir(), 'old.dossier');
    const raw = new Database(path);
    raw.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
    migrate(raw, 'old.dossier', SCHEMA_VERSION - 1);
    raw.prepare("INSERT INTO case_meta (id, title, description, created_at, updated_at) VALUES (1, 'Old', '', '2025-01-01', '2025-01-01')").run();
    raw.close();
    const file = openCaseFile(path);
    expect(file.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    file.db.close();
  });
});
