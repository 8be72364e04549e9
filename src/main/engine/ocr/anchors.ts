/**
 * Where a passage of a document's old text is in its new text, after OCR read the pages again:
 * the same words, found exactly or with other line breaks, spacing or case, nearest to where they
 * were. A passage OCR now reads otherwise is not found, and the caller says so.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Passages longer than this are only looked for exactly (a pattern over a page of words is slow and rarely helps). */
const MAX_FLEXIBLE_WORDS = 80;

/** Where the passage `start`–`end` of `oldText` sits in `newText`, or null when the new text does not have it. */
export function findAnchor(oldText: string, newText: string, start: number, end: number): Span | null {
  const quote = oldText.slice(start, end);
  if (quote.trim() === '') return null;
  if (newText.slice(start, end) === quote) return { start, end };
  // Where the passage would be if the text had grown or shrunk evenly.
  const expected = oldText.length === 0 ? 0 : Math.round((start / oldText.length) * newText.length);
  const exact = nearest(allMatches(newText, quote), expected);
  if (exact) return exact;
  const words = quote.trim().split(/\s+/u);
  if (words.length > MAX_FLEXIBLE_WORDS) return null;
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'giu');
  const flexible: Span[] = [];
  for (const match of newText.matchAll(pattern)) flexible.push({ start: match.index, end: match.index + match[0].length });
  return nearest(flexible, expected);
}

/**
 * For a passage made of several spans (a claim's speaker, cue and content; an event's arguments):
 * how far the whole passage moved, when the new text has it exactly; null otherwise. Its parts
 * keep their places relative to one another only when it is found word for word.
 */
export function findShift(oldText: string, newText: string, spans: readonly Span[]): number | null {
  if (spans.length === 0) return null;
  const start = Math.min(...spans.map((span) => span.start));
  const end = Math.max(...spans.map((span) => span.end));
  const quote = oldText.slice(start, end);
  if (quote.trim() === '') return null;
  if (newText.slice(start, end) === quote) return 0;
  const expected = oldText.length === 0 ? 0 : Math.round((start / oldText.length) * newText.length);
  const found = nearest(allMatches(newText, quote), expected);
  return found ? found.start - start : null;
}

function allMatches(text: string, quote: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) spans.push({ start: at, end: at + quote.length });
  return spans;
}

function nearest(spans: readonly Span[], expected: number): Span | null {
  let best: Span | null = null;
  for (const span of spans) if (!best || Math.abs(span.start - expected) < Math.abs(best.start - expected)) best = span;
  return best;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
