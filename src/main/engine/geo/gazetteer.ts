// The offline gazetteer: loads resources/gazetteer (built by scripts/build-gazetteer.mjs) and looks places up by name.
import { existsSync, readFileSync } from 'node:fs';
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
  /** Each country's line in places.tsv (absent in a gazetteer built before it: then found by name when first asked). */
  countryPlaces?: Record<string, number>;
}

/**
 * The loaded gazetteer. Its tables stay as the compressed bytes of the files, in blocks unpacked when a lookup
 * first touches them (scripts/gazetteerTables.mjs): 230,000 places and 740,000 names load in milliseconds that way.
 */
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

/** A sorted, newline-separated table of "key\tvalues" lines (or of places, by line number), searched in place. */
interface SortedTable {
  readonly bytes: Buffer;
  readonly lineStarts: Uint32Array;
}

/** A table file in gzip blocks (TABLE.idx: per block its byte offset, first line and first key); each block unpacked once. */
interface BlockedTable {
  readonly compressed: Buffer;
  /** Byte offset of each block, and the file's length last. */
  readonly offsets: number[];
  /** First line number of each block, and the line count last. */
  readonly firstLines: number[];
  readonly firstKeys: Buffer[];
  readonly blocks: Map<number, SortedTable>;
}

function fail(path: string, error: unknown): never {
  throw new Error(`The gazetteer file ${path} cannot be read (${(error as Error).message}); run "node scripts/build-gazetteer.mjs" to rebuild it.`, { cause: error });
}

/** Reads TABLE.tsv.gz and its index; a table without one (an older build) is one block. */
function readBlocked(dir: string, file: string): BlockedTable {
  const path = join(dir, file);
  try {
    const compressed = readFileSync(path);
    const indexPath = path.replace(/\.gz$/, '.idx');
    if (!existsSync(indexPath)) {
      const whole = gunzipSync(compressed);
      const table = { bytes: whole, lineStarts: lineStartsOf(whole) };
      return { compressed, offsets: [0, compressed.length], firstLines: [0, table.lineStarts.length], firstKeys: [Buffer.alloc(0)], blocks: new Map([[0, table]]) };
    }
    const offsets: number[] = [];
    const firstLines: number[] = [];
    const firstKeys: Buffer[] = [];
    for (const line of readFileSync(indexPath, 'utf8').split('\n')) {
      if (!line) continue;
      const [offset = '', first = '', key = ''] = line.split('\t');
      offsets.push(Number(offset));
      firstLines.push(Number(first));
      firstKeys.push(Buffer.from(key, 'utf8'));
    }
    firstKeys.pop();
    if (offsets.at(-1) !== compressed.length) throw new Error('its index does not match it');
    return { compressed, offsets, firstLines, firstKeys, blocks: new Map() };
  } catch (error) {
    return fail(path, error);
  }
}

function block(table: BlockedTable, number: number): SortedTable {
  let found = table.blocks.get(number);
  if (!found) {
    const bytes = gunzipSync(table.compressed.subarray(table.offsets[number], table.offsets[number + 1]));
    found = { bytes, lineStarts: lineStartsOf(bytes) };
    table.blocks.set(number, found);
  }
  return found;
}

function lineStartsOf(bytes: Buffer): Uint32Array {
  let count = 1;
  for (let position = bytes.indexOf(10); position >= 0; position = bytes.indexOf(10, position + 1)) count += 1;
  // A block ends with its last line's newline: no line after it.
  if (bytes.length > 0 && bytes[bytes.length - 1] === 10) count -= 1;
  const starts = new Uint32Array(count);
  let line = 1;
  for (let position = bytes.indexOf(10); position >= 0 && line < count; position = bytes.indexOf(10, position + 1)) starts[line++] = position + 1;
  return starts;
}

function lineEnd(table: SortedTable, line: number): number {
  if (line + 1 < table.lineStarts.length) return (table.lineStarts[line + 1] ?? 0) - 1;
  return table.bytes.length > 0 && table.bytes[table.bytes.length - 1] === 10 ? table.bytes.length - 1 : table.bytes.length;
}

