/** react-query hooks over the engine's entities and mentions channels. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { EntityType } from '../../../../shared/entities';
import { call } from '../../api/client';
import { useCaseMutation } from '../../api/queries';

export interface EntityFilter {
  readonly types: readonly EntityType[];
  readonly status: 'all' | 'suggested' | 'confirmed';
  readonly search: string;
}

export const entityKeys = {
  all: ['entities'] as const,
  list: (filter: EntityFilter) => ['entities', 'list', filter] as const,
  mentions: (documentId: number) => ['mentions', documentId] as const,
  allMentions: ['mentions'] as const,
};

export function useEntities(filter: EntityFilter) {
  const search = filter.search.trim();
  return useQuery({
    queryKey: entityKeys.list(filter),
    queryFn: () =>
      call('entities.list', {
        types: filter.types.length > 0 ? [...filter.types] : undefined,
        status: filter.status === 'all' ? undefined : filter.status,
        search: search ? search.slice(0, 200) : undefined,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The mentions in one document, for the reader (none while no document is open). */
export function useMentions(documentId: number | null) {
  return useQuery({
    queryKey: entityKeys.mentions(documentId ?? 0),
    queryFn: () => call('mentions.forDocument', { documentId: documentId ?? 0 }),
    enabled: documentId !== null,
  });
}

/** What an entity or mention change may have touched: entities, mentions, the case's counts. */
export function invalidateEntityData(client: QueryClient): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) => {
      const [scope, name] = query.queryKey;
      return scope === 'entities' || scope === 'mentions' || (scope === 'cases' && name === 'current');
    },
  });
}

function useEntityMutation<C extends 'entities.update' | 'entities.setStatus' | 'mentions.setStatus'>(channel: C) {
  return useCaseMutation(channel, invalidateEntityData);
}

export const useUpdateEntity = () => useEntityMutation('entities.update');
export const useSetEntityStatus = () => useEntityMutation('entities.setStatus');
export const useSetMentionStatus = () => useEntityMutation('mentions.setStatus');

export const entityDetailKeys = {
  detail: (id: number) => ['entities', 'detail', id] as const,
  mentions: (id: number) => ['entities', 'mentions', id] as const,
  candidates: (id: number) => ['entities', 'candidates', id] as const,
  search: (search: string) => ['entities', 'search', search] as const,
};

/** One entity with attributes and place, for the entity page (nothing while none is open). */
export function useEntity(id: number | null) {
  return useQuery({
    queryKey: entityDetailKeys.detail(id ?? 0),
    queryFn: () => call('entities.get', { id: id ?? 0 }),
    enabled: id !== null,
  });
}

/** An entity's mentions in context, its documents and the entities named alongside. */
export function useEntityMentions(id: number | null) {
  return useQuery({
    queryKey: entityDetailKeys.mentions(id ?? 0),
    queryFn: () => call('entities.mentions', { id: id ?? 0, limit: 500, offset: 0 }),
    enabled: id !== null,
  });
}

/** The gazetteer places a place entity could be. */
export function usePlaceCandidates(id: number | null, enabled: boolean) {
  return useQuery({
    queryKey: entityDetailKeys.candidates(id ?? 0),
    queryFn: () => call('entities.placeCandidates', { id: id ?? 0 }),
    enabled: id !== null && enabled,
  });
}

/** The most mentioned entities matching a search, for pickers. */
export function useEntitySearch(search: string, types?: readonly EntityType[]) {
  const trimmed = search.trim().slice(0, 200);
  return useQuery({
    queryKey: [...entityDetailKeys.search(trimmed), types ?? []],
    queryFn: () => call('entities.list', { search: trimmed || undefined, types: types ? [...types] : undefined, limit: 50 }),
    placeholderData: keepPreviousData,
  });
}

function useCurationMutation<
  C extends
    | 'entities.merge'
    | 'entities.splitAlias'
    | 'entities.delete'
    | 'entities.setAttributes'
    | 'entities.setPlace'
    | 'mentions.create'
    | 'mentions.relink'
    | 'entities.extract',
>(channel: C) {
  return useCaseMutation(channel, invalidateEntityData);
}

export const useMergeEntities = () => useCurationMutation('entities.merge');
export const useSplitAlias = () => useCurationMutation('entities.splitAlias');
export const useDeleteEntities = () => useCurationMutation('entities.delete');
export const useSetAttributes = () => useCurationMutation('entities.setAttributes');
export const useSetPlace = () => useCurationMutation('entities.setPlace');
export const useCreateMention = () => useCurationMutation('mentions.create');
export const useRelinkMention = () => useCurationMutation('mentions.relink');
export const useExtractAgain = () => useCurationMutation('entities.extract');
