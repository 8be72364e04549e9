/** The exchange feature's calls: merging a case, reviewing its doubtful pairs, importing a CSV list. */
import { useQuery } from '@tanstack/react-query';
import type { CsvListKind } from '../../../../shared/exchange';
import { call } from '../../api/client';
import { useCaseMutation } from '../../api/queries';

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

export const useDecide = () => useCaseMutation('exchange.decide');

export const useMerge = () => useCaseMutation('exchange.merge');

export function useCsvPreview(path: string | null, kind: CsvListKind) {
  return useQuery({
    queryKey: exchangeKeys.preview(path ?? '', kind),
    queryFn: () => call('exchange.previewCsv', { path: path!, kind }),
    enabled: path !== null,
    retry: false,
  });
}

export const useImportCsv = () => useCaseMutation('exchange.importCsv');
