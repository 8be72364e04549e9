/** react-query hooks over the engine's entities and mentions channels. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import type { EntityType } from '../../../../shared/entities';
import { call } from '../../api/client';

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
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSuccess: () => invalidateEntityData(client),
  });
}

export const useUpdateEntity = () => useEntityMutation('entities.update');
export const useSetEntityStatus = () => useEntityMutation('entities.setStatus');
export const useSetMentionStatus = () => useEntityMutation('mentions.setStatus');
