/**
 * Importing documents, from wherever it starts (a drop, the Import… button, the menu, Ctrl+I): one
 * place that sends `documents.import`, follows the job's progress events, refreshes what the import
 * changed and reports how it went.
 */
import { Button, Group, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MenuCommand } from '../../../../shared/api';
import type { ImportProgress, ImportReport, ImportSource } from '../../../../shared/documents';
import { call, subscribe } from '../../api/client';
import { notifyError } from '../../api/notify';
import { invalidateCaseData, READ_ONLY_HINT, useReadOnly } from '../../api/queries';
import { documentKeys } from './queries';

export interface Importer {
  /** The running import's latest progress; null when none runs. */
  readonly progress: ImportProgress | null;
  /** True between asking the engine to import and its first progress event. */
  readonly starting: boolean;
  /** The report shown in the report dialog, if open. */
  readonly openedReport: ImportReport | null;
  readonly importSources: (sources: ImportSource[]) => Promise<void>;
  readonly importFiles: (files: readonly File[]) => Promise<void>;
  readonly chooseAndImport: (folders: boolean) => Promise<void>;
  readonly cancel: () => void;
  readonly showReport: (report: ImportReport) => void;
  readonly closeReport: () => void;
}

/** The list refreshes during a long import, but not on every file. */
const REFRESH_EVERY_MS = 1500;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "3 imported · 1 duplicate · 0 failed" */
export function summarizeReport(report: ImportReport): string {
  return [
    `${report.imported.length} imported`,
    plural(report.duplicates.length, 'duplicate', 'duplicates'),
    `${report.failed.length} failed`,
  ].join(' · ');
}

/** Turns dropped files into import sources: a path where the host knows one, the bytes otherwise. */
async function toSources(files: readonly File[]): Promise<{ sources: ImportSource[]; unreadable: string[] }> {
  const sources: ImportSource[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    const path = window.dossier.pathForFile?.(file) ?? null;
    if (path) {
      sources.push({ path });
      continue;
    }
    try {
      sources.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch {
      // A dropped folder has no bytes in a browser window.
      unreadable.push(file.name);
    }
  }
  return { sources, unreadable };
}

/** What an import in a read-only case says instead of importing. */
function refuseReadOnly(): void {
  notifications.show({ color: 'yellow', title: 'Nothing imported', message: READ_ONLY_HINT, autoClose: 8000 });
}

export function useImporter(): Importer {
  const client = useQueryClient();
  const [jobs, setJobs] = useState<ReadonlyMap<number, ImportProgress>>(new Map());
  const [starting, setStarting] = useState(false);
  const [openedReport, setOpenedReport] = useState<ImportReport | null>(null);
  const lastRefresh = useRef(0);
  const lastImported = useRef(0);

  useEffect(
    () =>
      subscribe('import.progress', (progress) => {
        setStarting(false);
        setJobs((current) => new Map(current).set(progress.jobId, progress));
        const now = Date.now();
        if (progress.imported !== lastImported.current && now - lastRefresh.current > REFRESH_EVERY_MS) {
          lastRefresh.current = now;
          lastImported.current = progress.imported;
          void client.invalidateQueries({ queryKey: documentKeys.lists });
        }
      }),
    [client],
  );

  useEffect(
    () =>
      subscribe('import.finished', (report) => {
        setStarting(false);
        setJobs((current) => {
          const next = new Map(current);
          next.delete(report.jobId);
          return next;
        });
        void invalidateCaseData(client);
        const needsReport = report.failed.length > 0 || report.duplicates.length > 0;
        const id = `import-${report.jobId}`;
        notifications.show({
          id,
          color: report.failed.length > 0 ? 'orange' : report.cancelled ? 'gray' : 'teal',
          title: report.cancelled ? 'Import cancelled' : 'Import finished',
          autoClose: needsReport ? 15_000 : 6_000,
          message: (
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" data-testid="import-summary">
                {summarizeReport(report)}
              </Text>
              {needsReport ? (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => {
                    notifications.hide(id);
                    setOpenedReport(report);
                  }}
                >
                  Show report
                </Button>
              ) : null}
            </Group>
          ),
        });
      }),
    [client],
  );

  const readOnly = useReadOnly();
  const importSources = useCallback(async (sources: ImportSource[]) => {
    if (sources.length === 0) return;
    if (readOnly) {
      refuseReadOnly();
      return;
    }
    setStarting(true);
    try {
      await call('documents.import', { sources });
    } catch (error) {
      setStarting(false);
      notifyError('Could not start the import', error);
    }
  }, [readOnly]);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      const { sources, unreadable } = await toSources(files);
      if (unreadable.length > 0) {
        notifications.show({
          color: 'orange',
          title: `Could not read ${plural(unreadable.length, 'dropped item', 'dropped items')}`,
          message: `${unreadable.join(', ')}: folders cannot be dropped here; use Import folder… in the File menu.`,
          autoClose: 10_000,
        });
      }
      await importSources(sources);
    },
    [importSources],
  );

  const chooseAndImport = useCallback(
    async (folders: boolean) => {
      if (readOnly) {
        refuseReadOnly();
        return;
      }
      try {
        const paths = await call('shell.chooseFilesToImport', { folders });
        await importSources(paths.map((path) => ({ path })));
      } catch (error) {
        notifyError('Could not import', error);
      }
    },
    [importSources, readOnly],
  );

  const progress = jobs.size > 0 ? ([...jobs.values()].at(-1) ?? null) : null;
  const cancel = useCallback(() => {
    for (const jobId of jobs.keys()) {
      call('documents.cancelImport', { jobId }).catch((error: unknown) => notifyError('Could not cancel the import', error));
    }
  }, [jobs]);

  useEffect(
    () =>
      subscribe('menu.command', (command: MenuCommand) => {
        if (command.command === 'documents.import') void chooseAndImport(false);
        if (command.command === 'documents.importFolder') void chooseAndImport(true);
      }),
    [chooseAndImport],
  );
  useHotkeys(
    [
      ['mod+I', () => void chooseAndImport(false)],
      ['mod+shift+I', () => void chooseAndImport(true)],
    ],
    [],
  );

  return {
    progress,
    starting,
    openedReport,
    importSources,
    importFiles,
    chooseAndImport,
    cancel,
    showReport: setOpenedReport,
    closeReport: () => setOpenedReport(null),
  };
}
