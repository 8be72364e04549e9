// Turns an English word list (SCOWL, /usr/share/dict/words from Debian's wamerican) into the tagger's word flags.
import { existsSync, readFileSync } from 'node:fs';

/** "lower-cased word<TAB>FLAGS" lines: 1 listed in small letters, 2 listed capitalised, 3 both; '' without the file. */
export function buildWordList(path: string): string {
  if (!existsSync(path)) return '';
  const flags = new Map<string, number>();
  for (const entry of readFileSync(path, 'utf8').split('\n')) {
    const word = entry.trim();
    // Possessive forms only repeat their base word.
    if (word.length === 0 || word.endsWith("'s")) continue;
    const lowered = word.toLowerCase();
    const flag = word === lowered ? 1 : 2;
    flags.set(lowered, (flags.get(lowered) ?? 0) | flag);
  }
  return [...flags].map(([word, flag]) => `${word}\t${flag}`).sort().join('\n');
}

/** Lower-cased given names, one a line, from name lists (one name a line; e.g. stdlib's datasets-*-first-names-en); '' without them. */
export function buildGivenNames(paths: readonly string[]): string {
  const names = new Set<string>();
  for (const path of paths) {
    if (!existsSync(path)) continue;
    for (const entry of readFileSync(path, 'utf8').split('\n')) {
      const name = entry.trim().toLowerCase();
      if (name.length > 1) names.add(name);
    }
  }
  return [...names].sort().join('\n');
}
