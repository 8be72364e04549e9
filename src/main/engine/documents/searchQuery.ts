/**
 * Turns what an analyst types into an FTS5 query: words, "phrases", AND/OR/NOT, prefix*, NEAR,
 * title:word, parentheses. Words are also matched by their spelling skeleton, so that Kelbajar
 * finds Kəlbəcər. Mistakes come back as messages that say how to write it, never as FTS5 errors.
 */
import { DossierError } from '../../../shared/errors';
import { foldText, spellingSkeleton, wordsWithOffsets } from '../../../shared/textFolding';
import { SEARCH_LIMITS } from '../limits';

/** A positive search term, for highlighting hits in the reader. */
export interface SearchTerm {
  readonly words: readonly string[];
  readonly prefix: boolean;
}

export interface ParsedSearch {
  /** The FTS5 MATCH expression. */
  readonly match: string;
  readonly terms: readonly SearchTerm[];
}

const FIELDS: Record<string, string> = { title: 'title', text: 'text', body: 'text' };
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

type Token =
  | { type: 'term'; words: string[]; prefix: boolean; phrase: boolean; field: string | null }
  | { type: 'operator'; value: string }
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'near'; expression: string; terms: SearchTerm[] };

function invalid(query: string, problem: string): DossierError {
  return new DossierError('invalid-input', `The search “${query}” could not be read: ${problem}.`);
}

function splitWords(raw: string): string[] {
  return wordsWithOffsets(raw).map((entry) => entry.word);
}

/** Reads the query into tokens. */
function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  let pendingField: string | null = null;
  const push = (token: Token): void => {
    if (pendingField !== null && token.type !== 'term') {
      throw invalid(query, `${pendingField}: must be followed by a word or a "phrase"`);
    }
    tokens.push(token);
  };
  while (index < query.length) {
    const char = query[index]!;
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '(') {
      push({ type: 'open' });
      index += 1;
    } else if (char === ')') {
      push({ type: 'close' });
      index += 1;
    } else if (char === '"') {
      const end = query.indexOf('"', index + 1);
      if (end < 0) throw invalid(query, 'a "phrase" is missing its closing quote');
      const prefix = query[end + 1] === '*';
      const words = splitWords(query.slice(index + 1, end));
      if (words.length > 0) tokens.push({ type: 'term', words, prefix, phrase: true, field: pendingField });
      pendingField = null;
      index = end + 1 + (prefix ? 1 : 0);
    } else if (query.startsWith('NEAR(', index)) {
      const end = query.indexOf(')', index);
      if (end < 0) throw invalid(query, 'NEAR( is missing its closing parenthesis: write NEAR(border mines, 10)');
      push(parseNear(query, query.slice(index + 5, end)));
      index = end + 1;
    } else {
      let end = index;
      while (end < query.length && !/[\s()"]/.test(query[end]!)) end += 1;
      const raw = query.slice(index, end);
      index = end;
      if (OPERATORS.has(raw)) {
        push({ type: 'operator', value: raw });
        continue;
      }
      const fieldMatch = /^([A-Za-z]+):(.*)$/.exec(raw);
      let rest = raw;
      let field = pendingField;
      if (fieldMatch) {
        const name = fieldMatch[1]!.toLowerCase();
        const mapped = FIELDS[name];
        if (!mapped) throw invalid(query, `there is no field "${fieldMatch[1]}:"; you can search title: or text:`);
        field = mapped;
        rest = fieldMatch[2]!;
        if (rest === '') {
          pendingField = mapped;
          continue;
        }
      }
      const prefix = rest.endsWith('*');
      const words = splitWords(rest);
      pendingField = null;
      if (words.length === 0) continue;
      tokens.push({ type: 'term', words, prefix, phrase: words.length > 1, field });
    }
  }
  if (pendingField !== null) throw invalid(query, `${pendingField}: must be followed by a word or a "phrase"`);
  return tokens;
}

function parseNear(query: string, inside: string): Token {
  const distanceMatch = /,\s*(\d+)\s*$/.exec(inside);
  const body = distanceMatch ? inside.slice(0, distanceMatch.index) : inside;
  const parts = body.match(/"[^"]*"|[^\s"]+/g) ?? [];
  const terms: SearchTerm[] = [];
  const rendered: string[] = [];
  for (const part of parts) {
    const words = splitWords(part);
    if (words.length === 0) continue;
    const prefix = part.endsWith('*');
    terms.push({ words, prefix });
    rendered.push(`"${words.join(' ')}"${prefix ? ' *' : ''}`);
  }
  if (terms.length < 2) throw invalid(query, 'NEAR needs at least two terms: write NEAR(border mines, 10)');
  const distance = distanceMatch ? `, ${distanceMatch[1]}` : '';
  return { type: 'near', expression: `NEAR(${rendered.join(' ')}${distance})`, terms };
}

function renderTerm(token: Extract<Token, { type: 'term' }>): string {
  const quoted = `"${token.words.join(' ')}"${token.prefix ? ' *' : ''}`;
  if (token.field) return `${token.field} : ${quoted}`;
  if (token.phrase) return quoted;
  // A single word also matches the skeletons of the document's names (other spellings).
  const skeleton = spellingSkeleton(token.words[0]!);
  if (!skeleton) return quoted;
  return `(${quoted} OR search_names : "${skeleton}"${token.prefix ? ' *' : ''})`;
}

