/**
 * What an import's worker threads (findWorker.ts) and main thread say to each other: the documents to
 * extract from, and what extraction found in them (DocumentFinder, which needs no case).
 */
import type { AnalyzerRecipe } from '../entities/analyzer';
import type { CaseKnowledge, DocumentFinder, DocumentFindings } from '../entities/finder';
import type { TimeMention } from '../reading/time';

/** One document to extract from. */
export interface FindTask {
  readonly text: string;
  /** The document's date (YYYY-MM-DD), which relative times are read against. */
  readonly documentDate?: string;
  /** Its times, found by the main thread (DocumentFinder.findTimes). */
  readonly times?: readonly TimeMention[];
}

/**
 * The task of extracting from one document, its times found here first (by the thread that queues it, which would
 * otherwise wait for the worker); none when finding them fails: extraction then looks for them again and fails there,
 * when the document is stored, as it would have without finding ahead.
 */
export function findTask(finder: Pick<DocumentFinder, 'findTimes'>, text: string, documentDate: string | undefined): FindTask {
  let times: readonly TimeMention[] | undefined;
  try {
    times = finder.findTimes(text, documentDate);
  } catch {
    times = undefined;
  }
  return { text, ...(documentDate ? { documentDate } : {}), ...(times ? { times } : {}) };
}

/** What was found in one document. */
export type Found = DocumentFindings;

/** Extracts from one document. */
export function findIn(finder: Pick<DocumentFinder, 'find'>, task: FindTask): Found {
  return finder.find(task.text, task.documentDate, task.times);
}

/** What a worker is started with. */
export interface FindWorkerData {
  readonly recipe: AnalyzerRecipe;
  readonly known: CaseKnowledge;
}

/** From the main thread: documents to extract from, in order. */
export interface FindRequest {
  readonly tasks: readonly { readonly id: number; readonly task: FindTask }[];
}

/** From a worker: it is ready (its model loaded), or one request's results in the same order. */
export type FindReply =
  | { readonly ready: true }
  | { readonly results: readonly ({ readonly id: number; readonly found: Found } | { readonly id: number; readonly error: string })[] };
