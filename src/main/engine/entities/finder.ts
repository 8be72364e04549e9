/**
 * The pure half of extraction: what a document's text holds (names, places, times, claims, events,
 * relations) as the case has learned to suggest it, found without touching the case. Storing it is
 * `CaseExtraction`'s part (suggestions.ts); keeping the two apart lets an import find in a worker
 * thread while the main thread writes.
 */
import type { DocumentReading } from '../claims/store';
import type { DocumentReader } from '../claims/reading';
import type { AnalyzedMention } from '../extract/pipeline';
import type { Tokens } from '../extract/tokenize';
import type { LearnedLayer } from '../learning/layer';
import { buildLearnedLayer } from '../learning/layer';
import type { Redrawing } from '../learning/boundaries';
import type { StoredExample } from '../learning/examples';
import { EXTRACTION_LIMITS } from '../limits';
import type { TimeMention } from '../reading/time';
import { findTimes } from '../reading/time';
import type { CaseName, EnrichedMention } from './enrich';
import { enrichMentions, indexCaseNames } from './enrich';
import type { Knowledge } from './knowledge';

/** The extractor with what it needs beyond the tagger. */
export interface EntityAnalyzer {
  analyze(text: string): AnalyzedMention[];
  /** The mentions with the tokens they were found on, for the reading layer to reuse. */
  analyzeTokenized?(text: string): { readonly mentions: AnalyzedMention[]; readonly tokens?: Tokens };
  readonly knowledge: Knowledge;
  /** Reads times, claims, events and relations against the names found; none when reading is off. */
  readonly reader?: DocumentReader;
}

/** What a pass of extraction knows of the case when it starts: plain rows, so that a worker can be given them. */
export interface CaseKnowledge {
  /** The analyst's confirmed names, found in every document. */
  readonly caseNames: readonly CaseName[];
  /** What review taught, for the learned layer. */
  readonly examples: readonly StoredExample[];
  /** Where those examples redrew names' edges (found against the documents' texts, which a worker does not have). */
  readonly redrawing: Redrawing;
}

/** What extraction found in one document, before any of it is stored: plain data, the same in any thread. */
export interface DocumentFindings {
  /** How many characters of the text were read: all of them, or less for a text past the extraction limit. */
  readonly readLength: number;
  readonly mentions: readonly EnrichedMention[];
  /** Times, claims, events and relations; null when the analyzer does not read. */
  readonly reading: DocumentReading | null;
}

/** Finds documents' suggestions against what the case knew when the pass started. */
export class DocumentFinder {
  private readonly caseNames: ReturnType<typeof indexCaseNames>;
  private readonly learned: LearnedLayer;

  constructor(
    private readonly analyzer: EntityAnalyzer,
    known: CaseKnowledge,
  ) {
    this.caseNames = indexCaseNames(known.caseNames);
    this.learned = buildLearnedLayer(known.examples, known.redrawing);
  }

  /** What extraction suggests in a text (already cut to the extraction limit), as the case has learned to suggest it. */
  suggestions(text: string): EnrichedMention[] {
    return this.learned.apply(text, enrichMentions(text, this.analyzeInPieces(text), this.analyzer.knowledge, this.caseNames));
  }

  /**
   * Extracts one document, then reads it (times, claims, events, relations) against the names found;
   * `documentDate` is YYYY-MM-DD, `times` what `findTimes` gives when it was asked already.
   */
  find(fullText: string, documentDate: string | undefined, times?: readonly TimeMention[]): DocumentFindings {
    const text = extractedText(fullText);
    // A text of one piece is tagged once and its tokens handed to the reading layer; a longer one a piece at a time.
    const analyzed =
      this.analyzer.reader && this.analyzer.analyzeTokenized && text.length <= EXTRACTION_LIMITS.chunkCharacters
        ? this.analyzer.analyzeTokenized(text)
        : { mentions: this.analyzeInPieces(text) };
    const mentions = this.learned.apply(text, enrichMentions(text, analyzed.mentions, this.analyzer.knowledge, this.caseNames));
    const tokens = 'tokens' in analyzed ? analyzed.tokens : undefined;
    const reading = this.analyzer.reader
      ? this.analyzer.reader({ text, mentions, ...(documentDate ? { documentDate } : {}), ...(tokens ? { tokens } : {}), ...(times ? { times } : {}) })
      : null;
    return { readLength: text.length, mentions, reading };
  }

  /**
   * The times the reading layer would find in a document, for `find`: an import looks for them in the
   * main thread, which has time to spare while a worker extracts. Undefined when the analyzer does not read.
   */
  findTimes(fullText: string, documentDate: string | undefined): TimeMention[] | undefined {
    return this.analyzer.reader ? findTimes(extractedText(fullText), documentDate ? { documentDate } : {}) : undefined;
  }

  /** The tagger over a long text, a piece at a time (cut at paragraphs), so that its working memory stays small. */
  private analyzeInPieces(text: string): AnalyzedMention[] {
    if (text.length <= EXTRACTION_LIMITS.chunkCharacters) return this.analyzer.analyze(text);
    const mentions: AnalyzedMention[] = [];
    for (let start = 0; start < text.length; ) {
      const end = paragraphEnd(text, start + EXTRACTION_LIMITS.chunkCharacters);
      for (const mention of this.analyzer.analyze(text.slice(start, end))) mentions.push({ ...mention, start: mention.start + start, end: mention.end + start });
      start = end;
    }
    return mentions;
  }
}

/** The part of a document's text extraction reads: all of it, or up to a paragraph end near the limit. */
function extractedText(fullText: string): string {
  return fullText.length > EXTRACTION_LIMITS.maxCharacters ? fullText.slice(0, paragraphEnd(fullText, EXTRACTION_LIMITS.maxCharacters)) : fullText;
}

/** Where to cut a text near `limit`: after the last paragraph break (else line break, else space) before it. */
export function paragraphEnd(text: string, limit: number): number {
  if (limit >= text.length) return text.length;
  const floor = limit - Math.min(50_000, limit >> 1);
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = text.lastIndexOf(separator, limit - separator.length);
    if (at > floor) return at + separator.length;
  }
  // No break at all: cut anywhere but inside a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
