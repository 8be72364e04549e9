/**
 * File ▸ Merge case… and File ▸ Import list (CSV)…: asks the shell for the file (the main process
 * grants the path the analyst chose), then holds what the dialogs show. Reached from the native menu.
 */
import { useCallback, useEffect, useState } from 'react';
import type { MenuCommand } from '../../../../shared/api';
import type { MergeProgress, MergeReport } from '../../../../shared/exchange';
import { call, errorMessage, subscribe } from '../../api/client';
import { notifications } from '@mantine/notifications';
import { notifyError } from '../../api/notify';
import { READ_ONLY_HINT, useReadOnly } from '../../api/queries';
import { useMerge } from './queries';

/** What the merge dialog shows: the merge running, its report, or why it failed. */
export type MergeState =
  | { readonly phase: 'closed' }
  | { readonly phase: 'running'; readonly path: string; readonly progress: MergeProgress | null }
  | { readonly phase: 'done'; readonly path: string; readonly report: MergeReport }
  | { readonly phase: 'failed'; readonly path: string; readonly message: string };

export interface ExchangeCommands {
  readonly merge: MergeState;
  readonly closeMerge: () => void;
  readonly chooseAndMerge: () => Promise<void>;
  /** The merge whose pairs the review shows; null for every pair still waiting; undefined when closed. */
  readonly reviewing: number | null | undefined;
  readonly openReview: (mergeId: number | null) => void;
  readonly closeReview: () => void;
  /** The CSV list being mapped and imported, or null. */
  readonly csvPath: string | null;
  readonly chooseCsvList: () => Promise<void>;
  readonly closeCsv: () => void;
}

export function useExchangeCommands(): ExchangeCommands {
  const [merge, setMerge] = useState<MergeState>({ phase: 'closed' });
  const [reviewing, setReviewing] = useState<number | null | undefined>(undefined);
  const [csvPath, setCsvPath] = useState<string | null>(null);
  const mergeMutation = useMerge();
  const readOnly = useReadOnly();
  // A read-only case takes nothing in: say why instead of asking for a file.
  const refuseReadOnly = useCallback((what: string): boolean => {
    if (readOnly) notifications.show({ color: 'yellow', title: `Nothing ${what}`, message: READ_ONLY_HINT, autoClose: 8000 });
    return readOnly;
  }, [readOnly]);

  useEffect(
    () =>
      subscribe('merge.progress', (progress) => {
        setMerge((current) => (current.phase === 'running' ? { ...current, progress } : current));
      }),
    [],
  );

  const chooseAndMerge = useCallback(async () => {
    if (refuseReadOnly('merged')) return;
    let path: string | null;
    try {
      path = await call('shell.chooseCaseToMerge', {});
    } catch (error) {
      notifyError('Could not choose a case to merge', error);
      return;
    }
    if (!path) return;
    setMerge({ phase: 'running', path, progress: null });
    try {
      const report = await mergeMutation.mutateAsync({ path });
      setMerge({ phase: 'done', path, report });
    } catch (error) {
      setMerge({ phase: 'failed', path, message: errorMessage(error) });
    }
  }, [mergeMutation, refuseReadOnly]);

  const chooseCsvList = useCallback(async () => {
    if (refuseReadOnly('imported')) return;
    try {
      const path = await call('shell.chooseCsvList', {});
      if (path) setCsvPath(path);
    } catch (error) {
      notifyError('Could not choose a list to import', error);
    }
  }, [refuseReadOnly]);

  useEffect(
    () =>
      subscribe('menu.command', (command: MenuCommand) => {
        if (command.command === 'exchange.merge') void chooseAndMerge();
        if (command.command === 'exchange.importList') void chooseCsvList();
      }),
    [chooseAndMerge, chooseCsvList],
  );

  return {
    merge,
    closeMerge: () => setMerge({ phase: 'closed' }),
    chooseAndMerge,
    reviewing,
    openReview: (mergeId) => {
      setMerge({ phase: 'closed' });
      setReviewing(mergeId);
    },
    closeReview: () => setReviewing(undefined),
    csvPath,
    chooseCsvList,
    closeCsv: () => setCsvPath(null),
  };
}
