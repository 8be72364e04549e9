/** What the time finder leaves out: words that look like dates and are not (filter.ts). */
import { describe, expect, it } from 'vitest';
import { findTimes } from './index';

describe('findTimes filters', () => {
  it('leaves out what is not a date', () => {
    const date = { documentDate: '2021-06-02' };
    for (const text of [
      'He may go there and the march may be long.',
      'Theresa May met Sun Microsystems executives on the second floor at 17:30.',
      'The convoy will stay for two weeks and leave within 24 hours.',
      'Exports rose to 2000 tonnes, and 3/4 of them went by sea.',
      'The Sunday Times reported on Good Friday; USA Today agreed.',
      'SEP7 1624 UP 13 OCT7 1638 UP 13',
      'Загрязнение попадает в окружающую среду.',
      'Марта Иванова выступила среди первых.',
    ]) {
      expect(findTimes(text, date).map((mention) => mention.text), text).toEqual([]);
    }
  });
});
