/**
 * Recognised pages as stored text plus the layer of word boxes beside it. The text is built here,
 * word by word, so each word's offsets are known exactly: lines end with "\n", paragraphs with a
 * blank line, and no clean-up runs afterwards (it would move offsets).
 */
import type { RecognizedPage } from './engine';

/** Numbers per word in `OcrLayer.words`: page (1-based), start, end, x0, y0, x1, y1, confidence. */
export const WORD_STRIDE = 8;

/**
 * What a document keeps of its recognition, under `meta.ocrWords`: the size of every recognised
 * page image and its words, flat (WORD_STRIDE numbers each) to keep the JSON small.
 * Offsets are UTF-16 indices into the document's text, end exclusive, like notes and mentions.
 */
export interface OcrLayer {
  readonly pages: readonly { readonly page: number; readonly width: number; readonly height: number; readonly confidence: number }[];
  readonly words: readonly number[];
}

/** A word's place on its page image, in pixels of that image. */
export interface WordBox {
  readonly page: number;
  readonly start: number;
  readonly end: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly confidence: number;
}

/** One page's text and its words with offsets into that text. */
export interface PageText {
  readonly text: string;
  readonly words: readonly Omit<WordBox, 'page'>[];
  /** Mean word confidence, weighted by length (a long misread word weighs more than a stray mark). */
  readonly confidence: number;
}

/** Characters that only hide in recognised text: controls, soft hyphens, zero-width marks. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Lays a recognised page out as text: words by spaces, lines by "\n", paragraphs by a blank line. */
export function pageText(page: RecognizedPage): PageText {
  let text = '';
  const words: Omit<WordBox, 'page'>[] = [];
  let weighted = 0;
  let characters = 0;
  for (const paragraph of page.paragraphs) {
    // The separator goes in before the next word actually written, so empty lines leave no trace.
    let separator = '\n\n';
    for (const line of paragraph) {
      for (const word of line) {
        const clean = word.text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, '');
        if (clean === '') continue;
        if (text !== '') text += separator;
        separator = ' ';
        const start = text.length;
        text += clean;
        words.push({ start, end: text.length, x0: word.x0, y0: word.y0, x1: word.x1, y1: word.y1, confidence: Math.round(word.confidence) });
        weighted += word.confidence * clean.length;
        characters += clean.length;
      }
      if (separator === ' ') separator = '\n';
    }
  }
  return { text, words, confidence: characters === 0 ? 0 : weighted / characters };
}

/** Packs the words of recognised pages, each page's offsets shifted to where it starts in the document. */
export function packLayer(pages: readonly { page: number; width: number; height: number; start: number; text: PageText }[]): OcrLayer {
  const words: number[] = [];
  for (const { page, start, text } of pages) {
    for (const word of text.words) {
      words.push(page, start + word.start, start + word.end, word.x0, word.y0, word.x1, word.y1, word.confidence);
    }
  }
  return {
    pages: pages.map(({ page, width, height, text }) => ({ page, width, height, confidence: Math.round(text.confidence * 10) / 10 })),
    words,
  };
}

/** Mean confidence over every recognised character of a document (0–100, one decimal). */
export function layerConfidence(pages: readonly PageText[]): number {
  let weighted = 0;
  let characters = 0;
  for (const page of pages) {
    const length = page.words.reduce((sum, word) => sum + word.end - word.start, 0);
    weighted += page.confidence * length;
    characters += length;
  }
  return characters === 0 ? 0 : Math.round((weighted / characters) * 10) / 10;
}

/** The words a span of the document's text touches, with their boxes: where a highlight or a note sits on the page image. */
export function boxesForSpan(layer: OcrLayer, start: number, end: number): WordBox[] {
  const boxes: WordBox[] = [];
  const { words } = layer;
  // Words are stored in text order, so the first one that could overlap is found by bisection.
  let low = 0;
  let high = words.length / WORD_STRIDE;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (words[middle * WORD_STRIDE + 2]! <= start) low = middle + 1;
    else high = middle;
  }
  for (let index = low * WORD_STRIDE; index < words.length; index += WORD_STRIDE) {
    const wordStart = words[index + 1]!;
    if (wordStart >= end) break;
    boxes.push({
      page: words[index]!,
      start: wordStart,
      end: words[index + 2]!,
      x0: words[index + 3]!,
      y0: words[index + 4]!,
      x1: words[index + 5]!,
      y1: words[index + 6]!,
      confidence: words[index + 7]!,
    });
  }
  return boxes;
}

/** Whether a stored meta value is an OCR layer (it comes back from JSON in the case file). */
export function isOcrLayer(value: unknown): value is OcrLayer {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { pages?: unknown; words?: unknown };
  return Array.isArray(candidate.pages) && Array.isArray(candidate.words) && candidate.words.length % WORD_STRIDE === 0;
}
