// Offline named-entity extraction: people, organisations, places and other names in plain text.
import { labels } from './features';
import { lexiconMatcher } from './lexiconMatcher';
import type { LexiconMatcher } from './lexiconMatcher';
import { abbreviatedOrganizations, addRegionAbbreviations, titlesBeforeNames, bracketedAbbreviations, dropTermAbbreviations, dropNonNameWords, headedRuns, joinSplitOrganizations, organizationHeads, organizationPurposes, organizationsOfPlaces, trimSmallEnds } from './nameRules';
import { addCuedPlaces, definedNames, headedOrganizations, namedShips, dropDescriptionsBeforeGivenNames, headedEvents, headedPlaces, organizationsAfterPlaces, peopleOfBodies, placesInTheirRegion, splitJoinedPeople } from './nameKinds';
import type { Span } from './nameRules';
import { capitalisedStarts, completeRuns, datelinePlaces, cutAtAddresses, saintsAndCities, trimDates, cutAtSmallWords, joinParticles, peopleAfterTitles } from './nameEdges';
import { prepareTokens } from './prepare';
import { countryNames, demonymWords, LexiconClass, titleWords } from './lexicon';
import { findModelDirectory, loadClusters, loadGivenNames, loadModel, loadPlaces, loadWords } from './model';
import { tagTokens } from './tagger';
import type { TaggerModel } from './tagger';
import { sentenceStartSet, tokenize } from './tokenize';
import type { Tokens } from './tokenize';

export type MentionType = 'person' | 'organization' | 'location' | 'other';

/** One suggested mention; `start`/`end` are UTF-16 offsets into the text (end exclusive). */
export interface ExtractedMention {
  start: number;
  end: number;
  /** The name as written, its white space made single spaces (a name can run over a line break). */
  text: string;
  type: MentionType;
  /** For a person, the title that preceded the name in the text ("Prime Minister"). */
  role?: string;
}

/** Mentions with the tokens they were found on, for a caller that reads the same text further (the reading layer). */
export interface TokenizedMentions {
  readonly mentions: ExtractedMention[];
  readonly tokens: Tokens;
}

export interface Extractor {
  extract(text: string): ExtractedMention[];
  /** As `extract`, returning the tokens too, so that they are not computed a second time. */
  extractTokenized?(text: string): TokenizedMentions;
}

const typeOfLabel: Record<string, MentionType> = { PER: 'person', ORG: 'organization', LOC: 'location', MISC: 'other' };

/**
 * Loads the entity model from `modelDir`, or from the nearest resources/ner above this module or
 * the working directory. Throws with the fix when the model is missing.
 */
export function loadExtractor(modelDir?: string): Extractor {
  const directory =
    modelDir ?? findModelDirectory([typeof __dirname === 'string' ? __dirname : process.cwd(), process.cwd()]);
  if (!directory) throw new Error('No entity model (resources/ner) was found; run "npm run train:ner" to build it.');
  const model = loadModel(directory);
  const matcher = lexiconMatcher(
    loadPlaces(directory),
    loadWords(directory),
    loadClusters(directory),
    loadGivenNames(directory),
  );
  const rules = { titles: titleWords(), demonyms: demonymWords(), countries: countryNames() };
  return {
    extract: (text) => extractMentions(model, matcher, rules, tokenize(text), text),
    extractTokenized: (text) => {
      const tokens = tokenize(text);
      return { mentions: extractMentions(model, matcher, rules, tokens, text), tokens };
    },
  };
}

interface Rules {
  readonly titles: ReadonlySet<string>;
  readonly demonyms: ReadonlySet<string>;
  readonly countries: ReadonlySet<string>;
}

