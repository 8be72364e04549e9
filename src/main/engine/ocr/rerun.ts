/**
 * Re-running OCR on a scanned document with other languages, as a background job: its original
 * is read again page by page in an OCR worker (progress as events, Cancel stops the worker), and
 * only then is the new reading put in place, in one transaction (replaceText.ts).
 */
import type { Database } from 'better-sqlite3';
import type { EmitEvent } from '../../../shared/api';
import { DossierError } from '../../../shared/errors';
import type { OcrRerunReport } from '../../../shared/ocr';
import { statement } from '../case/statements';
import type { EntityAnalyzer } from '../entities/suggestions';
import { CaseExtraction } from '../entities/suggestions';
import { describeError } from '../ingest/load';
import type { OcrEngine } from '../ingest/ocr/engine';
import { checkLanguages, createOcrEngine } from '../ingest/ocr/engine';
import { readFile } from '../ingest/read';
import type { ExtractedDocument, IngestLimits, OcrContext } from '../ingest/types';
import { DEFAULT_LIMITS } from '../ingest/types';
import { replaceReading } from './replaceText';

export interface OcrRerunJob {
  readonly jobId: number;
  readonly finished: Promise<OcrRerunReport>;
}

interface Job {
  readonly documentId: number;
  cancelled: boolean;
  engine: OcrEngine | null;
}

interface ScannedDocument {
  readonly title: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly languages: string;
  readonly confidence: number | null;
}

const cancelledError = (): DossierError => new DossierError('conflict', 'The OCR re-run was cancelled.');

/** Runs re-reads of scanned documents in one open case. */
export class OcrRerunner {
  private nextJobId = 1;
  private readonly jobs = new Map<number, Job>();

  /** `analyzer` gives the extractor that reads names and claims in the new text; without it only times are read again. */
  constructor(
    private readonly db: Database,
    private readonly emit: EmitEvent | undefined,
    private readonly analyzer?: () => EntityAnalyzer,
    private readonly ocrEngine: () => OcrEngine = () => createOcrEngine(),
    private readonly limits: IngestLimits = DEFAULT_LIMITS,
  ) {}

  /**
   * Starts reading a document again; throws at once for a document that was not read by OCR, one
   * already being read, or languages Dossier has no data for.
   */
  start(documentId: number, languages: readonly string[]): OcrRerunJob {
    const chosen = checkLanguages(languages);
    const scan = scannedDocument(this.db, documentId);
    if ([...this.jobs.values()].some((job) => job.documentId === documentId)) {
      throw new DossierError('conflict', `"${scan.title}" is already being read again; wait for it to finish or cancel it first.`);
    }
    const jobId = this.nextJobId++;
    const job: Job = { documentId, cancelled: false, engine: null };
    this.jobs.set(jobId, job);
    const finished = this.run(jobId, job, scan, chosen).finally(async () => {
      this.jobs.delete(jobId);
      await job.engine?.terminate();
    });
    return { jobId, finished };
  }

  /** Stops a job: the page being read is abandoned, and the document keeps its text. */
  cancel(jobId: number): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    job.cancelled = true;
    void job.engine?.terminate();
  }

  cancelAll(): void {
    for (const jobId of this.jobs.keys()) this.cancel(jobId);
  }

  private async run(jobId: number, job: Job, scan: ScannedDocument, languages: readonly string[]): Promise<OcrRerunReport> {
    const report: OcrRerunReport = {
      jobId,
      documentId: job.documentId,
      status: 'failed',
      message: null,
      before: { languages: scan.languages, confidence: scan.confidence },
      after: null,
      kept: 0,
      lost: [],
      suggested: 0,
    };
    try {
      const reading = await this.read(jobId, job, scan, languages);
      if (job.cancelled || !this.db.open) {
        report.status = 'cancelled';
      } else {
        const extraction = this.analyzer ? new CaseExtraction(this.db, this.analyzer()) : null;
        const outcome = replaceReading(this.db, job.documentId, reading, extraction);
        Object.assign(report, { status: 'done', after: { languages: languages.join('+'), confidence: outcome.confidence }, kept: outcome.kept, lost: outcome.lost, suggested: outcome.suggested });
      }
    } catch (error) {
      if (job.cancelled) report.status = 'cancelled';
      else report.message = `"${scan.title}" could not be read again: ${describeError(error)}`;
    }
    this.emit?.('ocr.finished', report);
    return report;
  }

  /** Reads the document's original again with `languages`; the case is not touched. */
  private async read(jobId: number, job: Job, scan: ScannedDocument, languages: readonly string[]): Promise<ExtractedDocument> {
    const ocr: OcrContext = {
      languages,
      beforePage: (_file, page, pages) => {
        if (job.cancelled) throw cancelledError();
        this.emit?.('ocr.progress', { jobId, documentId: job.documentId, page, pages });
      },
      recognize: (image) => {
        if (job.cancelled) return Promise.reject(cancelledError());
        job.engine ??= this.ocrEngine();
        return job.engine.recognize(image, languages);
      },
    };
    const outcome = await readFile({ name: scan.fileName, bytes: scan.bytes }, this.limits, 0, ocr);
    const reading = outcome.type === 'documents' && outcome.documents.length === 1 ? outcome.documents[0]! : null;
    if (!reading || reading.meta.ocrWords === undefined) {
      throw new DossierError('corrupt', `its original (${scan.fileName}) no longer reads as one scanned document; the document keeps the text it has.`);
    }
    return reading;
  }
}

/** A document read by OCR, with its original; throws a sentence for any other. */
function scannedDocument(db: Database, documentId: number): ScannedDocument {
  const row = statement(
    db,
    `SELECT d.title, d.file_name, json_extract(d.meta, '$.ocrLanguages') AS languages, json_extract(d.meta, '$.ocrConfidence') AS confidence, b.bytes
     FROM documents AS d LEFT JOIN document_blobs AS b ON b.id = d.blob_id WHERE d.id = ?`,
  ).get(documentId) as { title: string; file_name: string | null; languages: string | null; confidence: number | null; bytes: Buffer | null } | undefined;
  if (!row) throw new DossierError('not-found', `There is no document ${documentId} in this case; it may have been removed.`);
  if (row.languages === null) {
    throw new DossierError('invalid-input', `"${row.title}" was not read by OCR (its text came from the file itself), so there is nothing to read again.`);
  }
  if (!row.bytes) throw new DossierError('not-found', `"${row.title}" has no original file stored, so its pages cannot be read again; import the file again.`);
  return { title: row.title, fileName: row.file_name ?? row.title, bytes: new Uint8Array(row.bytes), languages: row.languages, confidence: row.confidence };
}
