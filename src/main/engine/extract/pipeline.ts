/**
 * Entity suggestions for a text: the tagger's mentions, grouped under one entity name where they
 * are the same person (a surname alone joins the full name, spelling variants fold together), and
 * place mentions resolved to coordinates with the gazetteer, using the whole text as context.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { foldText } from '../../../shared/textFolding';
import type { Gazetteer, PlaceCandidate } from '../geo/gazetteer';
import { gazetteerDir, loadGazetteer } from '../geo/gazetteer';
import { createPlaceResolver } from '../geo/resolve';
import type { ExtractedMention, MentionType } from './index';
import { tokenize } from './tokenize';
import type { Tokens } from './tokenize';
import { loadExtractor } from './index';
import { organizationHeads } from './nameRules';

/** A gazetteer place in the short form kept with a suggestion. */
export interface PlaceChoice {
  readonly id: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly country: string;
  readonly admin1: string;
  readonly featureCode: string;
}

/** One suggestion: the span, its type, the entity it names, and for places where they are. */
export interface AnalyzedMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: MentionType;
  readonly role?: string;
  readonly entity: { readonly name: string };
  readonly place?: PlaceChoice & { readonly confidence: number; readonly candidates: readonly PlaceChoice[] };
}

/** The line `dossier extract --jsonl` prints for a mention (the README's CLI section). */
export function toExtractLine(mention: AnalyzedMention): Record<string, unknown> {
  const { place, ...rest } = mention;
  if (!place) return rest;
  return { ...rest, geo: { lat: place.lat, lon: place.lon, name: place.name, ...(place.country ? { country: place.country } : {}) } };
}

/** A gazetteer candidate in the short form stored with a place. */
export function toPlaceOption(candidate: PlaceCandidate): PlaceChoice {
  return {
    id: candidate.id,
    name: candidate.name,
    lat: candidate.lat,
    lon: candidate.lon,
    country: candidate.countryCode,
    admin1: candidate.admin1,
    featureCode: candidate.featureCode,
  };
}

export interface EntityPipeline {
  analyze(text: string): AnalyzedMention[];
  /** As `analyze`, returning the tokens too, so that a reader of the same text does not tokenize it again. */
  analyzeTokenized?(text: string): { readonly mentions: AnalyzedMention[]; readonly tokens: Tokens };
}

/** The app's resources folder: the one given, else the nearest `resources/` with a gazetteer above here or the working directory. */
export function locateResources(resourcesDir?: string): string {
  if (resourcesDir) return resourcesDir;
  for (const start of [typeof __dirname === 'string' ? __dirname : process.cwd(), process.cwd()]) {
    for (let folder = start; ; folder = dirname(folder)) {
      if (existsSync(join(folder, 'resources', 'gazetteer'))) return join(folder, 'resources');
      if (dirname(folder) === folder) break;
    }
  }
  throw new Error('Dossier\'s resources (gazetteer and entity model) were not found; reinstall Dossier or run it from its folder.');
}

// The model loads once per folder and serves every pipeline (a case with its own gazetteer extracts gets its own pipeline).
const extractors = new Map<string, ReturnType<typeof loadExtractor>>();

/** The pipeline over the bundled gazetteer, or over `gazetteer` (the bundled one plus a case's GeoNames extracts). */
export function createEntityPipeline(resourcesDir?: string, gazetteer?: Gazetteer): EntityPipeline {
  const resources = locateResources(resourcesDir);
  const modelDir = join(resources, 'ner');
  const extractor = extractors.get(modelDir) ?? loadExtractor(modelDir);
  extractors.set(modelDir, extractor);
  const placeNames = gazetteer ?? loadGazetteer(gazetteerDir(resources));
  const resolvePlaces = createPlaceResolver(placeNames);
  const analyzeMentions = (text: string, found: readonly ExtractedMention[]): AnalyzedMention[] => {
    const mentions = found.map((mention) => (namesKnownPlace(placeNames, mention) ? { ...mention, type: 'location' as const } : mention));
    const people = personNames(mentions.filter((mention) => mention.type === 'person').map((mention) => mention.text));
    const places = resolvePlaces(
      mentions.filter((mention) => mention.type === 'location'),
      text,
    );
    const placeAt = new Map(places.map((place) => [place.mention.start, place]));
    return mentions.map((mention) => {
      const base = { start: mention.start, end: mention.end, text: mention.text, type: mention.type, ...(mention.role ? { role: mention.role } : {}) };
      if (mention.type === 'person') return { ...base, entity: { name: people.get(mention.text) ?? mention.text } };
      const resolved = mention.type === 'location' ? placeAt.get(mention.start) : undefined;
      if (!resolved?.candidate) return { ...base, entity: { name: mention.text } };
      return {
        ...base,
        // The name as the documents write it; the gazetteer's own name ("Kerbakhiar") can be one
        // the analyst has never seen. Places still merge by gazetteer id.
        entity: { name: mention.text },
        place: { ...toPlaceOption(resolved.candidate), confidence: resolved.confidence, candidates: resolved.candidates.map(toPlaceOption) },
      };
    });
  };
  return {
    analyze: (text) => analyzeMentions(text, extractor.extract(text)),
    analyzeTokenized(text) {
      const { mentions, tokens } = extractor.extractTokenized?.(text) ?? { mentions: extractor.extract(text), tokens: tokenize(text) };
      return { mentions: analyzeMentions(text, mentions), tokens };
    },
  };
}

