// What eval:adapt prints with ADAPT_DEBUG: the scored documents' errors by kind, and (ADAPT_DEBUG=3) by shape and the
// reviewed documents' redrawings by kind. Aggregates only: words are written as their shapes (X a capitalised word, x a
// small one, d a number), never as themselves, so that nothing here becomes a list of a data set's names.
import type { Database } from 'better-sqlite3';
import type { EntityType } from '../../src/shared/entities';
import { examplesInEffect } from '../../src/main/engine/learning/examples';
import { conventionCandidates } from '../../src/main/engine/learning/boundaries';
import { redrawingOf } from '../../src/main/engine/learning/layer';
import { lexicalClassOf } from '../../src/main/engine/learning/patterns';

interface Span {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
}

interface Scored {
  readonly id: number;
  readonly text: string;
  readonly gold: readonly Span[];
}

const SCORED: readonly EntityType[] = ['person', 'organization', 'location'];

const spanOf = (key: string): [number, number, number] => key.split(':').map(Number) as [number, number, number];

/** A passage as the shapes of its words ("the", small words, capitalised words, numbers; other tokens as they are). */
const shapeOf = (piece: string): string =>
  piece
    .trim()
    .split(/\s+/u)
    .map((word) => (/^the$/iu.test(word) ? 'the' : /^\p{Lu}/u.test(word) ? 'X' : /^\p{Ll}/u.test(word) ? 'x' : /^\p{N}/u.test(word) ? 'd' : word))
    .join(' ');

/**
 * The scored documents' errors by kind: wrong suggestions by what the gold has there, missed names by
 * what was found; with `detail`, missed names by shape too (how their edges differ, whether their head
 * word was among the reviewed documents' names, whether the document has the name elsewhere).
 * `live` maps "documentId:start:end" to the live mention's type.
 */
