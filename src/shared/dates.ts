/** Dates of uneven precision ('YYYY', 'YYYY-MM', 'YYYY-MM-DD'), as the case stores them. */

/**
 * The first or the last day (YYYY-MM-DD) that a 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD…' value can mean:
 * "2020" is 2020-01-01 to 2020-12-31, "2021-05" is 2021-05-01 to 2021-05-31; null for anything else.
 */
export function dayBound(value: string, bound: 'first' | 'last'): string | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  if (day) return `${year}-${month}-${day}`;
  if (month) {
    if (bound === 'first') return `${year}-${month}-01`;
    const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return `${year}-${month}-${String(days).padStart(2, '0')}`;
  }
  return bound === 'first' ? `${year}-01-01` : `${year}-12-31`;
}
