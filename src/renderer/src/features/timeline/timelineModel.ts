/**
 * The timeline's layout, apart from React: which lane an item sits in (by actor or by source),
 * rows within a lane so bars and labels do not overlap, the days an item covers, and moving
 * between items with the arrow keys.
 */
import type { EntityType } from '../../../../shared/entities';
import type { TimelineItem, TimelineKind } from '../../../../shared/timeline';
import type { Period } from '../../components/period';

export type LaneMode = 'actor' | 'source';

export interface Lane {
  readonly key: string;
  readonly label: string;
  /** The lane's entity type (its actor's), for its colour; null for lanes of no entity. */
  readonly type: EntityType | null;
  readonly items: readonly TimelineItem[];
}

const DAY_MS = 86_400_000;

/** Midnight UTC of a YYYY-MM-DD day. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The YYYY-MM-DD day a moment falls on (UTC). */
export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The half-open time interval an item covers: from its first day's midnight to the midnight after its last day. */
export function itemInterval(item: Pick<TimelineItem, 'start' | 'end'>): [Date, Date] {
  return [dayToDate(item.start), new Date(dayToDate(item.end).getTime() + DAY_MS)];
}

/** The days between two moments, as an inclusive period; the end moment belongs to the day before when it is a midnight. */
export function periodBetween(a: Date, b: Date): Period {
  const [low, high] = a <= b ? [a, b] : [b, a];
  const last = new Date(Math.max(low.getTime(), high.getTime() - 1));
  return { from: dateToDay(low), to: dateToDay(last) };
}

/** The interval drawn for a period: its first day's midnight to the midnight after its last day. */
export function periodInterval(period: Period): [Date, Date] {
  return itemInterval({ start: period.from, end: period.to });
}

/** Whether an item falls (even partly) within the period. */
export function overlapsPeriod(item: Pick<TimelineItem, 'start' | 'end'>, period: Period | null): boolean {
  return period === null || (item.start <= period.to && item.end >= period.from);
}

/** The span of time to show when fitting everything: all items, with a margin either side (a month at least). */
export function fitDomain(items: readonly Pick<TimelineItem, 'start' | 'end'>[]): [Date, Date] {
  if (items.length === 0) {
    const now = Date.now();
    return [new Date(now - 180 * DAY_MS), new Date(now + 15 * DAY_MS)];
  }
  let low = Infinity;
  let high = -Infinity;
  for (const item of items) {
    const [start, end] = itemInterval(item);
    low = Math.min(low, start.getTime());
    high = Math.max(high, end.getTime());
  }
  const margin = Math.max((high - low) * 0.04, 15 * DAY_MS);
  return [new Date(low - margin), new Date(high + margin)];
}

const kindLane: Record<TimelineKind, string> = {
  event: 'Unattributed events',
  claim: 'Unattributed claims',
  link: 'Links',
  document: 'Documents',
};

/** The lane an item belongs in: its first actor (by actor) or who says it, else its document (by source). */
export function laneOf(item: TimelineItem, mode: LaneMode): { key: string; label: string; type: EntityType | null } {
  if (item.kind === 'document') return { key: 'documents', label: 'Documents', type: null };
  if (mode === 'actor') {
    const actor = item.actors[0];
    if (actor) return { key: `entity:${actor.entityId}`, label: actor.name, type: actor.type };
    // A country or a capital speaking ("Azerbaijan claimed") is no actor entity, but still who speaks.
    if (item.kind === 'claim' && item.source) return { key: `speaker:${item.source}`, label: item.source, type: null };
    return { key: `none:${item.kind}`, label: kindLane[item.kind], type: null };
  }
  if (item.source) {
    const speaker = item.kind === 'claim' ? item.actors[0] : undefined;
    return { key: `source:${item.source}`, label: item.source, type: speaker?.type ?? null };
  }
  if (item.documentTitle) return { key: `document:${item.documentId}`, label: item.documentTitle, type: null };
  return { key: 'none', label: 'No source', type: null };
}

