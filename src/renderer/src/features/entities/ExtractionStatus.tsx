/** The status bar's view of extraction running again over the case: documents done of total, Cancel. */
import { Button, Group, Progress, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ExtractProgress } from '../../../../shared/entities';
import { call, subscribe } from '../../api/client';
import { notifyError } from '../../api/notify';
import { invalidateEntityData } from './queries';

export function ExtractionStatus() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<ExtractProgress | null>(null);
  useEffect(() => {
    const stopProgress = subscribe('extract.progress', setProgress);
    const stopFinished = subscribe('extract.finished', (report) => {
      setProgress(null);
      void invalidateEntityData(client);
      notifications.show({
        color: report.cancelled ? 'gray' : 'indigo',
        title: report.cancelled ? 'Extraction stopped' : 'Extraction finished',
        message: `${report.done.toLocaleString()} of ${report.total.toLocaleString()} documents read; ${report.suggested.toLocaleString()} new suggestions.`,
        autoClose: 5000,
      });
    });
    return () => {
      stopProgress();
      stopFinished();
    };
  }, [client]);
  if (!progress) return null;
  const value = progress.total > 0 ? (progress.done / progress.total) * 100 : 0;
  return (
    <Group gap={8} wrap="nowrap" miw={0} style={{ flex: '0 1 420px' }} data-testid="extract-status">
      <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
        Finding entities {progress.done.toLocaleString()} / {progress.total.toLocaleString()}
      </Text>
      <Progress value={value} size="sm" w={120} style={{ flexShrink: 0 }} aria-label="Extraction progress" />
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        onClick={() => void call('entities.cancelExtract', { jobId: progress.jobId }).catch((error: unknown) => notifyError('Could not stop extraction', error))}
      >
        Cancel
      </Button>
    </Group>
  );
}
