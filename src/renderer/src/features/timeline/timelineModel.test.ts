import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../../shared/timeline';
import { formatPeriod } from '../../components/period';
import { buildLanes, fitDomain, formatWhen, neighbour, packRows, periodBetween } from './timelineModel';

function item(key: string, start: string, end: string, patch: Partial<TimelineItem> = {}): TimelineItem {
  return {
    key,
    kind: 'event',
    label: key,
    start,
    end,
    precision: start === end ? 'day' : 'month',
    approximate: false,
    dateSource: 'text',
    actors: [],
    places: [],
    documentId: 1,
    documentTitle: 'Azerbaijan denounces',
    span: { start: 0, end: 1 },
    status: 'suggested',
    source: null,
    ...patch,
  };
}

const pashinyan = { entityId: 9, name: 'Nikol Pashinyan', type: 'person' as const };
const ministry = { entityId: 3, name: 'Ministry of Defense', type: 'organization' as const };

describe('timeline layout', () => {
  it('puts items in lanes by actor, unattributed and documents last', () => {
    const items = [
      item('document:1', '2021-06-02', '2021-06-02', { kind: 'document' }),
      item('event:1', '2021-06-01', '2021-06-01'),
      item('claim:3', '2021-06-02', '2021-06-02', { kind: 'claim', actors: [pashinyan], source: 'Nikol Pashinyan' }),
      item('claim:1', '2021-06-02', '2021-06-02', { kind: 'claim', actors: [ministry], source: 'Ministry of Defense' }),
      item('event:5', '2020-11-10', '2020-11-10', { actors: [pashinyan] }),
    ];
    expect(buildLanes(items, 'actor').map((lane) => [lane.label, lane.items.map((one) => one.key)])).toEqual([
      ['Nikol Pashinyan', ['event:5', 'claim:3']],
      ['Ministry of Defense', ['claim:1']],
      ['Unattributed events', ['event:1']],
      ['Documents', ['document:1']],
    ]);
    expect(buildLanes(items, 'source').map((lane) => lane.label)).toEqual(['Azerbaijan denounces', 'Ministry of Defense', 'Nikol Pashinyan', 'Documents']);
  });

  it('packs overlapping items in rows', () => {
    const items = [item('a', '2021-05-01', '2021-05-31'), item('b', '2021-05-20', '2021-05-20'), item('c', '2021-06-10', '2021-06-10')];
    const x = { a: [0, 100], b: [50, 80], c: [120, 130] } as Record<string, [number, number]>;
    const { rows, count } = packRows(items, (one) => x[one.key]!);
    expect(count).toBe(2);
    expect([rows.get('a'), rows.get('b'), rows.get('c')]).toEqual([0, 1, 0]);
  });

  it('moves between items with the arrow keys', () => {
    const lanes = buildLanes(
      [item('e1', '2021-06-01', '2021-06-01', { actors: [pashinyan] }), item('e2', '2021-06-05', '2021-06-05', { actors: [pashinyan] }), item('e3', '2021-06-04', '2021-06-04', { actors: [ministry] })],
      'actor',
    );
    expect(neighbour(lanes, null, 'next')).toBe('e1');
    expect(neighbour(lanes, 'e1', 'next')).toBe('e3');
    expect(neighbour(lanes, 'e3', 'previous')).toBe('e1');
    expect(neighbour(lanes, 'e2', 'down')).toBe('e3');
    expect(neighbour(lanes, 'e3', 'up')).toBe('e2');
    expect(neighbour(lanes, 'e2', 'next')).toBe('e2');
  });

  it('turns a brushed span into whole days and names the period', () => {
    const period = periodBetween(new Date('2021-06-02T23:00:00Z'), new Date('2021-05-01T03:00:00Z'));
    expect(period).toEqual({ from: '2021-05-01', to: '2021-06-02' });
    expect(periodBetween(new Date('2021-05-01T00:00:00Z'), new Date('2021-06-03T00:00:00Z'))).toEqual({ from: '2021-05-01', to: '2021-06-02' });
    expect(formatPeriod(period)).toBe('1 May – 2 Jun 2021');
    expect(formatPeriod({ from: '2020-12-12', to: '2021-01-02' })).toBe('12 Dec 2020 – 2 Jan 2021');
  });

  it('says when as precisely as the item is', () => {
    expect(formatWhen({ start: '2021-05-01', end: '2021-05-31', precision: 'month' })).toBe('May 2021');
    expect(formatWhen({ start: '2020-01-01', end: '2020-12-31', precision: 'year' })).toBe('2020');
    expect(formatWhen({ start: '2021-06-01', end: '2021-06-01', precision: 'day' })).toBe('1 June 2021');
    const [low, high] = fitDomain([item('a', '2021-05-01', '2021-06-02')]);
    expect(low < new Date('2021-05-01') && high > new Date('2021-06-03')).toBe(true);
  });
});
