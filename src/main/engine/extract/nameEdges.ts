// Where a name begins and ends: rules about the words at a name's edges, applied to the tagger's spans (index.ts).
import { closedClass } from './nameRules';
import type { Span } from './nameRules';
import { sentenceOpeners, sentenceStartSet } from './tokenize';
import type { Tokens } from './tokenize';

const webAddressPattern = /\b(?:https?|ftp):\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/gu;
const localPart = /[\p{L}\p{N}._%+-]/u;
const domainPart = /[\p{L}\p{N}.-]/u;

/**
 * The character ranges of the e-mail addresses in `text`: from each "@", the address's characters either side, at most
 * 64 before and 255 after, as the standard allows (a regular expression for them ran in quadratic time on a long
 * word in a text with an "@" somewhere).
 */
function emailRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && localPart.test(text[start - 1]!)) start -= 1;
    let end = at + 1;
    while (end < text.length && end - at < 255 && domainPart.test(text[end]!)) end += 1;
    while (end > at + 1 && text[end - 1] === '.') end -= 1;
    if (start < at && text.slice(at + 1, end).includes('.')) ranges.push([start, end]);
  }
  return ranges;
}

/**
 * An e-mail address or a web address is no part of a name ("c.warwick@durham.ac.uk Durham University"): the
 * tokens inside one cut the names that run over them, and a name made of them alone goes.
 */
export function cutAtAddresses(text: string, tokens: Tokens, spans: Span[]): Span[] {
  if (!text.includes('@') && !text.includes('//') && !text.includes('www.')) return spans;
  const { starts, ends } = tokens;
  const inAddress = new Uint8Array(starts.length);
  const ranges = emailRanges(text);
  for (const match of text.matchAll(webAddressPattern)) ranges.push([match.index, match.index + match[0].length]);
  ranges.sort((left, right) => left[0] - right[0]);
  let token = 0;
  for (const [start, end] of ranges) {
    while (token < starts.length && ends[token]! <= start) token += 1;
    for (let index = token; index < starts.length && starts[index]! < end; index += 1) inAddress[index] = 1;
  }
  const cut: Span[] = [];
  for (const span of spans) {
    let first = span.first;
    for (let index = span.first; index <= span.end; index += 1) {
      if (index < span.end && !inAddress[index]) continue;
      if (index > first) cut.push({ first, end: index, type: span.type });
      first = index + 1;
    }
  }
  return cut;
}

/** Particles of family and place names in the languages English text borrows names from ("Manoel de Oliveira", "Ursula von der Leyen"). */
const nameParticles = new Set(['de', 'du', 'da', 'das', 'dos', 'del', 'della', 'degli', 'di', 'van', 'von', 'der', 'den', 'ter', 'zu', 'le', 'la', 'bin', 'ibn', 'al', 'el', 'y']);
const elidedParticle = /^[dl]['’]\p{Lu}/u;
/** A particle written onto the next name with a hyphen: "al-Hajj", "el-Sisi", "ad-Din". */
const prefixedParticle = /^\p{Ll}{1,4}-\p{L}/u;
const capitalised = /^\p{Lu}/u;
const smallLetter = /^\p{Ll}/u;

/**
 * A name runs on over its particles: "Pescheux d'Herbinville", "Porte d'Enfer", "Patrizia de Oliveira",
 * "Ursula von der Leyen". The tagger, which reads small letters as the end of a name, stops before them. A
 * particle joins only when a capitalised word follows it in the same sentence; a name tagged there joins too.
 */
export function joinParticles(tokens: Tokens, spans: Span[]): Span[] {
  const { words } = tokens;
  const sentenceStart = sentenceStartSet(tokens);
  const sorted = [...spans].sort((a, b) => a.first - b.first);
  const startsAt = new Map(sorted.map((span) => [span.first, span]));
  const joined = new Set<Span>();
  for (const span of sorted) {
    if (joined.has(span) || span.type === 'other') continue;
    for (;;) {
      let next = span.end;
      if (next < words.length && elidedParticle.test(words[next]!) && !sentenceStart.has(next)) {
        span.end = next + 1;
        continue;
      }
      while (next < words.length && next - span.end < 3 && nameParticles.has(words[next]!) && !sentenceStart.has(next)) next += 1;
      if (next === span.end || next >= words.length || sentenceStart.has(next) || !capitalised.test(words[next]!)) break;
      span.end = next;
      // The capitalised words after the particle, with any name tagged among them.
      while (span.end < words.length && !(span.end > next && sentenceStart.has(span.end)) && capitalised.test(words[span.end]!)) {
        const following = startsAt.get(span.end);
        if (following && following !== span && !joined.has(following)) {
          joined.add(following);
          span.end = Math.max(following.end, span.end + 1);
        } else span.end += 1;
      }
    }
  }
  return sorted.filter((span) => !joined.has(span));
}

/** Month and weekday names, lower-cased. */
export const calendarWords: ReadonlySet<string> = new Set('monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '));

