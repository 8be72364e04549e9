/**
 * The chrono parsers for English and Russian news text: chrono's own, less those that only give false
 * positives there, plus what it lacks (years after a preposition, "в 2020 году", listed years,
 * "this week").
 */
import * as chrono from 'chrono-node';
import type { ParsingContext, ParsingResult, Parser } from 'chrono-node';

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

/** The English and Russian parsers, configured once on first use. */
export function getParsers(): { english: chrono.Chrono; russian: chrono.Chrono } {
  parsers ??= { english: configured(chrono.en.casual, [englishYears, englishListedYears, englishThisWeek]), russian: configured(chrono.ru.casual, [russianYears, russianThisWeek]) };
  return parsers;
}
