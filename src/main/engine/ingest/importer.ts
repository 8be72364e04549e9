/**
 * Bulk import in the background: files and folders are read one at a time, each file committed in
 * its own transaction (a crash or a cancel loses at most the file in flight), with progress events
 * and a final report of what was imported, what was already there and what failed, and why.
 */
import type { Database } from 'better-sqlite3';
import type { EmitEvent } from '../../../shared/api';
import type { ImportReport, ImportSource } from '../../../shared/documents';
import { DossierError } from '../../../shared/errors';
import { recordAudit } from '../case/history';
import { NearDuplicateIndex } from '../documents/nearDuplicates';
import type { AnalyzerRecipe } from '../entities/analyzer';
import type { EntityAnalyzer } from '../entities/suggestions';
import { CaseExtraction } from '../entities/suggestions';
import { listFingerprints, SearchIndexBatch } from '../documents/repository';
import { dayOfPublished } from '../claims/reading';
import type { OcrEngine } from './ocr/engine';
import { checkLanguages, createOcrEngine } from './ocr/engine';
import type { Loaded, QueueItem } from './load';
import { describeError, expandPath, loadItem } from './load';
import type { FindTicket, FindWorkerOptions } from './findPool';
import { FindPool, foundFor } from './findPool';
import { findTask } from './finding';
import type { PreparedDocument } from './load';
import { publishedAtOf, storePrepared } from './store';
import type { ExtractedDocument, IngestFile, IngestLimits, OcrContext } from './types';
import { DEFAULT_LIMITS } from './types';

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

/** A file read, and for the documents it holds, their tickets in the job's find pool. */
interface Ready {
  readonly loaded: Loaded;
  readonly tickets: Map<ExtractedDocument, FindTicket> | null;
}

/** What one job writes with: its extraction pass, and the pool that extracts from its documents ahead. */
interface JobExtraction {
  readonly extract: CaseExtraction;
  readonly pool: FindPool;
}

/** Runs imports into one open case. */
export class Importer {
  private nextJobId = 1;
  private readonly cancelled = new Set<number>();
  private readonly running = new Set<number>();
  private nearDuplicates: NearDuplicateIndex | null = null;

  /** Each running job's OCR worker, started when its first image needs reading. */
  private readonly ocrEngines = new Map<number, OcrEngine>();

  /**
   * `entityAnalyzer` gives the extractor (loaded on first use); without it nothing is extracted.
   * `ocrEngine` makes the OCR worker of a job (default: tesseract.js over resources/ocr).
   * `findWorkers` lets extraction run in worker threads that build the same analyzer; without it, it runs in this thread.
   */
  constructor(
    private readonly db: Database,
    private readonly emit: EmitEvent | undefined,
    private readonly limits: IngestLimits = DEFAULT_LIMITS,
    private readonly entityAnalyzer?: () => EntityAnalyzer,
    private readonly ocrEngine: () => OcrEngine = () => createOcrEngine(),
    private readonly findWorkers?: FindWorkerOptions,
  ) {}

