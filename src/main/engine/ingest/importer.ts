/**
 * Bulk import in the background: files and folders are read one at a time, each file committed in
 * its own transaction (a crash or a cancel loses at most the file in flight), with progress events
 * and a final report of what was imported, what was already there and what failed, and why.
 */
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { EmitEvent } from '../../../shared/api';
import type { ImportReport, ImportSource } from '../../../shared/documents';
import { DossierError } from '../../../shared/errors';
import { recordHistory } from '../case/history';
import { findDocumentBySha256, insertDocument, storeBlob } from '../documents/repository';
import { readFile } from './read';
import { formatBytes } from './read/common';
import type { ExtractedDocument, IngestFile, IngestLimits } from './types';
import { DEFAULT_LIMITS } from './types';

interface QueueItem {
  /** Shown in progress and in the report: the path as given, or an archive member's name. */
  readonly label: string;
  readonly path?: string;
  readonly bytes?: Uint8Array;
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

/** A document read from a file, with its attachments read too, ready for one transaction. */
interface PreparedDocument {
  readonly document: ExtractedDocument;
  readonly children: readonly PreparedDocument[];
}

export interface ImportJob {
  readonly jobId: number;
  readonly finished: Promise<ImportReport>;
}

const PROGRESS_INTERVAL_MS = 100;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function describe(error: unknown): string {
  if (error instanceof DossierError) return error.message;
  return error instanceof Error ? error.message : String(error);
}


/** Runs imports into one open case. */
export class Importer {
  private nextJobId = 1;
  private readonly cancelled = new Set<number>();
  private readonly running = new Set<number>();

  constructor(
    private readonly db: Database,
    private readonly emit: EmitEvent | undefined,
    private readonly limits: IngestLimits = DEFAULT_LIMITS,
  ) {}

  /** Starts importing; the returned promise settles with the report when the job ends. */
  start(sources: readonly ImportSource[]): ImportJob {
    const jobId = this.nextJobId++;
    this.running.add(jobId);
    const finished = this.run(jobId, sources).finally(() => {
      this.running.delete(jobId);
      this.cancelled.delete(jobId);
    });
    return { jobId, finished };
  }

  cancel(jobId: number): void {
    if (this.running.has(jobId)) this.cancelled.add(jobId);
  }

  cancelAll(): void {
    for (const jobId of this.running) this.cancelled.add(jobId);
  }

  private async run(jobId: number, sources: readonly ImportSource[]): Promise<ImportReport> {
    const report: ImportReport = { jobId, imported: [], duplicates: [], failed: [], cancelled: false };
    try {
      await this.work(jobId, sources, report);
    } catch (error) {
      // Whatever happens, the window hears that the job ended and why.
      report.failed.push({ file: '(import)', reason: `The import stopped: ${describe(error)}` });
    }
    this.emit?.('import.finished', report);
    return report;
  }

  private async work(jobId: number, sources: readonly ImportSource[], report: ImportReport): Promise<void> {
    const queue: QueueItem[] = [];
    for (const source of sources) {
      if ('bytes' in source) queue.push({ label: source.name, bytes: source.bytes, depth: 0 });
      else queue.push(...expandPath(source.path, report));
    }
    let total = queue.length + report.failed.length;
    let done = report.failed.length;
    let lastProgress = 0;
    const progress = (current: string | null, force = false): void => {
      const now = Date.now();
      if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      this.emit?.('import.progress', {
        jobId,
        done,
        total,
        current,
        imported: report.imported.length,
        duplicates: report.duplicates.length,
        failed: report.failed.length,
      });
    };
    progress(queue[0]?.label ?? null, true);

    while (queue.length > 0) {
      if (this.cancelled.has(jobId) || !this.db.open) {
        report.cancelled = true;
        break;
      }
      const item = queue.shift()!;
      if (item.archive?.exceeded) {
        done += 1;
        continue;
      }
      progress(item.label);
      try {
        const members = await this.importItem(item, report);
        if (members.length > 0) {
          queue.unshift(...members);
          total += members.length;
        }
      } catch (error) {
        report.failed.push({ file: item.label, reason: describe(error) });
      }
      done += 1;
      // Let other requests (the list, the reader) through between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
    progress(null, true);
  }

  /** Imports one file; returns the members of an archive, to import next. */
  private async importItem(item: QueueItem, report: ImportReport): Promise<QueueItem[]> {
    const bytes = item.bytes ?? (await this.readFromDisk(item));
    const name = item.path ? basename(item.path) : basename(item.label);
    if (bytes.length === 0) throw new DossierError('invalid-input', `${name} is empty (0 bytes); there is nothing to import.`);
    if (bytes.length > this.limits.maxFileBytes) throw tooLarge(name, bytes.length, this.limits);
    const fileSha = sha256(bytes);
    const existing = findDocumentBySha256(this.db, fileSha);
    if (existing !== null) {
      report.duplicates.push({ file: item.label, existingDocumentId: existing });
      return [];
    }
    const outcome = await readFile({ name, bytes }, this.limits, item.depth);
    if (outcome.type === 'container') {
      const archive = item.archive ?? { name: item.label, entries: 0, bytes: 0, exceeded: false };
      archive.entries += outcome.members.length;
      archive.bytes += outcome.members.reduce((sum, member) => sum + member.bytes.length, 0);
      if (archive.entries > this.limits.maxArchiveEntries || archive.bytes > this.limits.maxArchiveBytes) {
        archive.exceeded = true;
        throw new DossierError(
          'invalid-input',
          `${basename(archive.name)} expands to more than ${this.limits.maxArchiveEntries} files or ${formatBytes(this.limits.maxArchiveBytes)}, ` +
            'counting the archives inside it; Dossier stopped reading it (possible zip bomb). Unpack it yourself and import the parts you need.',
        );
      }
      return outcome.members.map((member) => ({ label: member.name, bytes: member.bytes, depth: item.depth + 1, archive }));
    }
    const prepared: PreparedDocument[] = [];
    for (const document of outcome.documents) prepared.push(await this.prepare(document, item, report, 0));
    if (!this.db.open) return [];
    this.db.transaction(() => {
      const documentIds: number[] = [];
      for (const entry of prepared) {
        const stored = this.store(entry, { bytes, sha256: fileSha, name }, null, item, report);
        if (stored !== null) documentIds.push(stored);
      }
      if (documentIds.length > 0) recordHistory(this.db, 'documents.import', { file: item.label, documentIds });
    })();
    return [];
  }

  private async readFromDisk(item: QueueItem): Promise<Uint8Array> {
    const path = item.path!;
    const name = basename(path);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new DossierError('not-found', `${name} disappeared before it could be imported (moved or deleted?); import it again from where it is now.`);
    }
    if (size > this.limits.maxFileBytes) throw tooLarge(name, size, this.limits);
    try {
      return await readFileFromDisk(path);
    } catch (error) {
      throw new DossierError('not-found', `${name} could not be read (${describe(error)}); check that it still exists and that you may read it.`);
    }
  }

