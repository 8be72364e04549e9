/**
 * Extraction run again over documents already in the case — after the analyst confirmed names,
 * added a gazetteer extract, or for a case imported without it. A background job: batches of
 * documents, each batch one transaction, the event loop free between them, progress as events.
 * Spans already reviewed (confirmed or rejected) are left as they are.
 *
 * Documents are found ahead in the import's worker threads (FindPool) while the main thread stores
 * batch by batch in document order, so the rows and ids are those of extraction in the main thread.
 */
import type { Database } from 'better-sqlite3';
import type { EmitEvent } from '../../../shared/api';
import type { ExtractProgress } from '../../../shared/entities';
import { documentDateOf } from '../claims/reading';
import { DocumentJobs } from '../case/documentJobs';
import type { DocumentJobSteps } from '../case/documentJobs';
import { statement } from '../case/statements';
import type { FindTicket, FindWorkerOptions } from '../ingest/findPool';
import { FindPool, foundFor } from '../ingest/findPool';
import { findTask } from '../ingest/finding';
import type { EntityAnalyzer } from './suggestions';
import { CaseExtraction } from './suggestions';

/** Documents queued between two turns of the event loop. */
const YIELD_EVERY = 100;

/** Runs extraction again over the documents given (or all), suggesting names in the spans not yet reviewed. */
export type ExtractionRunner = DocumentJobs<ExtractProgress>;

/**
 * `analyzer` is asked at each job (the session caches it), so that GeoNames extracts added since reach it;
 * `workers` as for an import (their recipe is taken with the analyzer); without them, extraction runs in this thread.
 */
export function extractionRunner(db: Database, emit: EmitEvent | undefined, analyzer: () => EntityAnalyzer, workers?: FindWorkerOptions): ExtractionRunner {
  return new DocumentJobs<ExtractProgress>(db, {
    progress: (jobId, total) => ({ jobId, done: 0, total, suggested: 0, cancelled: false }),
    prepare: (documentIds) => {
      const extraction = new CaseExtraction(db, analyzer());
      const recipe = workers?.recipe();
      return findingAhead(db, extraction, documentIds, workers && recipe ? { ...workers, recipe: () => recipe } : undefined);
    },
    report: (progress, finished) => emit?.(finished ? 'extract.finished' : 'extract.progress', progress),
  });
}

/**
 * The job's steps: before a batch, documents up to the pool's lookahead past it are queued (their times
 * found here, as an import does) and the batch's findings awaited; each document is then stored from them.
 */
function findingAhead(db: Database, extraction: CaseExtraction, documentIds: readonly number[], workers: FindWorkerOptions | undefined): DocumentJobSteps<ExtractProgress> {
  const pool = new FindPool(extraction, extraction.known, workers);
  const read = statement(db, 'SELECT text FROM documents WHERE id = ?');
  const tickets = new Map<number, FindTicket>();
  // Batches come in order: `through` is where the batch asked for ends, `next` the next document to queue.
  let through = 0;
  let next = 0;
  let queued = 0;
  const submit = (id: number): void => {
    const row = read.get(id) as { text: string } | undefined;
    if (!row) return;
    tickets.set(id, pool.submit(findTask(extraction, row.text, documentDateOf(db, id))));
    queued += row.text.length;
  };
  return {
    before: async (batch, stop) => {
      through += batch.length;
      for (let count = 1; next < documentIds.length && (next < through || queued < pool.lookahead); count += 1) {
        submit(documentIds[next++]!);
        // The first batch queues a lookahead's worth (their times found here): let the app's requests in between.
        if (count % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      return pool.settle(
        batch.flatMap((id) => tickets.get(id) ?? []),
        stop,
      );
    },
    each: (progress, id, text) => {
      const ticket = tickets.get(id);
      tickets.delete(id);
      if (ticket) queued -= ticket.task.text.length;
      const documentDate = documentDateOf(db, id);
      // A text or date changed since it was queued (OCR read again) is extracted again here, as stored now.
      progress.suggested +=
        ticket && ticket.task.text === text && ticket.task.documentDate === documentDate ? extraction.store(id, text, foundFor(ticket)) : extraction.suggest(id, text);
    },
    close: () => pool.close(),
  };
}
