/**
 * Background jobs over the case's documents (finding entities again, re-scoring suggestions):
 * batches of documents, each batch one transaction, the event loop free between them, progress
 * reported after each batch, and cancel between batches.
 */
import type { Database } from 'better-sqlite3';
import { statement } from './statements';

const BATCH = 25;

interface JobProgress {
  readonly jobId: number;
  done: number;
  readonly total: number;
  cancelled: boolean;
}

export interface DocumentJob<P> {
  readonly jobId: number;
  readonly finished: Promise<P>;
}

/** What a job does with its documents, made once it starts. */
export interface DocumentJobSteps<P> {
  /** One document, inside its batch's transaction. */
  readonly each: (progress: P, documentId: number, text: string) => void;
  /**
   * Work a batch waits for before its transaction, outside it (extraction in worker threads, ahead of the
   * batch being stored); resolves false when `stop` said to stop first. Kept to one optional step so that
   * a job that needs none (re-scoring) stays a plain loop of transactions.
   */
  readonly before?: (batch: readonly number[], stop: () => boolean) => Promise<boolean>;
  /** After the last batch, while the case is still open (undo is recorded here). */
  readonly finish?: (progress: P) => void;
  /** Once the job is over, however it ended (cancelled, failed): what `before` started is ended here. */
  readonly close?: () => Promise<void>;
}

export interface DocumentJobSpec<P extends JobProgress> {
  readonly progress: (jobId: number, total: number) => P;
  /** What the batches share, made once the caller has its job id (the model may take a moment to load); `documentIds` are the job's, in order. */
  readonly prepare: (documentIds: readonly number[]) => DocumentJobSteps<P>;
  /** Progress after each batch, and once more (`finished`) at the end. */
  readonly report: (progress: P, finished: boolean) => void;
}

/** The jobs of one kind over one open case (finding entities again, re-scoring), each run as `spec` says. */
export class DocumentJobs<P extends JobProgress> {
  private nextJobId = 1;
  private readonly cancelled = new Set<number>();

  constructor(
    private readonly db: Database,
    private readonly spec: DocumentJobSpec<P>,
  ) {}

  /** Starts a job over the documents given, or every document of the case. */
  start(documentIds?: readonly number[]): DocumentJob<P> {
    const jobId = this.nextJobId++;
    const ids = documentIds ?? (statement(this.db, 'SELECT id FROM documents ORDER BY id').all() as { id: number }[]).map((row) => row.id);
    const finished = this.run(jobId, ids, this.spec).finally(() => this.cancelled.delete(jobId));
    return { jobId, finished };
  }

  cancel(jobId: number): void {
    this.cancelled.add(jobId);
  }

  cancelAll(): void {
    for (let id = 1; id < this.nextJobId; id += 1) this.cancelled.add(id);
  }

  private async run(jobId: number, ids: readonly number[], spec: DocumentJobSpec<P>): Promise<P> {
    const progress = spec.progress(jobId, ids.length);
    spec.report({ ...progress }, false);
    await new Promise((resolve) => setImmediate(resolve));
    const { each, before, finish, close } = spec.prepare(ids);
    const stop = (): boolean => this.cancelled.has(jobId) || !this.db.open;
    try {
      const read = statement(this.db, 'SELECT text FROM documents WHERE id = ?');
      for (let index = 0; index < ids.length; index += BATCH) {
        const batch = ids.slice(index, index + BATCH);
        // Asked again after `before`: the case may have closed, or the job been cancelled, while it waited.
        if (stop() || (before && !(await before(batch, stop))) || stop()) {
          progress.cancelled = true;
          break;
        }
        this.db.transaction(() => {
          for (const id of batch) {
            const row = read.get(id) as { text: string } | undefined;
            if (row) each(progress, id, row.text);
          }
        })();
        progress.done += batch.length;
        spec.report({ ...progress }, false);
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (this.db.open) finish?.(progress);
    } finally {
      await close?.();
    }
    spec.report({ ...progress }, true);
    return progress;
  }
}
