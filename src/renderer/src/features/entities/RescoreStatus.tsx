/** The status bar's view of a re-score of unreviewed suggestions: documents done of total, Cancel, and a report when it ends. */
import { Button, Group, Progress, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { RescoreProgress } from '../../../../shared/learning';
import { call, subscribe } from '../../api/client';
import { notifyError } from '../../api/notify';
import { invalidateEntityData } from './queries';

export function RescoreStatus() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<RescoreProgress | null>(null);
  useEffect(() => {
    const stopProgress = subscribe('learning.rescoreProgress', setProgress);
    const stopFinished = subscribe('learning.rescoreFinished', (report) => {
      setProgress(null);
      void invalidateEntityData(client);
      notifications.show({
        color: report.cancelled ? 'gray' : 'indigo',
        title: report.cancelled ? 'Re-scoring stopped' : 'Suggestions re-scored',
        message: `${report.added.toLocaleString()} suggestions added and ${report.removed.toLocaleString()} removed in ${report.done.toLocaleString()} documents. Undo (Ctrl+Z) puts them back.`,
        autoClose: 6000,
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
    <Group gap={8} wrap="nowrap" miw={0} style={{ flex: '0 1 420px' }} data-testid="rescore-status">
      <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
        Re-scoring {progress.done.toLocaleString()} / {progress.total.toLocaleString()}
      </Text>
      <Progress value={value} size="sm" w={120} style={{ flexShrink: 0 }} aria-label="Re-scoring progress" />
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        onClick={() => void call('learning.cancelRescore', { jobId: progress.jobId }).catch((error: unknown) => notifyError('Could not stop re-scoring', error))}
      >
        Cancel
      </Button>
    </Group>
  );
}
