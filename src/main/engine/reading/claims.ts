/**
 * Attributed statements: reported speech ("the ministry said that …", "he denied …"), quotations
 * ("“…,” he said", also over several sentences) and "according to X". A speaker written as "he",
 * "it" or "the ministry" resolves back to the last named speaker of a compatible kind.
 */
import type { MentionType } from '../extract/index';
import type { EntityRef, QuotedSpan, ReadingDocument, TextSpan } from './document';
import { isQuote, tokenSpan } from './document';

/** What a claim does with its content, read from the cue: said/stressed → asserts, denied → denies, accused/denounced → accuses, urged/called for → demands. */
export type Stance = 'asserts' | 'denies' | 'accuses' | 'demands';

/** One attributed statement. */
export interface Claim {
  /**
   * Who makes it: the named mention the written speaker resolves to (it may sit in an earlier
   * sentence: "He stressed …" → "Nikol Pashinián"), or the written words themselves when nothing
   * resolves ("officials", an unresolved "he"; then `resolved` is false). Absent for agentless
   * claims ("it was reported that …").
   */
  readonly speaker?: EntityRef;
  /** Where the speaker is written in this claim ("he", "the ministry"), when that is not `speaker` itself. */
  readonly speakerText?: QuotedSpan;
  /** False when `speaker` is only the written words, not a named entity. */
  readonly resolved: boolean;
  /** The reporting words: "said", "denied", "according to", "was reported". */
  readonly cue: QuotedSpan;
  /** What is claimed: the quotation (without its marks) or the reported clause. */
  readonly content: TextSpan;
  /** True when the content is a quotation. */
  readonly quoted: boolean;
  readonly stance: Stance;
  /** The sentence of the cue. */
  readonly sentence: TextSpan;
}

const stanceOfCue = new Map<string, Stance>();
for (const word of 'said says say stated states stressed stresses added adds claimed claims warned warns insisted insists told tells announced announces declared declares noted notes explained explains reported reports confirmed confirms argued argues maintained maintains emphasized emphasizes emphasised emphasises underlined underlines affirmed affirms asserted asserts alleged alleges wrote writes tweeted acknowledged acknowledges admitted admits revealed reveals replied replies responded responds commented comments observed observes recalled recalls predicted predicts estimated estimates concluded concludes reiterated reiterates' .split(' ')) stanceOfCue.set(word, 'asserts');
for (const word of 'denied denies deny rejected rejects dismissed dismisses refuted refutes disputed disputes'.split(' ')) stanceOfCue.set(word, 'denies');
for (const word of 'accused accuses blamed blames denounced denounces condemned condemns criticized criticizes criticised criticises'.split(' ')) stanceOfCue.set(word, 'accuses');
for (const word of 'urged urges demanded demands appealed appeals requested requests'.split(' ')) stanceOfCue.set(word, 'demands');
// "called on X to", "calls for X"; "asked X to".
const demandPhrases = new Set(['called', 'calls', 'call', 'asked', 'asks']);
// Gerunds that continue the sentence's speaker: ", adding that …", "before stressing that …".
const gerundStance = new Map<string, Stance>([
  ['saying', 'asserts'], ['adding', 'asserts'], ['stressing', 'asserts'], ['claiming', 'asserts'], ['insisting', 'asserts'], ['warning', 'asserts'],
  ['noting', 'asserts'], ['stating', 'asserts'], ['arguing', 'asserts'], ['denying', 'denies'], ['rejecting', 'denies'], ['accusing', 'accuses'],
  ['blaming', 'accuses'], ['denouncing', 'accuses'], ['condemning', 'accuses'], ['urging', 'demands'], ['calling', 'demands'], ['demanding', 'demands'],
]);
const passiveCues = new Set(['reported', 'claimed', 'alleged', 'said', 'announced', 'confirmed', 'stated', 'believed', 'understood', 'feared']);