const nameOpening = /^\p{Lu}\p{Ll}/u;
// An organisation's name may begin with an abbreviation too ("Applied DNA Systems Inc").
const bodyOpening = /^\p{Lu}(?:\p{Ll}|\p{Lu}+$)/u;

/**
 * An organisation's or a place's name begins at the first capitalised word of its run: "Black Robin
 * Freighters", "McCutchan Art Center", "Emperor Norton Bridge". The tagger lets go of a common word before the
 * rest. Not at a sentence's start, not in a sentence set in title case (a headline), and not over closed-class,
 * calendar, title or people's words ("On Monday", "Minister", "Italian").
 */
export function capitalisedStarts(tokens: Tokens, tags: Uint8Array, spans: Span[], excluded: (lowered: string) => boolean): void {
  const { words, sentenceStarts } = tokens;
  const taken = new Uint8Array(words.length);
  for (const span of spans) taken.fill(1, span.first, span.end);
  let sentence = 0;
  for (const span of [...spans].sort((a, b) => a.first - b.first)) {
    if (span.type !== 'organization' && span.type !== 'location') continue;
    while (sentence + 1 < sentenceStarts.length && sentenceStarts[sentence + 1]! <= span.first) sentence += 1;
    const start = sentenceStarts[sentence] ?? 0;
    const end = sentenceStarts[sentence + 1] ?? words.length;
    let first = span.first;
    const opening = span.type === 'organization' ? bodyOpening : nameOpening;
    while (first - 1 > start && tags[first - 1] === 0 && taken[first - 1] === 0 && opening.test(words[first - 1]!)) {
      const lowered = words[first - 1]!.toLowerCase();
      if (closedClass.has(lowered) || calendarWords.has(lowered) || sentenceOpeners.has(words[first - 1]!) || excluded(lowered)) break;
      first -= 1;
    }
    if (first === span.first || titleCase(words, start, end, span.first, span.end)) continue;
    taken.fill(1, first, span.first);
    span.first = first;
  }
}

/** A sentence most of whose words of four letters or more, outside the name, are capitalised: a headline or a title. */
function titleCase(words: readonly string[], start: number, end: number, nameFirst: number, nameEnd: number): boolean {
  let long = 0;
  let capitals = 0;
  for (let index = start; index < end; index += 1) {
    if (index === nameFirst) index = nameEnd;
    if (index >= end) break;
    const word = words[index]!;
    if (word.length < 4 || !/^\p{L}/u.test(word)) continue;
    long += 1;
    if (capitalised.test(word)) capitals += 1;
  }
  return long >= 3 && capitals * 3 > long * 2;
}

/** Small words inside English names ("Bank of England", "Bosnia and Herzegovina", "Stratford upon Avon", "Hilary of Poitiers", "Peter the Great"). */
const nameConnectors = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'upon', 'at', 'to', 'des', 'et', 'und', '&', 'n', "'n'"]);

/**
 * A name holds no word in small letters but its particles and its connecting words: a person the tagger ran on over a verb ("Roy Halvorsen told Reuters") is cut there, each part keeping
 * the type. Numbers and signs are left to the other rules.
 */
export function cutAtSmallWords(tokens: Tokens, spans: Span[]): Span[] {
  const { words } = tokens;
  const cut: Span[] = [];
  for (const span of spans) {
    let first = span.first;
    // A part keeps no small word at its edges: "the Basse Casamance area of Southern Senegal" → "Basse Casamance", "Southern Senegal".
    const push = (from: number, to: number, whole: boolean): void => {
      let start = from;
      let end = to;
      while (!whole && start < end && smallLetter.test(words[start]!)) start += 1;
      while (!whole && end > start && smallLetter.test(words[end - 1]!)) end -= 1;
      if (end > start) cut.push({ first: start, end, type: span.type });
    };
    for (let index = span.first + 1; index < span.end - 1; index += 1) {
      const word = words[index]!;
      if (!smallLetter.test(word) || nameParticles.has(word) || elidedParticle.test(word) || prefixedParticle.test(word) || nameConnectors.has(word)) continue;
      push(first, index, false);
      first = index + 1;
    }
    push(first, span.end, first === span.first);
  }
  return cut;
}

