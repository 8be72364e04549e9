/**
 * Extraction run again over documents already in the case — after the analyst confirmed names,
 * added a gazetteer extract, or for a case imported without it. A background job: batches of
 * documents, each batch one transaction, the event loop free between them, progress as events.
 * Spans already reviewed (confirmed or rejected) are left as they are.
 */
import type { Database } from 'better-sqlite3';
import type { EmitEvent } from '../../../shared/api';
import type { ExtractProgress } from '../../../shared/entities';
import { DocumentJobs } from '../case/documentJobs';
import type { EntityAnalyzer } from './suggestions';
import { CaseExtraction } from './suggestions';

/** Runs extraction again over the documents given (or all), suggesting names in the spans not yet reviewed. */
export type ExtractionRunner = DocumentJobs<ExtractProgress>;

export function extractionRunner(db: Database, emit: EmitEvent | undefined, analyzer: () => EntityAnalyzer): ExtractionRunner {
  return new DocumentJobs<ExtractProgress>(db, {
    progress: (jobId, total) => ({ jobId, done: 0, total, suggested: 0, cancelled: false }),
    prepare: () => {
      const extraction = new CaseExtraction(db, analyzer());
      return {
        each: (progress, id, text) => {
          progress.suggested += extraction.suggest(id, text);
        },
      };
    },
    report: (progress, finished) => emit?.(finished ? 'extract.finished' : 'extract.progress', progress),
  });
}
