import { describe, expect, it } from 'vitest';
import { dayBound } from './dates';

describe('dayBound', () => {
  it('spans a year or a month to its first and last day, keeps a day, and refuses what is no date', () => {
    expect([dayBound('2020', 'first'), dayBound('2020', 'last')]).toEqual(['2020-01-01', '2020-12-31']);
    expect([dayBound('2021-05', 'first'), dayBound('2021-05', 'last')]).toEqual(['2021-05-01', '2021-05-31']);
    expect(dayBound('2024-02', 'last')).toBe('2024-02-29');
    expect(dayBound('2021-06-02T09:30:00Z', 'last')).toBe('2021-06-02');
    expect(dayBound('mid-May', 'first')).toBeNull();
  });
});
