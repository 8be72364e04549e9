// Reads a CoNLL file ("token TAG" lines, IOB1 or BIO2, -DOCSTART- between articles) into articles with their gold spans.
import { readFileSync } from 'node:fs';

/** The types the entity evaluations score (MISC is not one of ours). */
export const scoredTypes: readonly string[] = ['PER', 'ORG', 'LOC'];

export interface Document {
  readonly text: string;
  readonly starts: number[];
  readonly ends: number[];
  /** Gold spans as "firstToken:endToken:TYPE". */
  readonly gold: Set<string>;
}

/** Reads CoNLL ("token TAG", IOB1 or BIO2), rebuilding each article's text: tokens joined by spaces, sentences by newlines. */
export function readConll(path: string, kinds: readonly string[] = scoredTypes): Document[] {
  const documents: Document[] = [];
  let sentences: Array<Array<[string, string]>> = [];
  let sentence: Array<[string, string]> = [];
  const finishDocument = (): void => {
    if (sentence.length > 0) sentences.push(sentence);
    sentence = [];
    if (sentences.length === 0) return;
    const parts: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const tags: string[] = [];
    let offset = 0;
    for (const words of sentences) {
      words.forEach(([word, tag], index) => {
        if (index > 0) {
          parts.push(' ');
          offset += 1;
        }
        starts.push(offset);
        parts.push(word);
        offset += word.length;
        ends.push(offset);
        tags.push(tag);
      });
      parts.push('\n');
      offset += 1;
    }
    const gold = new Set<string>();
    let index = 0;
    while (index < tags.length) {
      const tag = tags[index]!;
      if (tag === 'O') {
        index += 1;
        continue;
      }
      const kind = tag.slice(2);
      let end = index + 1;
      // IOB1: I-X continues X; B-X starts a new X right after another X.
      while (end < tags.length && tags[end]! === `I-${kind}`) end += 1;
      if (kinds.includes(kind)) gold.add(`${index}:${end}:${kind}`);
      index = end;
    }
    documents.push({ text: parts.join(''), starts, ends, gold });
    sentences = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('-DOCSTART-')) {
      finishDocument();
      continue;
    }
    if (trimmed === '') {
      if (sentence.length > 0) sentences.push(sentence);
      sentence = [];
      continue;
    }
    const space = trimmed.lastIndexOf(' ');
    sentence.push([trimmed.slice(0, space), trimmed.slice(space + 1)]);
  }
  finishDocument();
  return documents;
}

