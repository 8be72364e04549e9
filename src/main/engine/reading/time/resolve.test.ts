/** What the times found mean: absolute forms, and relative ones resolved against the document's date (resolve.ts). */
import { describe, expect, it } from 'vitest';
import type { Expected } from '../../../../../tests/support/timeExpectations';
import { expected, summary } from '../../../../../tests/support/timeExpectations';
import { findTimes } from './index';

describe('findTimes resolves', () => {
  it('reads absolute dates in the usual forms, with no document date', () => {
    const all = (text: string): Expected[] => summary(findTimes(text));
    expect(all('Signed 2 June 2021, published June 2, 2021 and filed 2021-06-02.')).toEqual(
      expected([
        ['2 June 2021', '2021-06-02', undefined, 'day'],
        ['June 2, 2021', '2021-06-02', undefined, 'day'],
        ['2021-06-02', '2021-06-02', undefined, 'day'],
      ]),
    );
    expect(all('It began in March 2020 and ended in 2021.')).toEqual(
      expected([
        ['March 2020', '2020-03', undefined, 'month'],
        ['2021', '2021', undefined, 'year'],
      ]),
    );
    expect(findTimes('in March 2020').map((mention) => mention.anchor)).toEqual(['absolute']);
  });

  it('reads relative expressions against the document date', () => {
    const date = { documentDate: '2021-06-02' }; // a Wednesday
    const one = (text: string): Expected | undefined => summary(findTimes(text, date))[0];
    expect(one('He arrived yesterday.')).toEqual(['yesterday', '2021-06-01', undefined, 'day', false]);
    expect(one('It happened two days ago.')).toEqual(['two days ago', '2021-05-31', undefined, 'day', false]);
    expect(one('It began about two weeks ago.')).toEqual(['about two weeks ago', '2021-05-19', undefined, 'day', true]);
    expect(one('Prices rose last month.')).toEqual(['last month', '2021-05', undefined, 'month', false]);
    expect(one('The vote was held in early 2020.')).toEqual(['early 2020', '2020', undefined, 'year', true]);
    expect(one('The army withdrew in late March.')).toEqual(['late March', '2021-03', undefined, 'month', true]);
    expect(one('Talks resumed on Wednesday.')).toEqual(['Wednesday', '2021-06-02', undefined, 'day', false]);
    expect(one('Talks will resume on Wednesday.')).toEqual(['Wednesday', '2021-06-02', undefined, 'day', false]);
    expect(one('Talks will resume on Friday.')).toEqual(['Friday', '2021-06-04', undefined, 'day', false]);
    expect(one('Talks resumed last Wednesday.')).toEqual(['last Wednesday', '2021-05-26', undefined, 'day', false]);
    expect(one('Fighting raged from 10 to 12 March.')).toEqual(['10 to 12 March', '2021-03-10', '2021-03-12', 'day', false]);
    expect(one('Fighting raged between 2019 and 2021.')).toEqual(['2019 and 2021', '2019', '2021', 'year', false]);
  });
});