/**
 * An acronym the gazetteer gives a country by, or a name of two words or more that the tagger's rules made an organisation but that is, word for word, the name of a
 * country or a first-level region, or the own name of a city of 100,000 or more ("Kasai Occidental", "Beni Suef": names the tagger's own place
 * list lacks), and does not end in an organisation's head word ("Texas Board"), names the place. Small towns and other
 * names of cities are left out: "White House" and "Rio Tinto" are towns too, and "White House" Casablanca's old name.
 */
export function namesKnownPlace(gazetteer: Gazetteer, mention: ExtractedMention): boolean {
  if (mention.type !== 'organization') return false;
  // An acronym a country is known by ("DRC", "UAE", "DPRK") is that country, whatever the tagger made of it.
  if (/^\p{Lu}{2,5}$/u.test(mention.text)) return gazetteer.lookup(mention.text).some((candidate) => candidate.featureCode.startsWith('PCL'));
  if (!mention.text.includes(' ')) return false;
  const last = mention.text.slice(mention.text.lastIndexOf(' ') + 1);
  if (organizationHeads.has(last)) return false;
  return gazetteer
    .lookup(mention.text)
    .some((candidate) => /^(?:PCL|ADM1)/u.test(candidate.featureCode) || (candidate.featureClass === 'P' && candidate.primaryName && candidate.population >= 100_000));
}

/**
 * The entity name for each way a person is written in one text: the longest full name whose last
 * word matches, diacritics folded ("Pashinian" → "Nikol Pashinián"), else for a given name alone the
 * one full name it starts ("Samvel" → "Samvel Grigoryan"); the first-seen spelling wins among names
 * that fold alike.
 */
function personNames(written: readonly string[]): Map<string, string> {
  const byFold = new Map<string, string>();
  for (const name of written) {
    const folded = foldText(name);
    if (!byFold.has(folded)) byFold.set(folded, name);
  }
  // Indexed by last and by first word: a long text names thousands of people, and comparing every
  // mention with every full name made extraction quadratic in the text's length.
  const longestByLastWord = new Map<string, string>();
  const byFirstWord = new Map<string, { name: string; count: number }>();
  for (const [folded, name] of byFold) {
    if (!name.includes(' ')) continue;
    const words = folded.split(/\s+/);
    const last = words.at(-1) ?? folded;
    const longest = longestByLastWord.get(last);
    // The longest wins; among equally long names, the first seen.
    if (longest === undefined || name.length > longest.length) longestByLastWord.set(last, name);
    const first = words[0] ?? folded;
    const starting = byFirstWord.get(first);
    if (starting) starting.count += 1;
    else byFirstWord.set(first, { name, count: 1 });
  }
  const names = new Map<string, string>();
  for (const name of written) {
    if (names.has(name)) continue;
    const folded = foldText(name);
    const lastWord = folded.split(/\s+/).at(-1) ?? folded;
    const full = longestByLastWord.get(lastWord);
    // A given name alone ("Samvel") is the one full name in the text that starts with it, if only one does.
    const byGivenName = folded.includes(' ') ? undefined : byFirstWord.get(folded);
    names.set(name, full ?? (byGivenName?.count === 1 ? byGivenName.name : undefined) ?? byFold.get(folded) ?? name);
  }
  return names;
}