export function errorKinds(live: ReadonlyMap<string, string>, scored: readonly Scored[], reviewed: readonly { text: string; gold: readonly Span[] }[], detail: boolean): Map<string, number> {
  const kinds = new Map<string, number>();
  const add = (key: string): void => void kinds.set(key, (kinds.get(key) ?? 0) + 1);
  const byId = new Map(scored.map((article) => [article.id, article]));
  const reviewedHeads = new Map<string, EntityType>();
  const reviewedNames = new Map<string, EntityType>();
  for (const article of reviewed) {
    for (const gold of article.gold) {
      reviewedNames.set(article.text.slice(gold.start, gold.end).toLowerCase(), gold.type);
      const words = article.text.slice(gold.start, gold.end).split(/\s+/u);
      if (words.length > 1) reviewedHeads.set(words.at(-1)!.toLowerCase(), gold.type);
    }
  }
  const liveIn = new Map<number, [number, number, string][]>();
  for (const [key, type] of live) {
    const [document, start, end] = spanOf(key);
    const list = liveIn.get(document) ?? [];
    list.push([start, end, type]);
    liveIn.set(document, list);
  }
  for (const [key, type] of live) {
    const [document, start, end] = spanOf(key);
    const article = byId.get(document);
    if (!article || !SCORED.includes(type as EntityType)) continue;
    const same = article.gold.find((gold) => gold.start === start && gold.end === end);
    if (detail && /^\p{Ll}/u.test(article.text.slice(start, end))) add(`  lower-case ${type}: ${same?.type === type ? 'right' : same ? 'other type' : article.gold.some((gold) => gold.start < end && start < gold.end) ? 'other edges' : 'no gold'}`);
    if (same?.type === type) continue;
    const overlapping = article.gold.find((gold) => gold.start < end && start < gold.end);
    add(`wrong ${type}: ${same ? `gold ${same.type}` : overlapping ? `overlaps gold ${overlapping.type}` : 'no gold'}`);
    if (detail && !same && !overlapping) {
      const name = article.text.slice(start, end);
      add(`  ${type} where no gold: ${/^\p{Ll}/u.test(name) ? 'lower case' : /^[\p{Lu}\d&.-]+$/u.test(name) ? 'capitals' : `${Math.min(name.split(/\s+/u).length, 3)} word(s)`}`);
    }
    if (detail && same) {
      const name = article.text.slice(start, end);
      const words = name.split(/\s+/u).length;
      const lexical = lexicalClassOf(name) ?? (name.endsWith('s') ? lexicalClassOf(name.slice(0, -1)) && `plural ${lexicalClassOf(name.slice(0, -1))}` : null);
      add(`  ${type} for gold ${same.type}: ${lexical ?? `${Math.min(words, 3)} word(s)${/^[\p{Lu}\d&.-]+$/u.test(name) ? ', capitals' : ''}`}`);
    }
  }
  for (const article of scored) {
    const mentions = liveIn.get(article.id) ?? [];
    for (const gold of article.gold) {
      if (!SCORED.includes(gold.type)) continue;
      const found = live.get(`${article.id}:${gold.start}:${gold.end}`);
      if (found === gold.type) continue;
      const overlapping = mentions.filter(([start, end]) => start < gold.end && gold.start < end);
      add(`missed ${gold.type}: ${found ? `found as ${found}` : overlapping.length > 0 ? 'other edges' : 'not found'}`);
      if (!detail) continue;
      const name = article.text.slice(gold.start, gold.end);
      const words = name.split(/\s+/u);
      if (found) {
        const others = mentions.filter(([start, end]) => start !== gold.start && article.text.slice(start, end) === name);
        const known = reviewedNames.get(name.toLowerCase());
        add(`  typed ${gold.type} as ${found}${known ? ` (reviewed as ${known})` : ''}: ${words.length} word(s), same name elsewhere ${others.length === 0 ? 'none' : others.some(([, , type]) => type === gold.type) ? 'right' : 'also wrong'}`);
      } else if (overlapping.length > 0) {
        for (const [start, end, type] of overlapping) {
          const sides = [
            start < gold.start ? `+before[${shapeOf(article.text.slice(start, gold.start))}]` : start > gold.start ? `-before[${shapeOf(article.text.slice(gold.start, start))}]` : '',
            end > gold.end ? `+after[${shapeOf(article.text.slice(gold.end, end))}]` : end < gold.end ? `-after[${shapeOf(article.text.slice(end, gold.end))}]` : '',
          ];
          add(`  edges ${gold.type}/${type}: ${sides.filter(Boolean).join(' ')}`);
        }
      } else {
        const shape = /^\p{Ll}/u.test(name) ? 'lower case' : /^[\p{Lu}\d&.-]+$/u.test(name) ? 'acronym' : `${Math.min(words.length, 4)} words`;
        const head = reviewedHeads.get(words.at(-1)!.toLowerCase());
        const known = reviewedNames.get(name.toLowerCase());
        add(`  not found ${gold.type}: ${shape}, head ${head === undefined ? 'unseen' : head === gold.type ? 'reviewed same type' : 'reviewed other type'}${known ? `, the name reviewed as ${known}` : ''}`);
      }
    }
  }
  return kinds;
}

/** The reviewed documents' redrawings (a suggestion rejected and marked again with other edges) by kind, as boundaries.ts names them. */
export function describeRedrawings(db: Database): string {
  const examples = examplesInEffect(db);
  const { corrections, redrawn } = redrawingOf(db, examples);
  const kinds = new Map<string, number>();
  for (const correction of corrections) {
    const words = /^(?:a |capitalised|the$)/u.test(correction.words) ? correction.words : shapeOf(correction.words);
    const key = `${correction.rejected.suggested}->${correction.marked.type} ${correction.side} ${correction.change} '${words}'`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  const candidates = conventionCandidates(examples, corrections)
    .filter((rule) => rule.corrections >= 2)
    .map((rule) => `${rule.suggested} ${rule.side} ${rule.change} '${rule.words}' ${rule.corrections} names, ${rule.against} against`);
  return `redrawn ${redrawn.size}, corrections ${corrections.length}: ${[...kinds].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key} ${count}`).join('; ')}\n  conventions of two names or more: ${candidates.join('; ')}`;
}
