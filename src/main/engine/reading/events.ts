/**
 * Events: who did what to whom, where and when, from clauses with an event verb ("about 40
 * soldiers entered the country near the village of Armudlu"), with the claim that carries the
 * event when it sits inside a claim's content ("Azerbaijan claimed it captured six soldiers").
 */
import type { Claim } from './claims';
import type { EntityRef, QuotedSpan, ReadingDocument, TextSpan } from './document';
import { isPunctuation, isQuote, tokenSpan } from './document';

export type EventType = 'attack' | 'movement' | 'capture' | 'arrest' | 'casualties' | 'meeting' | 'agreement';

/** An event argument: the words, and the entity mention they are (or resolve to: "it" → "Azerbaijan"), if any. */
export interface EventArgument extends QuotedSpan {
  readonly entity?: EntityRef;
}

/** A time expression as the time layer gives it (the fields events use). */
export interface TimeLike extends QuotedSpan {
  readonly value?: string;
  readonly precision?: string;
}

export interface ReadEvent {
  /** The event verb. */
  readonly trigger: QuotedSpan;
  readonly type: EventType;
  /** Who did it (the subject; after "by" in the passive). */
  readonly agent?: EventArgument;
  /** To whom or what (the object; the subject in the passive). */
  readonly patient?: EventArgument;
  /** Where: a place mention after in/near/at/into in the clause, or a place entered or attacked. */
  readonly place?: EventArgument;
  /** When: the time expression of the sentence nearest the trigger. */
  readonly time?: TimeLike;
  /** Index (in `claims`) of the claim whose content holds the event: it is that speaker's account. */
  readonly claim?: number;
  readonly sentence: TextSpan;
}

const eventVerbs = new Map<string, EventType>();
const addVerbs = (type: EventType, words: string): void => {
  for (const word of words.split(' ')) eventVerbs.set(word, type);
};
addVerbs('attack', 'attacked attacks attack shelled shells bombed bombs struck strikes hit hits raided raids ambushed ambushes invaded invades targeted targets fired launched launches stormed storms assaulted bombarded');
addVerbs('movement', 'entered enters crossed crosses withdrew withdrawn withdraws advanced advances retreated retreats moved deployed deploys arrived arrives fled flee flees infiltrated returned marched');
addVerbs('capture', 'captured captures seized seizes kidnapped kidnaps abducted abducts occupied occupies retook retakes recaptured recaptures overran overrun');
addVerbs('arrest', 'arrested arrests detained detains jailed imprisoned');
addVerbs('casualties', 'killed kills wounded wounds injured injures died dies executed executes');
addVerbs('meeting', 'met meets visited visits hosted hosts');
addVerbs('agreement', 'signed signs ratified ratifies');

// Forms that are also nouns or adjectives: an event only after a subject or auxiliary, never after a determiner.
const nounLike = new Set(['attack', 'attacks', 'strikes', 'hit', 'hits', 'raids', 'targets', 'launches', 'wounds', 'kills', 'visits', 'signs', 'advances', 'retreats', 'arrests', 'shells', 'bombs']);
// Participles that are also adjectives ("the wounded", "the occupied territories"): not after a determiner.
const adjectiveLike = new Set(['fired', 'moved', 'returned', 'wounded', 'injured', 'killed', 'occupied', 'detained', 'deployed', 'captured', 'seized']);
const passiveAux = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got']);
const auxiliaries = new Set(['has', 'have', 'had', 'reportedly', 'allegedly', 'also', 'then', 'later', 'again', 'had', 'will', 'would', 'could', 'may', 'might', 'not', 'never', 'already', 'recently', 'subsequently', 'finally', 'eventually', 'successfully', 'reportedly', 'jointly', 'briefly', 'secretly', 'illegally', 'today', 'yesterday']);
// Words an argument does not run across.
const boundaries = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'after', 'before', 'because', 'since', 'if', 'but', 'and', 'or', 'said', 'says', 'claimed', 'stressed', 'reported', 'added', 'denied', 'accused', 'urged', 'had', 'has', 'have', 'was', 'were', 'is', 'are', 'as', 'than', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'into', 'near', 'during', 'until', 'following', 'including', 'about', 'against', 'between', 'through', 'over', 'under', 'without', 'within', 'across', 'along', 'amid', 'among']);
const placePrepositions = new Set(['in', 'near', 'at', 'into', 'inside', 'outside', 'around', 'across', 'towards', 'toward', 'from', 'on']);
const placeNouns = new Set(['village', 'town', 'city', 'region', 'district', 'province', 'area', 'outskirts', 'suburbs', 'capital', 'settlement', 'territory', 'border', 'vicinity', 'direction', 'municipality', 'governorate', 'county']);
const pronouns = new Set(['he', 'she', 'it', 'they', 'we']);
const negations = new Set(['not', 'never', "n't", 'no']);
const quantity = /^(?:\d[\d,.]*|about|around|some|nearly|almost|over|more|than|at|least|up|to|dozens|hundreds|thousands|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)$/;

