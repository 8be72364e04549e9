/** The reading panel's claims tab: who says what, to accept or reject, grade, give its real speaker, or open in the reader. */
import { ActionIcon, Group, Popover, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBook2, IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Claim } from '../../../../shared/claims';
import { notifyError } from '../../api/notify';
import { useReadOnly } from '../../api/queries';
import { useNavigation } from '../../components/navigation';
import { useGradeClaim, useReviewClaim, useSetClaimSpeaker } from './queries';
import { Empty, EntityLabel, EntityPicker, GradePickers, StanceBadge, StatusBadge, formatClaimDate, quoteOf, undoHint } from './reviewParts';
import classes from './timeline.module.css';

export function ClaimsTable({ claims, loading, selected, onSelect }: { claims: readonly Claim[]; loading: boolean; selected: string | null; onSelect: (key: string) => void }) {
  const readOnly = useReadOnly();
  const navigation = useNavigation();
  const review = useReviewClaim();
  const grade = useGradeClaim();
  if (loading) return <Empty>Loading claims…</Empty>;
  if (claims.length === 0) return <Empty>No claims here. Claims (who says what) are found when documents are read; they appear here for you to review.</Empty>;
  const act = (claim: Claim, status: Claim['status']) =>
    review.mutate(
      { id: claim.id, status },
      {
        onSuccess: () =>
          notifications.show({ color: 'indigo', message: `${status === 'confirmed' ? 'Accepted' : 'Rejected'} the claim by ${claim.speaker.name} (${undoHint})`, autoClose: 3000 }),
        onError: (error) => notifyError('Could not review the claim', error),
      },
    );
  return (
    <Table highlightOnHover verticalSpacing={4} fz="sm" stickyHeader layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={180}>Speaker</Table.Th>
          <Table.Th>Says</Table.Th>
          <Table.Th w={160}>When · source</Table.Th>
          <Table.Th w={150}>Grading</Table.Th>
          <Table.Th w={130} aria-label="Actions" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {claims.map((claim) => {
          const key = `claim:${claim.id}`;
          const suggested = claim.status === 'suggested';
          return (
            <Table.Tr
              key={claim.id}
              data-testid="claim-row"
              data-status={claim.status}
              aria-selected={selected === key}
              bg={selected === key ? 'var(--mantine-primary-color-light)' : undefined}
              onClick={() => onSelect(key)}
              style={{ cursor: 'pointer', borderLeft: `3px ${suggested ? 'dashed' : 'solid'} var(--mantine-color-default-border)` }}
            >
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <EntityLabel name={claim.speaker.name} type={claim.speaker.type} />
                  <SpeakerEdit claim={claim} />
                </Group>
                <StanceBadge stance={claim.stance} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={suggested ? 'dimmed' : undefined} lineClamp={2} className={classes.quote}>
                  {claim.cue.text}: {quoteOf(claim)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                  {formatClaimDate(claim.date, claim.documentDate)}
                </Text>
                <Text size="xs" c="dimmed" truncate title={claim.documentTitle}>
                  {claim.documentTitle}
                </Text>
              </Table.Td>
              <Table.Td onClick={(event) => event.stopPropagation()}>
                <GradePickers
                  label={`the claim by ${claim.speaker.name}`}
                  reliability={claim.reliability}
                  credibility={claim.credibility}
                  onChange={(reliability, credibility) =>
                    grade.mutate({ id: claim.id, reliability, credibility }, { onError: (error) => notifyError('Could not grade the claim', error) })
                  }
                />
              </Table.Td>
              <Table.Td onClick={(event) => event.stopPropagation()}>
                <Group gap={2} wrap="nowrap">
                  {suggested ? (
                    <Tooltip label="Accept (A)">
                      <ActionIcon variant="subtle" color="teal" aria-label={`Accept the claim by ${claim.speaker.name}`} disabled={readOnly} onClick={() => act(claim, 'confirmed')}>
                        <IconCheck size={16} />
                      </ActionIcon>
                    </Tooltip>
                  ) : (
                    <StatusBadge status="confirmed" />
                  )}
                  <Tooltip label="Reject (R)">
                    <ActionIcon variant="subtle" color="red" aria-label={`Reject the claim by ${claim.speaker.name}`} disabled={readOnly} onClick={() => act(claim, 'rejected')}>
                      <IconX size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Open in reader">
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Open the claim by ${claim.speaker.name} in the reader`}
                      onClick={() => navigation.showPassage(claim.documentId, claim.content.start, claim.content.end)}
                    >
                      <IconBook2 size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** Says who really speaks: an entity picker in a popover. */
function SpeakerEdit({ claim }: { claim: Claim }) {
  const [opened, setOpened] = useState(false);
  const setSpeaker = useSetClaimSpeaker();
  return (
    <Popover opened={opened} onChange={setOpened} width={280} position="bottom-start" withArrow trapFocus>
      <Popover.Target>
        <ActionIcon
          size="sm"
          variant="subtle"
          color="gray"
          aria-label={`Change the speaker of ${quoteOf(claim).slice(0, 40)}`}
          onClick={(event) => {
            event.stopPropagation();
            setOpened((value) => !value);
          }}
        >
          <IconPencil size={13} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown onClick={(event) => event.stopPropagation()}>
        <EntityPicker
          label="Who says this?"
          autoFocus
          onPick={(entityId) =>
            setSpeaker.mutate(
              { id: claim.id, entityId },
              {
                onSuccess: (updated) => {
                  setOpened(false);
                  notifications.show({ color: 'indigo', message: `${updated.speaker.name} now speaks this claim (${undoHint})`, autoClose: 3000 });
                },
                onError: (error) => notifyError('Could not change the speaker', error),
              },
            )
          }
        />
      </Popover.Dropdown>
    </Popover>
  );
}
