/**
 * Typed links suggested from text: an English cue between (or around) two entity mentions of one
 * sentence — "A attacked B", "A, a member of B", "talks between A and B", "Palmyra, Syria".
 * Precision first: a rule fires only on the exact shape of words between the two mentions, and a
 * pair of mentions with anything else between them stays unlinked (co-occurrence covers it).
 */
import type { MentionType } from '../extract/index';
import { countryNames } from '../extract/lexicon';
import type { EntityRef, QuotedSpan, ReadingDocument, TextSpan } from './document';
import { tokenSpan } from './document';

/** The relation vocabulary of suggested links (issue #12). */
export type RelationType = 'opposes' | 'allied_with' | 'leads' | 'member_of' | 'communicates_with' | 'located_in';

/** Relations that read the same both ways; the others go from `source` to `target` ("source leads target"). */
export const symmetricRelations: ReadonlySet<RelationType> = new Set(['allied_with', 'communicates_with']);

/** A suggested link: `source` —type→ `target`, the words that cue it, and the sentence as evidence. */
export interface Relation {
  readonly source: EntityRef;
  readonly target: EntityRef;
  readonly type: RelationType;
  readonly cue?: QuotedSpan;
  /** The sentence the link is read from. */
  readonly evidence: TextSpan;
}

type Kinds = string; // letters of the mention types allowed: p person, o organisation, l location, x other

const kindLetter: Record<MentionType, string> = { person: 'p', organization: 'o', location: 'l', other: 'x' };

interface GapRule {
  readonly type: RelationType;
  /** Matches the whole normalised gap: lower-cased words between the two mentions, joined by single spaces. */
  readonly gap: RegExp;
  readonly first: Kinds;
  readonly second: Kinds;
  /** 'backward': the second mention is the source ("B, led by A"). */
  readonly direction?: 'backward';
}

// Auxiliaries, adverbs and time words that may sit between a subject and its verb ("has also met", "today met").
const lead = String.raw`(?:(?:has|have|had|will|would|also|then|later|today|yesterday|recently|reportedly|allegedly|again|earlier|jointly|is|are|was|were|been|being|continues to|continue to|continued to|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|last (?:week|month|year|night)|this (?:week|month|year))\s)*`;
// Determiners, common demonyms and titles that may sit before the second mention ("met with Iraqi Prime Minister Haider al-Abadi").
const tailWords = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'iraqi', 'syrian', 'russian', 'turkish', 'iranian', 'american', 'british', 'french', 'us', 'u.s.', 'uk', 'u.k.', 'prime', 'foreign', 'defense', 'defence', 'minister', 'president', 'secretary', 'king', 'ambassador', 'envoy', 'counterpart', 'chancellor']);
const tail = String.raw`(?:\s(?:${[...tailWords].map((word) => word.replace(/\./g, '\\.')).join('|')}))*`;

