/**
 * The review of the pairs a merge could not judge: the entity that was here and the one added beside
 * it, side by side, and the analyst's call on each: S "Same — merge them", D "Different — keep both".
 * ↑/↓ (or K/J) move between pairs; every decision is undoable with Ctrl+Z, and the pairs not yet
 * decided stay in the case until they are.
 */
import { Badge, Button, Group, Kbd, Loader, Modal, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowBackUp, IconArrowsJoin, IconArrowsSplit } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { DoubtfulDecision, DoubtfulPair } from '../../../../shared/exchange';
import { notifyError } from '../../api/notify';
import { READ_ONLY_HINT, useReadOnly } from '../../api/queries';
import { modKey } from '../../components/format';
import { PairSideCard } from './PairSideCard';
import { useDecide, useDoubtfulPairs } from './queries';
import classes from './exchange.module.css';

const keyOf = (pair: DoubtfulPair): string => `${pair.mergeId}:${pair.addedEntityId}`;

function DecisionBadge({ decision }: { decision: DoubtfulDecision | null }) {
  if (decision === null) return null;
  return (
    <Badge size="xs" variant="light" color={decision === 'same' ? 'teal' : 'gray'}>
      {decision === 'same' ? 'merged' : 'kept apart'}
    </Badge>
  );
}

interface DoubtfulReviewProps {
  /** A merge's pairs; null for every pair still waiting; undefined when closed. */
  readonly mergeId: number | null | undefined;
  readonly onClose: () => void;
  readonly undo: () => Promise<void>;
}

export function DoubtfulReview({ mergeId, onClose, undo }: DoubtfulReviewProps) {
  const opened = mergeId !== undefined;
  const pairs = useDoubtfulPairs(mergeId ?? null, opened);
  const decide = useDecide();
  const readOnly = useReadOnly();
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [lastIndex, setLastIndex] = useState(0);
  const list = pairs.data ?? [];
  const foundIndex = list.findIndex((pair) => keyOf(pair) === selectedKey);
  const index = foundIndex >= 0 ? foundIndex : Math.min(lastIndex, list.length - 1);
  const pair = index >= 0 ? list[index] : undefined;
  const decided = list.filter((candidate) => candidate.decision !== null).length;

  useEffect(() => {
    if (index >= 0) setLastIndex(index);
  }, [index]);
  useEffect(() => {
    if (!opened) setSelectedKey(null);
  }, [opened]);

  const select = (at: number) => {
    const next = list[Math.max(0, Math.min(list.length - 1, at))];
    if (next) setSelectedKey(keyOf(next));
  };

  const choose = async (decision: DoubtfulDecision) => {
    if (!pair || readOnly || decide.isPending || pair.decision === decision || (decision === 'same' && (pair.decision === 'same' || !pair.here || !pair.added))) return;
    try {
      await decide.mutateAsync({ mergeId: pair.mergeId, addedEntityId: pair.addedEntityId, decision });
      // On to the next pair still waiting, if there is one after this.
      const after = list.findIndex((candidate, at) => at > index && candidate.decision === null);
      if (mergeId !== null && after >= 0) setSelectedKey(keyOf(list[after]!));
    } catch (error) {
      notifyError(`Could not record the decision on "${pair.name}"`, error);
    }
  };

  // While the review is open it has the keyboard, wherever the focus is in it.
  useHotkeys(
    opened && list.length > 0
      ? [
          ['s', () => void choose('same')],
          ['d', () => void choose('different')],
          ['ArrowDown', () => select(index + 1)],
          ['j', () => select(index + 1)],
          ['ArrowUp', () => select(index - 1)],
          ['k', () => select(index - 1)],
        ]
      : [],
  );

  const title = pair ? `Look-alike entities from merging "${pair.sourceTitle}"` : 'Look-alike entities from merges';
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="80rem" centered>
      {pairs.isPending ? (
        <Loader size="sm" />
      ) : list.length === 0 ? (
        <Stack gap="sm" align="flex-start" data-testid="review-empty">
          <Text size="sm">No pairs are waiting for a decision.</Text>
          <Text size="sm" c="dimmed">
            When a merged case brings an entity that looks like one already here (the same name as another type, a name spelled alike, the same
            name at another place), it is added apart and listed here for you to merge or keep apart.
          </Text>
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Stack>
      ) : (
        <div className={classes.review} data-testid="doubtful-review">
          <Stack gap={4} className={classes.pairList}>
            <Text size="xs" c="dimmed">
              {decided} of {list.length} decided
            </Text>
            <ScrollArea h={440} type="auto">
              <Stack gap={2} role="listbox" aria-label="Doubtful pairs">
                {list.map((candidate, at) => (
                  <UnstyledButton
                    key={keyOf(candidate)}
                    role="option"
                    aria-selected={at === index}
                    className={classes.pairRow}
                    data-active={at === index || undefined}
                    onClick={() => setSelectedKey(keyOf(candidate))}
                  >
                    <Group gap={6} justify="space-between" wrap="nowrap">
                      <Text size="sm" truncate>
                        {candidate.name}
                      </Text>
                      <DecisionBadge decision={candidate.decision} />
                    </Group>
                    <Text size="xs" c="dimmed" truncate>
                      {candidate.reason}
                    </Text>
                  </UnstyledButton>
                ))}
              </Stack>
            </ScrollArea>
          </Stack>
          {pair ? (
            <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {pair.name}
                </Text>
                <Text size="sm" c="dimmed">
                  — {pair.reason}
                </Text>
                <DecisionBadge decision={pair.decision} />
              </Group>
              <Group align="stretch" gap="sm" wrap="nowrap">
                <PairSideCard heading="In this case" side={pair.here} gone="No longer in this case (merged or deleted since)." />
                <PairSideCard heading={`Added from "${pair.sourceTitle}"`} side={pair.added} gone="Merged into the entity here." />
              </Group>
              <Group justify="space-between">
                <Group gap="xs">
                  <Button
                    leftSection={<IconArrowsJoin size={16} />}
                    rightSection={<Kbd size="xs">S</Kbd>}
                    onClick={() => void choose('same')}
                    disabled={readOnly || pair.decision === 'same' || !pair.here || !pair.added}
                    title={readOnly ? READ_ONLY_HINT : undefined}
                    loading={decide.isPending}
                  >
                    Same — merge them
                  </Button>
                  <Button
                    variant="default"
                    leftSection={<IconArrowsSplit size={16} />}
                    rightSection={<Kbd size="xs">D</Kbd>}
                    onClick={() => void choose('different')}
                    disabled={readOnly || pair.decision !== null}
                    title={readOnly ? READ_ONLY_HINT : undefined}
                  >
                    Different — keep both
                  </Button>
                </Group>
                <Group gap="xs">
                  <Text size="xs" c="dimmed">
                    <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> move
                  </Text>
                  <Button variant="subtle" size="xs" leftSection={<IconArrowBackUp size={14} />} onClick={() => void undo()}>
                    Undo ({modKey}+Z)
                  </Button>
                </Group>
              </Group>
            </Stack>
          ) : null}
        </div>
      )}
    </Modal>
  );
}
