/** The status bar's view of extraction running again over the case: documents done of total, Cancel. */
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { notifyError } from '../../api/notify';
import { JobStatus, useJobProgress } from '../../components/JobStatus';
import { invalidateEntityData } from './queries';

export function ExtractionStatus() {
  const client = useQueryClient();
  const progress = useJobProgress('extract.progress', 'extract.finished', (report) => {
    void invalidateEntityData(client);
    notifications.show({
      color: report.cancelled ? 'gray' : 'indigo',
      title: report.cancelled ? 'Extraction stopped' : 'Extraction finished',
      message: `${report.done.toLocaleString()} of ${report.total.toLocaleString()} documents read; ${report.suggested.toLocaleString()} new suggestions.`,
      autoClose: 5000,
    });
  });
  return (
    <JobStatus
      label="Finding entities"
      progress={progress}
      testId="extract-status"
      onCancel={(jobId) => void call('entities.cancelExtract', { jobId }).catch((error: unknown) => notifyError('Could not stop extraction', error))}
    />
  );
}
