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
import { recordAudit } from '../case/history';
import { NearDuplicateIndex } from '../documents/nearDuplicates';
import type { EntityAnalyzer } from '../entities/suggestions';
import { CaseExtraction } from '../entities/suggestions';
import { findDocumentBySha256, insertDocument, listFingerprints, storeBlob } from '../documents/repository';
import { formatBytes } from './read/common';
import { datelineDate } from './read/dateline';
import type { OcrEngine } from './ocr/engine';
import { availableLanguages, createOcrEngine, locateOcrData, parseLanguages } from './ocr/engine';
import { readFile } from './read';
import type { ExtractedDocument, IngestFile, IngestLimits, OcrContext } from './types';
import { DEFAULT_LIMITS } from './types';

interface QueueItem {
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

/** What reading a file gave: a duplicate, an archive's members, or documents ready to store. */
type Loaded =
  | { readonly kind: 'duplicate'; readonly existing: number }
  | { readonly kind: 'members'; readonly members: QueueItem[] }
  | {
      readonly kind: 'documents';
      readonly file: { readonly bytes: Uint8Array; readonly sha256: string; readonly name: string };
      readonly prepared: readonly PreparedDocument[];
      readonly failures: ImportReport['failed'];
    };

/** A document read from a file, with its attachments read too, ready for one transaction. */
interface PreparedDocument {
  readonly document: ExtractedDocument;
  readonly children: readonly PreparedDocument[];
}

/** How an import treats images and scanned PDF pages. */
export interface ImportOptions {
  /** Suggest entities from each document's text (default true). */
  readonly extract?: boolean;
  /** OCR languages (Tesseract codes, default English), or false to import without OCR. */
  readonly ocr?: { readonly languages?: readonly string[] } | false;
}

/** The OCR languages of an import when none are chosen. */
export const DEFAULT_OCR_LANGUAGES: readonly string[] = ['eng'];

export interface ImportJob {
  readonly jobId: number;
  readonly finished: Promise<ImportReport>;
}

const PROGRESS_INTERVAL_MS = 100;
/** How many files are read ahead of the one being written; it bounds the memory held for them. */
const READ_AHEAD = 1;

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
  private nearDuplicates: NearDuplicateIndex | null = null;

  private analyzer: EntityAnalyzer | null = null;
  /** Each running job's OCR worker, started when its first image needs reading. */
  private readonly ocrEngines = new Map<number, OcrEngine>();

  /**
   * `entityAnalyzer` gives the extractor (loaded on first use); without it nothing is extracted.
   * `ocrEngine` makes the OCR worker of a job (default: tesseract.js over resources/ocr).
   */
  constructor(
    private readonly db: Database,
    private readonly emit: EmitEvent | undefined,
    private readonly limits: IngestLimits = DEFAULT_LIMITS,
    private readonly entityAnalyzer?: () => EntityAnalyzer,
    private readonly ocrEngine: () => OcrEngine = () => createOcrEngine(),
  ) {}

  /**
   * Starts importing; the returned promise settles with the report when the job ends. Throws
   * (before starting) for OCR languages Dossier has no data for.
   */
  start(sources: readonly ImportSource[], options: ImportOptions = {}): ImportJob {
    const languages = options.ocr === false ? null : checkLanguages(options.ocr?.languages ?? DEFAULT_OCR_LANGUAGES);
    const jobId = this.nextJobId++;
    this.running.add(jobId);
    if (options.extract !== false && this.entityAnalyzer) this.analyzer ??= this.entityAnalyzer();
    const extract = options.extract !== false && this.analyzer ? new CaseExtraction(this.db, this.analyzer) : null;
    const finished = this.run(jobId, sources, extract, languages).finally(async () => {
      this.running.delete(jobId);
      this.cancelled.delete(jobId);
      await this.stopOcr(jobId);
    });
    return { jobId, finished };
  }

  /** Ends a job's OCR worker; a page being read then fails, and the job sees it was cancelled. */
  private async stopOcr(jobId: number): Promise<void> {
    const engine = this.ocrEngines.get(jobId);
    this.ocrEngines.delete(jobId);
    await engine?.terminate();
  }

  /** Built on first use from the case's stored fingerprints, then kept up to date by inserts. */
  private nearDuplicateIndex(): NearDuplicateIndex {
    this.nearDuplicates ??= new NearDuplicateIndex(listFingerprints(this.db));
    return this.nearDuplicates;
  }

  cancel(jobId: number): void {
    if (!this.running.has(jobId)) return;
    this.cancelled.add(jobId);
    // OCR of one page takes seconds; the page in flight is abandoned rather than waited for.
    void this.stopOcr(jobId);
  }

  cancelAll(): void {
    for (const jobId of this.running) this.cancel(jobId);
  }

