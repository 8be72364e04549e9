/** react-query hooks over the engine's documents, tags, notes and history channels. */
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { DocumentKind, DocumentQuery, SortField } from '../../../../shared/documents';
import { call } from '../../api/client';
import { useCaseMutation } from '../../api/queries';

/** How many rows one `documents.list` call fetches; the list asks for the windows it shows. */
export const PAGE_SIZE = 200;

/** What the list shows, without the window: search, filters and order. */
export interface ListQuery {
  readonly search: string;
  readonly tagIds: readonly number[];
  readonly kinds: readonly DocumentKind[];
  readonly publishedFrom: string;
  readonly publishedTo: string;
  readonly sort: SortField;
  readonly direction: 'asc' | 'desc';
}

export const documentKeys = {
  all: ['documents'] as const,
  lists: ['documents', 'list'] as const,
  list: (query: ListQuery, page: number) => ['documents', 'list', query, page] as const,
  detail: (id: number, search: string) => ['documents', 'detail', id, search] as const,
  details: (id: number) => ['documents', 'detail', id] as const,
  tags: ['tags'] as const,
  notes: (documentId: number | null) => ['notes', documentId ?? 'all'] as const,
  allNotes: ['notes'] as const,
};

/** The contract's query for one window of the list. */
export function toDocumentQuery(query: ListQuery, page: number): DocumentQuery {
  const search = query.search.trim();
  return {
    search: search || undefined,
    tagIds: query.tagIds.length > 0 ? [...query.tagIds] : undefined,
    kinds: query.kinds.length > 0 ? [...query.kinds] : undefined,
    publishedFrom: query.publishedFrom || undefined,
    publishedTo: query.publishedTo || undefined,
    // Relevance only means something with a search; without one the engine's default order applies.
    sort: query.sort === 'relevance' && !search ? 'importedAt' : query.sort,
    direction: query.direction,
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/** The windows of the list the user is looking at (page 0 always, for the total). */
export function useDocumentPages(query: ListQuery, pages: readonly number[]) {
  return useQueries({
    queries: pages.map((page) => ({
      queryKey: documentKeys.list(query, page),
      queryFn: () => call('documents.list', toDocumentQuery(query, page)),
      // While a new search is typed, the previous rows stay until the new ones arrive.
      placeholderData: page === 0 ? keepPreviousData : undefined,
    })),
  });
}

export function useDocument(id: number | null, search: string) {
  return useQuery({
    queryKey: documentKeys.detail(id ?? 0, search),
    queryFn: () => call('documents.get', { id: id ?? 0, search: search.trim() || undefined }),
    enabled: id !== null,
    placeholderData: (previous) => (previous && previous.id === id ? previous : undefined),
  });
}

export function useTags() {
  return useQuery({ queryKey: documentKeys.tags, queryFn: () => call('tags.list', {}) });
}

/** A document's notes, or (with null) every note in the case. */
export function useNotes(documentId: number | null, enabled = true) {
  return useQuery({
    queryKey: documentKeys.notes(documentId),
    queryFn: () => call('notes.list', documentId === null ? {} : { documentId }),
    enabled,
  });
}


export const useUpdateDocument = () => useCaseMutation('documents.update');
export const useApplyTag = () => useCaseMutation('tags.apply');
export const useUpdateTag = () => useCaseMutation('tags.update');
export const useMergeTags = () => useCaseMutation('tags.merge');
export const useDeleteTag = () => useCaseMutation('tags.delete');
export const useCreateNote = () => useCaseMutation('notes.create');
export const useUpdateNote = () => useCaseMutation('notes.update');
export const useDeleteNote = () => useCaseMutation('notes.delete');
