/**
 * The graph's inspector: what the selected node is (with its links) or what the selected edge
 * says, and for an asserted link the evidence quotes, each one click from its passage.
 */
import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Paper, Skeleton, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowRight,
  IconArrowsLeftRight,
  IconBook2,
  IconEyeOff,
  IconLink,
  IconPencil,
  IconQuote,
  IconRoute,
  IconTopologyRing3,
  IconTrash,
  IconUser,
  IconZoomIn,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { Link } from '../../../../shared/graph';
import { informationCredibilityLabels, parseNodeKey, sourceReliabilityLabels } from '../../../../shared/graph';
import { useNavigation } from '../../components/navigation';
import { notifyError } from '../../api/notify';
import { formatPublished } from '../documents/format';
import type { EdgeAttributes, NodeAttributes } from './graphModel';
import { kindColors, kindLabels } from './graphModel';
import { useDeleteLink, useLink, useNodeLinks } from './queries';
import classes from './graph.module.css';
import { useReadOnly } from '../../api/queries';

/** "B2 · usually reliable, probably true", or null when ungraded. */
export function gradingText(link: Pick<Link, 'reliability' | 'credibility'>): string | null {
  if (!link.reliability && !link.credibility) return null;
  const code = `${link.reliability ?? '–'}${link.credibility ?? '–'}`;
  const words = [
    link.reliability ? sourceReliabilityLabels[link.reliability].toLowerCase() : null,
    link.credibility ? informationCredibilityLabels[link.credibility as keyof typeof informationCredibilityLabels].toLowerCase() : null,
  ].filter(Boolean);
  return `${code} · ${words.join(', ')}`;
}

function dateText(link: Pick<Link, 'dateStart' | 'dateEnd'>): string | null {
  if (!link.dateStart && !link.dateEnd) return null;
  if (link.dateStart && link.dateEnd && link.dateStart !== link.dateEnd) return `${link.dateStart} – ${link.dateEnd}`;
  return link.dateStart ?? link.dateEnd;
}

/** One link: its ends, relation, grading, dates, note and the passages it cites. */
export function LinkDetails({ linkId, onEdit, onDeleted }: { linkId: number; onEdit: (link: Link) => void; onDeleted?: () => void }) {
  const readOnly = useReadOnly();
  const link = useLink(linkId);
  const remove = useDeleteLink();
  const navigation = useNavigation();
  if (link.isError) return <Text size="sm" c="dimmed">This link is no longer in the case (deleted or undone).</Text>;
  if (!link.data) return <Skeleton height={80} />;
  const value = link.data;
  const grading = gradingText(value);
  const dates = dateText(value);
  return (
    <Stack gap="xs" data-testid="link-details">
      <Group gap={6} wrap="nowrap" align="center">
        <Text fw={600} size="sm" className={classes.wrap}>
          {value.fromLabel}
        </Text>
        {value.directed ? <IconArrowRight size={14} style={{ flex: 'none' }} /> : <IconArrowsLeftRight size={14} style={{ flex: 'none' }} />}
        <Text fw={600} size="sm" className={classes.wrap}>
          {value.toLabel}
        </Text>
      </Group>
      <Group gap={6}>
        <Badge color="orange" variant="filled" radius="sm" data-testid="link-relation">
          {value.relation}
        </Badge>
        {grading ? (
          <Tooltip label="Admiralty grading: source reliability (A–F), information credibility (1–6)">
            <Badge variant="light" color="gray" radius="sm">
              {grading}
            </Badge>
          </Tooltip>
        ) : (
          <Badge variant="outline" color="gray" radius="sm">
            ungraded
          </Badge>
        )}
        {dates ? (
          <Badge variant="light" color="gray" radius="sm">
            {dates}
          </Badge>
        ) : null}
      </Group>
      {value.note ? (
        <Text size="sm" className={classes.note}>
          {value.note}
        </Text>
      ) : null}
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        Evidence ({value.evidence.length})
      </Text>
      {value.evidence.length === 0 ? (
        <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={16} />} p="xs">
          No passage cited: this link rests on the analyst's word alone.
        </Alert>
      ) : (
        value.evidence.map((evidence) => (
          <Paper key={evidence.id} withBorder p="xs" radius="sm" data-testid="evidence-quote">
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconQuote size={14} style={{ flex: 'none', marginTop: 3 }} />
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" className={classes.quote}>
                  {evidence.quote}
                </Text>
                <Text size="xs" c="dimmed" truncate title={evidence.documentTitle}>
                  {evidence.documentTitle}
                  {evidence.publishedAt ? ` · ${formatPublished(evidence.publishedAt)}` : ''}
                </Text>
              </Stack>
              <Tooltip label="Open the passage in the reader">
                <ActionIcon
                  variant="subtle"
                  aria-label="Open the passage"
                  onClick={() => navigation.showPassage(evidence.documentId, evidence.start, evidence.end)}
                >
                  <IconBook2 size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Paper>
        ))
      )}
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} disabled={readOnly} onClick={() => onEdit(value)}>
          Edit…
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={14} />}
          disabled={readOnly}
          loading={remove.isPending}
          onClick={() => {
            remove
              .mutateAsync({ id: value.id })
              .then(() => {
                notifications.show({ message: `Deleted the link ${value.fromLabel} ${value.relation} ${value.toLabel}. Ctrl+Z brings it back.`, autoClose: 4000 });
                onDeleted?.();
              })
              .catch((error: unknown) => notifyError('Could not delete the link', error));
          }}
        >
          Delete
        </Button>
      </Group>
    </Stack>
  );
}

