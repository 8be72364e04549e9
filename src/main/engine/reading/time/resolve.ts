/**
 * From a chrono result to a TimeMention: its exact span (a leading preposition out, a qualifier
 * such as "mid-" or "около" in), and its value resolved against the document's day with a past
 * bias (news reports the past) unless its sentence speaks of the future; weeks, weekends and
 * "the past two weeks" become ranges.
 */
import type { ParsingComponents } from 'chrono-node';
import type { Day, Found, TimeMention, TimePrecision } from './types';
import { firstBoundary, lastBoundary } from './windows';

/** Prepositions that introduce a time but are not part of it. */
const LEADING_PREPOSITION = /^(?:(?:and|or|on|in|at|during|since|by|from|until|till|through|throughout|before|after|of|between)\s+|(?:в|во|на|с|со|до|к|по|от|между|после)\s+)/i;
const FUTURE = /\b(?:will|won't|shall|next|upcoming|scheduled|is due|are due|due on|due in|payable|pay|maturing|matures|expires|expect(?:s|ed)?(?: to)?|plan(?:s|ned)? to|intend(?:s|ed)? to|hope(?:s|d)? to|aim(?:s|ed)? to|set to|to be held|ahead of|deadline)\b|'ll\b|(?:^|\s)(?:будет|будут|состоится|состоятся|запланирован\p{L}*|следующ\p{L}*|предстоящ\p{L}*|пройд[её]т|начн[её]тся|откроется|завершится|приедет|посетит|провед[её]т|проведут)(?!\p{L})/iu;
const PAST = /\b(?:was|were|had|did|began|said|told|(?!(?:schedul|expect|plann|intend|hop|aim)ed\b)\w+ed)\b|(?:^|\s)\p{L}+(?:ал|ял|ил|ел|ул)[аио]?(?!\p{L})/iu;
const APPROXIMATE = /\b(?:about|around|approximately|roughly|circa|nearly|almost|some|few|several|couple|early|mid|late|end|beginning|start|middle|spring|summer|autumn|fall|winter)\b|(?:около|примерно|приблизительно|несколько|середин|начал[аеуо]|конц[аеуы]|весн|летом|осен|зим)/i;
/** Qualifiers right before an expression that belong to it ("mid-", "early", "the end of", "около"). */
const QUALIFIER_BEFORE = /(?:\b(?:(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of|(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?|early|mid|late|around|about|approximately|roughly|circa|nearly|almost|last|next|this)[\s-]*|(?:^|\s)(?:середин[аеуы]|начал[аеуо]|конц[аеуы]|около|примерно|приблизительно|весной|летом|осенью|зимой)\s+)$/iu;
export const RANGE_DAY_BEFORE = /\b(?:between|from)\s+(\d{1,2})(?:st|nd|rd|th)?\s+(?:and|to|until|till|through)\s+$|(?:^|\s)(?:между|с)\s+(\d{1,2})\s+(?:и|по|до)\s+$/i;

export function parseDay(value: string | undefined): Day | null {
  const match = value === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day));
  return date.getUTCMonth() === day.month - 1 && date.getUTCDate() === day.day ? day : null;
}

function addDays(day: Day, days: number): Day {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function weekdayOf(day: Day): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

function compare(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function format(day: Day, precision: TimePrecision): string {
  if (precision === 'year') return pad(day.year, 4);
  if (precision === 'month') return `${pad(day.year, 4)}-${pad(day.month, 2)}`;
  return `${pad(day.year, 4)}-${pad(day.month, 2)}-${pad(day.day, 2)}`;
}

function precisionOf(components: ParsingComponents): TimePrecision {
  if (components.isCertain('day') || components.isCertain('weekday')) return 'day';
  if (components.isCertain('month')) return 'month';
  return 'year';
}

/** Whether the text names its own year, so it needs no document date. */
export function namesYear(words: string): boolean {
  return /(?<!\d)(?:1[6-9]|20)\d\d(?!\d)|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b|'\d\d\b/.test(words);
}

/**
 * Whether the clause around an expression speaks of the future, or else its sentence does with no
 * verb in the past ("On March 3, he will travel" but not "On April 28, officials announced they will").
 */
function speaksOfFuture(text: string, start: number, end: number): boolean {
  // Newswire lines are hard-wrapped: a sentence ends at . ! ? or a blank line, not at a line break.
  const sentenceStart = lastBoundary(text, SENTENCE_BOUNDARY, Math.max(0, start - 300), start);
  const sentenceEnd = firstBoundary(text, SENTENCE_BOUNDARY, end, Math.min(text.length, end + 300));
  const clause = text.slice(lastBoundary(text, CLAUSE_BOUNDARY, sentenceStart, start), firstBoundary(text, CLAUSE_BOUNDARY, end, sentenceEnd));
  if (FUTURE.test(clause)) return true;
  const sentence = text.slice(sentenceStart, sentenceEnd);
  return FUTURE.test(sentence) && !PAST.test(sentence);
}

const SENTENCE_BOUNDARY = /[.!?]+(?=\s)|\n[ \t]*\n/g;
const CLAUSE_BOUNDARY = /[,;:()"“”«»—]/g;

interface Resolution {
  day: Day;
  precision: TimePrecision;
}

/**
 * Resolves components against the document's day. Relative expressions ("two days ago") were
 * already computed by chrono from the document's day; a weekday or a date without a year is placed
 * on or before the document's day, or after it when the sentence speaks of the future.
 */
function resolve(components: ParsingComponents, words: string, documentDay: Day, future: boolean, yearHint: number | null): Resolution {
  const precision = precisionOf(components);
  const last = /\b(?:last|previous)\b|прошл/i.test(words);
  const next = /\bnext\b|следующ/i.test(words);
  const current = /\bthis\b|(?:^|\s)(?:этом|этого|текущ\p{L}*)\s/iu.test(words);
  if (components.isCertain('weekday') && !components.isCertain('day')) {
    const documentWeekday = weekdayOf(documentDay);
    const weekday = components.get('weekday') ?? documentWeekday;
    const back = (documentWeekday - weekday + 7) % 7;
    const ahead = (weekday - documentWeekday + 7) % 7;
    if (last) return { day: addDays(documentDay, -(back || 7)), precision: 'day' };
    if (next) return { day: addDays(documentDay, ahead || 7), precision: 'day' };
    return { day: addDays(documentDay, future ? ahead : -back), precision: 'day' };
  }
  const month = components.get('month') ?? 1;
  const dayOfMonth = precision === 'day' ? (components.get('day') ?? 1) : 1;
  if (components.isCertain('year')) return { day: { year: components.get('year') ?? documentDay.year, month, day: dayOfMonth }, precision };
  if (yearHint !== null) return { day: { year: yearHint, month, day: dayOfMonth }, precision };
  if (current) return { day: { year: documentDay.year, month, day: dayOfMonth }, precision }; // "this August"
  // A month or a day without a year: the nearest one on or before the document's day, unless the
  // sentence looks ahead. "last July" is strictly before, "next March" strictly after.
  const sameYear: Day = { year: documentDay.year, month, day: dayOfMonth };
  const reference: Day = precision === 'month' ? { ...documentDay, day: 1 } : documentDay;
  const order = compare(sameYear, reference);
  let year = documentDay.year;
  if (next || (future && !last)) {
    if (order < 0 || (order === 0 && next)) year += 1;
  } else if (order > 0 || (order === 0 && last)) {
    year -= 1;
  }
  return { day: { ...sameYear, year }, precision };
}

/** "last week", "this week": the week (Monday to Sunday) that holds the day chrono gave. */
function weekRange(day: Day): [Day, Day] {
  const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
  return [monday, addDays(monday, 6)];
}

/** The mention a kept result makes, resolved against the document's day when it has one. */
export function toMention(text: string, found: Found, documentDay: Day | null): TimeMention {
  const { result } = found;
  let start = found.start;
  let end = found.end;
  // Drop a leading preposition; take in a qualifier before ("mid-", "early", "around").
  const leading = LEADING_PREPOSITION.exec(text.slice(start, end));
  if (leading) start += leading[0].length;
  const qualifier = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  if (qualifier) start -= qualifier[0].replace(/^\s+/, '').length;
  if (found.rangeStartDay !== undefined) {
    const range = RANGE_DAY_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
    if (range) start -= range[0].replace(/^\s*(?:between|from|между|с)\s+/i, '').length;
  }
  while (end > start && /[\s,]/.test(text[end - 1] ?? '')) end -= 1;
  const words = text.slice(start, end);
  const anchor = namesYear(words) ? 'absolute' : 'document';
  const approximate = APPROXIMATE.test(words);
  const mention: TimeMention = { start, end, text: words, precision: precisionOf(result.start), approximate, anchor };
  if (anchor === 'document' && documentDay === null) return mention;
  // "the September 17 airstrike", "a Nov. 24 statement" name a known event: no look ahead for those.
  const attributive = /\b(?:the|a|an)\s+$/i.test(text.slice(Math.max(0, start - 5), start)) && /^\s+\p{L}/u.test(text.slice(end, end + 3));
  const future = anchor === 'document' && !attributive && speaksOfFuture(text, start, end);
  const day = documentDay ?? { year: 2000, month: 1, day: 1 };
  // "March to August 2011": the start takes its year from the end.
  const endYear = result.end?.isCertain('year') && !result.start.isCertain('year') ? (result.end.get('year') ?? null) : null;
  const startHint = endYear === null ? null : (result.start.get('month') ?? 1) > (result.end?.get('month') ?? 12) ? endYear - 1 : endYear;
  const first = resolve(result.start, words, day, future, startHint);
  mention.precision = first.precision;
  mention.value = format(first.day, first.precision);
  if (result.end) {
    const endComponents = result.end;
    const last = resolve(endComponents, words, day, future, endComponents.isCertain('year') ? null : first.day.year);
    if (compare(last.day, first.day) < 0 && endComponents.isCertain('weekday') && !endComponents.isCertain('day')) last.day = addDays(last.day, 7);
    else if (compare(last.day, first.day) < 0 && !endComponents.isCertain('year')) last.day = { ...last.day, year: last.day.year + 1 };
    mention.endValue = format(last.day, last.precision);
  } else if (found.rangeStartDay !== undefined && first.precision === 'day') {
    mention.endValue = mention.value;
    mention.value = format({ ...first.day, day: found.rangeStartDay }, 'day');
  } else if (/\b(?:last|this|next|past|previous|coming)\s+week\b|(?:прошл|эт|текущ|нынешн|следующ)\p{L}*\s+недел/iu.test(words) && first.precision === 'day') {
    const [monday, sunday] = weekRange(first.day);
    mention.value = format(monday, 'day');
    mention.endValue = format(sunday, 'day');
  } else if (/weekend/i.test(words) && first.precision === 'day') {
    const saturday = weekdayOf(first.day) === 0 ? addDays(first.day, -1) : first.day;
    mention.value = format(saturday, 'day');
    mention.endValue = format(addDays(saturday, 1), 'day');
  } else if (/\b(?:past|last)\s+(?:\S+\s+)?(?:hours|days|weeks|months|years)\b|(?:последн|прошедш)\p{L}*\s+(?:\S+\s+)?(?:дн|недел|месяц|лет|год)/iu.test(words)) {
    // "the past two weeks": a period that runs up to the document's day.
    mention.endValue = format(day, first.precision);
  }
  return mention;
}
