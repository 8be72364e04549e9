/**
 * Writing an export (GraphML, CSV, GeoJSON, KML, a briefing PDF) without ever destroying something:
 * never onto a case file or its journal, never onto a file that is not a regular file, never over
 * an existing file unless the caller says so, and always through a temporary file renamed into
 * place, so a full disk or a crash leaves the old file whole.
 */
import { closeSync, fsyncSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DossierError } from '../../../shared/errors';
import { CASE_FILE_EXTENSION, HEADER_BYTES, parseHeader } from './format';

export interface SafeWriteOptions {
  /** Replace an existing file (the CLI's --force; the app after its save dialog confirmed it). */
  readonly overwrite?: boolean;
  /** File name endings the target must have, lower case with the dot (e.g. ['.graphml', '.xml']). */
  readonly extensions?: readonly string[];
}

// The first four bytes of a SQLite write-ahead log (https://www.sqlite.org/fileformat.html#wal_file_format).
const WAL_MAGICS = new Set([0x377f0682, 0x377f0683]);
const CASE_COMPANIONS = ['-wal', '-shm', '-journal'];

/**
 * Checks that `path` may be written as an export, or throws a DossierError naming the file and the
 * fix. Call it before the (possibly slow) export is built, and `writeFileSafely` checks again.
 */
export function checkExportTarget(path: string, options: SafeWriteOptions = {}): void {
  const absolute = resolve(path);
  const name = basename(absolute);
  const lower = name.toLowerCase();
  refuseCaseFileName(path, options);
  if (options.extensions && !options.extensions.some((extension) => lower.endsWith(extension))) {
    throw new DossierError('invalid-input', `${name} does not end in ${describeExtensions(options.extensions)}; choose such a file name.`);
  }
  const folder = dirname(absolute);
  let folderStats: Stats;
  try {
    folderStats = statSync(folder);
  } catch {
    throw new DossierError('not-found', `The folder ${folder} does not exist; create it first or choose another place for ${name}.`);
  }
  if (!folderStats.isDirectory()) throw new DossierError('not-found', `${folder} is not a folder; choose another place for ${name}.`);
  const existing = statOrUndefined(absolute);
  if (!existing) return;
  if (!existing.isFile()) {
    throw new DossierError('invalid-input', `${name} exists and is not a regular file (a folder, device or pipe); choose another file name.`);
  }
  const head = readHead(absolute);
  const header = parseHeader(head);
  if (header.kind === 'sqlite' || (head.length >= 4 && WAL_MAGICS.has(Buffer.from(head).readUInt32BE(0)))) {
    throw new DossierError('invalid-input', `${name} is a database (perhaps a case file); an export never writes over one. Choose another file name.`);
  }
  if (!options.overwrite) {
    throw new DossierError('already-exists', `${name} already exists; choose another file name, or replace it (the CLI's --force).`);
  }
}

/** Throws when `path` is named like a case file or one of its journals, whatever it holds. */
export function refuseCaseFileName(path: string, options: SafeWriteOptions = {}): void {
  const name = basename(path);
  const lower = name.toLowerCase();
  if (lower.endsWith(CASE_FILE_EXTENSION) || CASE_COMPANIONS.some((suffix) => lower.endsWith(`${CASE_FILE_EXTENSION}${suffix}`))) {
    throw new DossierError(
      'invalid-input',
      `${name} is a case file name; an export never writes over a case. Choose a file name ending in ${describeExtensions(options.extensions)}.`,
    );
  }
}

/** Writes `content` to `path` through a temporary file in the same folder, after `checkExportTarget`. */
export function writeFileSafely(path: string, content: string | Uint8Array, options: SafeWriteOptions = {}): void {
  checkExportTarget(path, options);
  const absolute = resolve(path);
  const temporary = join(dirname(absolute), `.${basename(absolute)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'wx', 0o644);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset, bytes.length - offset);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, absolute);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    removeQuietly(temporary);
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error));
    throw new DossierError('read-only', `${basename(absolute)} could not be written (${reason}); nothing was changed there. Free space or choose another folder.`);
  }
}

function describeExtensions(extensions: readonly string[] | undefined): string {
  if (!extensions || extensions.length === 0) return 'the format\'s own extension';
  return extensions.join(' or ');
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function readHead(path: string): Uint8Array {
  const buffer = Buffer.alloc(HEADER_BYTES);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    return buffer.subarray(0, readSync(descriptor, buffer, 0, HEADER_BYTES, 0));
  } catch {
    return new Uint8Array();
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Never created, or already gone.
  }
}