/** The values stored for a key (binary search by UTF-8 bytes, the order the build sorted in): first the block, then the line. */
function findValues(table: BlockedTable, key: string): number[] {
  if (!key) return [];
  const wanted = Buffer.from(key, 'utf8');
  let low = 0;
  let high = table.firstKeys.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (wanted.compare(table.firstKeys[middle]!) >= 0) low = middle;
    else high = middle - 1;
  }
  const lines = block(table, low);
  let first = 0;
  let last = lines.lineStarts.length - 1;
  while (first <= last) {
    const middle = (first + last) >>> 1;
    const start = lines.lineStarts[middle] ?? 0;
    const tab = lines.bytes.indexOf(9, start);
    const order = wanted.compare(lines.bytes, start, tab);
    if (order === 0) return lines.bytes.toString('latin1', tab + 1, lineEnd(lines, middle)).split(',').map(Number);
    if (order < 0) last = middle - 1;
    else first = middle + 1;
  }
  return [];
}

/** Line `number` of a table, or undefined past its end. */
function lineOf(table: BlockedTable, number: number): string | undefined {
  if (number < 0 || number >= table.firstLines.at(-1)!) return undefined;
  let low = 0;
  let high = table.firstLines.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (table.firstLines[middle]! <= number) low = middle;
    else high = middle - 1;
  }
  const lines = block(table, low);
  const local = number - table.firstLines[low]!;
  return lines.bytes.toString('utf8', lines.lineStarts[local], lineEnd(lines, local));
}

function readGazetteer(dir: string): Gazetteer {
  const started = performance.now();
  const places = readBlocked(dir, 'places.tsv.gz');
  const keys = readBlocked(dir, 'names.tsv.gz');
  let names: NamesFile;
  try {
    names = JSON.parse(readFileSync(join(dir, 'names.json'), 'utf8')) as NamesFile;
  } catch (error) {
    return fail(join(dir, 'names.json'), error);
  }
  // Read on first use: most names are found under their folded spelling.
  let skeletons: BlockedTable | undefined;
  const skeletonTable = (): BlockedTable => (skeletons ??= readBlocked(dir, 'skeletons.tsv.gz'));

  const admin1Name = (countryCode: string, admin1Code: string): string => (admin1Code ? (names.admin1[`${countryCode}.${admin1Code}`] ?? '') : '');
  const candidate = (place: number, primaryName: boolean): PlaceCandidate | undefined => {
    const line = lineOf(places, place);
    if (line === undefined) return undefined;
    const field = line.split('\t');
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
  // Each country's place: listed in names.json by the build; a gazetteer built before that finds them by name, once.
  let countryIndexes: Map<string, number> | undefined;
  const countryIndex = (code: string): number | undefined => {
    if (!countryIndexes) {
      countryIndexes = new Map(Object.entries(names.countryPlaces ?? {}));
      if (!names.countryPlaces) {
        for (const [country, name] of Object.entries(names.countries)) {
          const value = findValues(keys, placeKey(name)).find((found) => found >= 0 && candidate(found, true)?.id === `country:${country}`);
          if (value !== undefined) countryIndexes.set(country, value);
        }
      }
    }
    return countryIndexes.get(code);
  };

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

  const demonymMemo = new Map<string, string | undefined>();

  const loadMilliseconds = performance.now() - started;
  return {
    lookup: (name) => lookupKey(placeKey(name)),
    lookupBySkeleton: (name) => fromValues(findValues(skeletonTable(), skeletonKey(placeKey(name)))),
    demonymToCountry: (word) => {
      // Asked for every capitalised word of every document: folding it each time cost more than the lookup.
      if (demonymMemo.has(word)) return demonymMemo.get(word);
      if (demonymMemo.size >= 50_000) demonymMemo.clear();
      const key = placeKey(word);
      // Own keys only: "Constructor" is no demonym of Object's prototype.
      const country = Object.hasOwn(names.demonyms, key) ? names.demonyms[key] : undefined;
      demonymMemo.set(word, country);
      return country;
    },
    country: (code) => {
      const place = countryIndex(code.toUpperCase());
      return place === undefined ? undefined : candidate(place, true);
    },
    admin1Name,
    size: places.firstLines.at(-1)!,
    loadMilliseconds,
  };
}