const locatives = new Set(['in', 'at', 'near', 'from', 'to', 'into', 'outside']);

/** Titles of offices that belong to a place: what comes before them names it. */
const placeTitles = new Set(['mayor', 'vice-mayor', 'governor', 'lieutenant-governor', 'congressman', 'congresswoman', 'senator', 'assemblyman']);

/**
 * "Federal Reserve Board Chairman Paul Volcker" read as one organisation, "[Foreign] Office Minister Tobias Ellwood"
 * as one person: a body's or a place's name that goes on with a title and a full name holds a person after the title.
 * The body keeps its type (a person's span becomes the body when the words before the title end in a body's head
 * word, `isBodyHead`, and takes in the capitalised words the tagger left before it); the person is cut out and the
 * title becomes the role. A given name is asked for, so that "Justice Department" and "Queen Mary College" stay whole.
 */
export function peopleAfterTitles(
  tokens: Tokens,
  spans: Span[],
  titles: ReadonlySet<string>,
  isGivenName: (lowered: string) => boolean,
  isBodyHead: (word: string) => boolean,
  isPlace: (first: number, end: number) => boolean,
): Span[] {
  const { words } = tokens;
  const sentenceStart = sentenceStartSet(tokens);
  const taken = new Uint8Array(words.length);
  for (const span of spans) taken.fill(1, span.first, span.end);
  const isTitle = (index: number): boolean => capitalised.test(words[index]!) && titles.has(words[index]!.toLowerCase());
  // What the words before a title in a person's span are: a body ("[Foreign] Office Minister"), a place ("U.S.
  // Congressman", "Mabini Vice-Mayor": a mayor's or a governor's title says its place), or nothing to cut.
  const personBefore = (first: number, title: number): 'organization' | 'location' | undefined => {
    if (isBodyHead(words[title - 1]!)) return 'organization';
    if (isPlace(first, title) || placeTitles.has(words[title]!.toLowerCase())) return 'location';
    return undefined;
  };
  const result: Span[] = [];
  for (const span of spans) {
    if (span.type === 'other') {
      result.push(span);
      continue;
    }
    let cutAt = -1;
    let personAt = -1;
    let type: Span['type'] | undefined;
    for (let index = span.first + 1; index < span.end - 1 && cutAt < 0; index += 1) {
      if (!isTitle(index) || isTitle(index - 1)) continue;
      let after = index;
      while (after < span.end && isTitle(after)) after += 1;
      // A given name and a surname at least: "Queen Mary College" is no person after a title.
      if (after >= span.end - 1 || !isGivenName(words[after]!.toLowerCase())) continue;
      type = span.type === 'person' ? personBefore(span.first, index) : span.type;
      if (type === undefined) continue;
      cutAt = index;
      personAt = after;
    }
    if (type === undefined) {
      result.push(span);
      continue;
    }
    let first = span.first;
    if (type === 'organization' && span.type === 'person') while (first > 0 && !sentenceStart.has(first) && !taken[first - 1] && /^\p{Lu}\p{Ll}/u.test(words[first - 1]!)) first -= 1;
    result.push({ first, end: cutAt, type }, { first: personAt, end: span.end, type: 'person' });
  }
  return result;
}

/**
 * A person's or a place's name does not end in a month or a weekday: "in Japan April 14-27", "in Tokyo Monday" (an
 * organisation's may: "Black September").
 */
export function trimDates(tokens: Tokens, spans: Span[]): void {
  const { words } = tokens;
  for (const span of spans) {
    if (span.type !== 'person' && span.type !== 'location') continue;
    while (span.end - 1 > span.first && calendarWords.has(words[span.end - 1]!.toLowerCase())) span.end -= 1;
  }
}

/**
 * "St." or "Ste." before a name is part of it ("St. Marc", "St. Mary's Hospital", "St. Jerome"); the tagger reads the
 * given name after it alone. Such a name the tagger took for a person is a place after "in", "at", "near" … or when a
 * comma and its region follow ("St. Marc, Haiti"); a saint otherwise.
 * "Ho Chi Minh City", "Quezon City": a person's name followed by "City" is the city.
 */
