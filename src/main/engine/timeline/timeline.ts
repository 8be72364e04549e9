/**
 * The case on one time axis: events and claims (dated by what the text says, else by their
 * document's date), links the analyst dated, and dated documents. Each item spans the days its
 * precision allows: "May 2021" is the whole month, "2020" the whole year.
 */
import type { Database } from 'better-sqlite3';
import type { DateValue } from '../../../shared/claims';
import { dayBound } from '../../../shared/dates';
import type { EntityType } from '../../../shared/entities';
import type { TimelineItem, TimelineKind } from '../../../shared/timeline';
import { statement } from '../case/statements';
import { listClaims, listEvents } from '../claims/repository';

export interface TimelineQuery {
  readonly from?: string;
  readonly to?: string;
  readonly kinds?: readonly TimelineKind[];
}

/** Every dated item of the case between `from` and `to` (inclusive, overlapping), and how many items have no date. */
export function timelineItems(db: Database, query: TimelineQuery = {}): { items: TimelineItem[]; undated: number } {
  const kinds = new Set<TimelineKind>(query.kinds ?? ['event', 'claim', 'link', 'document']);
  const items: TimelineItem[] = [];
  let undated = 0;
  const push = (item: Omit<TimelineItem, 'start' | 'end' | 'precision' | 'approximate' | 'dateSource'>, date: DateValue | null, dateSource: TimelineItem['dateSource']) => {
    const range = date ? dateRange(date) : null;
    if (!range || !date) {
      undated += 1;
      return;
    }
    if (query.from && range.end < query.from) return;
    if (query.to && range.start > query.to) return;
    items.push({ ...item, ...range, precision: date.precision, approximate: date.approximate, dateSource });
  };
  const entityName = statement(db, 'SELECT name, kind FROM entities WHERE id = ?');
  // Who acts: a person or organisation, or a country or capital speaking or acting as its government.
  const actor = (entityId: number | null): TimelineItem['actors'] => {
    if (entityId === null) return [];
    const row = entityName.get(entityId) as { name: string; kind: EntityType } | undefined;
    return row ? [{ entityId, name: row.name, type: row.kind }] : [];
  };
  const nonPlaceActor = (entityId: number | null): TimelineItem['actors'] => actor(entityId).filter((found) => found.type !== 'location');
  const documentDates = new Map<number, DateValue | null>();
  const documentDate = (documentId: number): DateValue | null => {
    if (!documentDates.has(documentId)) {
      const row = statement(db, 'SELECT published_at FROM documents WHERE id = ?').get(documentId) as { published_at: string | null } | undefined;
      documentDates.set(documentId, toDocumentDate(row?.published_at ?? null));
    }
    return documentDates.get(documentId) ?? null;
  };

  if (kinds.has('event')) {
    const claimDates = new Map(listClaims(db).map((claim) => [claim.id, claim.date]));
    for (const event of listEvents(db)) {
      const own = event.date ?? (event.claimId !== null ? (claimDates.get(event.claimId) ?? null) : null);
      const actors = [...actor(event.agent?.entityId ?? null), ...actor(event.patient?.entityId ?? null)];
      const label = [event.agent?.name, event.trigger.text, event.patient?.name, event.place ? `near ${event.place.name}` : null].filter(Boolean).join(' ');
      push(
        {
          key: `event:${event.id}`,
          kind: 'event',
          label,
          actors,
          places: event.place?.entityId ? [{ entityId: event.place.entityId, name: event.place.name }] : [],
          documentId: event.documentId,
          documentTitle: event.documentTitle,
          span: { start: event.trigger.start, end: event.trigger.end },
          status: event.status === 'confirmed' ? 'confirmed' : 'suggested',
          source: null,
        },
        own ?? documentDate(event.documentId),
        own ? 'text' : 'document',
      );
    }
  }
  if (kinds.has('claim')) {
    for (const claim of listClaims(db)) {
      const content = claim.content.text.replace(/\s+/g, ' ').trim();
      push(
        {
          key: `claim:${claim.id}`,
          kind: 'claim',
          label: `${claim.speaker.name} ${claim.cue.text}: ${content.length > 120 ? `${content.slice(0, 119)}…` : content}`,
          actors: actor(claim.speaker.entityId),
          places: [],
          documentId: claim.documentId,
          documentTitle: claim.documentTitle,
          span: { start: claim.content.start, end: claim.content.end },
          status: claim.status === 'confirmed' ? 'confirmed' : 'suggested',
          source: claim.speaker.name,
        },
        claim.date ?? documentDate(claim.documentId),
        claim.date ? 'text' : 'document',
      );
    }
  }
  if (kinds.has('link')) pushLinks(db, push, nonPlaceActor);
  if (kinds.has('document')) {
    const rows = statement(db, 'SELECT id, title, published_at FROM documents WHERE parent_id IS NULL ORDER BY published_at, id').all() as {
      id: number;
      title: string;
      published_at: string | null;
    }[];
    for (const row of rows) {
      push(
        { key: `document:${row.id}`, kind: 'document', label: row.title, actors: [], places: [], documentId: row.id, documentTitle: row.title, span: null, status: 'confirmed', source: null },
        toDocumentDate(row.published_at),
        'document',
      );
    }
  }
  items.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.key < b.key ? -1 : 1));
  return { items, undated };
}

