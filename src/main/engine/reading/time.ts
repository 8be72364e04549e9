// Temporal expressions in English and Russian text, normalised against the document's date.
// chrono-node finds and parses them; this file adds what chrono lacks on news text (years after a
// preposition, "в 2020 году", "mid-May", "between 10 and 12 March"), resolves what depends on the
// document's date with a past bias (news reports the past), and filters chrono's false positives
// ("he may", "the march", "Sun", clock times alone, "for two weeks").
import * as chrono from 'chrono-node';
import type { ParsingComponents, ParsingContext, ParsingResult, Parser } from 'chrono-node';

export type TimePrecision = 'day' | 'month' | 'year';

/** A temporal expression found in a text. */
export interface TimeMention {
  /** UTF-16 offsets into the text, end exclusive; a leading preposition ("on", "в") is not part of it. */
  start: number;
  end: number;
  text: string;
  /** ISO 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY'; absent when it cannot be resolved (relative time, no document date). */
  value?: string;
  /** The end of a range ("from 10 to 12 March", "between 2019 and 2021"), in the same form. */
  endValue?: string;
  /** The granularity of value. */
  precision: TimePrecision;
  /** "mid-May", "early 2020", "around March", "about two weeks ago". */
  approximate: boolean;
  /** 'document': resolved (or to be resolved) against the document's date; 'absolute': the text names its year. */
  anchor: 'absolute' | 'document';
}

export interface FindTimesOptions {
  /** The document's date, YYYY-MM-DD; relative expressions stay without a value when it is absent. */
  documentDate?: string;
}

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** One chrono result with its offsets in the whole text. */
interface Found {
  start: number;
  end: number;
  result: ParsingResult;
  /** A day number that opens a range chrono did not see ("between 10 and 12 March"). */
  rangeStartDay?: number;
}

// --- Where to look -------------------------------------------------------------------------------

const RUSSIAN_STEMS = [
  'январ', 'феврал', 'март', 'апрел', 'май', 'мая', 'мае', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр',
  'понедельник', 'вторник', 'сред', 'четверг', 'пятниц', 'суббот', 'воскресен', 'вчера', 'сегодня', 'завтра', 'позавчера',
  'назад', 'недел', 'месяц', 'год', 'прошл', 'следующ',
];
/**
 * Words and numbers that can start or end a temporal expression. chrono runs a score of regular
 * expressions over whatever it is given, so it only sees windows around these; most news text has
 * none. Case matters for English names: "may" and "march" in lower case are a verb and a noun.
 */