export function saintsAndCities(tokens: Tokens, spans: Span[]): Span[] {
  const { words } = tokens;
  const sentenceStart = sentenceStartSet(tokens);
  const endsAt = new Map(spans.map((span) => [span.end, span]));
  const joined = new Set<Span>();
  for (const span of spans) {
    const before = words[span.first - 1];
    if ((before === 'St.' || before === 'Ste.' || before === 'St') && !endsAt.has(span.first - 1)) {
      span.first -= 1;
      // A saint is a person too ("Icon of St. Theodorus"): a place where the text puts something in it or gives its region.
      const placed = locatives.has(words[span.first - 1] ?? '') || (words[span.end] === ',' && /^\p{Lu}/u.test(words[span.end + 1] ?? ''));
      if (span.type === 'person' && placed) span.type = 'location';
    }
    if (span.type !== 'person') continue;
    if (words[span.end] === 'City' && !sentenceStart.has(span.end)) span.end += 1;
    else if (words[span.end - 1] !== 'City' || span.end - span.first < 2) continue;
    span.type = 'location';
    // "Ho" + "Chi Minh City": a person the tagger cut off before the rest of the city's name joins it.
    const previous = endsAt.get(span.first);
    if (previous?.type === 'person' && !sentenceStart.has(span.first)) {
      span.first = previous.first;
      joined.add(previous);
    }
  }
  return joined.size === 0 ? spans : spans.filter((span) => !joined.has(span));
}

/**
 * A name does not stop in the middle of a run of capitalised words: "The Mad Capsule Markets" is
 * one name even where the tagger let go after "Capsule".
 */
export function completeRuns(tokens: Tokens, tags: Uint8Array, spans: Span[], demonyms: ReadonlySet<string>): void {
  const { words } = tokens;
  const sentenceStart = sentenceStartSet(tokens);
  const taken = new Uint8Array(words.length);
  for (const span of spans) taken.fill(1, span.first, span.end);
  // A month or a weekday after a name is a date, not more of the name ("in Japan April 14-27").
  const nameLike = (index: number): boolean =>
    tags[index] === 0 &&
    taken[index] === 0 &&
    /^\p{Lu}[\p{L}\p{M}\p{N}'’.-]*$/u.test(words[index]!) &&
    !demonyms.has(words[index]!.toLowerCase()) &&
    !calendarWords.has(words[index]!.toLowerCase());
  for (const span of spans) {
    if (span.type === 'other') continue;
    while (span.end < words.length && !sentenceStart.has(span.end) && nameLike(span.end)) {
      taken[span.end] = 1;
      span.end += 1;
    }
  }
}

const allCapitals = /^\p{Lu}[\p{Lu}.'’-]*$/u;
const monthNames = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/u;

/**
 * A wire story's dateline names where it was filed: "NEW YORK, March 3 -", "GREENWICH, Conn., March 3 -",
 * "WASHINGTON (Reuters) -". A line among the first few that opens with words in capitals, then a comma and a month
 * (or a region between commas and then a month), or an agency in brackets, opens with a place; the region is a place
 * too. The tagger reads such capitals badly ("YORK" an organisation, "Conn" a person).
 */
export function datelinePlaces(text: string, tokens: Tokens, spans: Span[]): Span[] {
  const { words, starts, ends } = tokens;
  const found: Span[] = [];
  // From line to line by the text's line breaks: a text without any is one line, looked at once.
  let index = 0;
  for (let lines = 0; index < words.length && lines < 6; lines += 1) {
    found.push(...datelineAt(words, index));
    const lineBreak = text.indexOf('\n', ends[index]);
    if (lineBreak < 0) break;
    while (index < words.length && starts[index]! < lineBreak) index += 1;
  }
  if (found.length === 0) return spans;
  const kept = spans.filter((span) => !found.some((place) => span.first < place.end && place.first < span.end));
  return [...kept, ...found].sort((a, b) => a.first - b.first);
}

/** The place, and its region, of a dateline opening at token `index`; none when no dateline opens there. */
function datelineAt(words: readonly string[], index: number): Span[] {
  let end = index;
  while (end < words.length && end - index < 4 && allCapitals.test(words[end]!) && /\p{Lu}.*\p{Lu}|^\p{Lu}\.$/u.test(words[end]!)) end += 1;
  if (end === index || closedClass.has(words[index]!.toLowerCase())) return [];
  let region: Span | undefined;
  let next = end + 1;
  if (words[end] === ',' && words[next] && !monthNames.test(words[next]!) && capitalised.test(words[next]!)) {
    let regionEnd = next;
    while (regionEnd < words.length && regionEnd - next < 3 && words[regionEnd] !== ',') regionEnd += 1;
    if (words[regionEnd] !== ',') return [];
    region = { first: next, end: regionEnd, type: 'location' };
    next = regionEnd + 1;
  }
  const dated = words[end] === ',' && monthNames.test(words[next] ?? '');
  const agency = words[end] === '(';
  if (!dated && !agency) return [];
  return region ? [{ first: index, end, type: 'location' }, region] : [{ first: index, end, type: 'location' }];
}
