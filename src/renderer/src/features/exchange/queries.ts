/** The exchange feature's calls: merging a case, reviewing its doubtful pairs, importing a CSV list. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CsvListKind, DoubtfulDecision } from '../../../../shared/exchange';
import { call } from '../../api/client';
import { invalidateCaseData } from '../../api/queries';

export const exchangeKeys = {
  doubtful: (mergeId: number | null) => ['exchange', 'doubtful', mergeId] as const,
  preview: (path: string, kind: CsvListKind) => ['exchange', 'preview', path, kind] as const,
};

/** The pairs of one merge (all of them), or with null every pair still waiting in the case. */
export function useDoubtfulPairs(mergeId: number | null, enabled = true) {
  return useQuery({
    queryKey: exchangeKeys.doubtful(mergeId),
    queryFn: () => call('exchange.doubtful', mergeId === null ? {} : { mergeId }),
    enabled,
  });
}

export function useDecide() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { mergeId: number; addedEntityId: number; decision: DoubtfulDecision }) => call('exchange.decide', input),
    onSuccess: () => invalidateCaseData(client),
  });
}

export function useMerge() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (path: string) => call('exchange.merge', { path }), onSuccess: () => invalidateCaseData(client) });
}

export function useCsvPreview(path: string | null, kind: CsvListKind) {
  return useQuery({
    queryKey: exchangeKeys.preview(path ?? '', kind),
    queryFn: () => call('exchange.previewCsv', { path: path!, kind }),
    enabled: path !== null,
    retry: false,
  });
}

export function useImportCsv() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { path: string; kind: CsvListKind; mapping: Record<string, string> }) => call('exchange.importCsv', input),
    onSuccess: () => invalidateCaseData(client),
  });
}
