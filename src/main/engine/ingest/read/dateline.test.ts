import { describe, expect, it } from 'vitest';
import { datelineDate, findDateline } from './dateline';

describe('datelines', () => {
  it('reads the forms news stories open with', () => {
    expect(findDateline('BAKU, June 2 (Reuters) - Azerbaijan said on Wednesday')).toEqual({ text: 'BAKU, June 2 (Reuters)', month: 6, day: 2, year: null });
    expect(findDateline('MOSCOW, March 6 — Russia proposed a commission')).toEqual({ text: 'MOSCOW, March 6', month: 3, day: 6, year: null });
    expect(findDateline('June 2, 2021 — The government of Azerbaijan')).toEqual({ text: 'June 2, 2021', month: 6, day: 2, year: 2021 });
    expect(findDateline('NEW YORK, Sept. 14, 2020 (AP) -- Stocks fell')).toMatchObject({ month: 9, day: 14, year: 2020 });
    expect(findDateline('YEREVAN, 2 June 2021 - Armenia said')).toMatchObject({ month: 6, day: 2, year: 2021 });
    expect(findDateline('МОСКВА, 6 марта 2025 года — Министерство обороны')).toMatchObject({ month: 3, day: 6, year: 2025 });
    expect(findDateline('БАКУ, 2 июня (Sputnik) — Азербайджан')).toMatchObject({ month: 6, day: 2, year: null });
  });

  it('looks past a title line, and only near the start', () => {
    const story = 'Border talks resume\n\nTBILISI, May 14, 2021 - Negotiators met on Friday.';
    expect(datelineDate(story)).toBe('2021-05-14');
    expect(datelineDate(`${'A line of text.\n'.repeat(8)}TBILISI, May 14, 2021 - Negotiators met.`)).toBeNull();
  });

  it('gives a date only when the dateline names its year and the day exists', () => {
    expect(datelineDate('BAKU, June 2 (Reuters) - Azerbaijan said')).toBeNull();
    expect(datelineDate('BAKU, February 30, 2021 - Nothing')).toBeNull();
  });

  it('does not take a sentence for a dateline', () => {
    // The seed article (tests/fixtures/border-incident-article.txt) opens with its title and a sentence.
    expect(findDateline('Azerbaijan denounces an alleged invasion\n\nThe government of Azerbaijan on Wednesday denounced')).toBeNull();
    expect(findDateline('In 2020, the fighting ended - after six weeks.')).toBeNull();
    expect(findDateline('Officials said on June 2 - a Wednesday - that')).toBeNull();
  });
});