// A group noun after an organisation or country ("ISIL fighters in Syria", "U.S. forces are advising …"): the body acts through it.
const group = String.raw`(?:(?:military|security|armed|special|government|coalition|rebel|opposition|ground|air|naval|regime|backed|led|service|elite)\s)*(?:forces|troops|fighters|militants|terrorists|soldiers|units?|members|officials|personnel|targets|positions|aircraft|jets|warplanes|drones|artillery|militias?|army|police|navy|officers|diplomats|authorities)`;
const attackVerbs = String.raw`attack(?:ed|s|ing)?|shell(?:ed|s|ing)|bomb(?:ed|s|ing)|fought|fight(?:s|ing)? against|battl(?:ed|es|ing)|clash(?:ed|es|ing)? with|ambush(?:ed|es|ing)?|killed|engaged|invad(?:ed|es|ing)|raid(?:ed|s|ing)|struck|strikes?|striking|target(?:ed|s|ing)|accus(?:ed|es|ing)|condemn(?:ed|s|ing)|denounc(?:ed|es|ing)|blam(?:ed|es|ing)|defeat(?:ed|s|ing)?|captured|besieged|shot down|fired (?:at|on|upon)|opened fire on|launched (?:an? )?(?:attack|offensive|assault|strike)s? (?:on|against)|declared war on|(?:is|are|was|were) at war with|waged war (?:on|against)`;
const conflictNouns = String.raw`strikes?|airstrikes?|air strikes?|attacks?|fight|fighting|war|offensive|campaign|operations?|assault|struggle|battle|defen[cs]es|weapons|fire|military action|counter-attack|counterattacks?|sanctions|violence|aggression|resistance`;
const allyVerbs = String.raw`allied with|advis(?:es|ed|ing)(?: and assist(?:s|ed|ing))?|an? (?:close |key )?all(?:y|ies) of|sided with|joined forces with|fought alongside|fighting alongside|alongside|in support of|in partnership with|in cooperation with|partnered with|cooperat(?:es|ed|ing) with|(?:coordinated|co-ordinated) with and in support of|supports?|supported|supporting|backs|backed|backing|assist(?:s|ed|ing)|aid(?:s|ed|ing)|trains|trained|training|equips|equipped|(?:is|are) allies with`;
const talkVerbs = String.raw`met|meets|meet|met with|meets with|meeting with|spoke (?:with|to)|speaks (?:with|to)|talked (?:with|to)|talks (?:with|to)|held (?:talks|a meeting|a call|a phone call|a telephone call|discussions|consultations) with|holds? (?:talks|a meeting|discussions) with|phoned|telephoned|called|wrote to|sent a letter to|briefed|hosted|welcomed|received|visited|consulted(?: with)?|consults? with|negotiat(?:ed|es|ing) with|in talks with|had (?:a )?(?:phone |telephone )?(?:call|conversation|talks) with|'s (?:meeting|talks|call|conversation) with`;
const leaderTitles = String.raw`commander|commander-in-chief|commanding (?:general|officer)|head|leader|chief|president|prime minister|premier|chancellor|king|queen|emir|chairman|chairwoman|chair|director|director-general|director general|secretary-general|secretary general|general secretary|founder|governor|mayor|ceo|chief executive`;
const memberTitles = String.raw`member|spokesman|spokeswoman|spokesperson|official|officer|fighter|militant|soldier|diplomat|ambassador|envoy|representative|minister|secretary|adviser|advisor|negotiator|employee|lawyer|deputy|general|colonel`;