  /**
   * Starts importing; the returned promise settles with the report when the job ends. Throws
   * (before starting) for OCR languages Dossier has no data for.
   */
  start(sources: readonly ImportSource[], options: ImportOptions = {}): ImportJob {
    const languages = options.ocr === false ? null : checkLanguages(options.ocr?.languages ?? DEFAULT_OCR_LANGUAGES);
    const jobId = this.nextJobId++;
    this.running.add(jobId);
    // Asked at each job (the session caches it), so that a case's GeoNames extracts added since reach the next import;
    // the workers' recipe is taken with it, so that they build the same analyzer.
    const analyzer = options.extract !== false && this.entityAnalyzer ? this.entityAnalyzer() : null;
    const recipe: AnalyzerRecipe | null = analyzer ? (this.findWorkers?.recipe() ?? null) : null;
    const workers = this.findWorkers && recipe ? { ...this.findWorkers, recipe: () => recipe } : undefined;
    const caseExtraction = analyzer ? new CaseExtraction(this.db, analyzer) : null;
    const extract = caseExtraction && { extract: caseExtraction, pool: new FindPool(caseExtraction, caseExtraction.known, workers) };
    const finished = this.run(jobId, sources, extract, languages).finally(async () => {
      this.running.delete(jobId);
      this.cancelled.delete(jobId);
      await Promise.all([this.stopOcr(jobId), extract?.pool.close()]);
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

  private async run(jobId: number, sources: readonly ImportSource[], extract: JobExtraction | null, languages: readonly string[] | null): Promise<ImportReport> {
    const report: ImportReport = { jobId, imported: [], duplicates: [], failed: [], cancelled: false };
    try {
      await this.work(jobId, sources, report, extract, languages);
    } catch (error) {
      // Whatever happens, the window hears that the job ended and why.
      report.failed.push({ file: '(import)', reason: `The import stopped: ${describeError(error)}` });
    }
    this.emit?.('import.finished', report);
    return report;
  }

  private async work(jobId: number, sources: readonly ImportSource[], report: ImportReport, extract: JobExtraction | null, languages: readonly string[] | null): Promise<void> {
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
    extract: JobExtraction | null,
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

    // The next files are read from disk, and their documents queued for extraction, while this one is written.
    const ahead = new Map<QueueItem, Promise<Ready>>();
    const startLoading = (item: QueueItem): Promise<Ready> => {
      const loading = loadItem({ db: this.db, limits: this.limits }, item, ocr).then((loaded) => ({ loaded, tickets: extract && submitDocuments(extract, loaded) }));
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
        const { loaded, tickets } = await loading;
        if (tickets && extract && !(await extract.pool.settle([...tickets.values()], () => this.cancelled.has(jobId) || !this.db.open))) {
          report.cancelled = true;
          break;
        }
        if (loaded.kind === 'duplicate') {
          report.duplicates.push({ file: item.label, existingDocumentId: loaded.existing });
        } else if (loaded.kind === 'members') {
          queue.unshift(...loaded.members);
          total += loaded.members.length;
        } else if (this.db.open && !this.cancelled.has(jobId)) {
          this.commit(item, loaded, report, extract?.extract ?? null, tickets);
        } else {
          report.cancelled = true;
        }
      } catch (error) {
        // A file whose OCR was stopped by Cancel did not fail; the report says the job was cancelled.
        if (this.cancelled.has(jobId)) report.cancelled = true;
        else report.failed.push({ file: item.label, reason: describeError(error) });
      }
      done += 1;
      // Let other requests (the list, the reader) through between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
    progress(null, true);
  }

  /** Writes what `loadItem` read, in one transaction: a crash loses at most this file. */
  private commit(
    item: QueueItem,
    loaded: Extract<Loaded, { kind: 'documents' }>,
    report: ImportReport,
    extract: CaseExtraction | null,
    tickets: Map<ExtractedDocument, FindTicket> | null,
  ): void {
    report.failed.push(...loaded.failures);
    this.db.transaction(() => {
      const documentIds: number[] = [];
      const searchIndex = new SearchIndexBatch();
      const context = {
        db: this.db,
        report,
        extract,
        nearDuplicates: this.nearDuplicateIndex(),
        searchIndex,
        ...(tickets ? { found: (document: ExtractedDocument) => foundFor(tickets.get(document)!) } : {}),
      };
      for (const entry of loaded.prepared) {
        const stored = storePrepared(context, entry, loaded.file, null, item.label);
        if (stored !== null) documentIds.push(stored);
      }
      searchIndex.flush(this.db);
      if (documentIds.length > 0) recordAudit(this.db, 'documents.import', { file: item.label, documentIds });
    })();
  }
}

/**
 * Queues a read file's documents, its attachments' too, for extraction before its transaction; null
 * when it holds none. Their times are found here, in the main thread, which would otherwise wait for the worker.
 */
function submitDocuments({ extract, pool }: JobExtraction, loaded: Loaded): Map<ExtractedDocument, FindTicket> | null {
  if (loaded.kind !== 'documents') return null;
  const tickets = new Map<ExtractedDocument, FindTicket>();
  const submit = (entry: PreparedDocument): void => {
    const { document } = entry;
    tickets.set(document, pool.submit(findTask(extract, document.text, dayOfPublished(publishedAtOf(document, loaded.file)))));
    for (const child of entry.children) submit(child);
  };
  for (const entry of loaded.prepared) submit(entry);
  return tickets;
}

export type { IngestFile };
