/**
 * Reviewing what Dossier read, below the time axis: the claims (accept, reject, who really speaks,
 * grading), the links suggested from text (confirm with a grading, reject) and the competing
 * accounts set side by side. Each cites its passage, one click away in the reader.
 */
import { Box, Tabs, Text } from '@mantine/core';
import type { TimelineItem } from '../../../../shared/timeline';
import { formatPeriod, usePeriod } from '../../components/period';
import { Accounts } from './Accounts';
import { ClaimsTable } from './ClaimsTable';
import { useAccounts, useClaims, useRelationSuggestions } from './queries';
import { RelationsTable } from './RelationsTable';
import { overlapsPeriod } from './timelineModel';
import classes from './timeline.module.css';

export type ReadingTab = 'claims' | 'links' | 'accounts';

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