/** Events in text order. `claims` give the account each event belongs to; `times` the time expressions of the text. */
export function findEvents(document: ReadingDocument, claims: readonly Claim[], times: readonly TimeLike[]): ReadEvent[] {
  const { lower, words, sentenceStarts, sentenceEnds, mentionAt, mentions, mentionFirst, mentionEnd, starts } = document;
  const events: ReadEvent[] = [];
  let time = 0;
  let claimIndex = 0;
  for (let sentence = 0; sentence < sentenceStarts.length; sentence += 1) {
    const first = sentenceStarts[sentence]!;
    const end = sentenceEnds[sentence]!;
    for (let token = first; token < end; token += 1) {
      const type = eventVerbs.get(lower[token]!);
      if (!type || mentionAt[token]! >= 0 || /^\p{Lu}/u.test(words[token]!) && token !== first) continue;
      let before = token - 1;
      while (before >= first && (auxiliaries.has(lower[before]!) || isQuote(words[before]!))) before -= 1;
      const previous = lower[before] ?? '';
      // "not captured", "never attacked", "did not enter": what did not happen is no event.
      let negated = false;
      for (let look = token - 1; look >= Math.max(first, token - 3); look -= 1) if (negations.has(lower[look]!)) negated = true;
      if (negated) continue;
      // "were killed", "was captured": the subject is what the event was done to.
      const participle = (word: string): boolean => word.endsWith('ed') || /^(?:struck|hit|overrun|withdrawn|met|shot)$/.test(word);
      let passive = passiveAux.has(previous) && participle(lower[token]!);
      // "was struck and killed by": the second participle shares the first one's passive.
      if (!passive && previous === 'and' && participle(lower[token]!) && participle(lower[before - 1] ?? '') && passiveAux.has(lower[before - 2] ?? '')) {
        passive = true;
        before -= 2;
      }
      if (adjectiveLike.has(lower[token]!) && !passive && (previous === 'the' || previous === 'a' || previous === 'an' || previous === 'its' || previous === 'their')) continue;
      if (nounLike.has(lower[token]!) && !passive && before === token - 1) {
        // "warning signs", "the attacks": a noun unless a name or pronoun is its subject.
        const subjectIndex = mentionAt[before] ?? -1;
        if (!(subjectIndex >= 0 && mentionEnd[subjectIndex] === token) && !pronouns.has(previous)) continue;
      }
      let subjectEnd = before + 1;
      if (passive) {
        while (subjectEnd - 1 >= first && (passiveAux.has(lower[subjectEnd - 1]!) || auxiliaries.has(lower[subjectEnd - 1]!))) subjectEnd -= 1;
      }
      const subject = argumentBefore(document, subjectEnd, first);
      const objectStart = token + 1;
      let agent = passive ? undefined : subject;
      let patient = passive ? subject : argumentAfter(document, objectStart, end);
      if (passive) {
        let by = objectStart;
        while (by < end && by < objectStart + 8 && lower[by] !== 'by' && !boundaries.has(lower[by]!)) by += 1;
        if (lower[by] === 'by') agent = argumentAfter(document, by + 1, end);
      }
      if (type === 'movement' && patient && !patient.entity && ['into', 'to', 'from'].includes(patient.text.toLowerCase())) patient = undefined;

      // The claim that holds the trigger, and its speaker for "it" / "they".
      while (claimIndex < claims.length && claims[claimIndex]!.content.end <= starts[token]! && claims[claimIndex]!.sentence.end <= starts[token]!) claimIndex += 1;
      let carrying: number | undefined;
      for (let index = Math.max(0, claimIndex - 3); index < Math.min(claims.length, claimIndex + 6); index += 1) {
        const claim = claims[index]!;
        if (claim.content.start <= starts[token]! && document.ends[token]! <= claim.content.end) carrying = index;
      }
      const speaker = carrying !== undefined ? claims[carrying]!.speaker : undefined;
      if (agent && !agent.entity && pronouns.has(agent.text.toLowerCase()) && speaker && speaker.type !== 'other') {
        const personal = agent.text.toLowerCase() === 'he' || agent.text.toLowerCase() === 'she';
        if (personal === (speaker.type === 'person')) agent = { ...agent, entity: speaker };
      }

      // Where: a place after in/near/at/into in the rest of the clause; a place entered or attacked.
      let place: EventArgument | undefined;
      // A place entered or attacked is the place, when the patient is the place's name itself ("entered Armudlu"),
      // not a phrase that only holds one ("six Armenian soldiers").
      const patientIsPlace = patient?.entity?.type === 'location' && patient.entity.start === patient.start && patient.entity.end === patient.end;
      if (patientIsPlace && (type === 'movement' || type === 'attack' || type === 'capture')) place = patient;
      for (let look = objectStart; !place && look < end && look < objectStart + 16; look += 1) {
        const word = lower[look]!;
        if (word === ';' || (eventVerbs.has(word) && look > objectStart + 1) || word === 'that' || word === 'which') break;
        if (!placePrepositions.has(word)) continue;
        let at = look + 1;
        if (lower[at] === 'the') at += 1;
        if (placeNouns.has(lower[at]!) && lower[at + 1] === 'of') at += 2;
        else if (placeNouns.has(lower[at + 1] ?? '') && lower[at + 2] === 'of') at += 3;
        const index = mentionAt[at]!;
        if (index >= 0 && mentions[index]!.type === 'location' && mentionFirst[index] === at) place = { ...mentions[index]!, entity: mentions[index]! };
      }

      // When: the time expression of the sentence nearest the trigger.
      const sentenceStart = starts[first]!;
      const sentenceStop = document.ends[end - 1]!;
      while (time < times.length && times[time]!.end <= sentenceStart) time += 1;
      let when: TimeLike | undefined;
      for (let index = time; index < times.length && times[index]!.start < sentenceStop; index += 1) {
        const candidate = times[index]!;
        if (!when || Math.abs(candidate.start - starts[token]!) < Math.abs(when.start - starts[token]!)) when = candidate;
      }

      const sentenceSpan = tokenSpan(document, first, end);
      events.push({
        trigger: tokenSpan(document, token, token + 1),
        type,
        ...(agent ? { agent } : {}),
        ...(patient ? { patient } : {}),
        ...(place ? { place } : {}),
        ...(when ? { time: when } : {}),
        ...(carrying !== undefined ? { claim: carrying } : {}),
        sentence: { start: sentenceSpan.start, end: sentenceSpan.end },
      });
    }
  }
  return events;
}

