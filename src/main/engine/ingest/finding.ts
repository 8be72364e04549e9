/**
 * What an import works out for each document before storing it, without the case: its search
 * analysis (name skeletons, near-duplicate fingerprint) and what extraction finds in it. Pure, so
 * it runs in the import's worker threads (findWorker.ts) or in the main thread, with the same result.
 */
import type { DocumentFindings, DocumentFinder } from '../entities/finder';
import type { TextAnalysis } from '../documents/textAnalysis';
import { analyzeText } from '../documents/textAnalysis';
import type { CaseKnowledge } from '../entities/finder';
import type { AnalyzerRecipe } from '../entities/analyzer';

/** One document to work out. */
export interface FindTask {
  readonly title: string;
  readonly text: string;
  /** The document's date (YYYY-MM-DD), which relative times are read against. */
  readonly documentDate?: string;
}

/** What was worked out for one document. */
export interface Found {
  readonly analysis: TextAnalysis;
  readonly findings: DocumentFindings;
}

/** Works out one document. */
export function findIn(finder: Pick<DocumentFinder, 'find'>, task: FindTask): Found {
  return { analysis: analyzeText(task.title, task.text), findings: finder.find(task.text, task.documentDate) };
}

/** What a worker is started with. */
export interface FindWorkerData {
  readonly recipe: AnalyzerRecipe;
  readonly known: CaseKnowledge;
}

/** From the main thread: documents to work out, in order. */
export interface FindRequest {
  readonly tasks: readonly { readonly id: number; readonly task: FindTask }[];
}

/** From a worker: it is ready (its model loaded), or one request's results in the same order. */
export type FindReply =
  | { readonly ready: true }
  | { readonly results: readonly ({ readonly id: number; readonly found: Found } | { readonly id: number; readonly error: string })[] };