function extractMentions(model: TaggerModel, matcher: LexiconMatcher, rules: Rules, tokens: Tokens, text: string): ExtractedMention[] {
  const prepared = prepareTokens(tokens.words, tokens.sentenceStarts, matcher);
  const tags = tagTokens(model, prepared);
  let spans: Span[] = [];
  let index = 0;
  while (index < tags.length) {
    const tag = tags[index]!;
    if (tag === 0) {
      index += 1;
      continue;
    }
    // Labels come in pairs after O: B-X at an odd index, I-X right after it; the tagger never starts with I-X.
    const inside = tag % 2 === 1 ? tag + 1 : tag;
    let end = index + 1;
    while (end < tags.length && tags[end] === inside) end += 1;
    spans.push({ first: index, end, type: typeOfLabel[labels[tag]!.slice(2)]! });
    index = end;
  }
  // A place is a list phrase of its own: "U.S." in "U.S. President …", not "U.S. Army" in "U.S. Army General …".
  const isListPlace = (first: number, end: number): boolean => {
    const kind = prepared.lexicon[first]!;
    return kind % 2 === 1 && placeClasses.has((kind - 1) / 2) && (end === first + 1 || prepared.lexicon[end - 1] === kind + 1) && prepared.lexicon[end] !== kind + 1;
  };
  spans = cutAtSmallWords(tokens, spans);
  titledPeople(tokens, prepared.lexicon, spans, rules);
  for (const span of spans) {
    // A name of two words or more that is word for word a place of the lists is that place, not a person ("Middle
    // East experts"), unless it starts with a given name ("Jordan Peterson" is no list phrase; "Georgia Brown" …).
    if (span.type === 'person' && span.end - span.first > 1 && isListPlace(span.first, span.end) && !matcher.givenNames.has(tokens.words[span.first]!.toLowerCase())) span.type = 'location';
  }
  extendPeople(tokens, tags, spans, matcher, rules);
  completeRuns(tokens, tags, spans, rules.demonyms);
  trimDates(tokens, spans);
  spans = saintsAndCities(tokens, spans);
  capitalisedStarts(tokens, tags, spans, (lowered) => rules.titles.has(lowered) || rules.demonyms.has(lowered) || rules.countries.has(lowered) || matcher.givenNames.has(lowered));
  headedOrganizations(tokens, spans);
  organizationsAfterPlaces(tokens, spans, prepared.lexicon, placeClasses);
  abbreviatedOrganizations(tokens, spans);
  headedPlaces(tokens, spans);
  addCuedPlaces(tokens, tags, spans);
  trimSmallEnds(tokens, spans);
  const mentions: ExtractedMention[] = [];
  // The rules about how English writes names, in order (nameRules.ts).
  let named = placesInTheirRegion(tokens, datelinePlaces(text, tokens, joinParticles(tokens, cutAtAddresses(text, tokens, spans))), rules.titles, isListPlace);
  named = headedRuns(tokens, named);
  named = dropNonNameWords(tokens, named);
  named = organizationPurposes(tokens, named);
  named = organizationsOfPlaces(tokens, named);
  named = joinSplitOrganizations(tokens, named);
  named = addRegionAbbreviations(tokens, named);
  named = bracketedAbbreviations(tokens, named);
  named = dropTermAbbreviations(tokens, named);
  named = definedNames(tokens, tags, named);
  named = peopleAfterTitles(tokens, named, rules.titles, (lowered) => matcher.givenNames.has(lowered), (word) => organizationHeads.has(word), isListPlace);
  named = titlesBeforeNames(tokens, named, rules.titles, isListPlace);
  headedEvents(tokens, named);
  named = namedShips(tokens, named);
  named = peopleOfBodies(tokens, named, rules.titles);
  named = splitJoinedPeople(tokens, named);
  dropDescriptionsBeforeGivenNames(tokens, named, (lowered) => matcher.words.first(lowered) === 1, (lowered) => matcher.givenNames.has(lowered));
  const final = propagate(tokens, named, matcher);
  let next = 0;
  const joinedBefore = (end: number): void => {
    // Untagged words too: the tagger often leaves "Iran-Iraq" in "the Iran-Iraq war" out.
    for (; next < end; next += 1) if (tokens.words[next]!.includes('-')) mentions.push(...(joinedCountries(tokens, next, rules) ?? []));
  };
  for (const span of final) {
    joinedBefore(span.first);
    next = Math.max(next, span.end);
    const countries = span.end === span.first + 1 ? joinedCountries(tokens, span.first, rules) : undefined;
    if (countries) {
      mentions.push(...countries);
      continue;
    }
    const mention = toMention(text, tokens, span.first, span.end, span.type, rules);
    if (mention) mentions.push(mention);
  }
  joinedBefore(tokens.words.length);
  return mentions;
}

