/**
 * The reading half of an import: a queued file (a path, or an archive member's bytes) becomes
 * documents ready to store, with their attachments read too, or the members of an archive to queue
 * in turn. Nothing here writes to the case except the duplicate check's read.
 */
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ImportReport } from '../../../shared/documents';
import { DossierError } from '../../../shared/errors';
import { findDocumentBySha256 } from '../documents/repository';
import { formatBytes } from './read/common';
import { readFile } from './read';
import type { ExtractedDocument, IngestLimits, OcrContext } from './types';

export interface QueueItem {
  /** Shown in progress and in the report: the path as given, or an archive member's name. */
  readonly label: string;
  readonly path?: string;
  readonly bytes?: Uint8Array;
  /** Why an archive member must not be imported (see IngestFile.problem). */
  readonly problem?: string;
  readonly depth: number;
  /** For archive members: what the outermost archive has expanded to so far, nested ones included. */
  readonly archive?: ArchiveBudget;
}

/** The limits on an archive count everything it expands to, archives inside it included. */
interface ArchiveBudget {
  readonly name: string;
  entries: number;
  bytes: number;
  exceeded: boolean;
}

/** The file a document came from, as it is stored beside the document. */
export interface LoadedFile {
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly name: string;
}

/** What reading a file gave: a duplicate, an archive's members, or documents ready to store. */
export type Loaded =
  | { readonly kind: 'duplicate'; readonly existing: number }
  | { readonly kind: 'members'; readonly members: QueueItem[] }
  | {
      readonly kind: 'documents';
      readonly file: LoadedFile;
      readonly prepared: readonly PreparedDocument[];
      readonly failures: ImportReport['failed'];
    };

/** A document read from a file, with its attachments read too, ready for one transaction. */
export interface PreparedDocument {
  readonly document: ExtractedDocument;
  readonly children: readonly PreparedDocument[];
}

