// Datelines: the place and date that open a news story ("BAKU, June 2 (Reuters) -", "MOSCOW, March 6 —",
// "June 2, 2021 —", "МОСКВА, 6 марта 2025 года —"). A dateline that names its year dates a document
// that carries no date in its metadata.

/** A dateline found near the start of a text. */
export interface Dateline {
  /** The dateline as written, without the dash that ends it. */
  readonly text: string;
  readonly month: number;
  readonly day: number;
  /** Null when the dateline gives no year ("BAKU, June 2 (Reuters) -"). */
  readonly year: number | null;
}

const ENGLISH_MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const RUSSIAN_MONTH = String.raw`(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|янв|фев|мар|апр|июн|июл|авг|сен|окт|ноя|дек)\.?`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:19|20)\d\d`;
/** "June 2", "June 2, 2021", "2 June 2021", "6 марта", "6 марта 2025 года", "2021-06-02". */
const DATE = [
  String.raw`(?<m1>${ENGLISH_MONTH})\s+(?<d1>${DAY})(?:,?\s+(?<y1>${YEAR}))?`,
  String.raw`(?<d2>${DAY})\s+(?<m2>${ENGLISH_MONTH}|${RUSSIAN_MONTH})(?:,?\s+(?<y2>${YEAR})(?:\s*(?:года|г\.))?)?`,
  String.raw`(?<y3>${YEAR})-(?<m3>0[1-9]|1[0-2])-(?<d3>0[1-9]|[12]\d|3[01])`,
].join('|');
/** A place in capitals or in title case, up to four words ("BAKU", "NEW YORK", "Rio de Janeiro", "МОСКВА"). */
const PLACE = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s(?:\p{Lu}[\p{L}'’.-]*|de|del|da|do|el|al|la|on|upon|am|an|im)){0,4}`;
/** The news agency or paper in parentheses, and the dash that closes the dateline. */
const AGENCY = String.raw`(?:\s*\([^()\n]{1,40}\))?`;
const DASH = String.raw`\s*(?:[-–—]{1,2}|/)\s`;
const DATELINE = new RegExp(String.raw`^(?:${PLACE}${AGENCY},\s*)?(?:${DATE})${AGENCY}${DASH}`, 'u');
/** A dateline opens the story: the first few lines (the title usually comes first). */
const LINES_TO_LOOK_AT = 6;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  янв: 1, фев: 2, мар: 3, апр: 4, мая: 5, июн: 6, июл: 7, авг: 8, сен: 9, окт: 10, ноя: 11, дек: 12,
};

/** The dateline that opens one of the first lines of `text`, or null. */
export function findDateline(text: string): Dateline | null {
  let lineStart = 0;
  for (let line = 0; line < LINES_TO_LOOK_AT && lineStart < text.length; line += 1) {
    const lineEnd = text.indexOf('\n', lineStart);
    const content = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trimStart();
    if (content !== '') {
      const match = DATELINE.exec(content);
      const dateline = match ? datelineOf(match) : null;
      if (dateline) return dateline;
    }
    if (lineEnd < 0) break;
    lineStart = lineEnd + 1;
  }
  return null;
}

/** The day of a dateline that names its year, as YYYY-MM-DD; null when there is none. */
export function datelineDate(text: string): string | null {
  const dateline = findDateline(text);
  if (dateline?.year == null) return null;
  return `${dateline.year}-${String(dateline.month).padStart(2, '0')}-${String(dateline.day).padStart(2, '0')}`;
}

function datelineOf(match: RegExpExecArray): Dateline | null {
  const groups = match.groups ?? {};
  const monthName = groups.m1 ?? groups.m2;
  const month = monthName === undefined ? Number(groups.m3) : MONTHS[monthName.toLowerCase().slice(0, 3)];
  const day = Number.parseInt(groups.d1 ?? groups.d2 ?? groups.d3 ?? '', 10);
  const yearText = groups.y1 ?? groups.y2 ?? groups.y3;
  const year = yearText === undefined ? null : Number(yearText);
  if (month === undefined || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  // Checked against a calendar: "February 30" is not a day.
  const date = new Date(Date.UTC(year ?? 2000, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return { text: match[0].replace(/\s*(?:[-–—]{1,2}|\/)\s$/, ''), month, day, year };
}
