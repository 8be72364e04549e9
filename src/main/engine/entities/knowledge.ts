/**
 * What extraction knows beyond the tagger: canonical spellings of well-known people
 * (resources/actors), countries by demonym and by name (the gazetteer), and title words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spellingSkeleton } from '../../../shared/textFolding';
import { titleWords } from '../extract/lexicon';
import type { Gazetteer, PlaceCandidate } from '../geo/gazetteer';

export interface KnownActor {
  readonly name: string;
  readonly type: 'person' | 'organization';
  readonly affiliation: string | null;
}

export interface Knowledge {
  /** The known actor a name is a spelling of ("Nikol Pashinián" → Nikol Pashinyan). */
  knownActor(name: string): KnownActor | undefined;
  /** The country a demonym names ("Armenian" → the country Armenia). */
  countryOfDemonym(word: string): PlaceCandidate | undefined;
  /** The country a name is ("Azerbaijan", "the United States"). */
  countryNamed(name: string): PlaceCandidate | undefined;
  /** The gazetteer's own place of this name (its best-known one), if the name is a place's own name. */
  placeNamed(name: string): PlaceCandidate | undefined;
  /** Words of titles and offices, lower case ("prime", "minister", "president"). */
  readonly titleWords: ReadonlySet<string>;
}

/** Parses known-actors.tsv; bad lines are skipped (the file is ours, its tests check it). */
export function parseKnownActors(text: string): Map<string, KnownActor> {
  const bySkeleton = new Map<string, KnownActor>();
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name, type, affiliation, variants] = line.split('\t');
    if (!name || (type !== 'person' && type !== 'organization')) continue;
    const actor: KnownActor = { name, type, affiliation: affiliation?.trim() || null };
    for (const spelling of [name, ...(variants ?? '').split('|')]) {
      const key = spellingSkeleton(spelling.trim());
      if (key && !bySkeleton.has(key)) bySkeleton.set(key, actor);
    }
  }
  return bySkeleton;
}

export function createKnowledge(gazetteer: Gazetteer, resourcesDir: string): Knowledge {
  const file = join(resourcesDir, 'actors', 'known-actors.tsv');
  const actors = existsSync(file) ? parseKnownActors(readFileSync(file, 'utf8')) : new Map<string, KnownActor>();
  const titles = titleWords();
  return {
    knownActor: (name) => actors.get(spellingSkeleton(name)),
    countryOfDemonym: (word) => {
      const code = gazetteer.demonymToCountry(word);
      return code ? gazetteer.country(code) : undefined;
    },
    countryNamed: (name) =>
      gazetteer.lookup(name.replace(/^the\s+/i, '')).find((candidate) => candidate.primaryName && candidate.featureCode.startsWith('PCL')),
    placeNamed: (name) => gazetteer.lookup(name).find((candidate) => candidate.primaryName),
    titleWords: titles,
  };
}