/**
 * A given name the tagger left out ("Ilham" in "President of Azerbaijan Ilham Aliyev"): an untagged,
 * capitalised, uncommon word right before a person joins the person.
 */
function extendPeople(tokens: Tokens, tags: Uint8Array, spans: Span[], matcher: LexiconMatcher, rules: Rules): void {
  const { words } = tokens;
  const sentenceStart = sentenceStartSet(tokens);
  for (const span of spans) {
    if (span.type !== 'person') continue;
    while (span.first > 0 && !sentenceStart.has(span.first)) {
      const word = words[span.first - 1]!;
      const lowered = word.toLowerCase();
      if (tags[span.first - 1] !== 0 || word.length < 2 || !/^\p{Lu}\p{Ll}+$/u.test(word)) break;
      if (rules.titles.has(lowered) || rules.demonyms.has(lowered) || rules.countries.has(lowered)) break;
      if ((matcher.words.first(lowered) & 1) !== 0) break;
      span.first -= 1;
    }
  }
}

const placeClasses: ReadonlySet<number> = new Set([LexiconClass.country, LexiconClass.place, LexiconClass.gazetteer]);
const countryStart = LexiconClass.country * 2 + 1;
const countryInside = LexiconClass.country * 2 + 2;

/**
 * "President of Azerbaijan Ilham Aliyev": after a title, "of" and a country, the capitalised words
 * are a person and the country a place. The tagger often reads the whole run as one place.
 */
