/** The status bar's view of a re-score of unreviewed suggestions: documents done of total, Cancel, and a report when it ends. */
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { notifyError } from '../../api/notify';
import { JobStatus, useJobProgress } from '../../components/JobStatus';
import { invalidateEntityData } from './queries';

export function RescoreStatus() {
  const client = useQueryClient();
  const progress = useJobProgress('learning.rescoreProgress', 'learning.rescoreFinished', (report) => {
    void invalidateEntityData(client);
    notifications.show({
      color: report.cancelled ? 'gray' : 'indigo',
      title: report.cancelled ? 'Re-scoring stopped' : 'Suggestions re-scored',
      message: `${report.added.toLocaleString()} suggestions added and ${report.removed.toLocaleString()} removed in ${report.done.toLocaleString()} documents. Undo (Ctrl+Z) puts them back.`,
      autoClose: 6000,
    });
  });
  return (
    <JobStatus
      label="Re-scoring"
      progress={progress}
      testId="rescore-status"
      onCancel={(jobId) => void call('learning.cancelRescore', { jobId }).catch((error: unknown) => notifyError('Could not stop re-scoring', error))}
    />
  );
}
