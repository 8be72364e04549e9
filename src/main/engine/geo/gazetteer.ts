// The offline gazetteer: loads resources/gazetteer (built by scripts/build-gazetteer.mjs) and looks places up by name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { placeKey, skeletonKey } from './placeKey';

/** One place the gazetteer knows, as a candidate for a name. */
export interface PlaceCandidate {
  /** "geonames:616052", "country:AM", "admin1:AZ.26", "admin2:AZ.26.x", "admin1:ne:NOR-923" (Natural Earth), "continent:EU", "region:nagorno-karabakh" or "natural:indian-ocean". */
  readonly id: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** GeoNames feature class: P populated place, A country or region, L area, H water (sea, lake), T land feature (island, range). */
  readonly featureClass: string;
  /** GeoNames feature code: PPL, PPLA, PPLC, PCLI, ADM1, CONT, RGN, OCN, SEA, LK, ISL, MTS ... */
  readonly featureCode: string;
  /** ISO 3166-1 alpha-2, empty for continents and regions across borders. */
  readonly countryCode: string;
  /** Name of the first-level region the place lies in (for an ADM1, its own name); empty when unknown. */
  readonly admin1: string;
  /** The GeoNames admin-1 code ("26"), for comparing regions without names. */
  readonly admin1Code: string;
  readonly population: number;
  /** True when the name looked up is the place's own name, false when it is one of its alternate names. */
  readonly primaryName: boolean;
}

interface NamesFile {
  countries: Record<string, string>;
  admin1: Record<string, string>;
  demonyms: Record<string, string>;
}

/** The loaded gazetteer. Its tables stay as the bytes of the files: 200,000 places load fast that way. */
export interface Gazetteer {
  /** Candidates for a name as written ("Kəlbəcər", "U.S."), best-known spelling first. */
  lookup(name: string): PlaceCandidate[];
  /** Candidates by spelling skeleton ("Kelbajar" → Kalbajar) when the folded name has none. */
  lookupBySkeleton(name: string): PlaceCandidate[];
  /** The country a demonym names ("Armenian" → "AM"), or undefined. */
  demonymToCountry(word: string): string | undefined;
  /** The country place of an ISO code. */
  country(code: string): PlaceCandidate | undefined;
  /** The name of a first-level region by GeoNames codes ("AZ", "26" → "Kalbajar"); empty when unknown. */
  admin1Name(countryCode: string, admin1Code: string): string;
  readonly size: number;
  /** Milliseconds the load took, for benchmarks. */
  readonly loadMilliseconds: number;
}

/** The folder of the committed gazetteer inside a resources folder. */
export function gazetteerDir(resourcesDir: string): string {
  return join(resourcesDir, 'gazetteer');
}

const cache = new Map<string, Gazetteer>();

/** Loads the gazetteer from resources/gazetteer once per folder and keeps it (about 50 MB of memory). */
export function loadGazetteer(dir: string): Gazetteer {
  const known = cache.get(dir);
  if (known) return known;
  const gazetteer = readGazetteer(dir);
  cache.set(dir, gazetteer);
  return gazetteer;
}

/** A sorted, newline-separated table of "key\tvalues" lines searched in place, without parsing it. */
interface SortedTable {
  readonly bytes: Buffer;
  readonly lineStarts: Uint32Array;
}

function readGzip(dir: string, file: string): Buffer {
  try {
    return gunzipSync(readFileSync(join(dir, file)));
  } catch (error) {
    throw new Error(`The gazetteer file ${join(dir, file)} cannot be read (${(error as Error).message}); run "node scripts/build-gazetteer.mjs" to rebuild it.`, { cause: error });
  }
}

function lineStartsOf(bytes: Buffer): Uint32Array {
  let count = 1;
  for (let position = bytes.indexOf(10); position >= 0; position = bytes.indexOf(10, position + 1)) count += 1;
  const starts = new Uint32Array(count);
  let line = 1;
  for (let position = bytes.indexOf(10); position >= 0; position = bytes.indexOf(10, position + 1)) starts[line++] = position + 1;
  return starts;
}

function lineEnd(table: SortedTable, line: number): number {
  return line + 1 < table.lineStarts.length ? (table.lineStarts[line + 1] ?? 0) - 1 : table.bytes.length;
}