function titledPeople(tokens: Tokens, lexicon: Uint8Array, spans: Span[], rules: Rules): void {
  const { words } = tokens;
  const found: Span[] = [];
  for (let index = 0; index + 3 < words.length; index += 1) {
    if (words[index + 1] !== 'of') continue;
    // "President of Azerbaijan", "President of the Republic of Azerbaijan"
    let country = index + 2;
    if (words[country] === 'the') country += 1;
    if (words[country] === 'Republic' && words[country + 1] === 'of') country += 2;
    if (lexicon[country] !== countryStart) continue;
    const title = words[index]!;
    if (!isCapitalised(title) || !rules.titles.has(title.toLowerCase())) continue;
    let name = country + 1;
    while (name < words.length && lexicon[name] === countryInside) name += 1;
    let end = name;
    while (end < words.length && end - name < 4 && /^\p{Lu}[\p{L}\p{M}'’-]*$/u.test(words[end]!) && lexicon[end] === 0) end += 1;
    if (end === name) continue;
    found.push({ first: country, end: name, type: 'location' }, { first: name, end, type: 'person' });
  }
  if (found.length === 0) return;
  const kept = spans.filter((span) => !found.some((other) => span.first < other.end && other.first < span.end));
  spans.length = 0;
  spans.push(...kept, ...found);
  spans.sort((a, b) => a.first - b.first);
}

const longestPhrase = 6;

/**
 * One name, one type per document: a name tagged somewhere is tagged everywhere, with the type it
 * gets most often, and a person's surname alone ("Pashinian") is that person. The tagger decides
 * each sentence alone and misses repeats at sentence starts or in unusual contexts.
 */
function propagate(tokens: Tokens, spans: Span[], matcher: LexiconMatcher): Span[] {
  const { words } = tokens;
  const votes = new Map<string, Map<MentionType, number>>();
  const vote = (key: string, type: MentionType, weight: number): void => {
    let counts = votes.get(key);
    if (!counts) {
      counts = new Map();
      votes.set(key, counts);
    }
    counts.set(type, (counts.get(type) ?? 0) + weight);
  };
  for (const span of spans) {
    if (span.type === 'other') continue;
    vote(foldPhrase(words, span.first, span.end), span.type, 1);
    if (span.type === 'person' && span.end - span.first > 1) {
      for (let index = span.first; index < span.end; index += 1) {
        const word = words[index]!;
        // Name parts only: capitalised, not a common word, not an initial.
        if (word.length > 2 && isCapitalised(word) && matcher.words.first(word.toLowerCase()) !== 1) vote(foldPhrase(words, index, index + 1), 'person', 0.5);
      }
    }
  }
  if (votes.size === 0) return spans;
  const bestType = (key: string): MentionType | undefined => {
    const counts = votes.get(key);
    if (!counts) return undefined;
    let best: MentionType | undefined;
    let bestCount = 0;
    for (const [type, count] of counts) {
      if (count > bestCount) {
        best = type;
        bestCount = count;
      }
    }
    return best;
  };
  const covered = new Uint8Array(words.length);
  for (const span of spans) {
    covered.fill(1, span.first, span.end);
    if (span.type === 'other') continue;
    const type = bestType(foldPhrase(words, span.first, span.end));
    if (type) span.type = type;
  }
  const sentenceStart = sentenceStartSet(tokens);
  const firstWords = new Set<string>();
  for (const key of votes.keys()) firstWords.add(key.split(' ', 1)[0]!);
  const added: Span[] = [];
  for (let index = 0; index < words.length; index += 1) {
    if (covered[index]! || !isCapitalised(words[index]!) || !firstWords.has(foldPhrase(words, index, index + 1))) continue;
    for (let length = Math.min(longestPhrase, words.length - index); length >= 1; length -= 1) {
      if (covered[index + length - 1]!) continue;
      // Only a whole name: "New York" is not added inside an untagged "New York Times".
      const after = index + length;
      if (after < words.length && isCapitalised(words[after]!)) continue;
      if (index > 0 && isCapitalised(words[index - 1]!) && !sentenceStart.has(index)) continue;
      const type = bestType(foldPhrase(words, index, after));
      if (!type) continue;
      added.push({ first: index, end: index + length, type });
      covered.fill(1, index, index + length);
      index += length - 1;
      break;
    }
  }
  if (added.length === 0) return spans;
  return [...spans, ...added].sort((a, b) => a.first - b.first);
}

/** A phrase without its accents, so that "Pashinián" and "Pashinian" count as one name. */
function foldPhrase(words: readonly string[], first: number, end: number): string {
  const phrase = words.slice(first, end).join(' ');
  return /[^\p{ASCII}]/u.test(phrase) ? phrase.normalize('NFD').replace(/\p{M}/gu, '') : phrase;
}

function isCapitalised(word: string): boolean {
  // ASCII without lower-casing a string (this runs on every token); other letters as Unicode says.
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const first = word[0]!;
  return first !== first.toLowerCase();
}

function isPunctuation(word: string): boolean {
  return word.length === 1 && !/[\p{L}\p{N}]/u.test(word);
}

function isPossessive(word: string): boolean {
  return word === "'s" || word === '’s' || word === "'S" || word === "'" || word === '’';
}

/**
 * Countries joined by a hyphen ("the Iran-Iraq war", "India-Pakistan talks", "Armenia-Azerbaijan border") are each a
 * place, whatever the tagger made of the word.
 */
function joinedCountries(tokens: Tokens, index: number, rules: Rules): ExtractedMention[] | undefined {
  const word = tokens.words[index]!;
  if (!word.includes('-')) return undefined;
  const parts = word.split('-');
  if (parts.length < 2 || !parts.every((part) => rules.countries.has(part.toLowerCase()))) return undefined;
  const mentions: ExtractedMention[] = [];
  let start = tokens.starts[index]!;
  for (const part of parts) {
    mentions.push({ start, end: start + part.length, text: part, type: 'location' });
    start += part.length + 1;
  }
  return mentions;
}

/** Token range [first, end) to a mention, after trimming titles, possessives and punctuation. */
/** Names of file formats, markup languages and protocols: written in capitals like acronyms, but never an actor or a place. */
const TECHNICAL_WORDS = new Set([
  'pdf', 'docx', 'doc', 'xlsx', 'xls', 'pptx', 'ppt', 'odt', 'rtf', 'txt', 'md', 'csv', 'tsv', 'json', 'xml', 'html', 'htm', 'xhtml',
  'css', 'svg', 'png', 'jpg', 'jpeg', 'gif', 'tiff', 'tif', 'webp', 'bmp', 'mp3', 'mp4', 'wav', 'avi', 'mov', 'zip', 'rar', 'gz', 'tar',
  'eml', 'mbox', 'msg', 'pst', 'ics', 'vcf', 'url', 'uri', 'http', 'https', 'ftp', 'smtp', 'imap', 'pop3', 'mime', 'utf-8', 'ascii', 'www',
]);

const compassWords = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central']);

/** Header names of an e-mail, which begin a line and end in a colon. */
const EMAIL_HEADER_WORDS = new Set(['from', 'to', 'cc', 'bcc', 'subject', 'date', 'sent', 're', 'fwd', 'fw', 'reply-to', 'attachment', 'attachments']);

function toMention(text: string, tokens: Tokens, first: number, end: number, type: MentionType, rules: Rules): ExtractedMention | undefined {
  const { words, starts, ends } = tokens;
  let last = end - 1;
  while (first <= last && isPunctuation(words[first]!)) first += 1;
  while (last >= first && (isPunctuation(words[last]!) || isPossessive(words[last]!))) last -= 1;
  // A clock time is not part of a place's or person's name ("Martuni 17:30").
  while (last > first && type !== 'organization' && /^\d{1,2}[:.]\d{2}$/.test(words[last]!)) last -= 1;
  // A place does not end in a title ("Quezon City Mayor said"): the title is the next person's, or nobody's.
  while (last > first && type === 'location' && isCapitalised(words[last]!) && rules.titles.has(words[last]!.toLowerCase())) last -= 1;
  if (first > last) return undefined;
  // A name has a capital letter somewhere; "shepherd" is no one's name. Nor is a title alone ("Minister", "Junior Sergeant").
  if (!/\p{Lu}|[^\p{Script=Latin}\P{L}]/u.test(text.slice(starts[first], ends[last]))) return undefined;
  if (type !== 'organization' && words.slice(first, last + 1).every((word) => rules.titles.has(word.toLowerCase()))) return undefined;
  let role: string | undefined;
  if (type === 'person') {
    // "Prime Minister Nikol Pashinyan": the name is the mention, the title its role.
    let name = first;
    while (name < last && rules.titles.has(words[name]!.toLowerCase())) name += 1;
    // The tagger usually leaves the title outside the name, as its training data does: look just before it too.
    let title = first;
    while (title > 0 && first - title < 4 && isCapitalised(words[title - 1]!) && rules.titles.has(words[title - 1]!.toLowerCase())) title -= 1;
    if (name > title) role = text.slice(starts[title], ends[name - 1]);
    first = name;
  }
  const start = starts[first]!;
  const stop = ends[last]!;
  // A name broken over two lines of a hard-wrapped text is the name on one line ("Tom\nHarkin" → "Tom Harkin").
  const written = text.slice(start, stop);
  const mentionText = /\s/.test(written) ? written.replace(/\s+/g, ' ') : written;
  const lowered = mentionText.toLowerCase();
  // Demonyms ("Azerbaijani", "Azerbaijani-Armenian") describe, they do not name a place or a group one could link.
  // So do they with a compass word before them ("West German residents", "South Korean forces").
  if (first === last && lowered.split('-').every((part) => rules.demonyms.has(part))) return undefined;
  if (last === first + 1 && compassWords.has(words[first]!.toLowerCase()) && !compassWords.has(words[last]!.toLowerCase()) && rules.demonyms.has(words[last]!.toLowerCase())) return undefined;
  // File formats, markup and protocols ("the attached DOCX", "HTML version", "via HTTPS") are no one's name.
  if (words.slice(first, last + 1).every((word) => TECHNICAL_WORDS.has(word.toLowerCase()) || isPunctuation(word))) return undefined;
  // An e-mail header's name at the start of a line ("From:", "Subject:", "Cc:") is not part of the name after it.
  if (first === last && EMAIL_HEADER_WORDS.has(lowered) && text.charAt(stop) === ':') return undefined;
  // A country name is a place even where the tagger reads it as an organisation ("U.S.").
  if (type === 'organization' && rules.countries.has(lowered)) type = 'location';
  const mention: ExtractedMention = { start, end: stop, text: mentionText, type };
  if (role !== undefined) mention.role = role;
  return mention;
}
