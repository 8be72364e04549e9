/**
 * Extraction run again over documents already in the case — after the analyst confirmed names,
 * added a gazetteer extract, or for a case imported without it. A background job: batches of
 * documents, each batch one transaction, the event loop free between them, progress as events.
 * Spans already reviewed (confirmed or rejected) are left as they are.
 */
import type { Database } from 'better-sqlite3';
import type { EmitEvent } from '../../../shared/api';
import type { ExtractProgress } from '../../../shared/entities';
import { statement } from '../case/statements';
import type { EntityAnalyzer } from './suggestions';
import { CaseExtraction } from './suggestions';

const BATCH = 25;

export interface ExtractionJob {
  readonly jobId: number;
  readonly finished: Promise<ExtractProgress>;
}

export class ExtractionRunner {
  private nextJobId = 1;
  private readonly cancelled = new Set<number>();

  constructor(
    private readonly db: Database,
    private readonly emit: EmitEvent | undefined,
    private readonly analyzer: () => EntityAnalyzer,
  ) {}

  start(documentIds?: readonly number[]): ExtractionJob {
    const jobId = this.nextJobId++;
    const ids =
      documentIds ?? (statement(this.db, 'SELECT id FROM documents ORDER BY id').all() as { id: number }[]).map((row) => row.id);
    const finished = this.run(jobId, ids).finally(() => this.cancelled.delete(jobId));
    return { jobId, finished };
  }

  cancel(jobId: number): void {
    this.cancelled.add(jobId);
  }

  cancelAll(): void {
    for (let id = 1; id < this.nextJobId; id += 1) this.cancelled.add(id);
  }

  private async run(jobId: number, ids: readonly number[]): Promise<ExtractProgress> {
    const progress: ExtractProgress = { jobId, done: 0, total: ids.length, suggested: 0, cancelled: false };
    this.emit?.('extract.progress', { ...progress });
    // Loading the model takes a moment; let the caller have its job id first.
    await new Promise((resolve) => setImmediate(resolve));
    const extraction = new CaseExtraction(this.db, this.analyzer());
    const read = statement(this.db, 'SELECT text FROM documents WHERE id = ?');
    for (let index = 0; index < ids.length; index += BATCH) {
      if (this.cancelled.has(jobId) || !this.db.open) {
        progress.cancelled = true;
        break;
      }
      const batch = ids.slice(index, index + BATCH);
      this.db.transaction(() => {
        for (const id of batch) {
          const row = read.get(id) as { text: string } | undefined;
          if (row) progress.suggested += extraction.suggest(id, row.text);
        }
      })();
      progress.done += batch.length;
      this.emit?.('extract.progress', { ...progress });
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.emit?.('extract.finished', { ...progress });
    return progress;
  }
}
