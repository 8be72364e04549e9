/**
 * Opening and creating case files, defensively: a file is read as bytes and judged before SQLite
 * touches it, so a text file, another application's database or a newer Dossier's case is refused
 * without a single byte written.
 */
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { closeSync, constants, copyFileSync, existsSync, linkSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { accessSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DossierError } from '../../../shared/errors';
import { DOSSIER_APPLICATION_ID, HEADER_BYTES, parseHeader } from './format';
import { SCHEMA_VERSION, checkMigrations, migrate } from './migrations';
import { checkSchema } from './schemaCheck';
import { recordAudit } from './history';
import { takeTurnsWriting } from './writers';

export interface CaseFileOptions {
  /** Path of a better-sqlite3 addon built for this runtime (the app passes Electron's build). */
  readonly nativeBinding?: string;
  /** Open for reading only, even when the file could be written (a colleague's evidence copy). */
  readonly readOnly?: boolean;
}

/** An open case: the connection and the path it came from. */
export interface CaseFile {
  readonly db: SqliteDatabase;
  readonly path: string;
  /** Opened for reading only: asked for, or the file, its folder or its disk cannot be written. */
  readonly readOnly: boolean;
}

/** Opens an existing case file for reading and writing, or throws a DossierError saying why not. */
export function openCaseFile(path: string, options: CaseFileOptions = {}): CaseFile {
  const absolute = resolve(path);
  const readOnly = inspectBeforeOpening(path, absolute) || options.readOnly === true;
  // Judged through a read-only connection first: a file refused here is never written to (no
  // journal-mode switch, no checkpoint of a -wal beside it, no migration step).
  const companionsBefore = existingCompanions(absolute);
  const inspecting = connect(absolute, options, true);
  try {
    checkIntegrity(inspecting, path);
    const version = inspecting.pragma('user_version', { simple: true }) as number;
    checkSchema(inspecting, path, version);
    checkMigrations(inspecting, path);
    if (readOnly && version < SCHEMA_VERSION) {
      throw new DossierError(
        'read-only',
        `${path} is in an older case format (v${version}) that Dossier must update before opening, and it is read-only here. ` +
          'Copy it to a folder you can write to and open the copy.',
      );
    }
  } catch (error) {
    inspecting.close();
    removeNewEmptyCompanions(absolute, companionsBefore);
    throw error;
  }
  if (readOnly) {
    inspecting.pragma('foreign_keys = ON');
    return { db: inspecting, path: absolute, readOnly: true };
  }
  inspecting.close();
  const db = connect(absolute, options);
  try {
    configure(db);
    migrate(db, path);
    return { db, path: absolute, readOnly: false };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Creates a new case file. It is built under a temporary name and linked into place only when
 * complete, so a failure leaves nothing behind and an existing file is never overwritten.
 */
export function createCaseFile(path: string, title: string, options: CaseFileOptions = {}): CaseFile {
  const absolute = resolve(path);
  if (existsSync(absolute)) {
    throw new DossierError('already-exists', `${path} already exists; choose another name, or open it instead.`);
  }
  const folder = dirname(absolute);
  if (!existsSync(folder)) {
    throw new DossierError('not-found', `The folder ${folder} does not exist; create it first or choose another place.`);
  }
  const building = `${absolute}.creating-${process.pid}-${Date.now()}`;
  const db = connect(building, options);
  try {
    // Before anything is written: documents and their originals are large rows, and 8 KB pages
    // mean fewer overflow pages to write and read.
    db.pragma('page_size = 8192');
    db.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
    db.pragma('foreign_keys = ON');
    migrate(db, path);
    const now = new Date().toISOString();
    db.transaction(() => {
      db.prepare('INSERT INTO case_meta (id, title, description, created_at, updated_at) VALUES (1, ?, ?, ?, ?)').run(
        title,
        '',
        now,
        now,
      );
      recordAudit(db, 'case.create', { title, schemaVersion: SCHEMA_VERSION });
    })();
    db.close();
    placeNewFile(building, absolute, path);
  } catch (error) {
    if (db.open) db.close();
    removeQuietly(building);
    throw error;
  }
  return openCaseFile(absolute, options);
}

function placeNewFile(building: string, target: string, label: string): void {
  try {
    linkSync(building, target);
  } catch (error) {
    if (isErrorCode(error, 'EEXIST')) {
      throw new DossierError('already-exists', `${label} already exists; choose another name, or open it instead.`);
    }
    // Some file systems (FAT, some network shares) have no hard links; copy without clobbering.
    copyFileSync(building, target, constants.COPYFILE_EXCL);
  } finally {
    removeQuietly(building);
  }
}

/** Judges the file by its bytes; answers whether it can only be read (the file, its folder or its disk is read-only). */
function inspectBeforeOpening(label: string, absolute: string): boolean {
  let stats: Stats;
  try {
    stats = statSync(absolute);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) {
      throw new DossierError('not-found', `${label} does not exist; check the path, or create a new case.`);
    }
    throw new DossierError('not-found', `${label} cannot be read (${describe(error)}); check its permissions.`);
  }
  if (stats.isDirectory()) {
    throw new DossierError('not-a-case', `${label} is a folder, not a Dossier case file; choose a .dossier file.`);
  }
  if (!stats.isFile()) {
    // Reading a pipe or a device would block, or never end.
    throw new DossierError('not-a-case', `${label} is not a regular file (a device, pipe or socket), so it is not a Dossier case file; choose a .dossier file.`);
  }
  const header = parseHeader(readHead(absolute, label));
  if (header.kind === 'empty') {
    throw new DossierError(
      'not-a-case',
      `${label} is empty (0 bytes), so it is not a Dossier case file; choose a .dossier file or create a new case.`,
    );
  }
  if (header.kind === 'not-sqlite') {
    throw new DossierError(
      'not-a-case',
      `${label} is not a Dossier case file (it is not an SQLite database); choose a .dossier file.`,
    );
  }
  if (header.applicationId !== DOSSIER_APPLICATION_ID) {
    throw new DossierError(
      'foreign-database',
      `${label} is an SQLite database of another application, not a Dossier case; Dossier leaves it untouched. ` +
        'Choose a .dossier file.',
    );
  }
  if (header.userVersion > SCHEMA_VERSION) {
    throw new DossierError(
      'newer-schema',
      `${label} was written by a newer Dossier (case format v${header.userVersion}; this version reads up to ` +
        `v${SCHEMA_VERSION}). Update Dossier to open it; the file was not changed.`,
    );
  }
  return isReadOnly(absolute, stats);
}

// Root can write to a file whatever its mode, so the mode bits are checked as well as access().
function isReadOnly(absolute: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return true;
  try {
    accessSync(absolute, constants.W_OK);
    accessSync(dirname(absolute), constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function readHead(absolute: string, label: string): Uint8Array {
  const buffer = Buffer.alloc(HEADER_BYTES);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(absolute, 'r');
    const length = readSync(descriptor, buffer, 0, HEADER_BYTES, 0);
    return buffer.subarray(0, length);
  } catch (error) {
    throw new DossierError('not-found', `${label} cannot be read (${describe(error)}); check its permissions.`);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function connect(absolute: string, options: CaseFileOptions, readonly = false): SqliteDatabase {
  const db = new Database(absolute, { readonly, fileMustExist: readonly, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  // First thing on every connection: a case file may come from anyone, so its schema's triggers
  // and views must not call functions with side effects.
  db.pragma('trusted_schema = OFF');
  // Another Dossier may be writing to the same case: wait for it rather than fail (writers.ts).
  if (!readonly) takeTurnsWriting(db);
  return db;
}

function checkIntegrity(db: SqliteDatabase, label: string): void {
  let problems: string[];
  try {
    problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((row) => row.quick_check);
  } catch (error) {
    throw corrupt(label, describe(error));
  }
  if (problems.length !== 1 || problems[0] !== 'ok') throw corrupt(label, problems.join('; '));
  const applicationId = db.pragma('application_id', { simple: true });
  if (applicationId !== DOSSIER_APPLICATION_ID) throw corrupt(label, 'its application id changed while opening');
}

function corrupt(label: string, detail: string): DossierError {
  const summary = detail.replace(/\s*\n\s*/g, '; ').slice(0, 300);
  return new DossierError(
    'corrupt',
    `${label} is damaged (SQLite integrity check: ${summary}). Dossier did not write to it; restore it from a backup.`,
  );
}

function configure(db: SqliteDatabase): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // 64 MB of page cache: a bulk import writes large transactions, and the default 2 MB spills.
  db.pragma('cache_size = -65536');
  db.pragma('foreign_keys = ON');
}

const WAL_COMPANIONS = ['-wal', '-shm'];

function existingCompanions(absolute: string): Set<string> {
  return new Set(WAL_COMPANIONS.filter((suffix) => existsSync(`${absolute}${suffix}`)));
}

/**
 * A read-only connection to a WAL file makes an empty -wal and an -shm beside it; when the file is
 * refused, those two go again, so the folder is as it was. A -wal that was there is never touched.
 */
function removeNewEmptyCompanions(absolute: string, before: ReadonlySet<string>): void {
  if (before.has('-wal')) return;
  try {
    if (statSync(`${absolute}-wal`).size !== 0) return;
  } catch {
    return;
  }
  for (const suffix of WAL_COMPANIONS) if (!before.has(suffix)) unlinkQuietly(`${absolute}${suffix}`);
}

function removeQuietly(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) unlinkQuietly(`${path}${suffix}`);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, which is what we want.
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
