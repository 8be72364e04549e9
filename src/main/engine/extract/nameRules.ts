// Rules about how English writes names, applied to the tagger's spans (index.ts runs them in order).
import type { MentionType } from './index';
import { organizationHeadWords } from './lexicon';
import { sentenceStartSet } from './tokenize';
import type { Tokens } from './tokenize';

/** A tagged name: tokens first..end-1. */
export interface Span {
  first: number;
  end: number;
  type: MentionType;
}

/**
 * Words that make the name they end an organisation's ("Atlantic Lottery Corporation", "Prague
 * Conservatory", "Court of Appeal"): the organisation cue words of lexicon.ts and a few more ("EU Monitoring
 * Mission", "Caucasus Wire"; outside the tagger's list, which it was trained with), less those that also end
 * places or events ("Soviet Union", "English Channel", "Western Front") or name buildings.
 */
export const organizationHeads = new Set(
  [...organizationHeadWords(), 'Mission', 'Wire', 'Majlis', 'TV', 'FC', 'PLC', 'LLC', 'GmbH', 'Co', 'Cos', 'AG', 'SA', 'NV', 'BV', 'SpA', ...formationHeads()].filter(
    (word) => !['Union', 'Channel', 'Front', 'Church', 'Hospital', 'Museum', 'Guard', 'Post', 'Division', 'Service'].includes(word),
  ),
);

/**
 * Head words of military formations and of public and private bodies that the tagger's cue list lacks: "Sixth
 * Fleet", "Fighter Wing", "Bomber Command", "Task Force", "Locomotive Works", "Treasury Board". None ends a place's
 * or a building's name.
 */
function formationHeads(): string[] {
  return ['Fleet', 'Wing', 'Squadron', 'Command', 'Force', 'Legion', 'Flotilla', 'Works', 'Board', 'Directorate', 'Secretariat', 'Inspectorate'];
}

const smallLetter = /^\p{Ll}/u;

/**
 * A name ends with a capitalised word or a number, never with a word in small letters: "… Mine Action said"
 * loses "said". (Small words inside a name stay: "Agency for Mine Action", "Bank of England".)
 */
export function trimSmallEnds(tokens: Tokens, spans: Span[]): void {
  const { words } = tokens;
  for (const span of spans) while (span.end - 1 > span.first && smallLetter.test(words[span.end - 1]!)) span.end -= 1;
}

/**
 * Two names are not written side by side with nothing between them: a place or an organisation followed at once
 * by an organisation is one organisation whose name starts with the place ("Azerbaijan National" + "Agency for
 * Mine Action", "U.S." + "Army"). Sentence boundaries part them.
 */
export function joinSplitOrganizations(tokens: Tokens, spans: Span[]): Span[] {
  const sentenceStart = sentenceStartSet(tokens);
  const joined: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.first - b.first)) {
    const previous = joined.at(-1);
    // The second name may be typed otherwise while its head word says organisation ("U.S. Naval Forces" + "Central Command").
    // A lone head word the tagger took for a person ("Kansas Livestock" + "Association") continues the name too.
    const head = organizationHeads.has(tokens.words[span.end - 1]!);
    const second = span.type === 'organization' || (head && (span.type !== 'person' || span.end - span.first === 1));
    if (previous && previous.end === span.first && second && (previous.type === 'location' || previous.type === 'organization') && !sentenceStart.has(span.first)) {
      previous.end = span.end;
      previous.type = 'organization';
      continue;
    }
    joined.push(span);
  }
  return joined;
}

/**
 * The abbreviations newspapers write after a town for its US state or Canadian province (AP style: "Paris, Tenn.",
 * "Portland, Ore.", "Kingston, Ont."), lower-cased and without their full stops. Two-letter postal codes are left
 * out: "Paris, TN" is rare in running text and "IN", "OR", "ME" are words.
 */
const regionAbbreviations = new Set(
  'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev nh nj nm ny nc nd okla ore pa ri sc sd tenn tex vt va wash wva wis wyo ont que bc alta man sask ns nb nfld pei'.split(' '),
);

/**
 * "Portland, Ore.": a place, a comma and a state's abbreviation with its full stop name a town and its state; the
 * abbreviation is a place too (the tagger takes "Ore" for a word), so that place resolution reads the town in it.
 */
