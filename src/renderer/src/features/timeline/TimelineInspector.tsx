/** The inspector of the timeline: what the selected item is, when (and how precisely), who, where, its source, and its review. */
import { Anchor, Badge, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconBook2, IconCheck, IconTopologyStar3, IconX } from '@tabler/icons-react';
import type { TimelineItem } from '../../../../shared/timeline';
import { modKey } from '../../components/format';
import { useNavigation } from '../../components/navigation';
import { useClaims, useEvents } from './queries';
import { EntityLabel, StanceBadge, StatusBadge, gradeText } from './reviewParts';
import { describePrecision, formatWhen } from './timelineModel';

const dateSourceWords: Record<TimelineItem['dateSource'], string> = {
  text: 'date from text',
  document: "date from the document's date",
  analyst: 'dated by an analyst',
};

const kindWords: Record<TimelineItem['kind'], string> = { event: 'Event', claim: 'Claim', link: 'Link', document: 'Document' };

export function TimelineInspector({
  itemKey,
  item,
  onReview,
  onOpen,
}: {
  itemKey: string | null;
  item: TimelineItem | null;
  onReview: (key: string, status: 'confirmed' | 'rejected') => void;
  onOpen: (key: string) => void;
}) {
  const navigation = useNavigation();
  const claims = useClaims();
  const events = useEvents();
  if (!itemKey) return <Legend />;
  const [kind, idText] = itemKey.split(':') as [TimelineItem['kind'], string];
  const id = Number(idText);
  const claim = kind === 'claim' ? claims.data?.find((candidate) => candidate.id === id) : undefined;
  const event = kind === 'event' ? events.data?.find((candidate) => candidate.id === id) : undefined;
  const status = claim?.status ?? event?.status ?? item?.status ?? null;

  if (!item && status === 'rejected') {
    return (
      <Stack p="sm" gap="xs" data-testid="timeline-inspector">
        <Text size="sm">This {kindWords[kind].toLowerCase()} was rejected and left the timeline.</Text>
        <Text size="xs" c="dimmed">
          {modKey}+Z brings it back.
        </Text>
      </Stack>
    );
  }
  if (!item) return <Legend />;

  const reviewable = (kind === 'claim' || kind === 'event') && status !== null;
  return (
    <Stack p="sm" gap="xs" data-testid="timeline-inspector">
      <Group gap={6}>
        <Badge size="sm" variant="light">
          {kindWords[kind]}
          {event ? ` · ${event.type}` : ''}
        </Badge>
        {status ? <StatusBadge status={item.status === 'asserted' ? 'asserted' : status} /> : null}
        {claim ? <StanceBadge stance={claim.stance} /> : null}
      </Group>
      <Title order={5} data-testid="inspector-title">
        {claim ? `${claim.speaker.name} ${claim.cue.text}` : item.label}
      </Title>
      {claim ? (
        <Text size="sm" fs="italic">
          “{claim.content.text.replace(/\s+/g, ' ').trim()}”
        </Text>
      ) : null}

      <Divider label="When" labelPosition="left" />
      <Text size="sm" data-testid="inspector-when">
        {item.approximate ? '≈ ' : ''}
        {formatWhen(item)}
      </Text>
      <Text size="xs" c="dimmed">
        {describePrecision(item)} · {dateSourceWords[item.dateSource]}
      </Text>
      {item.dateSource === 'document' ? (
        <Text size="xs" c="dimmed">
          The text gives no date of its own; set or correct the document's date in its inspector and relative times resolve against it.
        </Text>
      ) : null}

      {item.actors.length > 0 ? (
        <>
          <Divider label="Who" labelPosition="left" />
          <Group gap={8}>
            {item.actors.map((actor) => (
              <Anchor key={actor.entityId} component="button" type="button" onClick={() => navigation.showEntity(actor.entityId)}>
                <EntityLabel name={actor.name} type={actor.type} />
              </Anchor>
            ))}
          </Group>
        </>
      ) : null}
      {item.places.length > 0 ? (
        <>
          <Divider label="Where" labelPosition="left" />
          <Group gap={8}>
            {item.places.map((place) => (
              <Anchor key={place.entityId} component="button" type="button" onClick={() => navigation.showOnMap(place.entityId)}>
                <EntityLabel name={place.name} type="location" />
              </Anchor>
            ))}
          </Group>
        </>
      ) : null}
      {item.documentId !== null ? (
        <>
          <Divider label="Source" labelPosition="left" />
          <Anchor component="button" type="button" size="sm" ta="left" onClick={() => navigation.showDocument(item.documentId!)}>
            {item.documentTitle ?? 'the document'}
          </Anchor>
          {claim ? (
            <Text size="xs" c="dimmed">
              {gradeText(claim.reliability, claim.credibility)}
            </Text>
          ) : null}
        </>
      ) : null}

      <Group gap="xs" mt="xs">
        {reviewable && status !== 'confirmed' ? (
          <Button size="xs" variant="light" color="teal" leftSection={<IconCheck size={14} />} onClick={() => onReview(itemKey, 'confirmed')}>
            Accept (A)
          </Button>
        ) : null}
        {reviewable ? (
          <Button size="xs" variant="light" color="red" leftSection={<IconX size={14} />} onClick={() => onReview(itemKey, 'rejected')}>
            Reject (R)
          </Button>
        ) : null}
        {item.documentId !== null ? (
          <Button size="xs" variant="default" leftSection={<IconBook2 size={14} />} onClick={() => onOpen(itemKey)}>
            Open in reader (Enter)
          </Button>
        ) : null}
        {kind === 'link' && item.actors[0] ? (
          <Button size="xs" variant="default" leftSection={<IconTopologyStar3 size={14} />} onClick={() => navigation.showInGraph(`entity:${item.actors[0]!.entityId}`)}>
            Show in graph
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

/** With nothing selected: how to read the timeline and how to drive it. */
function Legend() {
  return (
    <Stack p="sm" gap={6} data-testid="timeline-inspector">
      <Text size="sm" fw={600}>
        Reading the timeline
      </Text>
      <Text size="xs">◆ event · ● claim · ■ dated link · ▮ document</Text>
      <Text size="xs">A mark is one day; a bar spans the month or year the text gives; a faded bar (≈) is approximate.</Text>
      <Text size="xs">Dashed and pale: suggested by Dossier. Solid: accepted or asserted by an analyst.</Text>
      <Text size="xs">Colours follow entity types, as in the graph and the map.</Text>
      <Text size="sm" fw={600} mt="xs">
        Keys
      </Text>
      <Text size="xs">
        ← → previous / next in time · ↑ ↓ lane above / below · Enter opens the passage · A accepts · R rejects · + − zoom · F fits everything · {modKey}+Z undoes.
      </Text>
      <Text size="xs">Wheel zooms, drag pans; drag on the time axis (or Shift+drag anywhere) to choose a period the map and graph use too.</Text>
    </Stack>
  );
}
