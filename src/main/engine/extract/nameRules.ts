// Rules about how English writes names, applied to the tagger's spans (index.ts runs them in order).
import type { MentionType } from './index';
import type { Tokens } from './tokenize';

/** A tagged name: tokens first..end-1. */
export interface Span {
  first: number;
  end: number;
  type: MentionType;
}

const smallLetter = /^\p{Ll}/u;

/**
 * A name ends with a capitalised word or a number, never with a word in small letters: "… Mine Action said"
 * loses "said". (Small words inside a name stay: "Agency for Mine Action", "Bank of England".)
 */
export function trimSmallEnds(tokens: Tokens, spans: Span[]): void {
  const { words } = tokens;
  for (const span of spans) while (span.end - 1 > span.first && smallLetter.test(words[span.end - 1]!)) span.end -= 1;
}

/**
 * Two names are not written side by side with nothing between them: a place or an organisation followed at once
 * by an organisation is one organisation whose name starts with the place ("Azerbaijan National" + "Agency for
 * Mine Action", "U.S." + "Army"). Sentence boundaries part them.
 */
export function joinSplitOrganizations(tokens: Tokens, spans: Span[]): Span[] {
  const sentenceStart = new Set(tokens.sentenceStarts);
  const joined: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.first - b.first)) {
    const previous = joined.at(-1);
    if (previous && previous.end === span.first && span.type === 'organization' && (previous.type === 'location' || previous.type === 'organization') && !sentenceStart.has(span.first)) {
      previous.end = span.end;
      previous.type = 'organization';
      continue;
    }
    joined.push(span);
  }
  return joined;
}