/** The noun phrase (or mention) that ends right before `end`, within the clause. */
function argumentBefore(document: ReadingDocument, end: number, limit: number): EventArgument | undefined {
  const { lower, words, mentionAt, mentions, mentionFirst } = document;
  const last = end - 1;
  if (last < limit) return undefined;
  const index = mentionAt[last]!;
  if (index >= 0 && document.mentionEnd[index] === end) return { ...tokenSpan(document, mentionFirst[index]!, end), entity: mentions[index]! };
  let first = end;
  while (first - 1 >= limit && first > end - 7) {
    const word = words[first - 1]!;
    const lowered = lower[first - 1]!;
    if (boundaries.has(lowered) && !(quantity.test(lowered) && first < end)) break;
    if (isPunctuation(word) && !isQuote(word) && word !== '-') break;
    first -= 1;
    if (mentionAt[first]! >= 0) first = mentionFirst[mentionAt[first]!]!;
  }
  while (first < end && isQuote(words[first]!) && !words.slice(first + 1, end).some((word) => isQuote(word))) first += 1;
  if (first >= end) return undefined;
  const mention = firstMention(document, first, end);
  return { ...tokenSpan(document, first, end), ...(mention ? { entity: mention } : {}) };
}

/** The noun phrase (or mention) that starts at `start`, up to a preposition or a clause boundary. */
function argumentAfter(document: ReadingDocument, start: number, limit: number): EventArgument | undefined {
  const { lower, words, mentionAt, mentionEnd } = document;
  if (start >= limit) return undefined;
  if (placePrepositions.has(lower[start]!) && lower[start] !== 'on' && !(lower[start] === 'at' && lower[start + 1] === 'least')) return undefined;
  let end = start;
  while (end < limit && end < start + 8) {
    const index = mentionAt[end]!;
    if (index >= 0) {
      end = mentionEnd[index]!;
      // A mention ends the phrase unless a noun follows it ("six Armenian soldiers", "ISIL fighters").
      if (!/^\p{Ll}+s$/u.test(words[end] ?? '') || boundaries.has(lower[end] ?? '')) break;
      continue;
    }
    const word = words[end]!;
    if (boundaries.has(lower[end]!) && !(end === start && quantity.test(lower[end]!))) break;
    if (isPunctuation(word) && !isQuote(word) && word !== '-') break;
    if (eventVerbs.has(lower[end]!) && end > start) break;
    end += 1;
  }
  while (end > start && isQuote(words[end - 1]!)) end -= 1;
  if (end <= start) return undefined;
  const mention = firstMention(document, start, end);
  return { ...tokenSpan(document, start, end), ...(mention ? { entity: mention } : {}) };
}

/** The mention a phrase names: the phrase itself, or its last mention ("the Armenian soldiers" has none; "the Azerbaijani army" may). */
function firstMention(document: ReadingDocument, first: number, end: number): EntityRef | undefined {
  for (let token = end - 1; token >= first; token -= 1) {
    const index = document.mentionAt[token]!;
    if (index >= 0) return document.mentions[index];
  }
  return undefined;
}