/** Items grouped in lanes, ordered by their first item; the documents lane comes last. */
export function buildLanes(items: readonly TimelineItem[], mode: LaneMode): Lane[] {
  const lanes = new Map<string, { key: string; label: string; type: EntityType | null; items: TimelineItem[] }>();
  for (const item of items) {
    const lane = laneOf(item, mode);
    const existing = lanes.get(lane.key);
    if (existing) existing.items.push(item);
    else lanes.set(lane.key, { ...lane, items: [item] });
  }
  for (const lane of lanes.values()) lane.items.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const rank = (lane: Lane): number => (lane.key === 'documents' ? 2 : lane.key.startsWith('none') ? 1 : 0);
  return [...lanes.values()].sort((a, b) => rank(a) - rank(b) || (a.items[0]!.start < b.items[0]!.start ? -1 : a.items[0]!.start > b.items[0]!.start ? 1 : a.label.localeCompare(b.label)));
}

/**
 * Rows within a lane: each item goes in the first row where it (with its label, `extent` gives
 * both in pixels) does not overlap what is there. Answers each item's row and how many rows there are.
 */
export function packRows(items: readonly TimelineItem[], extent: (item: TimelineItem) => [number, number]): { rows: Map<string, number>; count: number } {
  const ends: number[] = [];
  const rows = new Map<string, number>();
  const sorted = [...items].map((item) => ({ item, span: extent(item) })).sort((a, b) => a.span[0] - b.span[0]);
  for (const { item, span } of sorted) {
    let row = ends.findIndex((end) => end <= span[0]);
    if (row < 0) {
      row = ends.length;
      ends.push(span[1]);
    } else {
      ends[row] = span[1];
    }
    rows.set(item.key, row);
  }
  return { rows, count: Math.max(1, ends.length) };
}

export type Direction = 'previous' | 'next' | 'up' | 'down';

/**
 * The item the arrow keys move to: the previous or next in time, or the nearest in time in the
 * lane above or below. With nothing selected, the first item.
 */
export function neighbour(lanes: readonly Lane[], current: string | null, direction: Direction): string | null {
  const ordered = lanes.flatMap((lane) => lane.items).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  if (ordered.length === 0) return null;
  const laneIndex = lanes.findIndex((lane) => lane.items.some((item) => item.key === current));
  if (current === null || laneIndex < 0) return ordered[0]!.key;
  if (direction === 'previous' || direction === 'next') {
    const index = ordered.findIndex((item) => item.key === current);
    const next = ordered[Math.max(0, Math.min(ordered.length - 1, index + (direction === 'next' ? 1 : -1)))];
    return next?.key ?? current;
  }
  const target = lanes[laneIndex + (direction === 'down' ? 1 : -1)];
  if (!target) return current;
  const at = dayToDate(lanes[laneIndex]!.items.find((item) => item.key === current)!.start).getTime();
  let best = target.items[0]!;
  for (const item of target.items) {
    if (Math.abs(dayToDate(item.start).getTime() - at) < Math.abs(dayToDate(best.start).getTime() - at)) best = item;
  }
  return best.key;
}

const precisionWords: Record<TimelineItem['precision'], string> = { day: 'day', month: 'month', year: 'year' };
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 June 2021", "May 2021", "2020", or a range, as precise as the item is. */
export function formatWhen(item: Pick<TimelineItem, 'start' | 'end' | 'precision'>): string {
  const one = (day: string): string => {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    if (item.precision === 'year') return String(year);
    if (item.precision === 'month') return `${monthNames[month - 1]} ${year}`;
    return `${date} ${monthNames[month - 1]} ${year}`;
  };
  const first = one(item.start);
  const last = one(item.end);
  return first === last ? first : `${first} – ${last}`;
}

/** "day precision", "month precision, approximate". */
export function describePrecision(item: Pick<TimelineItem, 'precision' | 'approximate'>): string {
  return `${precisionWords[item.precision]} precision${item.approximate ? ', approximate' : ''}`;
}
