/**
 * Which documents are selected. "All" is kept as a flag with exceptions rather than as 100,000 ids,
 * and the ids are fetched only when an action needs them.
 */
import type { QueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import type { ListQuery } from './queries';
import { toDocumentQuery } from './queries';

export interface DocumentSelection {
  /** When true, every document the query lists is selected except `ids`; otherwise just `ids`. */
  readonly all: boolean;
  readonly ids: ReadonlySet<number>;
}

export const emptySelection: DocumentSelection = { all: false, ids: new Set() };

export function only(id: number): DocumentSelection {
  return { all: false, ids: new Set([id]) };
}

export function isSelected(selection: DocumentSelection, id: number): boolean {
  return selection.all ? !selection.ids.has(id) : selection.ids.has(id);
}

export function selectedCount(selection: DocumentSelection, total: number): number {
  return selection.all ? Math.max(0, total - selection.ids.size) : selection.ids.size;
}

export function toggle(selection: DocumentSelection, id: number): DocumentSelection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { all: selection.all, ids };
}

export function withIds(selection: DocumentSelection, added: readonly number[]): DocumentSelection {
  if (selection.all) {
    const ids = new Set(selection.ids);
    for (const id of added) ids.delete(id);
    return { all: true, ids };
  }
  return { all: false, ids: new Set([...selection.ids, ...added]) };
}

/** The ids an action applies to; with "all", every page of the list is read (1,000 rows a call). */
export async function resolveSelection(
  client: QueryClient,
  selection: DocumentSelection,
  query: ListQuery,
): Promise<number[]> {
  if (!selection.all) return [...selection.ids];
  const ids: number[] = [];
  const limit = 1000;
  for (let offset = 0; ; offset += limit) {
    const page = await client.fetchQuery({
      queryKey: ['documents', 'ids', query, offset],
      queryFn: () => call('documents.list', { ...toDocumentQuery(query, 0), offset, limit }),
      staleTime: 0,
    });
    for (const row of page.rows) if (!selection.ids.has(row.id)) ids.push(row.id);
    if (page.rows.length < limit || offset + limit >= page.total) break;
  }
  return ids;
}
