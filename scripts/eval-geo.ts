// The GeoVirus evaluation itself (bundled and run by scripts/eval-geo.mjs): gold spans in, figures out.
import { readFileSync, writeFileSync } from 'node:fs';
import { gazetteerDir, loadGazetteer } from '../src/main/engine/geo/gazetteer';
import type { PlaceMention } from '../src/main/engine/geo/resolve';
import { distanceKm, resolvePlaces } from '../src/main/engine/geo/resolve';
import { createEntityPipeline } from '../src/main/engine/extract/pipeline';

interface GoldPlace extends PlaceMention {
  readonly lat: number;
  readonly lon: number;
}

const [corpusPath, resourcesDir] = process.argv.slice(2);
if (!corpusPath || !resourcesDir) throw new Error('usage: eval-geo.js GEOVIRUS_XML RESOURCES_DIR');

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function readArticles(path: string): { text: string; gold: GoldPlace[] }[] {
  // Some articles are commented out in the corpus; they are not part of it (229 articles, 2,167 places).
  const xml = readFileSync(path, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const articles: { text: string; gold: GoldPlace[] }[] = [];
  for (const article of xml.matchAll(/<article>([\s\S]*?)<\/article>/g)) {
    const body = article[1] ?? '';
    const text = decodeXml(/<text>([\s\S]*?)<\/text>/.exec(body)?.[1] ?? '');
    const gold: GoldPlace[] = [];
    for (const location of body.matchAll(/<location>([\s\S]*?)<\/location>/g)) {
      const field = (name: string): string => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(location[1] ?? '')?.[1] ?? '';
      // GeoVirus offsets are 1-based (its README): text[start-1:end-1] is the name.
      const start = Number(field('start')) - 1;
      const end = Number(field('end')) - 1;
      const name = decodeXml(field('name'));
      if (text.slice(start, end) !== name) throw new Error(`GeoVirus: "${name}" is not at ${start + 1}-${end + 1} of its article; has the corpus changed?`);
      gold.push({ text: name, start, end, lat: Number(field('lat')), lon: Number(field('lon')) });
    }
    articles.push({ text, gold });
  }
  return articles;
}

const loadStarted = performance.now();
const gazetteer = loadGazetteer(gazetteerDir(resourcesDir));
const loadMilliseconds = performance.now() - loadStarted;
const articles = readArticles(corpusPath);

const errors: number[] = [];
let covered = 0;
let total = 0;
const misses = new Map<string, number>();
// Misses where some candidate lay within 161 km: the choice was wrong, not the gazetteer.
let wrongChoice = 0;
// Country mentions: right when the country is right, whatever point the gold gives the country.
let countryMentions = 0;
let countryRight = 0;
let withinOrRightCountry = 0;
const resolveStarted = performance.now();
for (const { text, gold } of articles) {
  const resolved = resolvePlaces(gazetteer, gold, text);
  resolved.forEach((result, position) => {
    const truth = gold[position];
    if (!truth) return;
    total += 1;
    if (result.candidates.length > 0) covered += 1;
    const error = result.candidate ? distanceKm(truth.lat, truth.lon, result.candidate.lat, result.candidate.lon) : 20_000;
    errors.push(error);
    const goldCountry = result.candidates.find((candidate) => candidate.featureCode.startsWith('PCL') && distanceKm(truth.lat, truth.lon, candidate.lat, candidate.lon) < 1000);
    if (goldCountry) {
      countryMentions += 1;
      if (result.candidate?.id === goldCountry.id) countryRight += 1;
    }
    if (error <= 161 || (goldCountry && result.candidate?.id === goldCountry.id)) withinOrRightCountry += 1;
    const inReach = result.candidates.find((candidate) => distanceKm(truth.lat, truth.lon, candidate.lat, candidate.lon) <= 161);
    if (error > 161 && inReach) {
      wrongChoice += 1;
      if (process.env.EVAL_GEO_MISSES) console.log(`  wrong choice: ${truth.text} → ${result.candidate?.id ?? ''} ${result.candidate?.featureCode ?? ''} ${result.candidate?.countryCode ?? ''}, not ${inReach.id} ${inReach.featureCode} ${inReach.countryCode}`);
    }
    if (error > 161) {
      const label = `${truth.text} → ${result.candidate ? `${result.candidate.name} (${result.candidate.featureCode} ${result.candidate.countryCode})` : 'nothing'}`;
      misses.set(label, (misses.get(label) ?? 0) + 1);
    }
  });
}
const resolveMilliseconds = performance.now() - resolveStarted;
errors.sort((left, right) => left - right);
const within = errors.filter((error) => error <= 161).length;
const median = errors[Math.floor(errors.length / 2)] ?? 0;

// Recognition by the gazetteer alone: capitalised word sequences that name a place.
let recognisedGold = 0;
let proposed = 0;
for (const { text, gold } of articles) {
  const spans = new Set<string>();
  for (const match of text.matchAll(/\p{Lu}[\p{L}.'’-]*(?:\s+(?:of\s+|de\s+)?\p{Lu}[\p{L}.'’-]*)*/gu)) {
    const words = match[0].split(/\s+/);
    // The longest run of words, from the left, that the gazetteer knows.
    let offset = match.index;
    for (let first = 0; first < words.length; ) {
      let found = 0;
      for (let last = words.length; last > first; last -= 1) {
        const name = words.slice(first, last).join(' ').replace(/[.'’]+$/u, '');
        if (gazetteer.lookup(name).length > 0) { found = last - first; spans.add(`${offset}:${offset + name.length}`); break; }
      }
      const step = Math.max(1, found);
      for (let skip = 0; skip < step; skip += 1) offset += (words[first + skip]?.length ?? 0) + 1;
      first += step;
    }
  }
  proposed += spans.size;
  for (const place of gold) if (spans.has(`${place.start}:${place.end}`)) recognisedGold += 1;
}

console.log(`GeoVirus: ${articles.length} articles, ${total} gold toponyms; gazetteer ${gazetteer.size} places`);
console.log(`gazetteer load                  ${loadMilliseconds.toFixed(0)} ms`);
console.log(`resolution (gold spans)         ${resolveMilliseconds.toFixed(0)} ms`);
console.log(`coverage (any candidate)        ${(covered / total).toFixed(3)}`);
console.log(`accuracy within 161 km          ${(within / total).toFixed(3)}`);
console.log(`median error                    ${median.toFixed(1)} km`);
console.log(`misses with a candidate in reach ${wrongChoice} of ${total - within}`);
console.log(`country mentions                ${countryMentions}, resolved to the country ${(countryRight / Math.max(1, countryMentions)).toFixed(3)}`);
console.log(`accuracy, a country counting as right when it is the country (GeoNames' country points differ from the gold's) ${(withinOrRightCountry / total).toFixed(3)}`);
console.log(`recognition by gazetteer lookup recall ${(recognisedGold / total).toFixed(3)}, precision ${(recognisedGold / Math.max(1, proposed)).toFixed(3)} (exact spans)`);
console.log('most frequent misses:');
for (const [label, count] of [...misses].sort((left, right) => right[1] - left[1]).slice(0, Number(process.env.EVAL_GEO_MISSES ?? 40))) console.log(`  ${String(count).padStart(3)}  ${label}`);

// End to end, as the app is wired: the entity extractor's location mentions, resolved by the pipeline.
// Recall: gold toponyms overlapped by a predicted location; accuracy: of those, resolved within 161 km.
if (process.env.EVAL_GEO_NER !== '0') {
  const pipeline = createEntityPipeline(resourcesDir);
  let found = 0;
  let foundWithin = 0;
  let predicted = 0;
  let predictedOnGold = 0;
  const foundErrors: number[] = [];
  const foundLines: string[] = [];
  const pipelineStarted = performance.now();
  for (const { text, gold } of articles) {
    const mentions = pipeline.analyze(text);
    const locations = mentions.filter((mention) => mention.type === 'location');
    // EVAL_GEO_LOST=1: each gold toponym no location covers, with what the extractor made of it.
    if (process.env.EVAL_GEO_LOST)
      for (const place of gold)
        if (!locations.some((location) => place.start < location.end && location.start < place.end)) {
          const other = mentions.find((mention) => place.start < mention.end && mention.start < place.end);
          console.log(`  lost: ${place.text} <- ${other ? `${other.type}[${other.text}]` : '-'}`);
        }
    predicted += locations.length;
    for (const location of locations) if (gold.some((place) => place.start < location.end && location.start < place.end)) predictedOnGold += 1;
    for (const place of gold) {
      const hit = locations.find((location) => place.start < location.end && location.start < place.end);
      if (!hit) continue;
      found += 1;
      const error = hit.place ? distanceKm(place.lat, place.lon, hit.place.lat, hit.place.lon) : 20_000;
      foundErrors.push(error);
      if (error <= 161) foundWithin += 1;
      // EVAL_GEO_FOUND=FILE: each toponym found, with the span that found it and the error, to compare two versions.
      if (process.env.EVAL_GEO_FOUND) foundLines.push(`${place.start}:${place.text}\t${hit.text}\t${hit.place?.name ?? '-'}\t${error.toFixed(0)}`);
    }
  }
  foundErrors.sort((left, right) => left - right);
  if (process.env.EVAL_GEO_FOUND) writeFileSync(process.env.EVAL_GEO_FOUND, `${foundLines.join('\n')}\n`);
  console.log(`end to end (extractor + resolver, ${(performance.now() - pipelineStarted).toFixed(0)} ms):`);
  console.log(`  toponym recall (gold overlapped by a predicted location) ${(found / total).toFixed(3)}, precision ${(predictedOnGold / Math.max(1, predicted)).toFixed(3)}`);
  console.log(`  accuracy within 161 km of the toponyms found           ${(foundWithin / Math.max(1, found)).toFixed(3)} (${foundWithin} of ${found})`);
  console.log(`  median error of the toponyms found                     ${(foundErrors[Math.floor(foundErrors.length / 2)] ?? 0).toFixed(1)} km`);
}