// Words that may sit between a speaker and the cue: "also said", "on Wednesday denounced", "has repeatedly denied".
const skippable = new Set(['also', 'again', 'later', 'earlier', 'today', 'yesterday', 'tonight', 'has', 'have', 'had', 'then', 'further', 'strongly', 'repeatedly', 'previously', 'publicly', 'firmly', 'flatly', 'once', 'immediately', 'separately', 'recently', 'reportedly', 'never', 'always', 'however', 'would', 'will', 'did', 'does', 'not', 'subsequently']);
const weekdays = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'morning', 'evening', 'night', 'afternoon']);

type Kind = 'person' | 'body';
const personPronouns = new Set(['he', 'she']);
const bodyPronouns = new Set(['it', 'they', 'we']);
// Nouns that name a speaker already met: "the ministry said", "the minister added".
const personNouns = new Set(['minister', 'president', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'secretary', 'ambassador', 'commander', 'general', 'envoy', 'premier', 'leader', 'chief', 'head', 'governor', 'mayor', 'diplomat', 'colonel', 'chairman', 'director', 'senator', 'officer']);
const bodyNouns = new Set(['ministry', 'government', 'army', 'military', 'department', 'office', 'agency', 'committee', 'council', 'embassy', 'administration', 'kremlin', 'pentagon', 'service', 'command', 'coalition', 'group', 'organisation', 'organization', 'party', 'company', 'police', 'court', 'cabinet', 'presidency', 'parliament', 'authorities']);
// Speakers nobody names: "officials said", "witnesses told …".
const anonymousSpeakers = new Set(['officials', 'witnesses', 'residents', 'sources', 'analysts', 'observers', 'diplomats', 'activists', 'experts', 'reports', 'media', 'critics', 'authorities', 'police', 'soldiers', 'survivors', 'villagers', 'locals', 'officers', 'rebels', 'militants', 'protesters', 'doctors', 'medics', 'journalists', 'spokesman', 'spokeswoman', 'spokesperson', 'someone', 'people', 'they']);

function kindOf(type: MentionType): Kind | undefined {
  if (type === 'person') return 'person';
  if (type === 'organization' || type === 'location') return 'body';
  return undefined;
}

/** Opening token of each closing quotation mark (by token index), pairing curly and straight marks. */
function pairQuotes(document: ReadingDocument): Map<number, number> {
  const { words } = document;
  const openOf = new Map<number, number>();
  let curly = -1;
  let straight = -1;
  for (let token = 0; token < words.length; token += 1) {
    const word = words[token]!;
    if (word.length !== 1 || !isQuote(word)) continue;
    if (word === '“' || word === '«' || word === '„') curly = token;
    else if (word === '”' || word === '»') {
      if (curly >= 0 && token - curly < 600) openOf.set(token, curly);
      curly = -1;
    } else if (straight >= 0) {
      if (token - straight < 600) openOf.set(token, straight);
      straight = -1;
    } else straight = token;
  }
  return openOf;
}

interface Speaker {
  readonly mention?: number;
  readonly written: QuotedSpan;
  readonly type: MentionType;
  readonly resolved: boolean;
  /** The noun that names the speaker ("ministry") or the pronoun, lower-cased, when it is not a mention. */
  readonly head?: string;
}

