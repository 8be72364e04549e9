// re3d (dstl/re3d) as tagger training and evaluation data: each document tokenised with the extractor's own
// tokeniser and its entity spans turned into BIO2 tags in the style of the other corpora (GUM, CoNLL): names only.
// re3d marks mentions, not names ("the Army", "rebels", "He", "Lt. Gen. Stephen J. Townsend", "ISIL weapons
// caches"), so each span is mapped deliberately (see resources/ner/README.md, "re3d"):
// - a span is cut at its commas ("Palmyra, Syria" is two places, as the other corpora write it);
// - an annotation below confidence 0.5 (re3d keeps unchecked machine suggestions at 0: "Jan" a person) is unknown,
//   and so is a span that cuts one of our tokens ("ISIL" of "ISIL-held");
// - a leading determiner or possessive is dropped ("the Syrian Democratic Forces"), and so are a person's
//   titles and rank abbreviations up to the last one ("Lt. Gen.", "Pentagon Press Secretary"): our mentions leave them out;
// - a span with no capitalised word is no name ("rebels", "a supply cache", "his"): O;
// - a pronoun written with a capital ("He"), or a person span of titles only ("the Minister"), is no name: O;
// - a span mixing a name with common words ("ISIL weapons caches", "407th AEG commander") is left unknown:
//   training makes no update there and scoring ignores what is found inside it;
// - a country annotated as an organisation ("U.S" acting as a government) is a place, as the extractor types it;
// - Nationality (demonyms) is MISC, as in CoNLL and GUM, and so is a group named by a demonym alone ("the Syrians").
// The split is the one of scripts/eval/re3d.ts: development (centcom, uk-government) for training and
// cross-validation, held-out (us-state-department, australian-department-of-foreign-affairs) for reporting only.
import { loadSplit } from '../eval/re3d';
import type { splits } from '../eval/re3d';
import { labels } from '../../src/main/engine/extract/features';
import type { Label } from '../../src/main/engine/extract/features';
import { countryNames, demonymWords, titleWords } from '../../src/main/engine/extract/lexicon';
import { tokenize } from '../../src/main/engine/extract/tokenize';
import type { Tokens } from '../../src/main/engine/extract/tokenize';

/** A tag that is neither a name nor outside one: no training update, not scored. */
export const unknownTag = -1;

export interface Re3dTagged {
  readonly text: string;
  readonly tokens: Tokens;
  /** Per token: an index into `labels`, or unknownTag. */
  readonly tags: number[];
}

const labelOf: Record<string, string> = { person: 'PER', organization: 'ORG', location: 'LOC', other: 'MISC' };
const determiners = new Set(['the', 'a', 'an', 'its', 'their', 'our', 'his', 'her', 'this', 'these', 'those', 'that']);
const pronouns = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'hers', 'its', 'their', 'them', 'him', 'us', 'our', 'we', 'who', 'which']);
/** Words that may sit inside a name in small letters ("Gulf of Oman", "Islamic State of Iraq and the Levant"). */
const joiners = new Set(['of', 'the', 'and', 'for', 'de', 'al', 'el', 'bin', 'ibn', 'du', 'la', 'van', 'von', '&', '-', '–', '.', "'s", '’s']);
const capitalised = /^\p{Lu}/u;
const numbered = /^\d+(?:st|nd|rd|th)?$/u;

const withoutStops = (name: string): string => name.toLowerCase().replace(/\./g, '');

function tokenRange(tokens: Tokens, start: number, end: number): [number, number] | undefined {
  let first = -1;
  let last = -1;
  for (let index = 0; index < tokens.words.length; index += 1) {
    if (tokens.ends[index]! <= start) continue;
    if (tokens.starts[index]! >= end) break;
    if (first < 0) first = index;
    last = index;
  }
  return first < 0 ? undefined : [first, last + 1];
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly confidence: number;
}

/** Below this confidence an annotation is left unknown: re3d keeps unchecked machine suggestions at 0 ("Jan" a person). */
const minimumConfidence = 0.5;

