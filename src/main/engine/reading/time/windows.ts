/**
 * Where to look for times: windows of text around words and numbers that can start or end a
 * temporal expression, so chrono sees only those; and where sentences and clauses begin and end.
 */

const RUSSIAN_STEMS = [
  'январ', 'феврал', 'март', 'апрел', 'май', 'мая', 'мае', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр',
  'понедельник', 'вторник', 'сред', 'четверг', 'пятниц', 'суббот', 'воскресен', 'вчера', 'сегодня', 'завтра', 'позавчера',
  'назад', 'недел', 'месяц', 'год', 'прошл', 'следующ',
];
/**
 * Words and numbers that can start or end a temporal expression. chrono runs a score of regular
 * expressions over whatever it is given, so it only sees windows around these; most news text has
 * none. Case matters for English names: "may" and "march" in lower case are a verb and a noun.
 */
const CANDIDATE = new RegExp(
  [
    String.raw`\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b`,
    String.raw`\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
    String.raw`\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|ago)\b`,
    String.raw`\b(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Pp]revious)\s+(?:[\w-]+\s+)?(?:week|month|year|weekend|decade|day|hour)`,
    String.raw`(?<![\d.,])(?:1[6-9]|20)\d\d(?!\d|[.,]\d)`,
    String.raw`\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b`,
    // Russian stems in lower case or with a capital (the regular expression is case-sensitive).
    String.raw`(?<!\p{L})(?:${RUSSIAN_STEMS.map((stem) => `[${stem[0]}${stem[0]?.toUpperCase()}]${stem.slice(1)}`).join('|')})`,
  ].join('|'),
  'gu',
);
export const CYRILLIC = /[\u0400-\u04ff]/;
export const LATIN = /[A-Za-z]/;
/** Characters of context on each side of a candidate; chrono's expressions are shorter. */
const WINDOW = 40;
/**
 * Longest window handed to chrono: a table of dates merges into one window, and chrono's cost grows
 * faster than its input (1 MB of dividend notices took 25 s in one piece).
 */
const MAX_WINDOW = 1_000;

interface Window {
  start: number;
  end: number;
}

/** The windows of `text` worth handing to chrono, in order, none longer than MAX_WINDOW. */
export function candidateWindows(text: string): Window[] {
  const windows: Window[] = [];
  const add = (start: number, end: number): void => {
    let from = Math.max(0, start - WINDOW);
    let to = Math.min(text.length, end + WINDOW);
    // Widen to whole words so no token is cut in two.
    for (let steps = 0; from > 0 && steps < 20 && /\S/.test(text[from - 1] ?? ''); steps += 1) from -= 1;
    for (let steps = 0; to < text.length && steps < 20 && /\S/.test(text[to] ?? ''); steps += 1) to += 1;
    const last = windows[windows.length - 1];
    if (last && from <= last.end && to - last.start <= MAX_WINDOW) last.end = Math.max(last.end, to);
    else if (last && from <= last.end) {
      // Too long to grow: close the last window at a sentence end or a line break (else a space)
      // before this candidate's context, and start the next one there.
      const cut = cutPoint(text, Math.max(last.start + 1, from), Math.min(last.end, start));
      last.end = cut;
      windows.push({ start: cut, end: to });
    } else windows.push({ start: from, end: to });
  };
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) add(match.index, match.index + match[0].length);
  return windows;
}

/** A place in text[from, to) to split a window: after a sentence end or a line break, else a space. */
function cutPoint(text: string, from: number, to: number): number {
  for (const boundary of [/[.!?]\s|\n/g, /\s/g]) {
    const at = lastBoundary(text, boundary, from, to);
    if (at > from) return at;
  }
  return to;
}

/** Where the text after the last boundary in text[from, to) starts; `from` when there is none. */
export function lastBoundary(text: string, boundary: RegExp, from: number, to: number): number {
  const slice = text.slice(from, to);
  let position = from;
  boundary.lastIndex = 0;
  for (let match = boundary.exec(slice); match; match = boundary.exec(slice)) position = from + match.index + match[0].length;
  return position;
}

/** Where the first boundary in text[from, to) starts; `to` when there is none. */
export function firstBoundary(text: string, boundary: RegExp, from: number, to: number): number {
  boundary.lastIndex = 0;
  const match = boundary.exec(text.slice(from, to));
  return match ? from + match.index : to;
}