export function addRegionAbbreviations(tokens: Tokens, spans: Span[]): Span[] {
  const { words } = tokens;
  const sentenceStart = sentenceStartSet(tokens);
  const taken = new Uint8Array(words.length);
  for (const span of spans) taken.fill(1, span.first, span.end);
  const added: Span[] = [];
  for (const span of spans) {
    const at = span.end + 1;
    if (span.type !== 'location' || words[span.end] !== ',' || at >= words.length || taken[at] || sentenceStart.has(at)) continue;
    const word = words[at]!;
    const stopped = word.endsWith('.') || words[at + 1] === '.';
    if (!stopped || !/^\p{Lu}/u.test(word) || !regionAbbreviations.has(word.replace(/\./g, '').toLowerCase())) continue;
    taken[at] = 1;
    added.push({ first: at, end: at + 1, type: 'location' });
  }
  return added.length === 0 ? spans : [...spans, ...added].sort((a, b) => a.first - b.first);
}

/** Words that open a letter or a message ("Hi Helena,", "Dear Nadia"): never part of the name after them. */
const greetings = new Set(['hi', 'hello', 'hey', 'dear', 'thanks', 'thank', 'greetings', 'cheers', 'regards', 'congratulations']);

/** Closed-class words (articles, pronouns, conjunctions, prepositions): a span of these alone is no name ("The"). */
export const closedClass = new Set(
  'the a an this that these those he she it we they i you me him us them his her its our their my your and but or nor if so as at by for from in into of on to with'.split(' '),
);

/** Drops greetings from the start of a name ("Hi Helena" → "Helena"), and spans that are only closed-class words. */
export function dropNonNameWords(tokens: Tokens, spans: Span[]): Span[] {
  const { words } = tokens;
  const kept: Span[] = [];
  for (const span of spans) {
    while (span.first < span.end - 1 && greetings.has(words[span.first]!.toLowerCase())) span.first += 1;
    let closed = true;
    // Written in capitals it is an abbreviation ("US", "IT"), not the word.
    for (let index = span.first; index < span.end && closed; index += 1) closed = closedClass.has(words[index]!.toLowerCase()) && !/^\p{Lu}{2,}$/u.test(words[index]!);
    if (!closed && !(span.end - span.first === 1 && greetings.has(words[span.first]!.toLowerCase()))) kept.push(span);
  }
  return kept;
}

/** Legal forms that follow a company's name ("Acme Corporation, Inc."): never a name alone. */
const legalForms = new Set(['inc', 'inc.', 'ltd', 'ltd.', 'llc', 'plc', 'corp', 'corp.', 'co', 'co.', 'gmbh', 'ag', 's.a.', 'sa', 'n.v.', 'b.v.', 'pty', 'lp', 'llp']);

/**
 * An organisation named after a place: "National Library of the Netherlands", "Bank of England" (the tagger often
 * marks only the place). A place right after "of" or "of the", after a capitalised run that ends with an
 * organisation's head word, is the end of one organisation's name that starts with the run. A legal form alone
 * ("Inc.") is dropped.
 */
export function organizationsOfPlaces(tokens: Tokens, spans: Span[]): Span[] {
  const { words } = tokens;
  const sentenceStart = sentenceStartSet(tokens);
  const result: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.first - b.first)) {
    if (span.end - span.first === 1 && legalForms.has(words[span.first]!.toLowerCase())) continue;
    if (span.type === 'location') {
      let of = span.first - 1;
      if (of >= 0 && words[of] === 'the' && !sentenceStart.has(of)) of -= 1;
      const head = of - 1;
      if (of > 0 && words[of] === 'of' && !sentenceStart.has(of) && !sentenceStart.has(span.first) && organizationHeads.has(words[head]!)) {
        // The capitalised run the head ends ("National Library"), or the organisation span that ends there.
        let first = head;
        while (first > 0 && !sentenceStart.has(first) && /^\p{Lu}/u.test(words[first - 1]!)) first -= 1;
        while (result.length > 0 && result.at(-1)!.end > first) {
          const previous = result.pop()!;
          first = Math.min(first, previous.first);
        }
        result.push({ first, end: span.end, type: 'organization' });
        continue;
      }
    }
    result.push(span);
  }
  return result;
}

