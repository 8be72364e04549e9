/**
 * Reviewing what Dossier read, below the time axis: the claims (accept, reject, who really speaks,
 * grading), the links suggested from text (confirm with a grading, reject) and the competing
 * accounts set side by side. Each cites its passage, one click away in the reader.
 */
import { ActionIcon, Badge, Box, Button, Group, Paper, Popover, SimpleGrid, Stack, Table, Tabs, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconArrowsLeftRight, IconBook2, IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { AccountGroup, Claim, RelationSuggestion } from '../../../../shared/claims';
import { symmetricTextRelations, textRelationLabels } from '../../../../shared/claims';
import type { TimelineItem } from '../../../../shared/timeline';
import { formatPeriod, usePeriod } from '../../components/period';
import { modKey } from '../../components/format';
import { useNavigation } from '../../components/navigation';
import { notifyError } from '../../api/notify';
import { useAccounts, useClaims, useConfirmRelation, useGradeClaim, useRejectRelation, useRelationSuggestions, useReviewClaim, useSetClaimSpeaker } from './queries';
import { EntityLabel, EntityPicker, GradePickers, StanceBadge, StatusBadge, formatClaimDate, formatIsoPrefix, gradeText } from './reviewParts';
import { overlapsPeriod } from './timelineModel';
import classes from './timeline.module.css';
import { useReadOnly } from '../../api/queries';

export type ReadingTab = 'claims' | 'links' | 'accounts';

const undoHint = `${modKey}+Z undoes`;

/** The passage a claim cites, in quotation marks unless it opens with its own. */
function quoteOf(claim: Claim): string {
  const text = claim.content.text.replace(/\s+/g, ' ').trim();
  return /^["“«„]/.test(text) ? text : `“${text}”`;
}

export function ReadingPanel({
  tab,
  onTab,
  items,
  selected,
  onSelect,
}: {
  tab: ReadingTab;
  onTab: (tab: ReadingTab) => void;
  /** The timeline's items, for the dates claims fall on (their own or their document's). */
  items: readonly TimelineItem[];
  selected: string | null;
  onSelect: (key: string) => void;
}) {
  const claims = useClaims();
  const relations = useRelationSuggestions();
  const accounts = useAccounts();
  const { period } = usePeriod();
  const dated = new Map(items.map((item) => [item.key, item]));
  // Within the brushed period when there is one; claims with no date at all stay, they may belong to it.
  const shownClaims = (claims.data ?? []).filter((claim) => {
    if (claim.status === 'rejected') return false;
    const item = dated.get(`claim:${claim.id}`);
    return !item || overlapsPeriod(item, period);
  });
  const shownRelations = (relations.data ?? []).filter((relation) => relation.status !== 'rejected');
  const pending = shownRelations.filter((relation) => relation.status === 'suggested').length;

  return (
    <Tabs value={tab} onChange={(value) => onTab((value as ReadingTab | null) ?? 'claims')} className={classes.panel} keepMounted={false}>
      <Tabs.List px="xs">
        <Tabs.Tab value="claims">Claims ({shownClaims.length})</Tabs.Tab>
        <Tabs.Tab value="links">Suggested links ({pending})</Tabs.Tab>
        <Tabs.Tab value="accounts">Competing accounts ({accounts.data?.length ?? 0})</Tabs.Tab>
        {period ? (
          <Text size="xs" c="dimmed" ml="auto" style={{ alignSelf: 'center' }}>
            Claims within {formatPeriod(period)}
          </Text>
        ) : null}
      </Tabs.List>
      <Box className={classes.panelBody}>
        <Tabs.Panel value="claims">
          <ClaimsTable claims={shownClaims} loading={claims.isPending} selected={selected} onSelect={onSelect} />
        </Tabs.Panel>
        <Tabs.Panel value="links">
          <RelationsTable relations={shownRelations} loading={relations.isPending} />
        </Tabs.Panel>
        <Tabs.Panel value="accounts" p="xs">
          <Accounts groups={accounts.data ?? []} loading={accounts.isPending} />
        </Tabs.Panel>
      </Box>
    </Tabs>
  );
}

function Empty({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed" p="md">
      {children}
    </Text>
  );
}

function ClaimsTable({ claims, loading, selected, onSelect }: { claims: readonly Claim[]; loading: boolean; selected: string | null; onSelect: (key: string) => void }) {
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

function RelationsTable({ relations, loading }: { relations: readonly RelationSuggestion[]; loading: boolean }) {
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

function Accounts({ groups, loading }: { groups: readonly AccountGroup[]; loading: boolean }) {
  if (loading) return <Empty>Loading accounts…</Empty>;
  if (groups.length === 0) {
    return <Empty>No competing accounts. When speakers of different sides accuse or deny about the same event or actors, their claims are set side by side here.</Empty>;
  }
  return (
    <Stack gap="sm">
      {groups.map((group) => (
        <Paper key={group.key} withBorder p="xs" data-testid="account-group">
          <Group gap={6} mb={6}>
            <Text size="sm" fw={600}>
              {group.topic}
            </Text>
            <Badge size="xs" variant="light" color="gray">
              {group.claims.length} accounts · {group.sides.length} sides
            </Badge>
          </Group>
          {/* One column a side (a speaker's affiliation, or the speaker), its claims under it. */}
          <SimpleGrid cols={Math.min(Math.max(group.sides.length, 1), 4)} spacing="xs">
            {group.sides.map((side) => (
              <Stack key={side.side} gap={6} data-testid="account-side">
                <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                  {side.side}
                </Text>
                {group.claims
                  .filter((claim) => side.claimIds.includes(claim.id))
                  .map((claim) => (
                    <AccountClaim key={claim.id} claim={claim} />
                  ))}
              </Stack>
            ))}
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}

function AccountClaim({ claim }: { claim: Claim }) {
  const navigation = useNavigation();
  const open = () => navigation.showPassage(claim.documentId, claim.content.start, claim.content.end);
  return (
    <Box
      className={classes.accountColumn}
      style={{ borderLeftColor: `var(--mantine-color-${claim.stance === 'denies' ? 'orange' : claim.stance === 'accuses' ? 'red' : 'gray'}-5)` }}
      p={6}
      pl={10}
      role="button"
      tabIndex={0}
      aria-label={`${claim.speaker.name} ${claim.stance}: open in the reader`}
      data-testid="account-claim"
      data-speaker={claim.speaker.name}
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter') open();
      }}
    >
      <EntityLabel name={claim.speaker.name} type={claim.speaker.type} />
      <Group gap={4} mt={2} mb={4}>
        <StanceBadge stance={claim.stance} />
        {claim.status === 'suggested' ? <StatusBadge status="suggested" /> : null}
      </Group>
      <Text size="sm" className={classes.quote} lineClamp={5}>
        {quoteOf(claim)}
      </Text>
      <Text size="xs" c="dimmed" mt={4} truncate title={claim.documentTitle}>
        {claim.documentTitle}
      </Text>
      <Text size="xs" c="dimmed">
        {claim.documentDate ? `${formatIsoPrefix(claim.documentDate.slice(0, 10))} · ` : ''}
        {gradeText(claim.reliability, claim.credibility)}
      </Text>
    </Box>
  );
}
