// Reads GUM's documents of the dev and test splits (gum_permissive_ner.bio.tsv, TOKEN<TAB>BIO lines,
// "# newdoc id = … split = …" between documents) as texts with character spans, for eval:adapt. The
// shipped tagger trains on every GUM document, these included: on them it knows the gold, so a gain
// measured here says only whether learning harms a case the tagger already reads well.
import { readFileSync } from 'node:fs';

export interface GumDocument {
  readonly id: string;
  readonly text: string;
  /** Gold names as character spans, with GUM's type (PER, ORG, LOC, MISC). */
  readonly gold: readonly { start: number; end: number; kind: string }[];
}

const wordLike = /^[\p{L}\p{N}]/u;

/** The documents of the splits kept (by default dev and test), tokens joined by spaces, sentences by newlines, "Bailey - Ross" rejoined. */
export function readGum(path: string, keep: (split: string) => boolean = (split) => split !== 'train'): GumDocument[] {
  const documents: GumDocument[] = [];
  let sentences: [string, string][][] = [];
  let sentence: [string, string][] = [];
  let id = '';
  let keeping = false;
  const finish = (): void => {
    if (sentence.length > 0) sentences.push(sentence);
    sentence = [];
    if (keeping && sentences.length > 0) documents.push(build(id, sentences));
    sentences = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc')) {
      finish();
      id = /id = (\S+)/u.exec(line)?.[1] ?? '';
      keeping = keep(/split = (\S+)/u.exec(line)?.[1] ?? '');
      continue;
    }
    if (!line.includes('\t')) {
      if (sentence.length > 0) sentences.push(sentence);
      sentence = [];
      continue;
    }
    const [word, tag] = line.split('\t') as [string, string];
    sentence.push([word, tag.trim()]);
  }
  finish();
  return documents;
}

function build(id: string, sentences: readonly (readonly [string, string])[][]): GumDocument {
  let text = '';
  const gold: { start: number; end: number; kind: string }[] = [];
  let open: { start: number; end: number; kind: string } | null = null;
  const close = (): void => {
    if (open) gold.push(open);
    open = null;
  };
  for (const words of sentences) {
    words.forEach(([word, tag], index) => {
      const next = words[index + 1]?.[0];
      const previous = words[index - 1]?.[0];
      // A hyphen between two words of one name is written without spaces, as the tokeniser reads it.
      const joined = word === '-' && previous !== undefined && next !== undefined && wordLike.test(previous) && wordLike.test(next);
      const afterJoin = index > 0 && words[index - 1]![0] === '-' && index >= 2 && wordLike.test(words[index - 2]![0]) && wordLike.test(word);
      if (index > 0 && !joined && !afterJoin) text += ' ';
      const start = text.length;
      text += word;
      if (tag.startsWith('B-') || (tag.startsWith('I-') && open?.kind !== tag.slice(2))) {
        close();
        open = { start, end: text.length, kind: tag.slice(2) };
      } else if (tag.startsWith('I-') && open) open.end = text.length;
      else close();
    });
    close();
    text += '\n';
  }
  return { id, text, gold };
}