  private async run(jobId: number, sources: readonly ImportSource[], extract: CaseExtraction | null, languages: readonly string[] | null): Promise<ImportReport> {
    const report: ImportReport = { jobId, imported: [], duplicates: [], failed: [], cancelled: false };
    try {
      await this.work(jobId, sources, report, extract, languages);
    } catch (error) {
      // Whatever happens, the window hears that the job ended and why.
      report.failed.push({ file: '(import)', reason: `The import stopped: ${describe(error)}` });
    }
    this.emit?.('import.finished', report);
    return report;
  }

  private async work(jobId: number, sources: readonly ImportSource[], report: ImportReport, extract: CaseExtraction | null, languages: readonly string[] | null): Promise<void> {
    // Checkpointing the WAL every few MB would copy each page twice during a bulk import;
    // checkpoint once at the end instead.
    this.db.pragma('wal_autocheckpoint = 0');
    try {
      await this.importQueue(jobId, sources, report, extract, languages);
    } finally {
      if (this.db.open) {
        this.db.pragma('wal_checkpoint(PASSIVE)');
        this.db.pragma('wal_autocheckpoint = 1000');
      }
    }
  }

  private async importQueue(
    jobId: number,
    sources: readonly ImportSource[],
    report: ImportReport,
    extract: CaseExtraction | null,
    languages: readonly string[] | null,
  ): Promise<void> {
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
    const ocr: OcrContext | null = languages && {
      languages,
      beforePage: (file, page, pages) => {
        if (this.cancelled.has(jobId)) throw new DossierError('conflict', 'The import was cancelled.');
        // Every page is news when a page takes seconds.
        progress(`${file}: reading text (OCR), page ${page} of ${pages}`, true);
      },
      recognize: (image) => {
        if (this.cancelled.has(jobId)) return Promise.reject(new DossierError('conflict', 'The import was cancelled.'));
        let engine = this.ocrEngines.get(jobId);
        if (!engine) this.ocrEngines.set(jobId, (engine = this.ocrEngine()));
        return engine.recognize(image, languages);
      },
    };

    // The next files are read from disk while this one is parsed and written.
    const ahead = new Map<QueueItem, Promise<Loaded>>();
    const startLoading = (item: QueueItem): Promise<Loaded> => {
      const loading = this.load(item, ocr);
      loading.catch(() => undefined);
      return loading;
    };
    while (queue.length > 0) {
      if (this.cancelled.has(jobId) || !this.db.open) {
        report.cancelled = true;
        break;
      }
      const item = queue.shift()!;
      const started = ahead.get(item);
      ahead.delete(item);
      // Members of an archive that went over its limits are skipped, unless already being read
      // (the read that went over is one of those, and its failure is the one to report).
      if (item.archive?.exceeded && !started) {
        done += 1;
        continue;
      }
      progress(item.label);
      const loading = started ?? startLoading(item);
      for (const next of queue.slice(0, READ_AHEAD)) {
        if (!next.archive?.exceeded && !ahead.has(next)) ahead.set(next, startLoading(next));
      }
      try {
        const loaded = await loading;
        if (loaded.kind === 'duplicate') {
          report.duplicates.push({ file: item.label, existingDocumentId: loaded.existing });
        } else if (loaded.kind === 'members') {
          queue.unshift(...loaded.members);
          total += loaded.members.length;
        } else if (this.db.open && !this.cancelled.has(jobId)) {
          this.commit(item, loaded, report, extract);
        } else {
          report.cancelled = true;
        }
      } catch (error) {
        // A file whose OCR was stopped by Cancel did not fail; the report says the job was cancelled.
        if (this.cancelled.has(jobId)) report.cancelled = true;
        else report.failed.push({ file: item.label, reason: describe(error) });
      }
      done += 1;
      // Let other requests (the list, the reader) through between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
    progress(null, true);
  }

  /** Reads one file, its attachments too, without writing to the case. */
  private async load(item: QueueItem, ocr: OcrContext | null): Promise<Loaded> {
    if (item.problem) throw new DossierError('invalid-input', item.problem);
    const bytes = item.bytes ?? (await this.readFromDisk(item));
    const name = item.path ? basename(item.path) : basename(item.label);
    if (bytes.length === 0) throw new DossierError('invalid-input', `${name} is empty (0 bytes); there is nothing to import.`);
    if (bytes.length > this.limits.maxFileBytes) throw tooLarge(name, bytes.length, this.limits);
    const fileSha = sha256(bytes);
    const existing = findDocumentBySha256(this.db, fileSha);
    if (existing !== null) return { kind: 'duplicate', existing };
    const outcome = await readFile({ name, bytes }, this.limits, item.depth, ocr);
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
      return { kind: 'members', members: outcome.members.map((member) => ({ label: member.name, bytes: member.bytes, problem: member.problem, depth: item.depth + 1, archive })) };
    }
    const failures: ImportReport['failed'] = [];
    const prepared: PreparedDocument[] = [];
    for (const document of outcome.documents) prepared.push(await this.prepare(document, item, failures, 0, ocr));
    return { kind: 'documents', file: { bytes, sha256: fileSha, name }, prepared, failures };
  }