/**
 * Bounds the work one search can ask of FTS5: every prefix term expands to all the words it
 * begins, and 600 of them kept a case busy for 45 seconds.
 */
function checkTermCounts(query: string, tokens: readonly Token[]): void {
  let terms = 0;
  let prefixes = 0;
  for (const token of tokens) {
    if (token.type === 'term') {
      terms += 1;
      if (token.prefix) prefixes += 1;
    } else if (token.type === 'near') {
      terms += token.terms.length;
      prefixes += token.terms.filter((term) => term.prefix).length;
    }
  }
  const shown = query.length > 60 ? `${query.slice(0, 57)}…` : query;
  if (terms > SEARCH_LIMITS.maxTerms) {
    throw invalid(shown, `it has ${terms} terms, and a search may have up to ${SEARCH_LIMITS.maxTerms} (maxTerms); search for fewer words at a time`);
  }
  if (prefixes > SEARCH_LIMITS.maxPrefixTerms) {
    throw invalid(
      shown,
      `it has ${prefixes} prefix terms (word*), and a search may have up to ${SEARCH_LIMITS.maxPrefixTerms} (maxPrefixTerms); write more of those words in full`,
    );
  }
}

/** Parses a search; throws a DossierError with a readable message when it cannot. */
export function parseSearch(query: string): ParsedSearch {
  if (query.length > SEARCH_LIMITS.maxQueryCharacters) {
    throw new DossierError(
      'invalid-input',
      `The search is ${query.length} characters long; Dossier searches for up to ${SEARCH_LIMITS.maxQueryCharacters} (maxQueryCharacters). Search for fewer words, or tag the documents in steps.`,
    );
  }
  const tokens = tokenize(query.trim());
  checkTermCounts(query, tokens);
  const parts: string[] = [];
  const terms: SearchTerm[] = [];
  let depth = 0;
  let expectOperand = true;
  let negated = false;
  // FTS5 reads "a b" as a AND b, but not "(a) (b)": write the AND out between operands.
  const operand = (text: string): void => {
    if (!expectOperand) parts.push('AND');
    parts.push(text);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'operator':
        if (expectOperand) {
          throw invalid(
            query,
            token.value === 'NOT'
              ? 'NOT needs a term before it, as in border NOT mines'
              : `${token.value} needs a term on each side`,
          );
        }
        parts.push(token.value);
        expectOperand = true;
        negated = token.value === 'NOT';
        break;
      case 'open':
        operand('(');
        depth += 1;
        expectOperand = true;
        break;
      case 'close':
        if (depth === 0) throw invalid(query, 'there is a ")" without its "("');
        if (expectOperand) throw invalid(query, 'empty parentheses or an operator before ")"');
        parts.push(')');
        depth -= 1;
        break;
      case 'near':
        operand(token.expression);
        if (!negated) terms.push(...token.terms);
        expectOperand = false;
        negated = false;
        break;
      case 'term':
        operand(renderTerm(token));
        if (!negated) terms.push({ words: token.words, prefix: token.prefix });
        expectOperand = false;
        negated = false;
        break;
    }
  }
  if (depth > 0) throw invalid(query, 'a "(" is missing its ")"');
  if (parts.length === 0) throw invalid(query, 'there is nothing to search for; type a word');
  if (expectOperand) throw invalid(query, 'it ends with an operator; add a term after it');
  return { match: parts.join(' '), terms };
}

/** Spans of `text` that match the terms, by folded spelling or by skeleton; sorted, merged. */
export function findHighlights(text: string, terms: readonly SearchTerm[], limit = 2000): { start: number; end: number }[] {
  if (terms.length === 0) return [];
  const words = wordsWithOffsets(text);
  const folded = new Map<number, string>();
  const skeletons = new Map<number, string>();
  const foldAt = (index: number): string => {
    let value = folded.get(index);
    if (value === undefined) {
      value = foldText(words[index]!.word);
      folded.set(index, value);
    }
    return value;
  };
  const skeletonAt = (index: number): string => {
    let value = skeletons.get(index);
    if (value === undefined) {
      value = spellingSkeleton(words[index]!.word);
      skeletons.set(index, value);
    }
    return value;
  };
  const prepared = terms.map((term) => ({
    prefix: term.prefix,
    words: term.words.map((word) => ({ folded: foldText(word), skeleton: spellingSkeleton(word) })),
  }));
  const spans: { start: number; end: number }[] = [];
  for (let index = 0; index < words.length && spans.length < limit; index += 1) {
    for (const term of prepared) {
      if (index + term.words.length > words.length) continue;
      const matches = term.words.every((expected, offset) => {
        const last = offset === term.words.length - 1;
        const actual = foldAt(index + offset);
        if (last && term.prefix) return actual.startsWith(expected.folded) || skeletonAt(index + offset).startsWith(expected.skeleton);
        return actual === expected.folded || (expected.skeleton.length > 2 && skeletonAt(index + offset) === expected.skeleton);
      });
      if (matches) {
        spans.push({ start: words[index]!.start, end: words[index + term.words.length - 1]!.end });
        break;
      }
    }
  }
  return spans;
}