/** A node's asserted links, each opening its evidence. */
export function NodeLinks({ nodeKey, onOpen }: { nodeKey: string; onOpen: (link: Link) => void }) {
  const links = useNodeLinks(nodeKey);
  if (!links.data) return <Skeleton height={40} />;
  if (links.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No links asserted yet. Select a passage in the reader and choose “Link…”, or Shift-drag from this node to another in the graph.
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid="node-links">
      {links.data.map((link) => {
        const outgoing = link.from === nodeKey;
        return (
          <UnstyledButton key={link.id} className={classes.linkRow} onClick={() => onOpen(link)}>
            <Group gap={6} wrap="nowrap">
              <IconLink size={14} style={{ flex: 'none' }} />
              <Text size="sm" truncate>
                {outgoing ? '' : `${link.fromLabel} `}
                <Text span fw={600} c="orange.7">
                  {link.relation}
                </Text>
                {outgoing ? ` ${link.toLabel}` : ''}
              </Text>
              <Badge size="xs" variant={link.evidence.length ? 'light' : 'outline'} color={link.evidence.length ? 'gray' : 'yellow'} ml="auto">
                {link.evidence.length ? `${link.evidence.length} cited` : 'no evidence'}
              </Badge>
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}

export interface NodeActions {
  readonly onExpand: () => void;
  readonly onEgo: (depth: number) => void;
  readonly onPathFrom: () => void;
  readonly onHide: () => void;
  readonly onLinkFrom: () => void;
  readonly onOpenLink: (link: Link) => void;
  readonly onFocus: () => void;
}

export function NodeInspector({
  nodeKey,
  attributes,
  shownDegree,
  score,
  community,
  actions,
}: {
  nodeKey: string;
  attributes: NodeAttributes;
  shownDegree: number;
  score: { name: string; value: number } | null;
  community: number | null;
  actions: NodeActions;
}) {
  const readOnly = useReadOnly();
  const navigation = useNavigation();
  const [depth, setDepth] = useState<number | string>(1);
  const parsed = parseNodeKey(nodeKey);
  return (
    <Stack gap="sm" data-testid="node-inspector">
      <Group gap={8} wrap="nowrap" align="flex-start">
        <span className={classes.swatch} style={{ background: kindColors[attributes.kind] }} />
        <Title order={5} className={classes.wrap} data-testid="node-title">
          {attributes.label}
        </Title>
      </Group>
      <Group gap={6}>
        <Badge variant="light" color="gray" radius="sm">
          {kindLabels[attributes.kind]}
        </Badge>
        {attributes.kind !== 'document' ? (
          <Badge variant={attributes.status === 'confirmed' ? 'light' : 'outline'} color={attributes.status === 'confirmed' ? 'teal' : 'gray'} radius="sm">
            {attributes.status === 'confirmed' ? 'Confirmed' : 'Suggested'}
          </Badge>
        ) : null}
        {attributes.fixed ? (
          <Badge variant="outline" color="gray" radius="sm">
            pinned
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {shownDegree} edge{shownDegree === 1 ? '' : 's'} shown of {attributes.degree} in the case
        {score ? ` · ${score.name} ${score.value < 1 ? score.value.toFixed(4) : score.value.toFixed(0)}` : ''}
        {community !== null ? ` · community ${community + 1}` : ''}
        {attributes.date ? ` · ${formatPublished(attributes.date)}` : ''}
      </Text>
      <Group gap={6}>
        {parsed?.kind === 'entity' ? (
          <Button size="xs" variant="default" leftSection={<IconUser size={14} />} onClick={() => navigation.showEntity(parsed.id)}>
            Entity page
          </Button>
        ) : parsed ? (
          <Button size="xs" variant="default" leftSection={<IconBook2 size={14} />} onClick={() => navigation.showDocument(parsed.id)}>
            Open in reader
          </Button>
        ) : null}
        <Button size="xs" variant="default" leftSection={<IconZoomIn size={14} />} onClick={actions.onFocus}>
          Centre
        </Button>
        <Button size="xs" variant="default" leftSection={<IconTopologyRing3 size={14} />} onClick={actions.onExpand}>
          Expand
        </Button>
        <Button size="xs" variant="default" leftSection={<IconRoute size={14} />} onClick={actions.onPathFrom}>
          Path from here
        </Button>
        <Button size="xs" variant="default" leftSection={<IconLink size={14} />} disabled={readOnly} onClick={actions.onLinkFrom}>
          Link…
        </Button>
        <Button size="xs" variant="subtle" color="gray" leftSection={<IconEyeOff size={14} />} onClick={actions.onHide}>
          Hide
        </Button>
      </Group>
      <Group gap={6} align="flex-end">
        <NumberInput size="xs" label="Ego network depth" min={1} max={6} w={130} value={depth} onChange={setDepth} />
        <Button size="xs" variant="light" onClick={() => actions.onEgo(typeof depth === 'number' ? depth : 1)}>
          Show ego network
        </Button>
      </Group>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt={4}>
        Asserted links
      </Text>
      <NodeLinks nodeKey={nodeKey} onOpen={actions.onOpenLink} />
    </Stack>
  );
}

export function EdgeInspector({
  attributes,
  sourceLabel,
  targetLabel,
  sourceKey,
  onEditLink,
  onAssert,
  onDeleted,
}: {
  attributes: EdgeAttributes;
  sourceLabel: string;
  targetLabel: string;
  sourceKey: string;
  onEditLink: (link: Link) => void;
  onAssert: () => void;
  onDeleted: () => void;
}) {
  const readOnly = useReadOnly();
  const navigation = useNavigation();
  if (attributes.linkId !== null) return <LinkDetails linkId={attributes.linkId} onEdit={onEditLink} onDeleted={onDeleted} />;
  if (attributes.edgeType === 'mention') {
    const document = parseNodeKey(sourceKey);
    return (
      <Stack gap="xs" data-testid="edge-inspector">
        <Text size="sm">
          <Text span fw={600}>
            {sourceLabel}
          </Text>{' '}
          mentions{' '}
          <Text span fw={600}>
            {targetLabel}
          </Text>{' '}
          {attributes.weight === 1 ? 'once' : `${attributes.weight} times`}.
        </Text>
        <Badge variant={attributes.status === 'confirmed' ? 'light' : 'outline'} color="gray" radius="sm">
          {attributes.status === 'confirmed' ? 'confirmed mention' : 'suggested mention'}
        </Badge>
        {document ? (
          <Button size="xs" variant="default" leftSection={<IconBook2 size={14} />} onClick={() => navigation.showDocument(document.id)} w="fit-content">
            Open in reader
          </Button>
        ) : null}
      </Stack>
    );
  }
  return (
    <Stack gap="xs" data-testid="edge-inspector">
      <Text size="sm">
        <Text span fw={600}>
          {sourceLabel}
        </Text>{' '}
        and{' '}
        <Text span fw={600}>
          {targetLabel}
        </Text>{' '}
        are named close together in {attributes.weight === 1 ? 'one passage' : `${attributes.weight} passages`}.
      </Text>
      <Text size="xs" c="dimmed">
        A suggestion from co-occurrence, not a link: assert one, citing a passage, if the documents support it.
      </Text>
      <Button size="xs" variant="light" leftSection={<IconLink size={14} />} disabled={readOnly} onClick={onAssert} w="fit-content">
        Assert a link…
      </Button>
    </Stack>
  );
}