  /** Writes what `load` read, in one transaction: a crash loses at most this file. */
  private commit(item: QueueItem, loaded: Extract<Loaded, { kind: 'documents' }>, report: ImportReport, extract: CaseExtraction | null): void {
    report.failed.push(...loaded.failures);
    this.db.transaction(() => {
      const documentIds: number[] = [];
      for (const entry of loaded.prepared) {
        const stored = this.store(entry, loaded.file, null, item, report, extract);
        if (stored !== null) documentIds.push(stored);
      }
      if (documentIds.length > 0) recordAudit(this.db, 'documents.import', { file: item.label, documentIds });
    })();
  }

  private async readFromDisk(item: QueueItem): Promise<Uint8Array> {
    const path = item.path!;
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
    if (size > this.limits.maxFileBytes) throw tooLarge(name, size, this.limits);
    try {
      return await readFileFromDisk(path);
    } catch (error) {
      throw new DossierError('not-found', `${name} could not be read (${describe(error)}); check that it still exists and that you may read it.`);
    }
  }

  /** Reads a document's attachments (recursively) before the transaction, which must be synchronous. */
  private async prepare(document: ExtractedDocument, item: QueueItem, failures: ImportReport['failed'], level: number, ocr: OcrContext | null): Promise<PreparedDocument> {
    const children: PreparedDocument[] = [];
    for (const attachment of document.attachments) {
      const label = `${item.label}/${attachment.name}`;
      try {
        if (attachment.bytes.length === 0) throw new DossierError('invalid-input', `${attachment.name} is empty (0 bytes).`);
        if (attachment.bytes.length > this.limits.maxAttachmentBytes) {
          throw new DossierError(
            'invalid-input',
            `${attachment.name} is an attachment of ${formatBytes(attachment.bytes.length)}; Dossier imports attachments of up to ${formatBytes(this.limits.maxAttachmentBytes)} ` +
              '(the limit maxAttachmentBytes); save it from the message and import it on its own.',
          );
        }
        if (level >= this.limits.maxArchiveDepth) throw new DossierError('invalid-input', `${attachment.name} is nested too deeply to import.`);
        const outcome = await readFile(attachment, this.limits, item.depth + 1, ocr);
        const documents = outcome.type === 'documents' ? outcome.documents : [];
        if (outcome.type === 'container') {
          failures.push({ file: label, reason: `${attachment.name} is an archive attached to a message; save it and import it on its own.` });
        }
        for (const child of documents) {
          children.push(
            await this.prepare({ ...child, original: child.original ?? attachment.bytes, originalName: child.originalName ?? attachment.name }, item, failures, level + 1, ocr),
          );
        }
      } catch (error) {
        failures.push({ file: label, reason: describe(error) });
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
    extract: CaseExtraction | null,
  ): number | null {
    const { document } = entry;
    const original = document.original ?? file.bytes;
    const sha = document.original ? sha256(document.original) : file.sha256;
    const label = document.originalName ?? item.label;
    // Checked again here: the same file twice in one import was read before either was stored.
    const existing = findDocumentBySha256(this.db, sha);
    if (existing !== null) {
      report.duplicates.push({ file: label, existingDocumentId: existing });
      return null;
    }
    const blobId = storeBlob(this.db, sha, original);
    const { id, nearDuplicateOf } = insertDocument(this.db, {
      parentId,
      blobId,
      kind: document.kind,
      title: document.title.trim() || file.name,
      author: document.author,
      source: document.source,
      // The document's own metadata, else the dateline its text opens with, else a date in its file name.
      publishedAt: document.publishedAt ?? datelineDate(document.text) ?? dateInFileName(document.originalName ?? file.name),
      language: document.language,
      fileName: document.originalName ?? file.name,
      importedAt: new Date().toISOString(),
      size: original.length,
      text: document.text,
      html: document.html,
      pageStarts: document.pageStarts,
      meta: document.meta,
    }, this.nearDuplicateIndex());
    if (extract) extract.suggest(id, document.text);
    report.imported.push({ file: label, documentId: id, title: document.title, nearDuplicateOf });
    for (const child of entry.children) this.store(child, file, id, item, report, extract);
    return id;
  }
}

/** The languages as given, checked against the shipped OCR data (which is looked for only then). */
function checkLanguages(languages: readonly string[]): readonly string[] {
  if (languages.length === 1 && languages[0] === 'eng') return languages;
  return parseLanguages(languages.join('+'), availableLanguages(locateOcrData()));
}

function tooLarge(name: string, size: number, limits: IngestLimits): DossierError {
  return new DossierError(
    'invalid-input',
    `${name} is ${formatBytes(size)}; Dossier imports files up to ${formatBytes(limits.maxFileBytes)}. Split it into smaller files and import those.`,
  );
}

/** A date written into a file name (statement-2025-03-04.txt), for documents that carry none. */
function dateInFileName(name: string): string | null {
  const match = /(?:^|[^\d])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[^\d]|$)/.exec(name);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
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