const runJoiners = new Set(['of', 'for', 'and', 'the', '&', 'on', 'de']);

/**
 * Head words that name an organisation whatever precedes them, for a run the tagger did not tag at all. Cue words
 * that also head names of other things are left out: "Geographic Information Systems", "Olympic Games", "Congress"
 * (a conference), "Times", "Network", "Movement", "Office", "School".
 */
const certainHeads = new Set(
  `Corporation Company Inc Inc. Corp Corp. Ltd Ltd. LLC PLC GmbH Holdings Industries Enterprises Incorporated Limited Airlines Airways
  Agency Authority Council Commission Committee Ministry Department Bureau Directorate Secretariat Inspectorate Board Tribunal
  University College Institute Academy Polytechnic Conservatory Seminary Bank Fund Trust Foundation Association Society Federation
  League Club Organization Organisation Party Army Navy Police Brigade Battalion Regiment Corps Fleet Wing Squadron Command Force
  Forces Legion Flotilla Works Orchestra Philharmonic Choir Ensemble Quartet`.split(/\s+/),
);

/** Heads of military units, whose names may start with their number: "65th Fighter Wing", "3rd Infantry Division". */
const unitHeads = new Set(['Fleet', 'Wing', 'Squadron', 'Command', 'Force', 'Forces', 'Legion', 'Flotilla', 'Army', 'Corps', 'Brigade', 'Battalion', 'Regiment', 'Division', 'Group', 'Guard', 'Infantry', 'Cavalry', 'Artillery', 'Marines']);

