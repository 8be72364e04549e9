// Turns resources/gazetteer (GeoNames, built by scripts/build-gazetteer.mjs) into the tagger's place-name list.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LexiconClass } from '../../src/main/engine/extract/lexicon';
import { tokenize } from '../../src/main/engine/extract/tokenize';

/** Smallest population for a town to be listed; smaller ones are mostly noise ("Hope", "Mobile" aside). */
const minimumPopulation = 15000;

interface GazetteerNames {
  countries: Record<string, string>;
  admin1: Record<string, string>;
  demonyms: Record<string, string>;
}

/** Returns "token token ...<TAB>CLASS" lines, sorted, or '' when there is no gazetteer. */
export function buildPlaceList(gazetteerDirectory: string): string {
  const namesPath = join(gazetteerDirectory, 'names.json');
  const placesPath = join(gazetteerDirectory, 'places.tsv.gz');
  if (!existsSync(namesPath) || !existsSync(placesPath)) return '';
  const names = JSON.parse(readFileSync(namesPath, 'utf8')) as GazetteerNames;
  const lines = new Map<string, number>();
  const add = (name: string, kind: number): void => {
    const words = tokenize(name).words;
    if (words.length === 0 || words.length > 6 || name.length < 3) return;
    const key = words.join(' ');
    if (!lines.has(key)) lines.set(key, kind);
  };
  for (const name of Object.values(names.countries)) add(name, LexiconClass.country);
  for (const demonym of Object.keys(names.demonyms)) {
    add(demonym.replace(/(^|\s)\p{Ll}/gu, (letter) => letter.toUpperCase()), LexiconClass.demonym);
  }
  for (const name of Object.values(names.admin1)) add(name, LexiconClass.gazetteer);
  for (const line of gunzipSync(readFileSync(placesPath)).toString('utf8').split('\n')) {
    const field = line.split('\t');
    if (field.length < 9) continue;
    const population = Number(field[8]!) || 0;
    if (field[4]! === 'A' || population >= minimumPopulation) add(field[1]!, LexiconClass.gazetteer);
  }
  // Sorted by phrase (UTF-16 order, as LexiconMatcher searches it by first word).
  return [...lines].map(([words, kind]) => `${words}\t${kind}`).sort().join('\n');
}
