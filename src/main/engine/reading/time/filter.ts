/**
 * Which of chrono's results are times: chrono's false positives on news text ("he may", "the march",
 * "Sun", "USA Today", clock times alone, durations, fractions, price tables) are left out.
 */
import type { Found } from './types';
import { namesYear } from './resolve';
import { CYRILLIC } from './windows';

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

/** Whether a result of chrono's, with the text around it, is a time worth keeping. */
export function keep(text: string, found: Found): boolean {
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