  /** Reads a document's attachments (recursively) before the transaction, which must be synchronous. */
  private async prepare(document: ExtractedDocument, item: QueueItem, report: ImportReport, level: number): Promise<PreparedDocument> {
    const children: PreparedDocument[] = [];
    for (const attachment of document.attachments) {
      const label = `${item.label}/${attachment.name}`;
      try {
        if (attachment.bytes.length === 0) throw new DossierError('invalid-input', `${attachment.name} is empty (0 bytes).`);
        if (level >= this.limits.maxArchiveDepth) throw new DossierError('invalid-input', `${attachment.name} is nested too deeply to import.`);
        const outcome = await readFile(attachment, this.limits, item.depth + 1);
        const documents = outcome.type === 'documents' ? outcome.documents : [];
        if (outcome.type === 'container') {
          report.failed.push({ file: label, reason: `${attachment.name} is an archive attached to a message; save it and import it on its own.` });
        }
        for (const child of documents) {
          children.push(await this.prepare({ ...child, original: child.original ?? attachment.bytes, originalName: child.originalName ?? attachment.name }, item, report, level + 1));
        }
      } catch (error) {
        report.failed.push({ file: label, reason: describe(error) });
      }
    }
    return { document, children };
  }

  /** Stores one document and its children, inside the caller's transaction; null for a duplicate. */
  private store(
    entry: PreparedDocument,
    file: { bytes: Uint8Array; sha256: string; name: string },
    parentId: number | null,
    item: QueueItem,
    report: ImportReport,
  ): number | null {
    const { document } = entry;
    const original = document.original ?? file.bytes;
    const sha = document.original ? sha256(document.original) : file.sha256;
    const label = document.originalName ?? item.label;
    if (document.original) {
      const existing = findDocumentBySha256(this.db, sha);
      if (existing !== null) {
        report.duplicates.push({ file: label, existingDocumentId: existing });
        return null;
      }
    }
    const blobId = storeBlob(this.db, sha, original);
    const { id, nearDuplicateOf } = insertDocument(this.db, {
      parentId,
      blobId,
      kind: document.kind,
      title: document.title.trim() || file.name,
      author: document.author,
      source: document.source,
      publishedAt: document.publishedAt,
      language: document.language,
      fileName: document.originalName ?? file.name,
      importedAt: new Date().toISOString(),
      size: original.length,
      text: document.text,
      html: document.html,
      pageStarts: document.pageStarts,
      meta: document.meta,
    });
    report.imported.push({ file: label, documentId: id, title: document.title, nearDuplicateOf });
    for (const child of entry.children) this.store(child, file, id, item, report);
    return id;
  }
}

function tooLarge(name: string, size: number, limits: IngestLimits): DossierError {
  return new DossierError(
    'invalid-input',
    `${name} is ${formatBytes(size)}; Dossier imports files up to ${formatBytes(limits.maxFileBytes)}. Split it into smaller files and import those.`,
  );
}

/** A path becomes one item, or for a folder every file below it (hidden files skipped). */
function expandPath(path: string, report: ImportReport): QueueItem[] {
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

export type { IngestFile };