function pushLinks(
  db: Database,
  push: (item: Omit<TimelineItem, 'start' | 'end' | 'precision' | 'approximate' | 'dateSource'>, date: DateValue | null, source: TimelineItem['dateSource']) => void,
  actor: (entityId: number | null) => TimelineItem['actors'],
): void {
  const rows = statement(
    db,
    `SELECT l.id, l.from_kind, l.from_id, l.to_kind, l.to_id, l.relation, l.date_start, l.date_end,
       (SELECT ev.document_id FROM link_evidence ev WHERE ev.link_id = l.id ORDER BY ev.id LIMIT 1) AS document_id,
       (SELECT ev.start FROM link_evidence ev WHERE ev.link_id = l.id ORDER BY ev.id LIMIT 1) AS start,
       (SELECT ev.end FROM link_evidence ev WHERE ev.link_id = l.id ORDER BY ev.id LIMIT 1) AS end
     FROM links l ORDER BY l.id`,
  ).all() as {
    id: number;
    from_kind: string;
    from_id: number;
    to_kind: string;
    to_id: number;
    relation: string;
    date_start: string | null;
    date_end: string | null;
    document_id: number | null;
    start: number | null;
    end: number | null;
  }[];
  const name = statement(db, 'SELECT name, kind FROM entities WHERE id = ?');
  const title = statement(db, 'SELECT title FROM documents WHERE id = ?');
  for (const row of rows) {
    if (!row.date_start) continue;
    const ends = [
      [row.from_kind, row.from_id],
      [row.to_kind, row.to_id],
    ] as const;
    const labels = ends.map(([kind, id]) => (kind === 'entity' ? ((name.get(id) as { name: string } | undefined)?.name ?? '?') : ((title.get(id) as { title: string } | undefined)?.title ?? '?')));
    const places = ends.flatMap(([kind, id]) => {
      if (kind !== 'entity') return [];
      const row = name.get(id) as { name: string; kind: EntityType } | undefined;
      return row && row.kind === 'location' ? [{ entityId: id, name: row.name }] : [];
    });
    push(
      {
        key: `link:${row.id}`,
        kind: 'link',
        label: `${labels[0]} ${row.relation} ${labels[1]}`,
        actors: ends.flatMap(([kind, id]) => (kind === 'entity' ? actor(id) : [])),
        places,
        documentId: row.document_id,
        documentTitle: row.document_id === null ? null : ((title.get(row.document_id) as { title: string } | undefined)?.title ?? null),
        span: row.start === null || row.end === null ? null : { start: row.start, end: row.end },
        status: 'asserted',
        source: null,
      },
      { value: row.date_start, ...(row.date_end ? { endValue: row.date_end } : {}), precision: precisionOf(row.date_start), approximate: false, source: 'text' },
      'analyst',
    );
  }
}

function precisionOf(value: string): DateValue['precision'] {
  return value.length >= 10 ? 'day' : value.length >= 7 ? 'month' : 'year';
}

function toDocumentDate(publishedAt: string | null): DateValue | null {
  if (!publishedAt || !/^\d{4}-\d{2}-\d{2}/.test(publishedAt)) return null;
  return { value: publishedAt.slice(0, 10), precision: 'day', approximate: false, source: 'document' };
}

/** The first and last day a date can mean: one day, the whole month, or the whole year (ranges to the end of their end). */
export function dateRange(date: DateValue): { start: string; end: string } | null {
  const first = dayBound(date.value, 'first');
  const last = dayBound(date.endValue ?? date.value, 'last');
  if (!first || !last) return null;
  return last < first ? { start: first, end: first } : { start: first, end: last };
}