const CANDIDATE = new RegExp(
  [
    String.raw`\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b`,
    String.raw`\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
    String.raw`\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|ago)\b`,
    String.raw`\b(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Pp]revious)\s+(?:[\w-]+\s+)?(?:week|month|year|weekend|decade|day|hour)`,
    String.raw`(?<![\d.,])(?:1[6-9]|20)\d\d(?!\d|[.,]\d)`,
    String.raw`\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b`,
    // Russian stems in lower case or with a capital (the regular expression is case-sensitive).
    String.raw`(?<!\p{L})(?:${RUSSIAN_STEMS.map((stem) => `[${stem[0]}${stem[0]?.toUpperCase()}]${stem.slice(1)}`).join('|')})`,
  ].join('|'),
  'gu',
);
const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[A-Za-z]/;
/** Characters of context on each side of a candidate; chrono's expressions are shorter. */
const WINDOW = 40;
/**
 * Longest window handed to chrono: a table of dates merges into one window, and chrono's cost grows
 * faster than its input (1 MB of dividend notices took 25 s in one piece).
 */
const MAX_WINDOW = 1_000;

interface Window {
  start: number;
  end: number;
}

function candidateWindows(text: string): Window[] {
  const windows: Window[] = [];
  const add = (start: number, end: number): void => {
    let from = Math.max(0, start - WINDOW);
    let to = Math.min(text.length, end + WINDOW);
    // Widen to whole words so no token is cut in two.
    for (let steps = 0; from > 0 && steps < 20 && /\S/.test(text[from - 1] ?? ''); steps += 1) from -= 1;
    for (let steps = 0; to < text.length && steps < 20 && /\S/.test(text[to] ?? ''); steps += 1) to += 1;
    const last = windows[windows.length - 1];
    if (last && from <= last.end && to - last.start <= MAX_WINDOW) last.end = Math.max(last.end, to);
    else if (last && from <= last.end) {
      // Too long to grow: close the last window at a sentence end or a line break (else a space)
      // before this candidate's context, and start the next one there.
      const cut = cutPoint(text, Math.max(last.start + 1, from), Math.min(last.end, start));
      last.end = cut;
      windows.push({ start: cut, end: to });
    } else windows.push({ start: from, end: to });
  };
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) add(match.index, match.index + match[0].length);
  return windows;
}

/** A place in text[from, to) to split a window: after a sentence end or a line break, else a space. */
function cutPoint(text: string, from: number, to: number): number {
  for (const boundary of [/[.!?]\s|\n/g, /\s/g]) {
    const at = lastBoundary(text, boundary, from, to);
    if (at > from) return at;
  }
  return to;
}

// --- Parsers chrono lacks ------------------------------------------------------------------------

const YEAR = String.raw`(?:1[6-9]|20)\d\d`;
/** Words after a number that make it a quantity, not a year ("in 2000 tonnes"). */
const QUANTITY_AFTER = /^\s*(?:[-–]\s*)?(?:dlrs|dollars|pct|percent|per|tonnes?|tons?|shares|barrels|bpd|mln|million|billion|people|troops|soldiers|men|cases|units|km|kilomet|miles|metres|meters|feet|hours|households|acres|hectares|points|[%$€£])/i;

/** "in 2020", "since 2019", "fiscal 1987", "mid-2020"; and "between 2019 and 2021", "from 2019 to 2021", "1986/87". */
// Each parser's pattern is compiled once: chrono asks for it on every window.
const ENGLISH_YEARS = new RegExp(
  String.raw`(?<![\w-])(?:between\s+(${YEAR})\s+and\s+(${YEAR}|\d\d)(?!\d)|(?:in|since|by|until|till|through|throughout|during|from|before|after|of|around|circa|fiscal|early|mid|late|the year)[\s-]+(${YEAR})(?:\s*(?:[-–—/]|to|until|through|till)\s*(${YEAR}|\d\d)(?!\d))?)(?![\w%-]|[.,]\d)`,
  'i',
);
const englishYears: Parser = {
  pattern: () => ENGLISH_YEARS,
  // The text keeps its preposition: chrono drops results that are only digits. toMention strips it.
  extract: (context, match) => yearResult(context, match),
};

/** "в 2020 году", "с 2019 по 2021 год", "2020-2021 годах", "в 2020 г.", "в 2020-м". */
const RUSSIAN_YEARS = new RegExp(
  String.raw`(?<![\p{L}\d])(?:между\s+(${YEAR})\s+и\s+(${YEAR})|(${YEAR})(?:\s*(?:[-–—]|по|до)\s*(${YEAR}))?)(?:(?:\s*-?\s*(?:го|м|й))?\s*(?:год[а-я]*|гг?\.)|-м)(?!\p{L})`,
  'iu',
);
const russianYears: Parser = {
  pattern: () => RUSSIAN_YEARS,
  extract: (context, match) => yearResult(context, match),
};

function yearResult(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
  const whole = match[0];
  // "between 2019 and 2021" ("между 2019 и 2021") fills groups 1 and 2, the other forms 3 and 4.
  const first = Number(match[1] ?? match[3]);
  const last = match[2] ?? match[4];
  const start = match.index ?? 0;
  if (QUANTITY_AFTER.test(context.text.slice(start + whole.length, start + whole.length + 16))) return null;
  const result = context.createParsingResult(start, whole, { year: first });
  if (last !== undefined) {
    const second = last.length === 2 ? Math.floor(first / 100) * 100 + Number(last) : Number(last);
    // "1986/87" is a fiscal year; "2019-2021" a range; "2021-2019" or "1987/1" is not a range of years.
    if (second <= first || second - first > 50) return null;
    result.end = context.createParsingComponents({ year: second });
  }
  return result;
}

/** The second year of "in 1968 and 1969", which has no preposition of its own. */
const LISTED_YEAR = new RegExp(String.raw`(?<![\w-])(?:and|or)\s+(${YEAR})(?![\w%-]|[.,]\d)`, 'i');
const YEAR_BEFORE = new RegExp(String.raw`(?<![\d.,])${YEAR},?\s*$`);
const englishListedYears: Parser = {
  pattern: () => LISTED_YEAR,
  extract: (context, match) => {
    const start = match.index ?? 0;
    if (!YEAR_BEFORE.test(context.text.slice(Math.max(0, start - 8), start))) return null;
    if (QUANTITY_AFTER.test(context.text.slice(start + match[0].length, start + match[0].length + 16))) return null;
    return context.createParsingResult(start, match[0], { year: Number(match[1]) });
  },
};

/** "this week", which chrono does not read: the document's day, widened to its week by toMention. */
const THIS_WEEK = /(?<![\w-])(?:this|the current)\s+week\b/i;
function thisWeek(context: ParsingContext, match: RegExpMatchArray): ParsingResult {
  const result = context.createParsingResult(match.index ?? 0, match[0]);
  const { instant } = context.reference;
  result.start.assign('year', instant.getUTCFullYear()).assign('month', instant.getUTCMonth() + 1).assign('day', instant.getUTCDate());
  result.start.addTag('result/relativeDate');
  return result;
}
const englishThisWeek: Parser = { pattern: () => THIS_WEEK, extract: thisWeek };

const RUSSIAN_THIS_WEEK = /(?<!\p{L})(?:на\s+)?(?:этой|текущей|нынешней)\s+неделе(?!\p{L})/iu;
const russianThisWeek: Parser = { pattern: () => RUSSIAN_THIS_WEEK, extract: thisWeek };

/** chrono's parsers that only give false positives on news text, or only times of day, for this use. */
const DROPPED_PARSERS = new Set([
  'ENTimeUnitWithinFormatParser', // "for two weeks", "within 24 hours", "in the year to March": durations
  'ENTimeUnitLaterFormatParser', // "two days later" is relative to the story, not to the document
  'ENTimeExpressionParser', // "17:30" alone is not a date
  'ENCasualTimeParser', // "noon", "this morning" without a day
  'RUTimeUnitWithinFormatParser',
  'RUTimeExpressionParser',
  'RUCasualTimeParser',
]);

/**
 * chrono's filter of unlikely English results drops "May" unless "in May" comes before it, which
 * loses "mid-May" and "since May"; `keep` below judges month names on its own terms instead.
 */
const DROPPED_REFINERS = new Set(['ENUnlikelyFormatFilter']);

function configured(base: chrono.Chrono, extra: Parser[]): chrono.Chrono {
  const parser = base.clone();
  // First, so that of two results of the same length (chrono reads "this week" as no date at all) ours is kept.
  parser.parsers = [...extra, ...parser.parsers.filter((item) => !DROPPED_PARSERS.has(item.constructor.name))];
  parser.refiners = parser.refiners.filter((item) => !DROPPED_REFINERS.has(item.constructor.name));
  return parser;
}

let parsers: { english: chrono.Chrono; russian: chrono.Chrono } | null = null;

function getParsers(): { english: chrono.Chrono; russian: chrono.Chrono } {
  parsers ??= { english: configured(chrono.en.casual, [englishYears, englishListedYears, englishThisWeek]), russian: configured(chrono.ru.casual, [russianYears, russianThisWeek]) };
  return parsers;
}

// --- Filters -------------------------------------------------------------------------------------

const ENGLISH_MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const FULL_WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
/** Words before a month name alone that make it a time ("in March", "since May", "last July"). */
const MONTH_LICENCE = /(?:\b(?:in|since|by|until|till|through|throughout|during|from|to|before|after|of|for|last|next|this|early|mid|late|between|and|or|around|about|circa|end|beginning|start|middle)|[-–])[\s-]*$/;
/** The same at the start of a sentence, where the preposition has a capital ("In February we will…"). */
const MONTH_LICENCE_AT_START = /(?:^|[.!?"“«\n]\s*)(?:In|Since|By|Until|Till|Through|Throughout|During|From|Before|After|Last|Next|This|Early|Mid|Late|Around|About)[\s-]*$/;
/** Names with a weekday in them ("Good Friday", "Sunday Times"). */
const WEEKDAY_NAME_BEFORE = /\b(?:Black|Good|Bloody|Super|Ash|Easter|Palm|Holy|Cyber|Maundy|Shrove|Giving|Low|Mail\s+on|Independent\s+on)\s+$/;
const WEEKDAY_NAME_AFTER = /^\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Sport|People|Independent|Tribune|Observer|Star|School|Service|Agreement|Night\s+Live)\b/;
const RUSSIAN_MONTH_LICENCE = /(?:^|\s)(?:в|во|с|со|до|к|ко|по|от|после|между|и|середин\p{L}*|начал\p{L}*|конц\p{L}*|прошл\p{L}*|следующ\p{L}*|эт\p{L}*)\s+$/iu;
const RUSSIAN_WEEKDAY_LICENCE = /^(?:(?:в|во|на|к|до|с|со|по)\s|прошл|следующ|эт|ближайш)/i;
/** Prepositions that introduce a time but are not part of it. */
const LEADING_PREPOSITION = /^(?:(?:and|or|on|in|at|during|since|by|from|until|till|through|throughout|before|after|of|between)\s+|(?:в|во|на|с|со|до|к|по|от|между|после)\s+)/i;

function keep(text: string, found: Found): boolean {
  const { result } = found;
  const { start } = result;
  const words = result.text;
  const before = text.slice(Math.max(0, found.start - 24), found.start);
  const after = text.slice(found.end, found.end + 24);
  const tags = result.tags();
  const hasDate = start.isCertain('day') || start.isCertain('month') || start.isCertain('year');
  if (!hasDate && !start.isCertain('weekday')) return false; // a time of day alone
  if (tags.has('casualReference/now') || /^(?:now|сейчас|теперь)$/i.test(words)) return false;
  if (/^(?:for|within|after|later|over)\b/i.test(words)) return false; // durations
  if (/\bthe second$/i.test(words)) return false; // "the second round", not a time
  // "3/4", "5/8": fractions in prices, not days; a numeric date must name its year.
  if (/^[\d\s/.-]+$/.test(words) && !namesYear(words)) return false;
  // "two hours ago" is a time, not a date; "the past 24 hours" is a period up to the document's day.
  if (tags.has('result/relativeDateAndTime') && !/\b(?:past|last)\s+\S+\s+hours\b/i.test(words)) return false;
  const cyrillic = CYRILLIC.test(words);
  if (!cyrillic) {
    // "may", "march" in lower case are a verb and a noun; month names are capitalised in English.
    const month = ENGLISH_MONTH.exec(words)?.[0] ?? '';
    if (/^[a-z]/.test(month)) return false;
    // Tables in capitals: "APR/MAY 61.75" is a price, not May 1961; "OCT7 1638" a contract month and a price.
    if (/\b[A-Z]{3}\d/.test(words)) return false;
    if (/^[A-Z]{3,}$/.test(month) && start.isCertain('year') && !namesYear(words)) return false;
    // "Today" mid-sentence is a title ("USA Today").
    if (/^Today\b/.test(words) && /[\p{L},]\s*$/u.test(before)) return false;
  }
  const onlyMonth = start.isCertain('month') && !start.isCertain('day') && !start.isCertain('year') && !tags.has('result/relativeDate');
  if (onlyMonth && !cyrillic) {
    const name = ENGLISH_MONTH.exec(words)?.[0] ?? '';
    // A month name alone must be a full name after a preposition: "in March", not "Theresa May".
    if (name.length <= 4 && name !== 'May' && name !== 'June' && name !== 'July') return false;
    const lead = before + words.slice(0, words.indexOf(name));
    if (!MONTH_LICENCE.test(lead) && !MONTH_LICENCE_AT_START.test(lead)) return false;
  }
  if (onlyMonth && cyrillic) {
    // "в марте", "с середины мая"; "Марта Иванова" is a name.
    const name = /(?:январ|феврал|март|апрел|ма[йяею]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*/iu.exec(words)?.[0] ?? '';
    if (!RUSSIAN_MONTH_LICENCE.test(`${before}${words.slice(0, words.indexOf(name))}`)) return false;
  }
  const onlyWeekday = start.isCertain('weekday') && !hasDate;
  if (onlyWeekday) {
    if (cyrillic) {
      if (!RUSSIAN_WEEKDAY_LICENCE.test(words) && !/(?:^|\s)(?:в|во|на|к|до|с|со|по)\s+$/i.test(before)) return false;
    } else {
      // "Sat", "Sun", "Wed" are words and names; a weekday alone must be written in full.
      if (!FULL_WEEKDAY.test(words) && !/\bweekend\b/i.test(words)) return false;
      if (WEEKDAY_NAME_BEFORE.test(before) || WEEKDAY_NAME_AFTER.test(after)) return false;
    }
  }
  return true;
}

// --- Resolution ----------------------------------------------------------------------------------

const FUTURE = /\b(?:will|won't|shall|next|upcoming|scheduled|is due|are due|due on|due in|payable|pay|maturing|matures|expires|expect(?:s|ed)?(?: to)?|plan(?:s|ned)? to|intend(?:s|ed)? to|hope(?:s|d)? to|aim(?:s|ed)? to|set to|to be held|ahead of|deadline)\b|'ll\b|(?:^|\s)(?:будет|будут|состоится|состоятся|запланирован\p{L}*|следующ\p{L}*|предстоящ\p{L}*|пройд[её]т|начн[её]тся|откроется|завершится|приедет|посетит|провед[её]т|проведут)(?!\p{L})/iu;
const PAST = /\b(?:was|were|had|did|began|said|told|(?!(?:schedul|expect|plann|intend|hop|aim)ed\b)\w+ed)\b|(?:^|\s)\p{L}+(?:ал|ял|ил|ел|ул)[аио]?(?!\p{L})/iu;
const APPROXIMATE = /\b(?:about|around|approximately|roughly|circa|nearly|almost|some|few|several|couple|early|mid|late|end|beginning|start|middle|spring|summer|autumn|fall|winter)\b|(?:около|примерно|приблизительно|несколько|середин|начал[аеуо]|конц[аеуы]|весн|летом|осен|зим)/i;
/** Qualifiers right before an expression that belong to it ("mid-", "early", "the end of", "около"). */
const QUALIFIER_BEFORE = /(?:\b(?:(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of|(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?|early|mid|late|around|about|approximately|roughly|circa|nearly|almost|last|next|this)[\s-]*|(?:^|\s)(?:середин[аеуы]|начал[аеуо]|конц[аеуы]|около|примерно|приблизительно|весной|летом|осенью|зимой)\s+)$/iu;
const RANGE_DAY_BEFORE = /\b(?:between|from)\s+(\d{1,2})(?:st|nd|rd|th)?\s+(?:and|to|until|till|through)\s+$|(?:^|\s)(?:между|с)\s+(\d{1,2})\s+(?:и|по|до)\s+$/i;

function parseDay(value: string | undefined): Day | null {
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
function namesYear(words: string): boolean {
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

/** Where the text after the last boundary in text[from, to) starts; `from` when there is none. */
function lastBoundary(text: string, boundary: RegExp, from: number, to: number): number {
  const slice = text.slice(from, to);
  let position = from;
  boundary.lastIndex = 0;
  for (let match = boundary.exec(slice); match; match = boundary.exec(slice)) position = from + match.index + match[0].length;
  return position;
}

/** Where the first boundary in text[from, to) starts; `to` when there is none. */
function firstBoundary(text: string, boundary: RegExp, from: number, to: number): number {
  boundary.lastIndex = 0;
  const match = boundary.exec(text.slice(from, to));
  return match ? from + match.index : to;
}

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

function toMention(text: string, found: Found, documentDay: Day | null): TimeMention {
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

/** chrono's results for a window; a library error on odd text loses that window's times, not the document. */
function parseQuietly(parser: chrono.Chrono, text: string, reference: { instant: Date; timezone: number }): ParsingResult[] {
  try {
    return parser.parse(text, reference, { forwardDate: false }) as ParsingResult[];
  } catch {
    return [];
  }
}

// --- Entry point ---------------------------------------------------------------------------------

/**
 * Finds temporal expressions in `text` (English and Russian) and resolves them against the
 * document's date. Without a date, expressions that need one are still found, with anchor
 * 'document' and no value; call again with the date to resolve them.
 */
export function findTimes(text: string, options: FindTimesOptions = {}): TimeMention[] {
  const documentDay = parseDay(options.documentDate);
  // Noon UTC in a UTC reference: chrono's arithmetic then never crosses a day boundary.
  const day = documentDay ?? { year: 2000, month: 1, day: 1 };
  const reference = { instant: new Date(Date.UTC(day.year, day.month - 1, day.day, 12)), timezone: 0 };
  const { english, russian } = getParsers();
  const found: Found[] = [];
  for (const window of candidateWindows(text)) {
    const slice = text.slice(window.start, window.end);
    const languages = [LATIN.test(slice) ? english : null, CYRILLIC.test(slice) ? russian : null];
    for (const parser of languages) {
      if (parser === null) continue;
      for (const result of parseQuietly(parser, slice, reference)) {
        const start = window.start + result.index;
        // "In mid-September, 30 people were killed": chrono reads "September, 30" as a day.
        const listed = /^(\D*?[A-Za-z]\.?),\s+\d{1,2}$/.exec(result.text);
        if (listed?.[1] && result.start.isCertain('month') && !result.start.isCertain('year')) {
          result.text = listed[1];
          result.start.delete('day');
        }
        const item: Found = { start, end: start + result.text.length, result };
        if (!result.end && result.start.isCertain('day')) {
          const range = RANGE_DAY_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
          const first = Number(range?.[1] ?? range?.[2] ?? NaN);
          if (first >= 1 && first < (result.start.get('day') ?? 0)) item.rangeStartDay = first;
        }
        if (keep(text, item)) found.push(item);
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: TimeMention[] = [];
  let reached = -1;
  for (const item of found) {
    if (item.start < reached) continue; // overlaps a longer one found first (English and Russian both read digits)
    const mention = toMention(text, item, documentDay);
    if (mention.text === '') continue;
    mentions.push(mention);
    reached = item.end;
  }
  return mentions;
}
