// Text clean-up every reader applies before a document is stored: the stored text is what notes,
// mentions and evidence offsets point into, so it is settled here once.

/** Horizontal white space, including the no-break and typographic spaces scraped pages carry. */
const SPACES = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
/**
 * The same, but only where there is something to change: a run of two or more, or one that is not
 * a plain space. Single spaces between words are most of a text and need no replacing.
 */
const SPACES_TO_COLLAPSE = / [ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*/g;
/**
 * Control characters (keeping \n), C1 controls (left by mis-decoded text) and invisible marks that
 * split words for search without showing: soft hyphen, zero-width space, word joiner, stray BOMs.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b\u2060\ufeff]/g;

/** Lines that open a site's trailing block of links rather than the article. */
const BOILERPLATE_HEADING =
  /^(?:(?:similar|related|recommended|popular|latest|trending|more|other) (?:posts?|articles?|stories|news|reads|reading|content)|you (?:may|might) also (?:like|enjoy|be interested in)|share(?: this(?: article| story| post)?| on [\w ]+)?|like this|loading|read (?:more|also|next)|also read|leave a (?:reply|comment)|comments?|post navigation|advertisement|tags?|filed under|categories|(?:tags?|filed under|categories): .*)\s*[:.…]*$/i;
/** A trailing block is a heading and at most this many short lines of link titles. */
const MAX_BOILERPLATE_LINES = 12;
const MAX_BOILERPLATE_LINE_LENGTH = 160;
/** Shorter titles ("Notes", "Summary") may legitimately recur as headings, so they are left alone. */
const MIN_TITLE_LENGTH_TO_DEDUPLICATE = 16;

/**
 * Normalises line endings and white space, keeps at most one blank line between paragraphs, drops
 * repeats of the title line after the first (a scraper artefact) and a trailing block of site
 * boilerplate ("Similar Posts", "Share this:"…). Everything else stays exactly as written:
 * quotes, diacritics and spelling are not touched.
 */
export function cleanText(text: string, title?: string): string {
  // Whole-string passes rather than line by line: a Reuters import cleans 21,578 stories.
  let result = text
    .replace(/\r\n?|[\u2028\u2029\v]/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(INVISIBLE, '')
    .replace(SPACES_TO_COLLAPSE, ' ')
    .replace(/ \n ?|\n /g, '\n');
  if (title !== undefined) result = dropRepeatedTitle(result, title);
  result = result.replace(/\n{3,}/g, '\n\n');
  result = dropTrailingBoilerplate(result);
  return result.replace(/\n{3,}/g, '\n\n').trim();
}

function dropRepeatedTitle(text: string, title: string): string {
  const key = title.replace(SPACES, ' ').trim().toLowerCase();
  if (key.length < MIN_TITLE_LENGTH_TO_DEDUPLICATE || !text.toLowerCase().includes(key)) return text;
  const lines = text.split('\n');
  const firstContent = lines.findIndex((line) => line !== '');
  // Lines are already trimmed and single-spaced; the length test skips lowering most of them.
  const isTitle = (line: string): boolean => Math.abs(line.length - key.length) <= 2 && line.toLowerCase() === key;
  return lines.filter((line, index) => index === firstContent || !isTitle(line)).join('\n');
}

/** A trailing block is at most MAX_BOILERPLATE_LINES lines with single blank lines between them. */
const TAIL_LINES = MAX_BOILERPLATE_LINES * 2 + 4;

function dropTrailingBoilerplate(text: string): string {
  let result = text;
  for (;;) {
    const { offset, lines } = tailLines(result, TAIL_LINES);
    const cut = trailingBoilerplateStart(lines, result.slice(0, offset).trim() !== '');
    if (cut === null) return result;
    result = result.slice(0, offset) + lines.slice(0, cut).join('\n');
  }
}

/** The last `count` lines of a text and the offset where the first of them starts. */
function tailLines(text: string, count: number): { offset: number; lines: string[] } {
  let newline = text.length;
  for (let found = 0; found < count; found++) {
    newline = text.lastIndexOf('\n', newline - 1);
    if (newline < 0) return { offset: 0, lines: text.split('\n') };
  }
  return { offset: newline + 1, lines: text.slice(newline + 1).split('\n') };
}

/** Where a trailing boilerplate block starts among the last lines, or null when the text ends with content. */
function trailingBoilerplateStart(lines: readonly string[], contentBefore: boolean): number | null {
  let contentLinesAfter = 0;
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index] ?? '';
    if (line === '') continue;
    if (BOILERPLATE_HEADING.test(line)) {
      // Never cut the whole text: a note that is only "Read more" is still a note.
      const hasContentBefore = contentBefore || lines.slice(0, index).some((earlier) => earlier !== '');
      return hasContentBefore ? index : null;
    }
    contentLinesAfter += 1;
    if (contentLinesAfter > MAX_BOILERPLATE_LINES || line.length > MAX_BOILERPLATE_LINE_LENGTH) return null;
  }
  return null;
}