/** Tags one document; confident spans first, longest first, so a name inside a longer annotated one keeps the longer one. */
function tagDocument(text: string, entities: readonly Span[]): Re3dTagged {
  const tokens = tokenize(text);
  const { words } = tokens;
  const tags = new Array<number>(words.length).fill(0);
  const taken = new Uint8Array(words.length);
  const titles = titleWords();
  const countries = new Set([...countryNames()].map(withoutStops));
  const demonyms = demonymWords();
  const lower = (index: number): string => words[index]!.toLowerCase();
  const isTitle = (index: number): boolean => titles.has(lower(index)) || titles.has(lower(index).replace(/\.$/, '')) || /^\p{Lu}\p{Ll}{1,4}\.$/u.test(words[index]!);
  const mark = (from: number, to: number, tag: number): void => {
    for (let index = from; index < to; index += 1) {
      taken[index] = 1;
      tags[index] = tag;
    }
  };
  /** Tags the tokens first..end-1 of one annotated name (a part of a span between commas). */
  const tagName = (from: number, to: number, type: string): void => {
    let first = from;
    let end = to;
    let kind = labelOf[type]!;
    while (first < end && determiners.has(lower(first))) first += 1;
    // A person's name starts after the last title ("Pentagon Press Secretary Peter Cook", "Navy Capt. Jeff Davis").
    if (kind === 'PER') {
      let title = end - 2;
      while (title >= first && !isTitle(title)) title -= 1;
      if (title >= first) first = title + 1;
    }
    while (end > first && (words[end - 1] === '.' || words[end - 1] === '-')) end -= 1;
    let hasCapital = false;
    let common = false;
    for (let index = first; index < end; index += 1) {
      if (capitalised.test(words[index]!)) hasCapital = true;
      else if (!numbered.test(words[index]!) && !joiners.has(lower(index))) common = true;
    }
    if (!hasCapital || (end - first === 1 && pronouns.has(lower(first)))) {
      mark(from, to, 0);
      return;
    }
    if (common) {
      mark(from, to, unknownTag);
      return;
    }
    // A name does not start on a small joiner ("of").
    while (first < end && !capitalised.test(words[first]!) && !numbered.test(words[first]!)) first += 1;
    const name = text.slice(tokens.starts[first], tokens.ends[end - 1]);
    if (kind === 'ORG' && countries.has(withoutStops(name))) kind = 'LOC';
    // "the Syrians", "the French" as a party: a demonym, which the extractor does not offer as a name.
    if (end - first === 1 && demonyms.has(lower(first))) kind = 'MISC';
    mark(from, to, 0);
    mark(first, end, labels.indexOf(`I-${kind}` as Label));
    tags[first] = labels.indexOf(`B-${kind}` as Label);
  };
  const confident = entities.filter((entity) => entity.confidence >= minimumConfidence);
  const ordered = [...confident].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const entity of ordered) {
    const range = tokenRange(tokens, entity.start, entity.end);
    if (!range || !labelOf[entity.type]) continue;
    const [first, end] = range;
    if (taken.subarray(first, end).some((flag) => flag === 1)) continue;
    // A span that cuts a token ("ISIL" of "ISIL-held") cannot be matched by any tokenisation of ours.
    if (tokens.starts[first]! < entity.start || tokens.ends[end - 1]! > entity.end) {
      mark(first, end, unknownTag);
      continue;
    }
    // "Palmyra, Syria" and "Abel Battery, 3rd Battalion" are two names each, as the other corpora write them.
    let part = first;
    for (let index = first; index <= end; index += 1) {
      if (index < end && words[index] !== ',') continue;
      if (index > part) tagName(part, index, entity.type);
      if (index < end) mark(index, index + 1, 0);
      part = index + 1;
    }
  }
  // Unchecked suggestions teach nothing where no confident annotation said otherwise.
  for (const entity of entities) {
    if (entity.confidence >= minimumConfidence || !labelOf[entity.type]) continue;
    const range = tokenRange(tokens, entity.start, entity.end);
    if (range) for (let index = range[0]; index < range[1]; index += 1) if (!taken[index]) tags[index] = unknownTag;
  }
  return { text, tokens, tags };
}

/** The documents of a re3d split, tagged; `root` holds the subset folders. */
export function loadTaggedSplit(root: string, split: keyof typeof splits): Re3dTagged[] {
  return loadSplit(root, split).map((document) =>
    tagDocument(
      document.text,
      document.entities.map((entity, index) => ({ start: entity.start, end: entity.end, type: entity.type, confidence: document.confidences[index]! })),
    ),
  );
}
