/** The merge dialog: the merge running with its progress, then its report (what joined, was added, conflicted), or why it failed. */
import { Alert, Button, Group, List, Modal, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowsJoin, IconCircleCheck } from '@tabler/icons-react';
import type { MergeProgress, MergeReport } from '../../../../shared/exchange';
import type { MergeState } from './useExchangeCommands';

/** The file's name, without its folders, for titles. */
const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

const STAGES: Readonly<Record<MergeProgress['stage'], string>> = {
  documents: 'Documents',
  entities: 'Actors and places',
  content: 'Mentions, notes, links, drawings and briefings',
  reading: 'Claims, events and dates',
};

const ROWS: readonly { key: keyof MergeReport['added']; label: string }[] = [
  { key: 'documents', label: 'Documents' },
  { key: 'entities', label: 'Entities' },
  { key: 'aliases', label: 'Spellings' },
  { key: 'mentions', label: 'Mentions' },
  { key: 'tags', label: 'Tags' },
  { key: 'notes', label: 'Notes' },
  { key: 'links', label: 'Links' },
  { key: 'evidence', label: 'Evidence passages' },
  { key: 'drawings', label: 'Drawings' },
  { key: 'briefings', label: 'Briefings' },
  { key: 'claims', label: 'Claims' },
  { key: 'events', label: 'Events' },
  { key: 'times', label: 'Dates read' },
  { key: 'relations', label: 'Suggested relations' },
];

function Running({ progress }: { progress: MergeProgress | null }) {
  const share = progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0;
  return (
    <Stack gap="xs" data-testid="merge-running">
      <Text size="sm">{progress ? STAGES[progress.stage] : 'Opening the other case…'}</Text>
      <Progress value={share} animated aria-label="Merge progress" />
      {progress && progress.stage === 'documents' ? (
        <Text size="xs" c="dimmed">
          {progress.done.toLocaleString()} of {progress.total.toLocaleString()} documents
        </Text>
      ) : null}
    </Stack>
  );
}

function Counts({ report }: { report: MergeReport }) {
  const joined = report.joined as Partial<Record<string, number>>;
  const rows = ROWS.filter(({ key }) => report.added[key] > 0 || (joined[key] ?? 0) > 0);
  return (
    <Table withTableBorder fz="sm" aria-label="What the merge did" data-testid="merge-counts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th ta="right">Joined what was here</Table.Th>
          <Table.Th ta="right">Added</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ key, label }) => (
          <Table.Tr key={key}>
            <Table.Td>{label}</Table.Td>
            <Table.Td ta="right">{joined[key] === undefined ? '—' : joined[key].toLocaleString()}</Table.Td>
            <Table.Td ta="right">{report.added[key].toLocaleString()}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Report({ report, onReview, onClose }: { report: MergeReport; onReview: (mergeId: number) => void; onClose: () => void }) {
  if (!report.changed) {
    return (
      <Stack gap="md">
        <Alert color="gray" icon={<IconCircleCheck size={18} />} title="Nothing to merge" data-testid="merge-nothing">
          {report.sameCase
            ? `"${report.source.title}" is this case (or a copy of it), so there is nothing to bring in. To merge a colleague's work, choose their case file.`
            : `Everything in "${report.source.title}" is already in this case (it was merged before); the case is unchanged.`}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    );
  }
  const pairs = report.doubtful.length;
  return (
    <Stack gap="md" data-testid="merge-report">
      <Text size="sm">
        Merged <b>{report.source.title}</b> into this case as one step: {`Ctrl+Z`} takes the whole merge back.
      </Text>
      <Counts report={report} />
      {report.conflicts.length > 0 ? (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={`${report.conflicts.length} ${report.conflicts.length === 1 ? 'conflict' : 'conflicts'}: this case's version was kept`}>
          <ScrollArea.Autosize mah={140}>
            <List size="xs" spacing={2}>
              {report.conflicts.map((conflict, index) => (
                <List.Item key={index}>{conflict.message}</List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Text size="sm" c={pairs > 0 ? undefined : 'dimmed'}>
          {pairs > 0
            ? `${pairs} ${pairs === 1 ? 'entity looks' : 'entities look'} like one already here; they were added apart until you decide.`
            : 'No entity needs a decision: each one joined its match here or is clearly new.'}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            {pairs > 0 ? 'Later' : 'Close'}
          </Button>
          {pairs > 0 && report.mergeId !== null ? (
            <Button leftSection={<IconArrowsJoin size={16} />} onClick={() => onReview(report.mergeId!)}>
              Review {pairs} {pairs === 1 ? 'pair' : 'pairs'}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Stack>
  );
}

export function MergeModal({ state, onClose, onReview }: { state: MergeState; onClose: () => void; onReview: (mergeId: number) => void }) {
  const title = state.phase === 'running' ? 'Merging case…' : state.phase === 'failed' ? 'Merge failed' : 'Merge report';
  return (
    <Modal opened={state.phase !== 'closed'} onClose={onClose} title={title} size="lg" centered closeOnClickOutside={state.phase !== 'running'} closeOnEscape={state.phase !== 'running'} withCloseButton={state.phase !== 'running'}>
      {state.phase === 'running' ? <Running progress={state.progress} /> : null}
      {state.phase === 'done' ? <Report report={state.report} onReview={onReview} onClose={onClose} /> : null}
      {state.phase === 'failed' ? (
        <Stack gap="md">
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title={`${fileName(state.path)} was not merged; this case is unchanged`} data-testid="merge-error">
            {state.message}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>Close</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
