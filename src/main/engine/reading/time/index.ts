/**
 * Temporal expressions in English and Russian text, normalised against the document's date.
 * chrono-node finds and parses them; this folder adds what chrono lacks on news text (years after a
 * preposition, "в 2020 году", "mid-May", "between 10 and 12 March"), resolves what depends on the
 * document's date with a past bias (news reports the past), and filters chrono's false positives
 * ("he may", "the march", "Sun", clock times alone, "for two weeks").
 *
 * This file is the entry point, findTimes: windows.ts says where to look, parsers.ts holds the
 * configured chrono parsers, filter.ts which results to keep, resolve.ts what each one means.
 */
import type * as chrono from 'chrono-node';
import type { ParsingResult } from 'chrono-node';
import { keep } from './filter';
import { getParsers } from './parsers';
import { parseDay, RANGE_DAY_BEFORE, toMention } from './resolve';
import type { FindTimesOptions, Found, TimeMention } from './types';
import { candidateWindows, CYRILLIC, LATIN } from './windows';

export type { FindTimesOptions, TimeMention, TimePrecision } from './types';

/** chrono's results for a window; a library error on odd text loses that window's times, not the document. */
function parseQuietly(parser: chrono.Chrono, text: string, reference: { instant: Date; timezone: number }): ParsingResult[] {
  try {
    return parser.parse(text, reference, { forwardDate: false }) as ParsingResult[];
  } catch {
    return [];
  }
}

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
