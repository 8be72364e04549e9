/** The query cache: react-query hooks over the engine's case channels, and what a change to the case makes stale. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { Channel, InputOf } from '../../../shared/api';
import type { CaseInfo } from '../../../shared/cases';
import { call } from './client';

export const queryKeys = {
  currentCase: ['cases', 'current'] as const,
  recentCases: ['cases', 'recent'] as const,
};

export function useCurrentCase() {
  return useQuery({ queryKey: queryKeys.currentCase, queryFn: () => call('cases.current', {}) });
}

export function useRecentCases() {
  return useQuery({ queryKey: queryKeys.recentCases, queryFn: () => call('cases.recent', {}) });
}

/**
 * After a case opens, changes or closes: the current case is known, the recent list is stale, and
 * what was cached about another case's documents, tags and notes must not show in this one.
 */
function useCaseChanged() {
  const client = useQueryClient();
  return (info: CaseInfo | null) => {
    const previous = client.getQueryData<CaseInfo | null>(queryKeys.currentCase);
    if (previous?.path !== info?.path) {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'cases' });
    }
    client.setQueryData(queryKeys.currentCase, info);
    void client.invalidateQueries({ queryKey: queryKeys.recentCases });
  };
}

export function useCreateCase() {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: (input: { path: string; title: string }) => call('cases.create', input),
    onSuccess: changed,
  });
}

export function useOpenCase() {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: ({ path, readOnly }: { path: string; readOnly?: boolean }) => call('cases.open', { path, ...(readOnly ? { readOnly } : {}) }),
    onSuccess: changed,
  });
}

/** Creates (the first time) and opens the demo case built from the sample documents. */
export function useOpenDemo() {
  const changed = useCaseChanged();
  return useMutation({ mutationFn: () => call('cases.openDemo', {}), onSuccess: changed });
}

export function useCloseCase() {
  const changed = useCaseChanged();
  return useMutation({ mutationFn: () => call('cases.close', {}), onSuccess: () => changed(null) });
}

export function useUpdateCase() {
  const changed = useCaseChanged();
  return useMutation({
    mutationFn: (patch: { title?: string; description?: string }) => call('cases.update', patch),
    onSuccess: changed,
  });
}

export function useForgetRecent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => call('cases.forgetRecent', { path }),
    onSuccess: (list) => client.setQueryData(queryKeys.recentCases, list),
  });
}

/** Everything a change in the case may have touched: lists, documents, tags, notes, counts. */
export function invalidateCaseData(client: QueryClient): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) => {
      const [scope, name] = query.queryKey;
      // Imports suggest entities and undo may take entity changes back, so those refresh too; reviews
      // of what Dossier read change the timeline and its reading panel.
      return (
        scope === 'documents' ||
        scope === 'tags' ||
        scope === 'notes' ||
        scope === 'entities' ||
        scope === 'mentions' ||
        scope === 'graph' ||
        scope === 'links' ||
        scope === 'map' ||
        scope === 'timeline' ||
        scope === 'reading' ||
        // A scan's word boxes change with its text (OCR read again, or that undone); its page images do not.
        (scope === 'ocr' && name === 'layer') ||
        scope === 'exchange' ||
        (scope === 'cases' && name === 'current')
      );
    },
  });
}

/**
 * A change to the open case through `channel`; afterwards what it may have touched is refetched (by
 * default everything of the case's, see invalidateCaseData).
 */
export function useCaseMutation<C extends Channel>(channel: C, invalidate: (client: QueryClient) => Promise<void> = invalidateCaseData) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (input: InputOf<C>) => call(channel, input), onSuccess: () => invalidate(client) });
}

/** True when the open case can only be read: editing controls are disabled and say why. */
export function useReadOnly(): boolean {
  return useCurrentCase().data?.readOnly ?? false;
}

/** The tooltip of an editing control in a read-only case. */
export const READ_ONLY_HINT = 'This case is open read-only; copy it to a folder you can write to and open the copy to edit.';
