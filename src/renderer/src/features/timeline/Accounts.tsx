/** The reading panel's competing accounts: claims of different sides about the same matter, one column a side. */
import { Badge, Box, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AccountGroup, Claim } from '../../../../shared/claims';
import { useNavigation } from '../../components/navigation';
import { Empty, EntityLabel, StanceBadge, StatusBadge, formatIsoPrefix, gradeText, quoteOf } from './reviewParts';
import classes from './timeline.module.css';

export function Accounts({ groups, loading }: { groups: readonly AccountGroup[]; loading: boolean }) {
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
