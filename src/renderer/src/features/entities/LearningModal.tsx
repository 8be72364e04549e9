/**
 * What the case has learned from the analyst's review: names no longer suggested, type corrections,
 * names added by hand, patterns across names, where names' edges go, and the counts behind them; with re-scoring the unreviewed suggestions and
 * resetting what was learned (both undoable).
 */
import { Alert, Badge, Button, Group, Modal, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEraser, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { EntityType } from '../../../../shared/entities';
import type { LearnedEdge, LearnedPattern, LearningSummary } from '../../../../shared/learning';
import { call, errorMessage } from '../../api/client';
import { notifyError } from '../../api/notify';
import { useCaseMutation } from '../../api/queries';
import { entityTypeLabels } from './entityColors';
import { invalidateEntityData } from './queries';

/** Under 'entities', so that every entity or mention change marks it stale too. */
export const learningKey = ['entities', 'learning'] as const;

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Group gap={6}>
        <Title order={6}>{title}</Title>
        <Badge size="xs" variant="light" color="gray">
          {count.toLocaleString()}
        </Badge>
      </Group>
      {count === 0 ? (
        <Text size="xs" c="dimmed">
          None yet.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={150} type="auto">
          {children}
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

/** Names, each with a word on what was learned of it. */
function NameTable({ testId, rows }: { testId: string; rows: readonly { name: string; detail: ReactNode }[] }) {
  return (
    <Table fz="xs" verticalSpacing={2} data-testid={testId}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.name}>
            <Table.Td>{row.name}</Table.Td>
            <Table.Td c="dimmed">{row.detail}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const plural: Readonly<Record<EntityType, string>> = { person: 'people', organization: 'organisations', location: 'places', other: 'other names' };
const verdictLabel = (verdict: EntityType | 'reject'): string => (verdict === 'reject' ? 'not a name' : entityTypeLabels[verdict]);

/** A pattern as a sentence: what suggestions it is about. */
function describePattern(pattern: LearnedPattern): string {
  const suggested = pattern.suggested ? ` suggested as ${plural[pattern.suggested]}` : '';
  switch (pattern.kind) {
    case 'class':
      return `${pattern.value === 'demonym' ? 'Demonyms' : 'Country names'}${suggested}`;
    case 'head':
      return `Names ending in “${pattern.value}”`;
    case 'previous':
      return `Names after “${pattern.value}”${suggested}`;
    case 'shape':
      return `Names in ${pattern.value}${suggested}`;
  }
}

/** A convention on names' edges as a sentence. */
function describeEdge(edge: LearnedEdge): string {
  const words = /^(a |capitalised)/u.test(edge.words) ? edge.words : `“${edge.words}”`;
  return `${entityTypeLabels[edge.suggested]}: ${edge.change === 'add' ? 'take in' : 'leave out'} ${words} ${edge.side === 'before' ? 'before' : 'after'} the name`;
}

function Learned({ summary }: { summary: LearningSummary }) {
  const { counts } = summary;
  return (
    <Stack gap="md">
      <Text size="sm" data-testid="learning-counts">
        Learned from {summary.examples.toLocaleString()} reviews: {counts.accept} accepted, {counts.reject} rejected, {counts.retype} retyped, {counts.merge} merged,{' '}
        {counts.mark} marked by hand. {summary.accepted.toLocaleString()} names are found wherever they are written; {summary.patterns.length.toLocaleString()}{' '}
        {summary.patterns.length === 1 ? 'pattern decides' : 'patterns decide'} names no review named,{' '}
        {summary.contextInUse || summary.contextFeatures === 0
          ? `and ${summary.contextFeatures.toLocaleString()} clues from context weigh the rest.`
          : `and ${summary.contextFeatures.toLocaleString()} clues from context are set aside until the documents you reviewed (three or more) show they set more suggestions right than wrong.`}
      </Text>
      <SimpleGrid cols={2} spacing="md">
        <Section title="No longer suggested" count={summary.stopped.length}>
          <NameTable testId="learning-stopped" rows={summary.stopped.map((name) => ({ name: name.name, detail: `rejected ${name.times}×` }))} />
        </Section>
        <Section title="Type corrections" count={summary.corrected.length}>
          <NameTable
            testId="learning-corrected"
            rows={summary.corrected.map((name) => ({ name: name.name, detail: `${entityTypeLabels[name.from]} → ${entityTypeLabels[name.to]}` }))}
          />
        </Section>
        <Section title="Names added by hand" count={summary.added.length}>
          <NameTable
            testId="learning-added"
            rows={summary.added.map((name) => ({ name: name.name, detail: name.found ? entityTypeLabels[name.type] : `${entityTypeLabels[name.type]}; found once marked twice` }))}
          />
        </Section>
        <Section title="Patterns across names" count={summary.patterns.length}>
          <NameTable
            testId="learning-patterns"
            rows={summary.patterns.map((pattern) => ({
              name: describePattern(pattern),
              detail: `${verdictLabel(pattern.verdict)} (${pattern.names} of ${pattern.of} names)`,
            }))}
          />
        </Section>
        <Section title="Where names begin and end" count={summary.edges.length}>
          <NameTable
            testId="learning-edges"
            rows={summary.edges.map((edge) => ({
              name: describeEdge(edge),
              detail: `${edge.corrections} names redrawn${edge.against ? `, ${edge.against} kept as they were` : ''}${edge.type === edge.suggested ? '' : ` (as ${entityTypeLabels[edge.type]})`}`,
            }))}
          />
        </Section>
        <Section title="Rejected once" count={summary.rejectedOnce.length}>
          <Text size="xs" c="dimmed">
            {summary.rejectedOnce.map((name) => name.name).join(' · ')}
          </Text>
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

export function LearningModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const summary = useQuery({ queryKey: learningKey, queryFn: () => call('learning.summary', {}), enabled: opened });
  const rescore = useMutation({
    mutationFn: () => call('learning.rescore', {}),
    onSuccess: onClose,
    onError: (error) => notifyError('Could not re-score the suggestions', error),
  });
  const reset = useCaseMutation('learning.reset', invalidateEntityData);
  const learned = summary.data;
  return (
    <Modal opened={opened} onClose={onClose} title="What this case has learned" size="xl" data-testid="learning-modal">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Every accept, reject, type change, merge and passage you mark teaches this case how to suggest names. It is kept in the case file, so the case
          suggests the same way on any machine. New documents use it at once; re-score to apply it to suggestions you have not reviewed yet.
        </Text>
        {summary.isError ? <Alert color="red">{errorMessage(summary.error)}</Alert> : null}
        {learned ? <Learned summary={learned} /> : null}
        <Group justify="space-between">
          <Button
            variant="default"
            color="red"
            leftSection={<IconEraser size={14} />}
            disabled={!learned || learned.examples === 0}
            loading={reset.isPending}
            onClick={() =>
              reset.mutate(
                {},
                {
                  onSuccess: () =>
                    notifications.show({ color: 'indigo', title: 'Learning reset', message: 'The case suggests names as if nothing had been reviewed. Undo (Ctrl+Z) brings it back.', autoClose: 6000 }),
                  onError: (error) => notifyError('Could not reset what the case learned', error),
                },
              )
            }
          >
            Reset what was learned
          </Button>
          <Button
            leftSection={<IconRefresh size={14} />}
            disabled={!learned || learned.unreviewed === 0}
            loading={rescore.isPending}
            onClick={() => rescore.mutate()}
          >
            Re-score {learned ? learned.unreviewed.toLocaleString() : ''} unreviewed suggestions
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