/** What loading reads against: the case (for duplicates) and the import's limits. */
export interface LoadContext {
  readonly db: Database;
  readonly limits: IngestLimits;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An error as a sentence for the report. */
export function describeError(error: unknown): string {
  if (error instanceof DossierError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Reads one file, its attachments too, without writing to the case. */
export async function loadItem(context: LoadContext, item: QueueItem, ocr: OcrContext | null): Promise<Loaded> {
  const { db, limits } = context;
  if (item.problem) throw new DossierError('invalid-input', item.problem);
  const bytes = item.bytes ?? (await readFromDisk(item.path!, limits));
  const name = item.path ? basename(item.path) : basename(item.label);
  if (bytes.length === 0) throw new DossierError('invalid-input', `${name} is empty (0 bytes); there is nothing to import.`);
  if (bytes.length > limits.maxFileBytes) throw tooLarge(name, bytes.length, limits);
  const fileSha = sha256(bytes);
  const existing = findDocumentBySha256(db, fileSha);
  if (existing !== null) return { kind: 'duplicate', existing };
  const outcome = await readFile({ name, bytes }, limits, item.depth, ocr);
  if (outcome.type === 'container') {
    const archive = item.archive ?? { name: item.label, entries: 0, bytes: 0, exceeded: false };
    archive.entries += outcome.members.length;
    archive.bytes += outcome.members.reduce((sum, member) => sum + member.bytes.length, 0);
    if (archive.entries > limits.maxArchiveEntries || archive.bytes > limits.maxArchiveBytes) {
      archive.exceeded = true;
      throw new DossierError(
        'invalid-input',
        `${basename(archive.name)} expands to more than ${limits.maxArchiveEntries} files or ${formatBytes(limits.maxArchiveBytes)}, ` +
          'counting the archives inside it; Dossier stopped reading it (possible zip bomb). Unpack it yourself and import the parts you need.',
      );
    }
    return { kind: 'members', members: outcome.members.map((member) => ({ label: member.name, bytes: member.bytes, problem: member.problem, depth: item.depth + 1, archive })) };
  }
  const failures: ImportReport['failed'] = [];
  const prepared: PreparedDocument[] = [];
  for (const document of outcome.documents) prepared.push(await prepare(limits, document, item, failures, 0, ocr));
  return { kind: 'documents', file: { bytes, sha256: fileSha, name }, prepared, failures };
}

async function readFromDisk(path: string, limits: IngestLimits): Promise<Uint8Array> {
  const name = basename(path);
  let size: number;
  try {
    const stats = statSync(path);
    // A device (/dev/zero), pipe or socket says its size is 0 and never ends, or blocks the import.
    if (!stats.isFile()) {
      throw new DossierError('invalid-input', `${name} is not a regular file (a device, pipe or socket); Dossier imports files and folders only.`);
    }
    size = stats.size;
  } catch (error) {
    if (error instanceof DossierError) throw error;
    throw new DossierError('not-found', `${name} disappeared before it could be imported (moved or deleted?); import it again from where it is now.`);
  }
  if (size > limits.maxFileBytes) throw tooLarge(name, size, limits);
  try {
    return await readFileFromDisk(path);
  } catch (error) {
    throw new DossierError('not-found', `${name} could not be read (${describeError(error)}); check that it still exists and that you may read it.`);
  }
}

/** Reads a document's attachments (recursively) before the transaction, which must be synchronous. */
async function prepare(
  limits: IngestLimits,
  document: ExtractedDocument,
  item: QueueItem,
  failures: ImportReport['failed'],
  level: number,
  ocr: OcrContext | null,
): Promise<PreparedDocument> {
  const children: PreparedDocument[] = [];
  for (const attachment of document.attachments) {
    const label = `${item.label}/${attachment.name}`;
    try {
      if (attachment.bytes.length === 0) throw new DossierError('invalid-input', `${attachment.name} is empty (0 bytes).`);
      if (attachment.bytes.length > limits.maxAttachmentBytes) {
        throw new DossierError(
          'invalid-input',
          `${attachment.name} is an attachment of ${formatBytes(attachment.bytes.length)}; Dossier imports attachments of up to ${formatBytes(limits.maxAttachmentBytes)} ` +
            '(the limit maxAttachmentBytes); save it from the message and import it on its own.',
        );
      }
      if (level >= limits.maxArchiveDepth) throw new DossierError('invalid-input', `${attachment.name} is nested too deeply to import.`);
      const outcome = await readFile(attachment, limits, item.depth + 1, ocr);
      const documents = outcome.type === 'documents' ? outcome.documents : [];
      if (outcome.type === 'container') {
        failures.push({ file: label, reason: `${attachment.name} is an archive attached to a message; save it and import it on its own.` });
      }
      for (const child of documents) {
        children.push(
          await prepare(limits, { ...child, original: child.original ?? attachment.bytes, originalName: child.originalName ?? attachment.name }, item, failures, level + 1, ocr),
        );
      }
    } catch (error) {
      failures.push({ file: label, reason: describeError(error) });
    }
  }
  return { document, children };
}

function tooLarge(name: string, size: number, limits: IngestLimits): DossierError {
  return new DossierError(
    'invalid-input',
    `${name} is ${formatBytes(size)}; Dossier imports files up to ${formatBytes(limits.maxFileBytes)}. Split it into smaller files and import those.`,
  );
}

/** A path becomes one item, or for a folder every file below it (hidden files skipped). */
export function expandPath(path: string, report: ImportReport): QueueItem[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    report.failed.push({ file: path, reason: `${basename(path)} does not exist; check the path.` });
    return [];
  }
  if (!stats.isDirectory()) return [{ label: path, path, depth: 0 }];
  const entries = readdirSync(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.slice(path.length).split(/[\\/]/).some((part) => part.startsWith('.')))
    .sort()
    .map((file) => ({ label: file, path: file, depth: 0 }));
}
