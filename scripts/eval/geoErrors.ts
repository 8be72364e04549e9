// The GeoVirus misses grouped by cause (bundled and run by scripts/eval-geo-errors.mjs): for each gold
// toponym the extractor finds, whether its place is wrong because of the span, the document's other
// mentions, a wrong pick, a name the gazetteer lacks, or a right place whose point lies far from the gold's.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEntityPipeline } from '../../src/main/engine/extract/pipeline';
import { gazetteerDir, loadGazetteer } from '../../src/main/engine/geo/gazetteer';
import type { PlaceMention } from '../../src/main/engine/geo/resolve';
import { distanceKm, resolvePlaces } from '../../src/main/engine/geo/resolve';

interface GoldPlace extends PlaceMention {
  readonly lat: number;
  readonly lon: number;
}

const [corpusPath, resourcesDir] = process.argv.slice(2);
if (!corpusPath || !resourcesDir) throw new Error('usage: geoErrors.js GEOVIRUS_XML RESOURCES_DIR');
const examples = Number(process.env.EXAMPLES ?? 8);

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function readArticles(path: string): { text: string; gold: GoldPlace[] }[] {
  const xml = readFileSync(path, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  return [...xml.matchAll(/<article>([\s\S]*?)<\/article>/g)].map((article) => {
    const body = article[1] ?? '';
    const text = decodeXml(/<text>([\s\S]*?)<\/text>/.exec(body)?.[1] ?? '');
    const gold = [...body.matchAll(/<location>([\s\S]*?)<\/location>/g)].map((location) => {
      const field = (name: string): string => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(location[1] ?? '')?.[1] ?? '';
      return { text: decodeXml(field('name')), start: Number(field('start')) - 1, end: Number(field('end')) - 1, lat: Number(field('lat')), lon: Number(field('lon')) };
    });
    return { text, gold };
  });
}

// The country of the populated place nearest a point: where the gold point lies, roughly.
const grid = new Map<string, { lat: number; lon: number; country: string }[]>();
for (const line of execFileSync('zcat', [join(gazetteerDir(resourcesDir), 'places.tsv.gz')], { maxBuffer: 1 << 30 }).toString('utf8').split('\n')) {
  const [, , lat, lon, featureClass, , country] = line.split('\t');
  if (featureClass !== 'P' || !country) continue;
  const key = `${Math.floor(Number(lat))}:${Math.floor(Number(lon))}`;
  const cell = grid.get(key) ?? [];
  cell.push({ lat: Number(lat), lon: Number(lon), country });
  grid.set(key, cell);
}
function countryAt(lat: number, lon: number): string {
  for (let reach = 1; reach <= 6; reach += 1) {
    let best = { country: '', km: Infinity };
    for (let dLat = -reach; dLat <= reach; dLat += 1)
      for (let dLon = -reach; dLon <= reach; dLon += 1)
        for (const place of grid.get(`${Math.floor(lat) + dLat}:${Math.floor(lon) + dLon}`) ?? []) {
          const km = distanceKm(lat, lon, place.lat, place.lon);
          if (km < best.km) best = { country: place.country, km };
        }
    if (best.country) return best.country;
  }
  return '?';
}

const gazetteer = loadGazetteer(gazetteerDir(resourcesDir));
const pipeline = createEntityPipeline(resourcesDir, gazetteer);
const groups = new Map<string, string[]>();
const add = (group: string, example: string): void => {
  const list = groups.get(group) ?? [];
  list.push(example);
  groups.set(group, list);
};
let found = 0;
// Gold toponyms found under a span other than the gold's ("Queensland Police Inspector" for Queensland).
let otherSpan = 0;
for (const { text, gold } of readArticles(corpusPath)) {
  const withGold = resolvePlaces(gazetteer, gold, text);
  const locations = pipeline.analyze(text).filter((mention) => mention.type === 'location');
  gold.forEach((truth, index) => {
    const hit = locations.find((location) => truth.start < location.end && location.start < truth.end);
    if (!hit) return;
    found += 1;
    if (hit.start !== truth.start || hit.end !== truth.end) otherSpan += 1;
    const e2eKm = hit.place ? distanceKm(truth.lat, truth.lon, hit.place.lat, hit.place.lon) : 20_000;
    if (e2eKm <= 161) return;
    const goldSpan = withGold[index]!;
    const goldKm = goldSpan.candidate ? distanceKm(truth.lat, truth.lon, goldSpan.candidate.lat, goldSpan.candidate.lon) : 20_000;
    const sameSpan = hit.start === truth.start && hit.end === truth.end;
    const context = text.slice(Math.max(0, truth.start - 50), truth.end + 30).replace(/\s+/g, ' ');
    const chosen = hit.place ? `${hit.place.name} (${hit.place.featureCode} ${hit.place.country})` : 'nothing';
    const example = `${truth.text}${sameSpan ? '' : ` [span ${hit.text}]`} → ${chosen}, ${e2eKm.toFixed(0)} km  | …${context}…`;
    if (goldKm <= 161) {
      add(sameSpan ? 'right with gold spans, wrong end to end: other mentions changed the context' : 'right with gold spans, wrong end to end: the span', example);
      return;
    }
    const candidates = hit.place?.candidates ?? [];
    if (!hit.place) add(sameSpan ? 'no candidate (gazetteer lacks the name)' : 'no candidate, span differs', example);
    else if (candidates.some((candidate) => distanceKm(truth.lat, truth.lon, candidate.lat, candidate.lon) <= 161)) add('wrong pick: a candidate lay within 161 km', example);
    else if (!sameSpan && goldSpan.candidate?.id !== hit.place.id) add('wrong end to end, differently wrong with gold spans (span)', example);
    else {
      const country = countryAt(truth.lat, truth.lon);
      const wide = /^(?:PCL|CONT|ADM1|RGN|OCN|SEA)/u.test(hit.place.featureCode) || hit.place.id.startsWith('natural:');
      if (wide && (hit.place.country === country || hit.place.featureCode === 'CONT' || hit.place.featureCode === 'RGN')) add(`right area, point far (${hit.place.featureCode.replace(/PCL.*/u, 'PCL')})`, example);
      else if (hit.place.country === country) add('right country, no candidate within 161 km (gazetteer lacks the place or its point is off)', example);
      else add(`wrong country (gold in ${country}), no candidate within 161 km`, example);
    }
  });
}
let misses = 0;
for (const list of groups.values()) misses += list.length;
console.log(`found ${found}, misses ${misses} (accuracy ${((found - misses) / found).toFixed(3)}); ${otherSpan} found under a span other than the gold's`);
for (const [group, list] of [...groups].sort((left, right) => right[1].length - left[1].length)) {
  console.log(`\n${String(list.length).padStart(4)}  ${group}`);
  for (const example of list.slice(0, examples)) console.log(`        ${example}`);
}
