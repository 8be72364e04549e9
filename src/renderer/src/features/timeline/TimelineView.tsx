/**
 * The Timeline view: the case's events, claims, dated links and documents on a zoomable time axis
 * in lanes (by actor or by source), a brushed period the other views share, the reading panel for
 * reviewing claims, suggested links and competing accounts, and an inspector for the selection.
 */
import { ActionIcon, Chip, CloseButton, Group, Paper, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsMaximize, IconTimeline, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { useMemo, useRef, useState } from 'react';
import type { TimelineKind } from '../../../../shared/timeline';
import { TimelineKinds } from '../../../../shared/timeline';
import { modKey } from '../../components/format';
import { useNavigation } from '../../components/navigation';
import { formatPeriod, usePeriod } from '../../components/period';
import { useCurrentCase } from '../../api/queries';
import { notifyError } from '../../api/notify';
import { useReviewClaim, useReviewEvent, useTimelineItems } from './queries';
import type { ReadingTab } from './ReadingPanel';
import { ReadingPanel } from './ReadingPanel';
import type { TimelineAxisHandle } from './TimelineAxis';
import { TimelineAxis } from './TimelineAxis';
import { TimelineInspector } from './TimelineInspector';
import type { Direction, LaneMode } from './timelineModel';
import { buildLanes, neighbour } from './timelineModel';
import viewLayout from '../../components/ViewLayout.module.css';
import classes from './timeline.module.css';

const kindLabels: Record<TimelineKind, string> = { event: 'Events', claim: 'Claims', link: 'Links', document: 'Documents' };

const arrows: Record<string, Direction> = { ArrowLeft: 'previous', ArrowRight: 'next', ArrowUp: 'up', ArrowDown: 'down' };

export function TimelineView() {
  const timeline = useTimelineItems();
  const casePath = useCurrentCase().data?.path ?? '';
  const navigation = useNavigation();
  const { period, setPeriod } = usePeriod();
  const [laneMode, setLaneMode] = useState<LaneMode>('actor');
  const [kinds, setKinds] = useState<TimelineKind[]>([...TimelineKinds]);
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<ReadingTab>('claims');
  const axis = useRef<TimelineAxisHandle>(null);
  const stage = useRef<HTMLDivElement>(null);
  const reviewClaim = useReviewClaim();
  const reviewEvent = useReviewEvent();

  const allItems = useMemo(() => timeline.data?.items ?? [], [timeline.data]);
  const shown = useMemo(() => allItems.filter((item) => kinds.includes(item.kind)), [allItems, kinds]);
  const lanes = useMemo(() => buildLanes(shown, laneMode), [shown, laneMode]);
  const selectedItem = allItems.find((item) => item.key === selected) ?? null;

  const select = (key: string | null) => {
    setSelected(key);
    if (key) axis.current?.reveal(key);
  };

  const open = (key: string) => {
    const item = allItems.find((candidate) => candidate.key === key);
    if (!item || item.documentId === null) return;
    if (item.span) navigation.showPassage(item.documentId, item.span.start, item.span.end);
    else navigation.showDocument(item.documentId);
  };

  const review = (key: string, status: 'confirmed' | 'rejected') => {
    const [kind, id] = key.split(':');
    const done = (what: string) =>
      notifications.show({ color: 'indigo', message: `${status === 'confirmed' ? 'Accepted' : 'Rejected'} ${what} (${modKey}+Z undoes)`, autoClose: 3000 });
    const failed = (error: unknown) => notifyError('Could not review this suggestion', error);
    if (kind === 'claim') reviewClaim.mutate({ id: Number(id), status }, { onSuccess: (claim) => done(`the claim by ${claim.speaker.name}`), onError: failed });
    else if (kind === 'event') reviewEvent.mutate({ id: Number(id), status }, { onSuccess: (event) => done(`the event "${event.trigger.text}"`), onError: failed });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const direction = arrows[event.key];
    if (direction) {
      event.preventDefault();
      select(neighbour(lanes, selected, direction));
      return;
    }
    const key = event.key.toLowerCase();
    if (key === 'enter' && selected) open(selected);
    else if (key === 'a' && selected) review(selected, 'confirmed');
    else if (key === 'r' && selected) review(selected, 'rejected');
    else if (key === '+' || key === '=') axis.current?.zoomIn();
    else if (key === '-' || key === '_') axis.current?.zoomOut();
    else if (key === 'f') axis.current?.fit();
    else if (key === 'escape') setSelected(null);
    else return;
    event.preventDefault();
  };

  const empty = timeline.data !== undefined && allItems.length === 0;

  return (
    <div className={viewLayout.view} data-testid="timeline-view">
      <div className={viewLayout.main}>
        <Group className={viewLayout.toolbar} gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <SegmentedControl
              size="xs"
              aria-label="Lanes"
              value={laneMode}
              onChange={(value) => setLaneMode(value)}
              data={[
                { value: 'actor', label: 'By actor' },
                { value: 'source', label: 'By source' },
              ]}
            />
            <Chip.Group multiple value={kinds} onChange={(value) => setKinds(value)}>
              <Group gap={4} wrap="nowrap">
                {TimelineKinds.map((kind) => (
                  <Chip key={kind} value={kind} size="xs" variant="light">
                    {kindLabels[kind]}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {period ? (
              <Paper withBorder px={8} py={1} radius="xl" data-testid="period-chip">
                <Group gap={4} wrap="nowrap">
                  <Text size="xs" fw={600}>
                    {formatPeriod(period)}
                  </Text>
                  <CloseButton size="xs" aria-label="Clear the period" onClick={() => setPeriod(null)} />
                </Group>
              </Paper>
            ) : null}
          </Group>
          <Group gap={4} wrap="nowrap">
            {timeline.data && timeline.data.undated > 0 ? (
              <Tooltip label="Items whose document has no date and whose text gives none; set the document's date in its inspector">
                <Text size="xs" c="dimmed" data-testid="timeline-undated">
                  {timeline.data.undated} undated
                </Text>
              </Tooltip>
            ) : null}
            <Tooltip label="Zoom out (−)">
              <ActionIcon variant="default" aria-label="Zoom out" onClick={() => axis.current?.zoomOut()}>
                <IconZoomOut size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Zoom in (+)">
              <ActionIcon variant="default" aria-label="Zoom in" onClick={() => axis.current?.zoomIn()}>
                <IconZoomIn size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Fit everything (F)">
              <ActionIcon variant="default" aria-label="Fit everything" onClick={() => axis.current?.fit()}>
                <IconArrowsMaximize size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <div ref={stage} className={classes.stage} tabIndex={0} role="group" aria-label="Timeline" onKeyDown={onKeyDown} onMouseDown={() => stage.current?.focus({ preventScroll: true })}>
          {empty ? (
            <div className={classes.empty} data-testid="timeline-empty">
              <Stack align="center" gap={6} maw={460}>
                <IconTimeline size={36} stroke={1.2} color="var(--mantine-color-dimmed)" />
                <Text fw={600}>Nothing dated yet</Text>
                <Text size="sm" c="dimmed" ta="center">
                  Dates, events and claims appear here when documents are read; set a document's date in its inspector to resolve "on Tuesday".
                  {timeline.data && timeline.data.undated > 0 ? ` ${timeline.data.undated} items wait for a date.` : ''}
                </Text>
              </Stack>
            </div>
          ) : (
            <TimelineAxis
              handle={axis}
              memoryKey={casePath}
              lanes={lanes}
              allItems={allItems}
              selected={selected}
              onSelect={(key) => select(key)}
              onOpen={open}
              period={period}
              onPeriod={setPeriod}
            />
          )}
        </div>
        <ReadingPanel tab={tab} onTab={setTab} items={allItems} selected={selected} onSelect={(key) => select(key)} />
      </div>
      <aside className={`${viewLayout.side} ${classes.side}`} aria-label="Inspector">
        <TimelineInspector itemKey={selected} item={selectedItem} onReview={review} onOpen={open} />
      </aside>
    </div>
  );
}