/** A sentence's first word that is not part of a name after it: "The Defamation Action League …", "After Bomber Command …". */
const sentenceOpeners = new Set(
  'the a an this that these those in on at by for from with after before when while during since although though if as but and or then also both several some many most all every each'.split(' '),
);
const capitalisedName = /^\p{Lu}[\p{L}\p{M}\p{N}'’.-]*$/u;
const ordinalSuffix = /^(?:st|nd|rd|th)$/;

/**
 * A run of capitalised words the tagger left untagged, of two words or more, that ends in an organisation's head
 * word is an organisation: "The Defamation Action League was started", "Civil Defense Authority", "Combined Joint
 * Task Force". A sentence's opening word ("The", "After") is not part of it; a number or
 * ordinal just before is ("65th Fighter Wing", "501st Legion"), also before an organisation the tagger found.
 */
export function headedRuns(tokens: Tokens, spans: Span[]): Span[] {
  const { words } = tokens;
  const sentenceStart = sentenceStartSet(tokens);
  const taken = new Uint8Array(words.length);
  for (const span of spans) taken.fill(1, span.first, span.end);
  // The ordinal or number a unit's name starts with: "65 th" (the tokeniser parts "65th"), "2nd", "139".
  const numberBefore = (first: number, end: number): number => {
    if (!unitHeads.has(words[end - 1]!)) return first;
    if (first >= 2 && ordinalSuffix.test(words[first - 1]!) && /^\d+$/.test(words[first - 2]!) && !taken[first - 1] && !taken[first - 2] && !sentenceStart.has(first - 1) && !sentenceStart.has(first)) return first - 2;
    if (first >= 1 && /^\d+(?:st|nd|rd|th)?$/.test(words[first - 1]!) && !taken[first - 1] && !sentenceStart.has(first)) return first - 1;
    return first;
  };
  const added: Span[] = [];
  for (const span of spans) if (span.type === 'organization' && organizationHeads.has(words[span.end - 1]!)) span.first = numberBefore(span.first, span.end);
  let index = 0;
  while (index < words.length) {
    if (taken[index] || !capitalisedName.test(words[index]!)) {
      index += 1;
      continue;
    }
    let end = index + 1;
    while (end < words.length && !sentenceStart.has(end) && !taken[end]) {
      if (capitalisedName.test(words[end]!)) end += 1;
      else if (runJoiners.has(words[end]!) && end + 1 < words.length && !taken[end + 1] && !sentenceStart.has(end + 1) && capitalisedName.test(words[end + 1]!)) end += 2;
      else break;
    }
    let first = index;
    while (first < end - 1 && sentenceStart.has(first) && sentenceOpeners.has(words[first]!.toLowerCase())) first += 1;
    while (first < end - 1 && words[first] === 'The') first += 1;
    if (end - first >= 2 && certainHeads.has(words[end - 1]!)) {
      added.push({ first: numberBefore(first, end), end, type: 'organization' });
    }
    index = end;
  }
  return added.length === 0 ? spans : [...spans, ...added].sort((a, b) => a.first - b.first);
}

/**
 * "the National Aeronautics and Space Administration (NASA)", "the Association of Tin Producing Countries, ATPC,": an
 * abbreviation in brackets or between commas right after a name is that name's, and of its type, wherever the tagger
 * typed it otherwise; the document's other uses of it follow (propagate).
 */
export function bracketedAbbreviations(tokens: Tokens, spans: Span[]): Span[] {
  const { words } = tokens;
  const byFirst = new Map(spans.map((span) => [span.first, span]));
  const added: Span[] = [];
  for (const span of spans) {
    const at = span.end + 1;
    const bracketed = words[span.end] === '(' && words[at + 1] === ')';
    const apposed = words[span.end] === ',' && (words[at + 1] === ',' || words[at + 1] === '.' || at + 1 === words.length);
    if (span.type === 'other' || !(bracketed || apposed) || !isAbbreviationOf(words[at]!, words.slice(span.first, span.end))) continue;
    const tagged = byFirst.get(at);
    if (tagged && tagged.end === at + 1) tagged.type = span.type;
    else if (!tagged) added.push({ first: at, end: at + 1, type: span.type });
  }
  return added.length === 0 ? spans : [...spans, ...added].sort((a, b) => a.first - b.first);
}

/** "NASA" of "National Aeronautics and Space Administration", "ACPeds" of "American College of Pediatricians": two capitals or more, the first the name's first letter, every capital a word's first letter in order. */
function isAbbreviationOf(abbreviation: string, name: readonly string[]): boolean {
  const capitals = abbreviation.replace(/[^\p{Lu}]/gu, '');
  if (capitals.length < 2 || !/^\p{Lu}[\p{L}\p{N}&.-]*$/u.test(abbreviation) || capitals[0] !== name[0]![0]) return false;
  const initials = name.flatMap((word) => word.split(/[-‐]/)).map((word) => word[0] ?? '').join('');
  let position = 0;
  for (const capital of capitals) {
    position = initials.indexOf(capital, position);
    if (position < 0) return false;
    position += 1;
  }
  return true;
}

/**
 * "Andy Warhol Foundation for the Visual Arts", "Joint Council for the Welfare of Immigrants", "Center for Advanced
 * Study": an organisation's name goes on after its head word with "for" (or "for the") and a capitalised run, which
 * names its purpose, not another name. Spans inside that run (the tagger's "Visual Arts") become part of it.
 */
export function organizationPurposes(tokens: Tokens, spans: Span[]): Span[] {
  const { words } = tokens;
  const sentenceStart = sentenceStartSet(tokens);
  const sorted = [...spans].sort((a, b) => a.first - b.first);
  const result: Span[] = [];
  for (let index = 0; index < sorted.length; index += 1) {
    const span = sorted[index]!;
    result.push(span);
    if (span.type !== 'organization' || !organizationHeads.has(words[span.end - 1]!) || words[span.end] !== 'for') continue;
    let start = span.end + 1;
    if (words[start] === 'the') start += 1;
    let end = start;
    while (end < words.length && !sentenceStart.has(end)) {
      if (capitalisedName.test(words[end]!)) end += 1;
      else if (runJoiners.has(words[end]!) && end + 1 < words.length && !sentenceStart.has(end + 1) && capitalisedName.test(words[end + 1]!)) end += 2;
      else break;
    }
    if (end === start || sentenceStart.has(span.end) || sentenceStart.has(start)) continue;
    // The spans the run covers are part of the name; one that reaches past it stays as it is (the rule does not fire).
    let next = index + 1;
    while (next < sorted.length && sorted[next]!.first < end && sorted[next]!.end <= end) next += 1;
    if (next < sorted.length && sorted[next]!.first < end) continue;
    span.end = end;
    index = next - 1;
  }
  return result;
}

/**
 * "USI's art gallery", "DAB's Starry Lee": a name written in capitals alone is an abbreviation, and English abbreviates
 * organisations, not people; one the tagger typed as a person is an organisation.
 */
export function abbreviatedOrganizations(tokens: Tokens, spans: Span[]): void {
  const { words, sentenceStarts } = tokens;
  const capitals = /^\p{Lu}[\p{Lu}\p{N}&]+$/u;
  let sentence = 0;
  for (const span of spans) {
    if (span.type !== 'person' || span.end - span.first !== 1 || !capitals.test(words[span.first]!)) continue;
    while (sentence + 1 < sentenceStarts.length && sentenceStarts[sentence + 1]! <= span.first) sentence += 1;
    // Not in a headline written in capitals ("REAGAN SAYS …"), where a person's name is in capitals too.
    const end = sentence + 1 < sentenceStarts.length ? sentenceStarts[sentence + 1]! : words.length;
    let small = 0;
    let large = 0;
    for (let index = sentenceStarts[sentence] ?? 0; index < end; index += 1) {
      if (/\p{Ll}/u.test(words[index]!)) small += 1;
      else if (/\p{Lu}{2}/u.test(words[index]!)) large += 1;
    }
    if (large <= small) span.type = 'organization';
  }
}

const smallJoiners = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', '&']);

/**
 * "sea surface salinity (SSS)", "improvised explosive devices (IEDs)": an abbreviation defined in brackets by words in
 * small letters is a term, not a name; it is no name anywhere in the document.
 */
export function dropTermAbbreviations(tokens: Tokens, spans: Span[]): Span[] {
  const { words } = tokens;
  const terms = new Set<string>();
  for (let index = 1; index + 2 < words.length; index += 1) {
    if (words[index] !== '(' || words[index + 2] !== ')') continue;
    const abbreviation = words[index + 1]!;
    if (!/^\p{Lu}{2,}s?$/u.test(abbreviation)) continue;
    const letters = abbreviation.replace(/s$/, '').toLowerCase();
    // The words before the bracket, last first, spell the abbreviation backwards; small joiners may be skipped.
    let letter = letters.length - 1;
    let word = index - 1;
    while (letter >= 0 && word >= 0) {
      const parts = words[word]!.split('-').reverse();
      if (!/^\p{Ll}/u.test(words[word]!)) break;
      let matched = true;
      for (const part of parts) {
        if (letter >= 0 && part[0] === letters[letter]) letter -= 1;
        else if (!smallJoiners.has(part)) matched = false;
      }
      if (!matched) break;
      word -= 1;
    }
    if (letter < 0) terms.add(abbreviation);
  }
  if (terms.size === 0) return spans;
  return spans.filter((span) => !(span.end - span.first === 1 && terms.has(words[span.first]!)));
}

/**
 * "NASA Administrator Charles Bolden", "US President Barack Obama", "Pennsylvania Senator Rick Santorum": English writes
 * an office's title between the body or place it belongs to and the person's name. A name that ends in title words
 * right before another capitalised word is the body or place alone: a country or place (`isPlace`) is a place, anything
 * else an organisation; the title goes with the person (toMention gives it as the role).
 */
export function titlesBeforeNames(tokens: Tokens, spans: Span[], titles: ReadonlySet<string>, isPlace: (first: number, end: number) => boolean): Span[] {
  const { words } = tokens;
  const sentenceStart = sentenceStartSet(tokens);
  const kept: Span[] = [];
  for (const span of spans) {
    let end = span.end;
    while (end > span.first && titles.has(words[end - 1]!.toLowerCase()) && /^\p{Lu}/u.test(words[end - 1]!)) end -= 1;
    const next = words[span.end];
    if (end === span.end || end === span.first || span.type === 'other' || next === undefined || sentenceStart.has(span.end) || !/^\p{Lu}\p{Ll}/u.test(next)) {
      kept.push(span);
      continue;
    }
    kept.push({ first: span.first, end, type: isPlace(span.first, end) ? 'location' : 'organization' });
  }
  return kept;
}

/** An English name's head: its last word, or the word before its first "of" ("Bank" of "Bank of England"). */
export function headOf(words: readonly string[], span: Span): string {
  for (let index = span.first + 1; index < span.end; index += 1) if (words[index] === 'of') return words[index - 1]!;
  return words[span.end - 1]!;
}
