/** What a document's text gives for search and de-duplication, worked out once per document. */
import { WORD_PATTERN, nameSkeletons } from '../../../shared/textFolding';
import { minhashSignature } from './nearDuplicates';

export interface TextAnalysis {
  /** Spelling skeletons of the names in title and text, indexed beside the text. */
  readonly searchNames: string;
  /** MinHash signature for near-duplicate detection, or null for texts too short to judge. */
  readonly fingerprint: string | null;
}

/** One pass over the words serves both the name skeletons and the fingerprint. */
export function analyzeText(title: string, text: string): TextAnalysis {
  const words = text.match(WORD_PATTERN) ?? [];
  return { searchNames: searchNamesOf(title, words), fingerprint: minhashSignature(words) };
}

/** The name skeletons of a title and the words of its text. */
export function searchNamesOf(title: string, words: readonly string[]): string {
  return nameSkeletons([...(title.match(WORD_PATTERN) ?? []), ...words]);
}
