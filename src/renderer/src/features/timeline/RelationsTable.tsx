/** The reading panel's links tab: relations suggested from text, each to confirm with a grading or reject, its sentence as evidence. */
import { ActionIcon, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconArrowsLeftRight, IconBook2, IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Claim, RelationSuggestion } from '../../../../shared/claims';
import { symmetricTextRelations, textRelationLabels } from '../../../../shared/claims';
import { notifyError } from '../../api/notify';
import { useReadOnly } from '../../api/queries';
import { useNavigation } from '../../components/navigation';
import { useConfirmRelation, useRejectRelation } from './queries';
import { Empty, EntityLabel, GradePickers, StatusBadge, undoHint } from './reviewParts';
import classes from './timeline.module.css';

/** The evidence sentence with the cue (the words that suggest the relation) in bold. */
function Evidence({ relation }: { relation: RelationSuggestion }) {
  const text = relation.evidence.text;
  const cue = relation.cue;
  const at = cue ? cue.start - relation.evidence.start : -1;
  if (!cue || at < 0 || at + cue.text.length > text.length) return <>{text}</>;
  // Two lines show: a cue deep in a long sentence comes with a little of what precedes it.
  const from = at > 90 ? text.lastIndexOf(' ', at - 50) + 1 : 0;
  return (
    <>
      {from > 0 ? '…' : ''}
      {text.slice(from, at)}
      <b>{text.slice(at, at + cue.text.length)}</b>
      {text.slice(at + cue.text.length)}
    </>
  );
}

export function RelationsTable({ relations, loading }: { relations: readonly RelationSuggestion[]; loading: boolean }) {
  if (loading) return <Empty>Loading suggested links…</Empty>;
  if (relations.length === 0) return <Empty>No suggested links. When a sentence says how two actors relate (met, leads, belongs to, fights), the link is suggested here with that sentence as evidence.</Empty>;
  return (
    <Table highlightOnHover verticalSpacing={4} fz="sm" stickyHeader layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={200}>Link</Table.Th>
          <Table.Th>Evidence · source</Table.Th>
          <Table.Th w={146}>Grading</Table.Th>
          <Table.Th w={190} aria-label="Actions" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {relations.map((relation) => (
          <RelationRow key={relation.id} relation={relation} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RelationRow({ relation }: { relation: RelationSuggestion }) {
  const readOnly = useReadOnly();
  const navigation = useNavigation();
  const confirm = useConfirmRelation();
  const reject = useRejectRelation();
  const [reliability, setReliability] = useState<Claim['reliability']>(null);
  const [credibility, setCredibility] = useState<number | null>(null);
  const name = `${relation.source.name} ${textRelationLabels[relation.relation]} ${relation.target.name}`;
  const suggested = relation.status === 'suggested';
  const Arrow = symmetricTextRelations.has(relation.relation) ? IconArrowsLeftRight : IconArrowRight;
  return (
    <Table.Tr data-testid="relation-row" data-status={relation.status} style={{ borderLeft: `3px ${suggested ? 'dashed' : 'solid'} var(--mantine-color-default-border)` }}>
      <Table.Td>
        <Group gap={4}>
          <EntityLabel name={relation.source.name} type={relation.source.type} />
          <Group gap={2} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {textRelationLabels[relation.relation]}
            </Text>
            <Arrow size={13} />
          </Group>
          <EntityLabel name={relation.target.name} type={relation.target.type} />
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="xs" c={suggested ? 'dimmed' : undefined} lineClamp={2} className={classes.quote}>
          <Evidence relation={relation} />
        </Text>
        <Text size="xs" c="dimmed" truncate title={relation.documentTitle}>
          {relation.documentTitle}
        </Text>
      </Table.Td>
      <Table.Td>
        {suggested ? (
          <GradePickers
            label={name}
            reliability={reliability}
            credibility={credibility}
            onChange={(nextReliability, nextCredibility) => {
              setReliability(nextReliability);
              setCredibility(nextCredibility);
            }}
          />
        ) : (
          <StatusBadge status="asserted" />
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {suggested ? (
            <>
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconCheck size={13} />}
                aria-label={`Confirm ${name}`}
                disabled={readOnly}
                loading={confirm.isPending}
                onClick={() =>
                  confirm.mutate(
                    { id: relation.id, reliability, credibility },
                    {
                      onSuccess: () => notifications.show({ color: 'indigo', message: `Linked: ${name} (${undoHint})`, autoClose: 3000 }),
                      onError: (error) => notifyError('Could not confirm the link', error),
                    },
                  )
                }
              >
                Confirm
              </Button>
              <Tooltip label="Reject">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Reject ${name}`}
                  disabled={readOnly}
                  onClick={() =>
                    reject.mutate(
                      { id: relation.id },
                      {
                        onSuccess: () => notifications.show({ color: 'indigo', message: `Rejected: ${name} (${undoHint})`, autoClose: 3000 }),
                        onError: (error) => notifyError('Could not reject the link', error),
                      },
                    )
                  }
                >
                  <IconX size={16} />
                </ActionIcon>
              </Tooltip>
            </>
          ) : relation.linkId !== null ? (
            <Button size="compact-xs" variant="subtle" onClick={() => navigation.showInGraph(`entity:${relation.source.entityId}`)}>
              Show in graph
            </Button>
          ) : null}
          <Tooltip label="Open the sentence in the reader">
            <ActionIcon variant="subtle" aria-label={`Open the evidence of ${name} in the reader`} onClick={() => navigation.showPassage(relation.documentId, relation.evidence.start, relation.evidence.end)}>
              <IconBook2 size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
