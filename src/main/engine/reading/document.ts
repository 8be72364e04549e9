/**
 * The shared model the reading rules work on: the text's tokens and sentences (from the entity
 * tokenizer), its entity mentions placed on those tokens, and the types every reader returns.
 */
import type { MentionType } from '../extract/index';
import { tokenize } from '../extract/tokenize';
import type { Tokens } from '../extract/tokenize';

/** A stretch of the text: UTF-16 offsets, end exclusive. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** A stretch of the text with what it says (`text === source.slice(start, end)`). */
export interface QuotedSpan extends TextSpan {
  readonly text: string;
}

/**
 * An entity mention as the reading layer uses it: the span, the extractor's type, and the entity
 * name it stands for (the pipeline's name where one was given — "Pashinian" → "Nikol Pashinián" —
 * else the text without a leading "the" or possessive), so a caller can resolve it to a case entity.
 */
export interface EntityRef extends QuotedSpan {
  readonly type: MentionType;
  readonly name: string;
}

/** A mention handed to the reader (the extractor's or pipeline's output, or gold spans in an evaluation). */
export interface MentionInput {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: MentionType;
  readonly entity?: { readonly name: string };
}

/** The text prepared once for all readers. Token arrays are parallel; `mentionAt[token]` is a mention index or -1. */
export interface ReadingDocument {
  readonly text: string;
  readonly words: readonly string[];
  /** Lower-cased words, curly apostrophes straightened. */
  readonly lower: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Sentence i covers tokens sentenceStarts[i] .. sentenceEnds[i] (exclusive). */
  readonly sentenceStarts: readonly number[];
  readonly sentenceEnds: readonly number[];
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array;
  readonly mentions: readonly EntityRef[];
  /** First and end token of each mention. */
  readonly mentionFirst: Int32Array;
  readonly mentionEnd: Int32Array;
  readonly mentionAt: Int32Array;
}

const leadingArticle = /^(?:the|The|THE)\s+/;
const trailingPossessive = /\s*['’][sS]$/;

/** The name a mention stands for when no pipeline named it. */
export function mentionName(text: string): string {
  return text.replace(leadingArticle, '').replace(trailingPossessive, '').trim() || text;
}

/**
 * Tokenizes `text` (unless the entity extractor's `tokens` of the same text are given) and places
 * `mentions` (any order; overlapping ones keep the first longest) on the tokens.
 */
export function prepareDocument(text: string, mentions: readonly MentionInput[], tokens: Tokens = tokenize(text)): ReadingDocument {
  const { words, starts, ends } = tokens;
  const count = words.length;
  const lower = new Array<string>(count);
  for (let index = 0; index < count; index += 1) {
    const word = words[index]!;
    lower[index] = word.includes('’') ? word.toLowerCase().replace(/’/g, "'") : word.toLowerCase();
  }
  const sentenceStarts = tokens.sentenceStarts;
  const sentenceEnds = sentenceStarts.map((_, index) => sentenceStarts[index + 1] ?? count);
  const sentenceOf = new Int32Array(count);
  sentenceStarts.forEach((first, sentence) => sentenceOf.fill(sentence, first, sentenceEnds[sentence]));

  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const placed: EntityRef[] = [];
  const firsts: number[] = [];
  const lasts: number[] = [];
  const mentionAt = new Int32Array(count).fill(-1);
  let token = 0;
  for (const mention of sorted) {
    while (token < count && ends[token]! <= mention.start) token += 1;
    if (token >= count) break;
    let end = token;
    while (end < count && starts[end]! < mention.end) end += 1;
    if (end === token || mentionAt[token] !== -1) continue;
    let overlaps = false;
    for (let inside = token; inside < end; inside += 1) if (mentionAt[inside] !== -1) overlaps = true;
    if (overlaps) continue;
    mentionAt.fill(placed.length, token, end);
    firsts.push(token);
    lasts.push(end);
    placed.push({
      start: mention.start,
      end: mention.end,
      text: mention.text,
      type: mention.type,
      name: mention.entity?.name ?? mentionName(mention.text),
    });
  }
  return {
    text,
    words,
    lower,
    starts,
    ends,
    sentenceStarts,
    sentenceEnds,
    sentenceOf,
    mentions: placed,
    mentionFirst: Int32Array.from(firsts),
    mentionEnd: Int32Array.from(lasts),
    mentionAt,
  };
}

/** The span of tokens first .. end (exclusive) with its text. */
export function tokenSpan(document: ReadingDocument, first: number, end: number): QuotedSpan {
  const start = document.starts[first]!;
  const stop = document.ends[end - 1]!;
  return { start, end: stop, text: document.text.slice(start, stop) };
}

/** True for an opening or closing quotation mark token. */
export function isQuote(word: string): boolean {
  return word === '"' || word === '“' || word === '”' || word === '«' || word === '»' || word === '„';
}

/** True for tokens that are punctuation only. */
export function isPunctuation(word: string): boolean {
  return word.length === 1 && !/[\p{L}\p{N}]/u.test(word);
}