const rules: readonly GapRule[] = [
  // located_in: "A in B", "A, a village in B", "A based in B", "Palmyra, Syria" (checked apart, see below).
  { type: 'located_in', first: 'polx', second: 'l', gap: new RegExp(String.raw`^(?:${group} )?(?:(?:is|are|was|were|remains?|based|located|stationed|deployed|operating|present|situated|held|detained|imprisoned|killed|died|arrived|landed|headquartered|\w+ly)\s)?(?:in|near|at|inside|outside of)(?:\s(?:the|northern|southern|eastern|western|central|north|south|east|west|north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern))*(?:\s(?:village|town|city|capital|district|province|region|governorate|area|outskirts|suburbs?|heart|centre|center|part) of(?: the)?)?$`) },
  { type: 'located_in', first: 'l', second: 'l', gap: /^, (?:a|an|the) (?:small |large |remote |border |frontline |front-line |mountain |coastal |strategic |key |northern |southern |eastern |western )*(?:village|town|city|district|province|region|area|suburb|neighbou?rhood|settlement|port|capital|base|airfield|camp|governorate) (?:in|of|near)(?: the)?(?: (?:northern|southern|eastern|western|central|north|south|east|west))?$/ },
  // opposes: "A attacked B", "A's offensive against B", "A is committed to defeating B".
  { type: 'opposes', first: 'pol', second: 'pol', gap: new RegExp(String.raw`^(?:${group} )?${lead}(?:\w+ly )?(?:${attackVerbs})${tail}$`) },
  { type: 'opposes', first: 'pol', second: 'pol', gap: new RegExp(String.raw`^(?:'s )?(?:${group} )?${lead}(?:(?:conducted|carried out|launched|continued|continues|waged|wages|stepped up|intensified|resumed|began|its|their|his|her|the|an?|\d+|\w+ly|ongoing|joint|new|fresh|major|military|air|ground|renewed|brutal|deadly) )*(?:${conflictNouns}) (?:against|on)${tail}$`) },
  { type: 'opposes', first: 'pol', second: 'pol', gap: new RegExp(String.raw`^${lead}(?:(?:committed|determined|working|fighting|trying|seeking|attempting|efforts?|campaign|operation|mission|fight) )?to (?:defeat|destroy|eliminate|fight|combat|counter|drive out|expel|dislodge|oust|topple|overthrow|crush)${tail}$`) },
  { type: 'opposes', first: 'pol', second: 'pol', direction: 'backward', gap: /^(?:has |have |had )?(?:was|were|been|is|are) (?:\w+ly )?(?:attacked|shelled|bombed|targeted|struck|ambushed|invaded|raided|defeated|accused|condemned|denounced|blamed|besieged) by(?: the)?$/ },
  // allied_with: "A supports B", "A, in support of B", "A fought alongside B".
  { type: 'allied_with', first: 'pol', second: 'pol', gap: new RegExp(String.raw`^(?:${group} )?,? ?${lead}(?:\w+ly )?(?:${allyVerbs})${tail}$`) },
  { type: 'allied_with', first: 'pol', second: 'pol', gap: /^(?:'s )?(?:close |key |main |closest |staunch |regional )*(?:ally|allies|partner|partners)(?: of)?(?: the)?$/ },
  // leads: "A, commander of B", "A leads B", "A, who heads B"; "B's president A", "B leader A"; "B, led by A".
  { type: 'leads', first: 'p', second: 'olx', gap: new RegExp(String.raw`^(?:, (?:the |a |an )?(?:former |current |new |top |senior |acting |deputy )?(?:${leaderTitles})(?: of| of the| for| for the|,)?|,? (?:who |which )?(?:leads|led|heads|headed|commands|commanded|runs|ran|founded|chairs|chaired|(?:is|was) in charge of|took (?:command|charge|control) of)(?: the)?)$`) },
  { type: 'leads', first: 'olx', second: 'p', direction: 'backward', gap: new RegExp(String.raw`^(?:'s )?(?:former |current |new |top |senior |acting |late |then-)?(?:${leaderTitles})(?: general| gen\.| col\.| colonel| maj\.| major| lt\.| lieutenant| adm\.| admiral| dr\.| mr\.| ms\.| mrs\.)*,?$`) },
  { type: 'leads', first: 'olx', second: 'p', direction: 'backward', gap: /^,? (?:(?:which|who) (?:is|are|was|were) )?(?:led|headed|commanded|chaired|run|founded) by(?: the)?$/ },
  // member_of: "A, a member of B", "A joined B", "A, part of B", "A, spokesman for B"; "B spokesman A"; "B, which includes A".
  { type: 'member_of', first: 'po', second: 'olx', gap: /^,? (?:(?:is|was|are|were|became|become) )?(?:a |an |the )?(?:former |senior |top |leading |founding |longtime |long-time |prominent |high-ranking |key )*(?:members?|part|component|branch|wing|affiliate|unit|faction) of(?: the)?$/ },
  { type: 'member_of', first: 'po', second: 'o', gap: new RegExp(String.raw`^,? ?${lead}(?:\w+ly )?(?:joined|join|joins|belongs to|belong to|belonged to|defected to|affiliated with|loyal to|(?:was |were |is |are )?assigned to|serving with|serves with|served with|fighting for|fights for|fought for|works for|worked for)(?: the)?$`) },
  { type: 'member_of', first: 'p', second: 'olx', gap: new RegExp(String.raw`^, (?:a |an |the )?(?:senior |former |top |chief |deputy |local |regional )*(?:${memberTitles}) (?:of|from|with|in)(?: the)?$`) },
  { type: 'member_of', first: 'p', second: 'o', gap: new RegExp(String.raw`^, (?:a |an |the )?(?:senior |former |top |chief |deputy |local |regional )*(?:${memberTitles}) for(?: the)?$`) },
  { type: 'member_of', first: 'p', second: 'o', gap: /^(?:from|of)(?: the)?$/ },
  { type: 'member_of', first: 'o', second: 'o', gap: /^of(?: the)?$/ },
  { type: 'member_of', first: 'olx', second: 'p', direction: 'backward', gap: new RegExp(String.raw`^(?:'s )?(?:former |senior |top |chief |deputy |press |foreign |defen[cs]e |interior |military )*(?:${memberTitles})(?: general| gen\.| col\.| colonel| maj\.| major| lt\.| lieutenant| dr\.)*,?$`) },
  { type: 'member_of', first: 'o', second: 'pol', direction: 'backward', gap: /^,? (?:which |that |who )?(?:includes?|included|including|comprising|comprises|is made up of|(?:is |are |was )?made up in part by|consisting of)(?: the)?$/ },
  // communicates_with: "A met B", "A held talks with B", "A's meeting with B".
  { type: 'communicates_with', first: 'pol', second: 'pol', gap: new RegExp(String.raw`^(?:${group} )?${lead}(?:\w+ly )?(?:${talkVerbs})${tail}$`) },
];

// Nouns that make "between A and B" a relation of their type.
const betweenCues = new Map<string, RelationType>([
  ...['war', 'fighting', 'clashes', 'clash', 'conflict', 'hostilities', 'battle', 'battles', 'fight', 'confrontation', 'skirmishes'].map((word) => [word, 'opposes'] as const),
  ...['alliance', 'cooperation', 'co-operation', 'partnership', 'coalition'].map((word) => [word, 'allied_with'] as const),
  ...['talks', 'meeting', 'meetings', 'agreement', 'call', 'conversation', 'negotiations', 'discussions', 'dialogue', 'summit', 'contacts', 'consultations', 'deal', 'ceasefire', 'accord', 'treaty', 'exchange'].map((word) => [word, 'communicates_with'] as const),
]);

// Verbs after "A and B" that make the two talk to each other ("The secretary and Abadi agreed").
const jointTalkVerbs = new Set(['met', 'meet', 'discussed', 'discuss', 'talked', 'spoke', 'agreed', 'signed', 'negotiated', 'held', 'hold', 'exchanged', 'reviewed', 'hailed', 'welcomed']);
const jointFightVerbs = new Set(['clashed', 'fought', 'clash']);
const militaryUnit = /\b(?:battalion|battery|company|brigade|regiment|squadron|division|group|wing|corps|fleet|platoon|troop|task force)\b/i;
const placeWords = new Set(['in', 'near', 'at', 'outside', 'inside']);
const memberNouns = new Set(memberTitles.split('|').flatMap((title) => [title, `${title}s`]).concat(['gang', 'group', 'forces', 'troops', 'fighters', 'militants', 'delegation']));

const prepositions = new Set(['in', 'at', 'near', 'from', 'of', 'on', 'to', 'with', 'for', 'by', 'into', 'across', 'between', 'against', 'about']);
// Month and day names the entity tagger now and then takes for a name ("a strike on Jan. 1").
const calendarWords = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?$/i;

let countries: ReadonlySet<string> | undefined;

function allowed(kinds: Kinds, mention: EntityRef): boolean {
  return kinds.includes(kindLetter[mention.type]);
}

/** A link between two mentions of a document, by mention index, with its cue as token indices (cueEnd exclusive; none when equal). */
export interface MentionLink {
  readonly source: number;
  readonly target: number;
  readonly type: RelationType;
  readonly cueFirst: number;
  readonly cueEnd: number;
}

/** True when two mentions may not be linked at all: the same name twice, or a month or weekday the tagger took for a name. */
export function unlinkable(document: ReadingDocument, source: number, target: number): boolean {
  const { mentions } = document;
  if (source === target) return true;
  if (mentions[source]!.name.toLowerCase() === mentions[target]!.name.toLowerCase()) return true;
  return calendarWords.test(mentions[source]!.text) || calendarWords.test(mentions[target]!.text);
}

/** The link as the reading layer returns it: the mentions, the cue's words, and the sentence as evidence. */
export function toRelation(document: ReadingDocument, link: MentionLink): Relation {
  const { mentions, mentionFirst, sentenceOf, sentenceStarts, sentenceEnds } = document;
  const sentence = sentenceOf[mentionFirst[link.source]!]!;
  const evidence = tokenSpan(document, sentenceStarts[sentence]!, sentenceEnds[sentence]!);
  return {
    source: mentions[link.source]!,
    target: mentions[link.target]!,
    type: link.type,
    ...(link.cueEnd > link.cueFirst ? { cue: tokenSpan(document, link.cueFirst, link.cueEnd) } : {}),
    evidence: { start: evidence.start, end: evidence.end },
  };
}

/** Suggested typed links by the rules alone, sentence by sentence, in text order; one per pair and type. */
export function findRelations(document: ReadingDocument): Relation[] {
  return findRuleLinks(document).map((link) => toRelation(document, link));
}

/** The rules' links by mention index (what `findRelations` returns, before it is turned into spans). */
export function findRuleLinks(document: ReadingDocument): MentionLink[] {
  countries ??= countryNames();
  const { mentions, mentionFirst, mentionEnd, lower, sentenceOf } = document;
  const found: MentionLink[] = [];
  const seen = new Set<string>();
  const add = (source: number, target: number, type: RelationType, cueFirst: number, cueEnd: number): void => {
    const key = `${source}:${target}:${type}`;
    if (seen.has(key) || (symmetricRelations.has(type) && seen.has(`${target}:${source}:${type}`))) return;
    if (unlinkable(document, source, target)) return;
    seen.add(key);
    found.push({ source, target, type, cueFirst, cueEnd });
  };
  // Both ends of a link, spread over coordinated mentions: "in Syria and Iraq", "The UK, the Coalition and Iraq are committed to …".
  const addSpread = (source: number, target: number, type: RelationType, cueFirst: number, cueEnd: number): void => {
    const sources = source < target ? [...conjunctsBefore(document, source), source] : [source, ...conjunctsAfter(document, source)];
    const targets = target > source ? [target, ...conjunctsAfter(document, target)] : [...conjunctsBefore(document, target), target];
    for (const from of sources) for (const to of targets) add(from, to, type, cueFirst, cueEnd);
  };

  for (let first = 0; first + 1 < mentions.length; first += 1) {
    const second = first + 1;
    const firstEnd = mentionEnd[first]!;
    const secondStart = mentionFirst[second]!;
    if (sentenceOf[firstEnd - 1] !== sentenceOf[secondStart]) continue;
    const gapLength = secondStart - firstEnd;
    if (gapLength > 12) continue;
    const a = mentions[first]!;
    const b = mentions[second]!;
    const gap = gapLength === 0 ? '' : lower.slice(firstEnd, secondStart).join(' ');
    // A capitalised verb or noun between two names is most often part of a name the tagger split ("Coalition to Counter ISIL").
    let named = false;
    for (let token = firstEnd; token < secondStart; token += 1) if (/^\p{Lu}\p{Ll}/u.test(document.words[token]!) && !tailWords.has(lower[token]!) && token !== document.sentenceStarts[sentenceOf[token]!]) named = true;
    for (const rule of rules) {
      if (named && rule.direction !== 'backward') continue;
      if (!allowed(rule.first, a) || !allowed(rule.second, b) || !rule.gap.test(gap)) continue;
      const [cueFirst, cueEnd] = trimCue(document, firstEnd, secondStart);
      if (rule.direction === 'backward') addSpread(second, first, rule.type, cueFirst, cueEnd);
      else addSpread(first, second, rule.type, cueFirst, cueEnd);
    }
    if (gapLength === 0) {
      // "President of Azerbaijan Ilham Aliyev": a leader's title before a place or body, the person right after it.
      if (b.type === 'person' && a.type !== 'person') {
        const before = mentionFirst[first]! - 1;
        const title = before >= 1 && (lower[before] === 'of' ? before - 1 : lower[before] === 'the' && lower[before - 1] === 'of' ? before - 2 : -1);
        if (typeof title === 'number' && title >= 0 && sentenceOf[title] === sentenceOf[secondStart] && new RegExp(`^(?:${leaderTitles})$`).test(lower[title]!)) {
          add(second, first, 'leads', title, title + 1);
        }
      }
    }
    // "Palmyra, Syria": a place then the country it lies in, when the two are not items of a list of places.
    if (gap === ',' && a.type === 'location' && b.type === 'location' && countries.has(b.name.toLowerCase()) && !countries.has(a.name.toLowerCase())) {
      const after = mentionEnd[second]!;
      const listed = (lower[after] === ',' || lower[after] === 'and') && mentionAt(document, after + 1)?.type === 'location';
      const preceded = lower[mentionFirst[first]! - 1] === ',' && mentionAt(document, mentionFirst[first]! - 2)?.type === 'location';
      if (!listed && !preceded) add(first, second, 'located_in', firstEnd, secondStart);
    }
    // "A and B met", "talks between A and B", "clashes between A and B".
    if (gap === 'and' && a.type !== 'other' && b.type !== 'other') {
      const before = mentionFirst[first]! - 1;
      const cueIndex = lower[before] === 'between' ? before - 1 : lower[before] === 'the' && lower[before - 1] === 'between' ? before - 2 : -1;
      const between = cueIndex >= 0 && sentenceOf[cueIndex] === sentenceOf[secondStart] ? betweenCues.get(lower[cueIndex]!) : undefined;
      if (between) add(first, second, between, cueIndex, cueIndex + 1);
      let verb = mentionEnd[second]!;
      if (lower[verb] === 'have' || lower[verb] === 'had' || lower[verb] === 'also' || lower[verb] === 'today' || lower[verb] === 'will') verb += 1;
      const word = lower[verb];
      const opener = lower[mentionFirst[first]! - 1] ?? '';
      if (word && sentenceOf[verb] === sentenceOf[secondStart] && !prepositions.has(opener) && mentionAt(document, mentionFirst[first]! - 2) === undefined) {
        if (jointTalkVerbs.has(word)) add(first, second, 'communicates_with', verb, verb + 1);
        else if (jointFightVerbs.has(word)) add(first, second, 'opposes', verb, verb + 1);
      }
    }
    // "3rd Battalion, 321st Field Artillery Regiment": a unit, then the larger unit it belongs to.
    if (gap === ',' && a.type === 'organization' && b.type === 'organization' && militaryUnit.test(a.text) && militaryUnit.test(b.text)) {
      add(first, second, 'member_of', firstEnd, secondStart);
    }
    // "Abu Jandal al-Kuwaiti, an ISIL gang leader": a person, then a body and a role noun right after it.
    if (a.type === 'person' && b.type !== 'person' && b.type !== 'location' && /^, (?:an?|the)(?: (?:senior|former|top|local|mid-level|notorious|prominent))*$/.test(gap)) {
      const after = mentionEnd[second]!;
      if (memberNouns.has(lower[after] ?? '') || memberNouns.has(lower[after + 1] ?? '')) add(first, second, 'member_of', firstEnd, after + 1);
    }
  }
  locatedBySentenceOpening(document, add);
  return found;
}

/** "In Syria, Coalition forces conducted …": a place opening the sentence locates the first actor after it. */
function locatedBySentenceOpening(document: ReadingDocument, add: (source: number, target: number, type: RelationType, cueFirst: number, cueEnd: number) => void): void {
  const { lower, sentenceStarts, mentionAt: at, mentionEnd, sentenceOf } = document;
  for (const first of sentenceStarts) {
    if (!placeWords.has(lower[first] ?? '')) continue;
    const place = at[first + 1]!;
    if (place < 0 || document.mentions[place]!.type !== 'location') continue;
    const comma = mentionEnd[place]!;
    if (lower[comma] !== ',') continue;
    let actor = comma + 1;
    if (lower[actor] === 'the') actor += 1;
    const index = at[actor];
    if (index === undefined || index < 0 || sentenceOf[actor] !== sentenceOf[first]) continue;
    if (document.mentions[index]!.type === 'other') continue;
    add(index, place, 'located_in', first, first + 1);
  }
}

function mentionAt(document: ReadingDocument, token: number): EntityRef | undefined {
  const index = document.mentionAt[token];
  return index === undefined || index < 0 ? undefined : document.mentions[index];
}

/** Mentions coordinated after `index`: "B, C and D" → C, D (same type, same sentence; a list needs its "and"). */
function conjunctsAfter(document: ReadingDocument, index: number): number[] {
  const { lower, mentionEnd, mentionAt: at, mentions, sentenceOf } = document;
  const type = mentions[index]!.type;
  const found: number[] = [];
  let token = mentionEnd[index]!;
  let closed = false;
  while (!closed && found.length < 8) {
    let next = token;
    if (lower[next] === ',') next += 1;
    if (lower[next] === 'and' || lower[next] === 'or') {
      next += 1;
      closed = true;
    }
    if (next === token) break;
    if (lower[next] === 'the') next += 1;
    const candidate = at[next];
    if (candidate === undefined || candidate < 0 || mentions[candidate]!.type !== type || sentenceOf[next] !== sentenceOf[token - 1]) return closed ? found : [];
    found.push(candidate);
    token = mentionEnd[candidate]!;
  }
  return closed ? found : [];
}

/** Mentions coordinated before `index`: "B, C and D <verb>" → B, C for D (same type, same sentence, "and" right before D). */
function conjunctsBefore(document: ReadingDocument, index: number): number[] {
  const { lower, mentionFirst, mentionAt: at, mentions, sentenceOf } = document;
  const type = mentions[index]!.type;
  const found: number[] = [];
  let token = mentionFirst[index]! - 1;
  if (lower[token] === 'the') token -= 1;
  if (lower[token] !== 'and' && lower[token] !== 'or') return found;
  let separator = true;
  while (separator && found.length < 8) {
    let previous = token;
    if (lower[previous] === 'and' || lower[previous] === 'or') previous -= 1;
    if (lower[previous] === ',') previous -= 1;
    if (previous === token || previous < 0) break;
    const candidate = at[previous];
    if (candidate === undefined || candidate < 0 || mentions[candidate]!.type !== type || sentenceOf[previous] !== sentenceOf[mentionFirst[index]!]) break;
    found.unshift(candidate);
    token = mentionFirst[candidate]! - 1;
    if (lower[token] === 'the') token -= 1;
    separator = lower[token] === ',';
  }
  return found;
}

export const cueTrim: ReadonlySet<string> = new Set([',', 'the', 'a', 'an', "'s", 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'also', 'today', 'yesterday', 'to', 'its', 'their', 'his', 'her']);

/** The cue words of a gap without the determiners and auxiliaries around them. */
export function trimCue(document: ReadingDocument, first: number, end: number): [number, number] {
  let from = first;
  let to = end;
  while (from < to && cueTrim.has(document.lower[from]!)) from += 1;
  while (to > from && (cueTrim.has(document.lower[to - 1]!) || /^\p{Lu}/u.test(document.words[to - 1]!))) to -= 1;
  return from < to ? [from, to] : [first, end];
}