/** Attributed statements in text order. */
export function findClaims(document: ReadingDocument): Claim[] {
  const { lower, words, sentenceStarts, sentenceEnds, mentionAt, mentions, mentionFirst } = document;
  const openOf = pairQuotes(document);
  const claims: Claim[] = [];
  // The last named speaker of each kind, for "he", "it", "the ministry".
  const lastSpeaker: { person?: number; body?: number; any?: number } = {};
  let lastPersonMention = -1;

  const speakerAt = (last: number, limit: number): Speaker | undefined => {
    // `last` is the token right before the cue (after skipping adverbs); the speaker ends there.
    if (last < limit) return undefined;
    const index = mentionAt[last]!;
    if (index >= 0 && document.mentionEnd[index] === last + 1) {
      const mention = mentions[index]!;
      if (mention.type === 'other') return undefined;
      return { mention: index, written: mention, type: mention.type, resolved: true };
    }
    const word = lower[last]!;
    if (personPronouns.has(word) || bodyPronouns.has(word)) return { written: tokenSpan(document, last, last + 1), type: personPronouns.has(word) ? 'person' : 'organization', resolved: false, head: word };
    if (personNouns.has(word) || bodyNouns.has(word) || anonymousSpeakers.has(word)) {
      let first = last;
      while (first - 1 >= limit && first > last - 4 && /^(?:the|a|an|its|his|her|their|foreign|defen[cs]e|interior|military|senior|top|press|government|army|deputy|prime|armenian|azerbaijani|\p{Ll}+ian|\p{Ll}+ese)$/u.test(lower[first - 1]!)) first -= 1;
      const definite = lower[first] === 'the' || lower[first] === 'its';
      const nameable = (personNouns.has(word) || bodyNouns.has(word)) && definite;
      return { written: tokenSpan(document, first, last + 1), type: personNouns.has(word) ? 'person' : anonymousSpeakers.has(word) && !bodyNouns.has(word) ? 'other' : 'organization', resolved: false, ...(nameable ? { head: word } : {}) };
    }
    return undefined;
  };

  // Resolves a pronoun or "the ministry" to the last named speaker of its kind (else of any kind), or keeps the words.
  const resolve = (speaker: Speaker, cueToken: number): Speaker => {
    if (speaker.mention !== undefined || speaker.head === undefined) return speaker;
    const kind: Kind = speaker.type === 'person' ? 'person' : 'body';
    let candidate = lastSpeaker[kind];
    if (candidate === undefined && kind === 'person' && lastPersonMention >= 0 && speaker.head !== undefined && personPronouns.has(speaker.head)) candidate = lastPersonMention;
    if (candidate === undefined && personPronouns.has(speaker.head)) candidate = lastSpeaker.any;
    if (candidate !== undefined && !personPronouns.has(speaker.head) && !bodyPronouns.has(speaker.head)) {
      // "the ministry" must fit the named speaker: its name holds the noun, or it is of the noun's kind.
      const named = mentions[candidate]!;
      if (!named.text.toLowerCase().includes(speaker.head) && kindOf(named.type) !== kind) candidate = undefined;
    }
    if (candidate === undefined || mentionFirst[candidate]! > cueToken) return speaker;
    return { mention: candidate, written: speaker.written, type: mentions[candidate]!.type, resolved: true };
  };

  const remember = (speaker: Speaker): void => {
    if (speaker.mention === undefined) return;
    const kind = kindOf(mentions[speaker.mention]!.type);
    if (kind) lastSpeaker[kind] = speaker.mention;
    lastSpeaker.any = speaker.mention;
  };

  const push = (speaker: Speaker | undefined, cueFirst: number, cueEnd: number, content: [number, number] | undefined, quoted: boolean, stance: Stance, sentence: number): void => {
    if (!content || content[1] <= content[0]) return;
    const start = document.starts[content[0]]!;
    const end = document.ends[content[1] - 1]!;
    const named = speaker?.mention !== undefined ? mentions[speaker.mention]! : undefined;
    const sentenceSpan = tokenSpan(document, sentenceStarts[sentence]!, sentenceEnds[sentence]!);
    claims.push({
      ...(speaker
        ? {
            speaker: named ?? { ...speaker.written, type: speaker.type, name: speaker.written.text },
            ...(named && (named.start !== speaker.written.start || named.end !== speaker.written.end) ? { speakerText: speaker.written } : {}),
          }
        : {}),
      resolved: speaker?.resolved ?? false,
      cue: tokenSpan(document, cueFirst, cueEnd),
      content: { start, end },
      quoted,
      stance,
      sentence: { start: sentenceSpan.start, end: sentenceSpan.end },
    });
  };

  // Content after a cue: "that …", ": “…”", a quotation, or the rest of the clause ("denounced an incursion …").
  const contentAfter = (from: number, sentenceEnd: number): { span: [number, number]; quoted: boolean } | undefined => {
    let token = from;
    // "said in a statement posted on its website that …": the clause starts at the first "that" close by.
    for (let look = from; look < Math.min(sentenceEnd, from + 14); look += 1) {
      if (lower[look] === 'that') {
        token = look + 1;
        break;
      }
      if (stanceOfCue.has(lower[look]!) || isQuote(words[look]!) || lower[look] === ',' || lower[look] === ';') break;
    }
    if (words[token] === ':') token += 1;
    if (isQuote(words[token] ?? '')) {
      const close = closingAfter(token);
      // A whole quotation right after the cue is the content; one that only opens the clause ("that “about 40” soldiers …") is not.
      if (close !== undefined && (close + 1 >= sentenceEnd || /^[.,;!?]$/.test(words[close + 1] ?? '') || close > sentenceEnd)) return { span: [token + 1, trimEnd(token + 1, close)], quoted: true };
    }
    let end = clauseEnd(token, sentenceEnd);
    // A quotation opened in the clause and closed beyond the sentence carries the content along.
    for (let look = token; look < sentenceEnd; look += 1) {
      if (words[look] === '“') {
        const close = closingAfter(look);
        if (close !== undefined && close >= sentenceEnd) end = close + 1;
      }
    }
    return { span: [token, trimEnd(token, end)], quoted: false };
  };
  // The clause ends where the speaker goes on to a second statement: "… and added that", ", before stressing that".
  const clauseEnd = (from: number, end: number): number => {
    for (let look = from + 1; look < end; look += 1) {
      const word = lower[look]!;
      if (word !== 'and' && word !== 'but' && word !== 'before' && word !== 'after' && word !== 'while' && word !== ',') continue;
      const next = lower[look + 1] ?? '';
      if (stanceOfCue.has(next) || gerundStance.has(next) || (demandPhrases.has(next) && (lower[look + 2] === 'on' || lower[look + 2] === 'for'))) {
        return lower[look - 1] === ',' ? look - 1 : look;
      }
    }
    return end;
  };
  const closeOf = new Map<number, number>();
  for (const [close, open] of openOf) closeOf.set(open, close);
  const closingAfter = (open: number): number | undefined => closeOf.get(open);
  const trimEnd = (first: number, end: number): number => {
    let last = end;
    while (last > first && /^[.,;:!?"“”»«'’]$/.test(words[last - 1]!)) last -= 1;
    return last;
  };

  for (let sentence = 0; sentence < sentenceStarts.length; sentence += 1) {
    const first = sentenceStarts[sentence]!;
    const end = sentenceEnds[sentence]!;
    let sentenceSpeaker: Speaker | undefined;
    for (let token = first; token < end; token += 1) {
      const index = mentionAt[token]!;
      if (index >= 0 && mentions[index]!.type === 'person' && mentionFirst[index] === token) lastPersonMention = index;
      const word = lower[token]!;

      // "according to X": the rest of the sentence (before or after the phrase) is X's.
      if (word === 'according' && lower[token + 1] === 'to' && token + 2 < end) {
        let speakerFirst = token + 2;
        if (lower[speakerFirst] === 'the') speakerFirst += 1;
        const named = mentionAt[speakerFirst]!;
        let speakerEnd = named >= 0 ? document.mentionEnd[named]! : speakerFirst;
        let speaker: Speaker | undefined;
        if (named >= 0 && mentions[named]!.type !== 'other') speaker = { mention: named, written: mentions[named]!, type: mentions[named]!.type, resolved: true };
        else {
          // "according to the ministry", "according to officials".
          let head = speakerFirst;
          while (head < end && head < speakerFirst + 4 && !personNouns.has(lower[head]!) && !bodyNouns.has(lower[head]!) && !anonymousSpeakers.has(lower[head]!)) head += 1;
          if (head < end && head < speakerFirst + 4) {
            speaker = speakerAt(head, token + 2);
            speakerEnd = head + 1;
          }
        }
        if (speaker) {
          speaker = resolve(speaker, token);
          let content: [number, number];
          if (token === first || (token === first + 1 && /^\p{Lu}/u.test(words[first]!) === false)) {
            // "According to X, …": skip to the comma after X's phrase.
            let comma = speakerEnd;
            while (comma < end && comma < speakerEnd + 12 && lower[comma] !== ',') comma += 1;
            content = [comma + 1, trimEnd(comma + 1, end)];
          } else content = [first, trimEnd(first, token)];
          push(speaker, token, token + 2, content, false, 'asserts', sentence);
          remember(speaker);
        }
        continue;
      }

      // "It was reported that …": no speaker.
      const verbAt = token + 2 + (lower[token + 2] === 'also' ? 1 : 0) + (lower[token + 2] === 'been' || lower[token + 3] === 'been' ? 1 : 0);
      if (word === 'it' && (lower[token + 1] === 'was' || lower[token + 1] === 'is' || lower[token + 1] === 'has') && passiveCues.has(lower[verbAt] ?? '')) {
        const cueEnd = verbAt + 1;
        if (lower[cueEnd] === 'that') {
          push(undefined, token + 1, cueEnd, [cueEnd + 1, trimEnd(cueEnd + 1, end)], false, 'asserts', sentence);
          token = cueEnd;
          continue;
        }
      }

      let stance = stanceOfCue.get(word);
      let cueEnd = token + 1;
      if (!stance && demandPhrases.has(word) && (lower[token + 1] === 'on' || lower[token + 1] === 'for' || lower[token + 1] === 'upon' || (word.startsWith('ask') && index < 0))) {
        if (word.startsWith('ask') && lower[token + 1] !== 'for' && mentionAt[token + 1]! < 0 && lower[token + 1] !== 'the') continue;
        stance = 'demands';
        if (!word.startsWith('ask') || lower[token + 1] === 'for') cueEnd = token + 2;
      }
      if (stance && word === 'said' && lower[token - 1] === 'was') continue;
      // "responded to the attack" reacts to something; it reports no statement.
      if (stance && /^(?:respond|repl|comment)/.test(word) && (lower[token + 1] === 'to' || lower[token + 1] === 'on')) continue;
      const gerund = gerundStance.get(word);
      if (!stance && gerund && sentenceSpeaker && (lower[token - 1] === ',' || lower[token - 1] === 'before' || lower[token - 1] === 'after' || lower[token - 1] === 'while' || lower[token - 1] === 'and')) {
        const content = contentAfter(token + 1, end);
        if (content) push(sentenceSpeaker, token, token + 1, content.span, content.quoted, gerund, sentence);
        continue;
      }
      if (!stance) continue;
      // A verb form only: "claims" and "reports" are also nouns ("the claims were …").
      if ((word === 'claims' || word === 'reports' || word === 'demands' || word === 'notes' || word === 'says') && (lower[token - 1] === 'the' || lower[token - 1] === 'these' || lower[token - 1] === 'their' || lower[token - 1] === 'its')) continue;

      // Speaker before the cue: "X said", "X, the foreign minister, said", "he also stressed".
      let before = token - 1;
      while (before >= first && (skippable.has(lower[before]!) || (lower[before - 1] === 'on' && weekdays.has(lower[before]!)))) before -= lower[before - 1] === 'on' && weekdays.has(lower[before]!) ? 2 : 1;
      let speaker = speakerAt(before, first);
      if (!speaker && lower[before] === ',' && before - 1 >= first) {
        // An apposition between speaker and cue: "Pashinyan, the prime minister, said".
        let comma = before - 1;
        while (comma > first && comma > before - 10 && lower[comma] !== ',' && !isQuote(words[comma]!)) comma -= 1;
        if (lower[comma] === ',') speaker = speakerAt(comma - 1, first);
        // "The Krasnodar leading veterinary physician, George Gzhailidi, said": the name is the apposition.
        if (!speaker && mentions[mentionAt[before - 1]!]?.type === 'person') speaker = speakerAt(before - 1, first);
      }
      if (!speaker && (lower[before] === 'and' || lower[before] === 'but' || (lower[before] === ',' && lower[before - 1] === 'and'))) speaker = sentenceSpeaker;

      const afterQuote = isQuote(words[before] ?? '') || (lower[before] === ',' && isQuote(words[before - 1] ?? '')) || (isQuote(words[before - 1] ?? '') && lower[before] === ',');
      if (speaker && (mentionAt[before]! < 0 || speaker.mention !== undefined)) {
        // "“…,” he said." — the quotation before the speaker is the content.
        const speakerFirst = speaker.mention !== undefined && speaker.written === mentions[speaker.mention] ? mentionFirst[speaker.mention]! : before;
        const quoteClose = isQuote(words[speakerFirst - 1] ?? '') ? speakerFirst - 1 : words[speakerFirst - 1] === ',' && isQuote(words[speakerFirst - 2] ?? '') ? speakerFirst - 2 : -1;
        const resolved = resolve(speaker, token);
        if (quoteClose >= 0 && openOf.has(quoteClose) && isTail(token + 1, end)) {
          const open = openOf.get(quoteClose)!;
          push(resolved, token, cueEnd, [open + 1, trimEnd(open + 1, quoteClose)], true, stance, sentence);
        } else if (speakerFirst - 1 >= first && lower[speakerFirst - 1] === ',' && isTail(token + 1, end) && speakerFirst - 1 > first) {
          // "The soldiers withdrew, the ministry said."
          push(resolved, token, cueEnd, [first, trimEnd(first, speakerFirst - 1)], false, stance, sentence);
        } else {
          const content = contentAfter(cueEnd, end);
          if (content) push(resolved, token, cueEnd, content.span, content.quoted, stance, sentence);
        }
        sentenceSpeaker = resolved;
        remember(resolved);
        continue;
      }
      if (afterQuote || lower[before] === ',') {
        // "“…,” said the minister." — the speaker follows the cue.
        let after = cueEnd;
        if (lower[after] === 'the') after += 1;
        const named = mentionAt[after]!;
        let candidate: Speaker | undefined;
        if (named >= 0 && mentions[named]!.type !== 'other') candidate = { mention: named, written: mentions[named]!, type: mentions[named]!.type, resolved: true };
        else {
          let head = after;
          while (head < end && head < after + 3 && !personNouns.has(lower[head]!) && !bodyNouns.has(lower[head]!)) head += 1;
          if (head < end && head < after + 3) candidate = speakerAt(head, cueEnd);
        }
        if (!candidate) continue;
        const resolved = resolve(candidate, token);
        const quoteClose = isQuote(words[before]!) ? before : isQuote(words[before - 1] ?? '') ? before - 1 : -1;
        if (quoteClose >= 0 && openOf.has(quoteClose)) {
          const open = openOf.get(quoteClose)!;
          push(resolved, token, cueEnd, [open + 1, trimEnd(open + 1, quoteClose)], true, stance, sentence);
        } else if (before > first) push(resolved, token, cueEnd, [first, trimEnd(first, before)], false, stance, sentence);
        sentenceSpeaker = resolved;
        remember(resolved);
      }
    }
  }
  return claims;

  // True when only a short tail follows the cue: "he said." / "he said in a statement." / "he said on Tuesday".
  function isTail(from: number, end: number): boolean {
    for (let token = from; token < end; token += 1) if (lower[token] === 'that' || stanceOfCue.has(lower[token]!) || words[token] === '“') return false;
    return end - from <= 10;
  }
}
