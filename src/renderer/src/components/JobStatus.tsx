/**
 * A background job in the status bar (finding entities again, re-scoring suggestions): documents
 * done of total, a progress bar and Cancel, shown while the engine reports progress.
 */
import { Button, Group, Progress, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { EventName, EventPayload } from '../../../shared/api';
import { subscribe } from '../api/client';

interface JobProgress {
  readonly jobId: number;
  readonly done: number;
  readonly total: number;
}

/** The job's latest progress (null when none runs); `onFinished` hears the report when it ends. */
export function useJobProgress<P extends EventName, F extends EventName>(
  progressEvent: P,
  finishedEvent: F,
  onFinished: (report: EventPayload<F>) => void,
): EventPayload<P> | null {
  const [progress, setProgress] = useState<EventPayload<P> | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    const stopProgress = subscribe(progressEvent, setProgress);
    const stopFinished = subscribe(finishedEvent, (report) => {
      setProgress(null);
      finished.current(report);
    });
    return () => {
      stopProgress();
      stopFinished();
    };
  }, [progressEvent, finishedEvent]);
  return progress;
}

export function JobStatus({ label, progress, onCancel, testId }: { label: string; progress: JobProgress | null; onCancel: (jobId: number) => void; testId: string }) {
  if (!progress) return null;
  const value = progress.total > 0 ? (progress.done / progress.total) * 100 : 0;
  return (
    <Group gap={8} wrap="nowrap" miw={0} style={{ flex: '0 1 420px' }} data-testid={testId}>
      <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
        {label} {progress.done.toLocaleString()} / {progress.total.toLocaleString()}
      </Text>
      <Progress value={value} size="sm" w={120} style={{ flexShrink: 0 }} aria-label={`${label} progress`} />
      <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onCancel(progress.jobId)}>
        Cancel
      </Button>
    </Group>
  );
}
