// The tagger's word lists, as it looks them up: place and cue phrases (longest match first), the English word
// list's flags, the word clusters and the given names. Built once per model and shared by every document.
import { lexiconEntries } from './lexicon';
import type { LexiconClassValue } from './lexicon';
import type { WordForm, WordInfo } from './prepare';
import { tokenize } from './tokenize';
import { WordTable } from './wordTable';

export interface Phrase {
  readonly words: readonly string[];
  readonly kind: LexiconClassValue;
}

const phraseCacheLimit = 200_000;

/** Matches multi-word lexicon phrases (longest first) against a token sequence. */
export class LexiconMatcher {
  /**
   * English word list (SCOWL), by lower-cased form: 1 if listed in small letters (a common word),
   * 2 if listed capitalised (a name), 3 both. Empty when the model was trained without one.
   */
  words: WordTable = WordTable.empty;
  /** Distributional word clusters (scripts/train/clusters.ts), `clusters.width` ids a word (each from 1, fine to coarse). */
  clusters: WordTable = WordTable.empty;
  /** Given names (first names), lower-cased; empty when the model was trained without them. */
  givenNames = new Set<string>();
  /** Per-word feature values (prepare.ts), shared by every document this matcher prepares. */
  readonly wordCache = new Map<string, WordInfo>();
  /** Per lower-cased form, its record (prepare.ts WordForm); emptied with wordCache. */
  readonly wordForms = new Map<string, WordForm>();
  /** The hand-written phrases, by first word; they win over a place list phrase written the same. */
  private readonly written = new Map<string, Phrase[]>();
  private readonly writtenPhrases = new Set<string>();
  /** The place list's lines "token token …<TAB>CLASS", sorted: searched by first word when a word is first met. */
  private placeText = '';
  private placeLines = new Int32Array(0);
  /** Phrases by first word (hand-written and places, longest first), filled as words are met. */
  private readonly byFirst = new Map<string, readonly Phrase[]>();

  /** `entries` are phrases, or phrases already split into tokens; a later entry wins over an earlier one. */
  constructor(entries: Array<[string | string[], LexiconClassValue]>, places = '') {
    const phrases = new Map<string, Phrase>();
    for (const [phrase, kind] of entries) {
      const words = typeof phrase === 'string' ? tokenize(phrase).words : phrase;
      if (words.length > 0) phrases.set(words.join(' '), { words, kind });
    }
    for (const [key, entry] of phrases) {
      this.writtenPhrases.add(key);
      const list = this.written.get(entry.words[0]!);
      if (list) list.push(entry);
      else this.written.set(entry.words[0]!, [entry]);
    }
    this.placeText = places;
    const starts: number[] = [];
    for (let start = 0; start < places.length; ) {
      const end = places.indexOf('\n', start);
      if (places.charCodeAt(start) !== 10) starts.push(start);
      start = end < 0 ? places.length : end + 1;
    }
    this.placeLines = Int32Array.from(starts);
  }

  /** The phrases starting with `word`, longest first. */
  phrasesOf(word: string): readonly Phrase[] {
    const known = this.byFirst.get(word);
    if (known) return known;
    const found: Phrase[] = [...(this.written.get(word) ?? [])];
    const text = this.placeText;
    const lines = this.placeLines;
    // The first line not below `word`; lines whose first token is `word` follow it ("word<TAB>", "word …").
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareAt(text, lines[middle]!, word) < 0) low = middle + 1;
      else high = middle;
    }
    for (let line = low; line < lines.length; line += 1) {
      const start = lines[line]!;
      if (!text.startsWith(word, start)) break;
      const after = text.charCodeAt(start + word.length);
      if (after !== 9 && after !== 32) break;
      const tab = text.indexOf('\t', start);
      const phrase = text.slice(start, tab);
      if (this.writtenPhrases.has(phrase)) continue;
      const end = text.indexOf('\n', tab);
      found.push({ words: phrase.split(' '), kind: Number(text.slice(tab + 1, end < 0 ? text.length : end)) as LexiconClassValue });
    }
    // Longest phrase first, so that "Ministry of Defense" wins over "Ministry".
    if (found.length > 1) found.sort((a, b) => b.words.length - a.words.length);
    if (this.byFirst.size >= phraseCacheLimit) this.byFirst.clear();
    this.byFirst.set(word, found);
    return found;
  }

  /**
   * Per token: 0 outside any phrase, else class * 2 + (1 at a phrase's first word, 2 inside). `phrases` may give
   * each token's phrasesOf, looked up already.
   */
  match(words: readonly string[], phrases?: ReadonlyArray<readonly Phrase[]>): Uint8Array {
    const result = new Uint8Array(words.length);
    let index = 0;
    while (index < words.length) {
      const candidates = phrases ? phrases[index]! : this.phrasesOf(words[index]!);
      let matched = 0;
      let kind = 0;
      for (const candidate of candidates) {
        const length = candidate.words.length;
        if (index + length > words.length) continue;
        let same = true;
        for (let offset = 1; offset < length && same; offset += 1) same = words[index + offset]! === candidate.words[offset]!;
        if (same) {
          matched = length;
          kind = candidate.kind;
          break;
        }
      }
      if (matched === 0) {
        index += 1;
        continue;
      }
      result[index] = kind * 2 + 1;
      for (let offset = 1; offset < matched; offset += 1) result[index + offset] = kind * 2 + 2;
      index += matched;
    }
    return result;
  }
}

/** Compares the line of `text` at `offset` (up to its tab) with `word`, as strings compare. */
function compareAt(text: string, offset: number, word: string): number {
  for (let index = 0; ; index += 1) {
    const code = text.charCodeAt(offset + index);
    const lineEnded = code === 9 || Number.isNaN(code) || code === 10;
    if (index === word.length) return lineEnded ? 0 : 1;
    if (lineEnded) return -1;
    const difference = code - word.charCodeAt(index);
    if (difference !== 0) return difference;
  }
}

/**
 * The hand-written lists plus `places` (lines "token token …<TAB>CLASS", sorted, as the trainer writes them), the
 * word list's flags, the clusters (each a table, or its text: "word<TAB>value…" lines) and the given names.
 */
export function lexiconMatcher(places = '', words: WordTable | string = '', clusters: WordTable | string = '', givenNames = ''): LexiconMatcher {
  const matcher = new LexiconMatcher(lexiconEntries(), places);
  matcher.words = typeof words === 'string' ? WordTable.fromLines(words) : words;
  matcher.clusters = typeof clusters === 'string' ? WordTable.fromLines(clusters) : clusters;
  for (const line of givenNames.split('\n')) if (line) matcher.givenNames.add(line);
  return matcher;
}
