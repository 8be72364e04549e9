/**
 * How the reader lays out a document's plain text so that every rendered character keeps its
 * UTF-16 offset into `text`: paragraphs and page breaks, runs cut at every highlight or note edge,
 * and the way back from a DOM selection to offsets.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Block =
  | { readonly type: 'paragraph'; readonly start: number; readonly end: number }
  | { readonly type: 'page'; readonly page: number; readonly offset: number };

/** A stretch of a paragraph with the same highlights and notes over all of it. */
export interface Run extends Span {
  readonly hit: boolean;
  /** The notes covering the run, narrowest last. */
  readonly noteIds: readonly number[];
  /** The entity mentions covering the run, narrowest last (only when mentions were laid out). */
  readonly mentionIds?: readonly number[];
}

const BLANK_LINE = /\n[ \t\r\f\v]*\n/g;
const SPACE = /\s/;

function trimmed(text: string, start: number, end: number): Span | null {
  let from = start;
  let to = end;
  while (from < to && SPACE.test(text.charAt(from))) from += 1;
  while (to > from && SPACE.test(text.charAt(to - 1))) to -= 1;
  return from < to ? { start: from, end: to } : null;
}

/** Paragraphs (split on blank lines and at page starts) with a divider where each page begins. */
export function layoutBlocks(text: string, pageStarts: readonly number[] | null): Block[] {
  const cuts = new Set<number>([0, text.length]);
  for (const match of text.matchAll(BLANK_LINE)) {
    cuts.add(match.index);
    cuts.add(match.index + match[0].length);
  }
  const pages = (pageStarts ?? []).map((offset, index) => ({ offset: Math.max(0, Math.min(offset, text.length)), page: index + 1 }));
  for (const { offset } of pages) cuts.add(offset);
  const ordered = [...cuts].sort((a, b) => a - b);

  const blocks: Block[] = [];
  let nextPage = 0;
  for (let index = 0; index < ordered.length - 1; index += 1) {
    const from = ordered[index] ?? 0;
    const to = ordered[index + 1] ?? from;
    while (nextPage < pages.length && (pages[nextPage]?.offset ?? Infinity) <= from) {
      const page = pages[nextPage];
      if (page) blocks.push({ type: 'page', page: page.page, offset: page.offset });
      nextPage += 1;
    }
    const span = trimmed(text, from, to);
    if (span) blocks.push({ type: 'paragraph', ...span });
  }
  while (nextPage < pages.length) {
    const page = pages[nextPage];
    if (page) blocks.push({ type: 'page', page: page.page, offset: page.offset });
    nextPage += 1;
  }
  return blocks;
}

/** Ids of the spans covering [start, end), the narrowest last. */
function covering(spans: readonly (Span & { readonly id: number })[], start: number, end: number): number[] {
  return spans
    .filter((span) => span.start <= start && span.end >= end)
    .sort((a, b) => b.end - b.start - (a.end - a.start))
    .map((span) => span.id);
}

/**
 * Cuts a paragraph into runs at every edge of a highlight, note or entity mention inside it: the
 * three are independent layers, so a run can be a search hit inside a note on a mention.
 */
export function layoutRuns(
  paragraph: Span,
  highlights: readonly Span[],
  notes: readonly (Span & { readonly id: number })[],
  mentions?: readonly (Span & { readonly id: number })[],
): Run[] {
  const inside = (span: Span) => span.end > paragraph.start && span.start < paragraph.end;
  const hits = highlights.filter(inside);
  const marks = notes.filter(inside);
  const named = (mentions ?? []).filter(inside);
  const edges = new Set<number>([paragraph.start, paragraph.end]);
  for (const span of [...hits, ...marks, ...named]) {
    if (span.start > paragraph.start && span.start < paragraph.end) edges.add(span.start);
    if (span.end > paragraph.start && span.end < paragraph.end) edges.add(span.end);
  }
  const ordered = [...edges].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let index = 0; index < ordered.length - 1; index += 1) {
    const start = ordered[index] ?? 0;
    const end = ordered[index + 1] ?? start;
    const covers = (span: Span) => span.start <= start && span.end >= end;
    const run: Run = { start, end, hit: hits.some(covers), noteIds: covering(marks, start, end) };
    runs.push(mentions ? { ...run, mentionIds: covering(named, start, end) } : run);
  }
  return runs;
}

/** Parts of a search snippet: the engine wraps each hit in \u0002 … \u0003. */
export function snippetParts(snippet: string): { readonly text: string; readonly hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let hit = false;
  let current = '';
  for (const char of snippet) {
    if (char === '\u0002' || char === '\u0003') {
      if (current) parts.push({ text: current, hit });
      current = '';
      hit = char === '\u0002';
    } else {
      current += char;
    }
  }
  if (current) parts.push({ text: current, hit });
  return parts;
}

/** The attribute each rendered run carries: the offset in `text` where it starts. */
export const OFFSET_ATTRIBUTE = 'data-offset';

/**
 * The offset in `text` of a DOM point inside `root`. A point between runs (a paragraph edge)
 * belongs to the next run when it starts a selection and to the previous one when it ends it, so
 * a note never swallows the blank lines around a paragraph.
 */
export function offsetOfPoint(root: HTMLElement, node: Node, offset: number, bias: 'start' | 'end'): number | null {
  if (!root.contains(node)) return null;
  const runs = root.querySelectorAll<HTMLElement>(`[${OFFSET_ATTRIBUTE}]`);
  let previousEnd: number | null = null;
  for (const run of runs) {
    const start = Number(run.getAttribute(OFFSET_ATTRIBUTE));
    const length = run.textContent.length;
    const range = document.createRange();
    range.selectNodeContents(run);
    const position = range.comparePoint(node, offset);
    if (position === 0) {
      const before = document.createRange();
      before.setStart(run, 0);
      before.setEnd(node, offset);
      return start + before.toString().length;
    }
    if (position < 0) return bias === 'end' && previousEnd !== null ? previousEnd : start;
    previousEnd = start + length;
  }
  return previousEnd;
}

/** The DOM point at a text offset inside `root`: the text node and the offset in it. */
function pointAtOffset(root: HTMLElement, offset: number): { node: Node; offset: number } | null {
  for (const run of root.querySelectorAll<HTMLElement>(`[${OFFSET_ATTRIBUTE}]`)) {
    const start = Number(run.getAttribute(OFFSET_ATTRIBUTE));
    if (offset < start || offset > start + run.textContent.length) continue;
    let remaining = offset - start;
    const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (remaining <= length) return { node, offset: remaining };
      remaining -= length;
    }
  }
  return null;
}

/** A DOM range over text offsets inside `root` (a cited passage), or null when they are not shown. */
export function rangeOfOffsets(root: HTMLElement, start: number, end: number): Range | null {
  const from = pointAtOffset(root, start);
  const to = pointAtOffset(root, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The text offsets a DOM selection covers inside `root`, or null when it is empty or outside. */
export function selectionOffsets(root: HTMLElement, selection: Selection | null): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = offsetOfPoint(root, range.startContainer, range.startOffset, 'start');
  const end = offsetOfPoint(root, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