/** The values stored for a key (binary search by UTF-8 bytes, the order the build sorted in). */
function findValues(table: SortedTable, key: string): number[] {
  if (!key) return [];
  const wanted = Buffer.from(key, 'utf8');
  let low = 0;
  let high = table.lineStarts.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const start = table.lineStarts[middle] ?? 0;
    const tab = table.bytes.indexOf(9, start);
    const order = wanted.compare(table.bytes, start, tab);
    if (order === 0) return table.bytes.toString('latin1', tab + 1, lineEnd(table, middle)).split(',').map(Number);
    if (order < 0) high = middle - 1;
    else low = middle + 1;
  }
  return [];
}

function readGazetteer(dir: string): Gazetteer {
  const started = performance.now();
  const placeBytes = readGzip(dir, 'places.tsv.gz');
  const nameBytes = readGzip(dir, 'names.tsv.gz');
  let names: NamesFile;
  try {
    names = JSON.parse(readFileSync(join(dir, 'names.json'), 'utf8')) as NamesFile;
  } catch (error) {
    throw new Error(`The gazetteer file ${join(dir, 'names.json')} cannot be read (${(error as Error).message}); run "node scripts/build-gazetteer.mjs" to rebuild it.`, { cause: error });
  }
  const places: SortedTable = { bytes: placeBytes, lineStarts: lineStartsOf(placeBytes) };
  const keys: SortedTable = { bytes: nameBytes, lineStarts: lineStartsOf(nameBytes) };
  // Read on first use: most names are found under their folded spelling.
  let skeletons: SortedTable | undefined;
  const skeletonTable = (): SortedTable => {
    if (!skeletons) {
      const bytes = readGzip(dir, 'skeletons.tsv.gz');
      skeletons = { bytes, lineStarts: lineStartsOf(bytes) };
    }
    return skeletons;
  };

  const admin1Name = (countryCode: string, admin1Code: string): string => (admin1Code ? (names.admin1[`${countryCode}.${admin1Code}`] ?? '') : '');
  const candidate = (place: number, primaryName: boolean): PlaceCandidate | undefined => {
    if (place < 0 || place >= places.lineStarts.length) return undefined;
    const field = places.bytes.toString('utf8', places.lineStarts[place], lineEnd(places, place)).split('\t');
    const countryCode = field[6] ?? '';
    const admin1Code = field[7] ?? '';
    return {
      id: field[0] ?? '',
      name: field[1] ?? '',
      lat: Number(field[2]),
      lon: Number(field[3]),
      featureClass: field[4] ?? '',
      featureCode: field[5] ?? '',
      countryCode,
      admin1: admin1Name(countryCode, admin1Code),
      admin1Code,
      population: Number(field[8]) || 0,
      primaryName,
    };
  };
  const fromValues = (values: readonly number[]): PlaceCandidate[] => {
    const found: PlaceCandidate[] = [];
    const seen = new Set<number>();
    // Own names before alternate names: a place listed under both counts once, as its own name.
    for (const primaryPass of [true, false]) {
      for (const value of values) {
        if (value >= 0 !== primaryPass) continue;
        const place = value >= 0 ? value : -value - 1;
        if (seen.has(place)) continue;
        seen.add(place);
        const entry = candidate(place, primaryPass);
        if (entry) found.push(entry);
      }
    }
    return found;
  };
  const countryIndexes = new Map<string, number>();
  for (const code of Object.keys(names.countries)) {
    const values = findValues(keys, placeKey(names.countries[code] ?? ''));
    for (const value of values) {
      if (value < 0) continue;
      const place = candidate(value, true);
      if (place?.id === `country:${code}`) countryIndexes.set(code, value);
    }
  }

  // News names the same places again and again: each key's candidates are parsed once (a copy goes out, so
  // that a caller sorting its list cannot change the next caller's). Bounded, so a long import cannot grow it without end.
  const looked = new Map<string, readonly PlaceCandidate[]>();
  const lookupKey = (key: string): PlaceCandidate[] => {
    let found = looked.get(key);
    if (!found) {
      if (looked.size >= 50_000) looked.clear();
      found = fromValues(findValues(keys, key));
      looked.set(key, found);
    }
    return [...found];
  };

  const loadMilliseconds = performance.now() - started;
  return {
    lookup: (name) => lookupKey(placeKey(name)),
    lookupBySkeleton: (name) => fromValues(findValues(skeletonTable(), skeletonKey(placeKey(name)))),
    demonymToCountry: (word) => names.demonyms[placeKey(word)],
    country: (code) => {
      const place = countryIndexes.get(code.toUpperCase());
      return place === undefined ? undefined : candidate(place, true);
    },
    admin1Name,
    size: places.lineStarts.length,
    loadMilliseconds,
  };
}
