// Splits raw text into word tokens with UTF-16 offsets, and groups them into sentences.

/** Tokens of a text: parallel arrays, offsets are UTF-16 indices into the text (end exclusive). */
export interface Tokens {
  readonly words: string[];
  readonly starts: number[];
  readonly ends: number[];
  /** Index of the first token of each sentence, in order; the last sentence runs to the end. */
  readonly sentenceStarts: number[];
}

// Initialisms first ("U.S.", "e.g."), then numbers with inner separators ("6,000", "3.5"), then words
// with inner hyphens and apostrophes ("Nagorno-Karabakh", "O'Brien"), then a detached possessive 's, then
// any other single character.
const tokenPattern = /\p{L}(?:\.\p{L})+\.?|['’][sS](?![\p{L}\p{N}])|\p{N}+(?:[.,:]\p{N}+)*|[\p{L}\p{M}\p{N}_]+(?:[-'’‑][\p{L}\p{M}\p{N}]+)*|\S/gu;

// Words that keep their full stop, as the training corpora tokenise them ("Mr.", "Inc.").
const abbreviations = new Set(
  'mr mrs ms dr prof sr jr st mt ft gen lt col maj capt sgt adm gov sen rep rev inc corp co ltd bros no vs etc jan feb mar apr jun jul aug sep sept oct nov dec dept univ assn ave blvd fig est approx'.split(
    ' ',
  ),
);

function isUpperLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code > 127 && String.fromCharCode(code).toLowerCase() !== String.fromCharCode(code));
}

/** Tokenises `text`; possessive 's is its own token, so "Russia's" yields "Russia" and "'s". */
export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (start: number, end: number): void => {
    words.push(text.slice(start, end));
    starts.push(start);
    ends.push(end);
  };
  tokenPattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = tokenPattern.exec(text)) !== null) {
    const start = match.index;
    let end = start + match[0].length;
    const word = match[0];
    const length = word.length;
    if (length > 2) {
      const apostrophe = word.charCodeAt(length - 2);
      const last = word.charCodeAt(length - 1);
      // Possessive: split "Baku’s" into "Baku" + "’s", as the training data does.
      if ((apostrophe === 39 || apostrophe === 0x2019) && (last === 115 || last === 83)) {
        push(start, end - 2);
        push(end - 2, end);
        continue;
      }
    }
    if (text.charCodeAt(end) === 46 /* . */ && length <= 5) {
      const first = word.charCodeAt(0);
      if ((length === 1 && isUpperLetter(first)) || abbreviations.has(word.toLowerCase())) {
        end += 1;
        tokenPattern.lastIndex = end;
      }
    }
    push(start, end);
  }
  return { words, starts, ends, sentenceStarts: splitSentences(text, words, starts, ends) };
}

/** Capitalised function words that open sentences and never go on a name. */
export const sentenceOpeners: ReadonlySet<string> = new Set(
  'The A An And But Or So Yet With In On At For From By As If When Where What Who How Why Which While After Before Since Although Though Because It Its He His She Her They Their We Our I This That These Those There Then Thus However Meanwhile'.split(
    ' ',
  ),
);

const closingQuotes = new Set(['"', '”', '’', "'", ')', '»']);

/**
 * The width a text is hard-wrapped at (e-mail, wire copy, text taken from a PDF), or 0 when its lines are
 * paragraphs or headings: the 90th percentile of its line lengths, when there are enough lines and it lies
 * between 30 and 100 characters.
 */
function wrapWidth(text: string): number {
  const lengths: number[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let last = end;
    while (last > start && /\s/.test(text[last - 1]!)) last -= 1;
    if (last > start) lengths.push(last - start);
    start = end + 1;
  }
  if (lengths.length < 4) return 0;
  lengths.sort((a, b) => a - b);
  const width = lengths[Math.floor(0.9 * (lengths.length - 1))]!;
  return width >= 30 && width <= 100 ? width : 0;
}

const sentenceEnds = new Set(['.', '!', '?', '…', ':', ';']);

function splitSentences(text: string, words: string[], starts: number[], ends: number[]): number[] {
  const sentenceStarts: number[] = words.length > 0 ? [0] : [];
  // -1 until a line break asks: whether the text is hard-wrapped is only worked out for a text with line breaks.
  let width = -1;
  for (let index = 1; index < words.length; index += 1) {
    const gap = text.slice(ends[index - 1], starts[index]);
    const previous = words[index - 1]!;
    if (gap.includes('\n')) {
      if (width < 0) width = wrapWidth(text);
      // In hard-wrapped text a single line break inside a paragraph is a space: "said Kenneth / Blackman was named".
      // A blank line, an indented line, a short line or one that ends a sentence still ends it.
      const lineStart = text.lastIndexOf('\n', ends[index - 1]! - 1) + 1;
      const wrapped =
        width > 0 && !sentenceEnds.has(previous) && !/\n[^\S\n]*\n|\n(?: {2}|\t)/.test(gap) && ends[index - 1]! - lineStart >= 0.7 * width;
      if (!wrapped) {
        sentenceStarts.push(index);
        continue;
      }
    }
    // An initialism or abbreviation keeps its full stop ("U.S.", "Inc."); it ends the sentence too when a word that
    // opens sentences follows ("… followed by the U.S. With 22 banks").
    if (previous.length > 1 && previous.endsWith('.') && sentenceOpeners.has(words[index]!)) {
      sentenceStarts.push(index);
      continue;
    }
    if (previous === '.' || previous === '!' || previous === '?' || previous === '…' || closingQuotes.has(previous)) {
      // A closing quote ends a sentence only when a full stop sits just inside it.
      if (closingQuotes.has(previous)) {
        const before = index >= 2 ? words[index - 2]! : '';
        if (before !== '.' && before !== '!' && before !== '?') continue;
      }
      const next = words[index]!;
      const code = next.charCodeAt(0);
      if (isUpperLetter(code) || (code >= 48 && code <= 57) || next === '“' || next === '"') sentenceStarts.push(index);
    }
  }
  return sentenceStarts;
}

const sentenceStartSets = new WeakMap<Tokens, ReadonlySet<number>>();

/** The indices of the tokens that start a sentence, as a set: made once per text however many rules ask. */
export function sentenceStartSet(tokens: Tokens): ReadonlySet<number> {
  let set = sentenceStartSets.get(tokens);
  if (!set) {
    set = new Set(tokens.sentenceStarts);
    sentenceStartSets.set(tokens, set);
  }
  return set;
}
