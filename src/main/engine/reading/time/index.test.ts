/** findTimes end to end: a whole article, with and without its date, a long table, a bad date. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTimes } from './index';
import type { TimeMention } from './index';

const fixtures = join(__dirname, '..', '..', '..', '..', '..', 'tests', 'fixtures');

describe('findTimes', () => {
  it('resolves the seed article against its date', () => {
    const text = readFileSync(join(fixtures, 'border-incident-article.txt'), 'utf8');
    const times = findTimes(text, { documentDate: '2021-06-02' });
    const byText = (words: string): TimeMention | undefined => times.find((mention) => mention.text === words);
    expect(byText('Wednesday')).toMatchObject({ value: '2021-06-02', precision: 'day', anchor: 'document', approximate: false });
    expect(byText('Tuesday')).toMatchObject({ value: '2021-06-01', precision: 'day', anchor: 'document' });
    expect(byText('November 10th')).toMatchObject({ value: '2020-11-10', precision: 'day', anchor: 'document' });
    expect(byText('mid-May')).toMatchObject({ value: '2021-05', precision: 'month', approximate: true, anchor: 'document' });
    expect(byText('2020')).toMatchObject({ value: '2020', precision: 'year', anchor: 'absolute' });
    // Nothing else in the article is a time ("after several months" is a duration).
    expect(times.map((mention) => mention.text)).toEqual(['Wednesday', 'Tuesday', 'mid-May', '2020', 'November 10th']);
    for (const mention of times) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it('finds relative times without a document date, and resolves them once the date is known', () => {
    const text = readFileSync(join(fixtures, 'border-incident-article.txt'), 'utf8');
    const undated = findTimes(text);
    expect(undated.map((mention) => [mention.text, mention.value, mention.anchor])).toEqual([
      ['Wednesday', undefined, 'document'],
      ['Tuesday', undefined, 'document'],
      ['mid-May', undefined, 'document'],
      ['2020', '2020', 'absolute'],
      ['November 10th', undefined, 'document'],
    ]);
    const dated = findTimes(text, { documentDate: '2021-06-02' });
    expect(dated.map((mention) => [mention.start, mention.end])).toEqual(undated.map((mention) => [mention.start, mention.end]));
  });

  it('reads a long table of dates, which chrono sees in pieces, without losing or splitting one', () => {
    const line = 'Qtly div 15 cts vs 15 cts Pay April 15 Record March 31\n';
    const times = findTimes(line.repeat(300), { documentDate: '1987-03-17' });
    expect(times).toHaveLength(600);
    expect(new Set(times.map((mention) => `${mention.text} ${mention.value}`))).toEqual(new Set(['April 15 1987-04-15', 'March 31 1987-03-31']));
  });

  it('ignores a malformed document date rather than guessing', () => {
    expect(findTimes('It happened yesterday.', { documentDate: '2021-02-30' })).toEqual([
      { start: 12, end: 21, text: 'yesterday', precision: 'day', approximate: false, anchor: 'document' },
    ]);
  });
});
