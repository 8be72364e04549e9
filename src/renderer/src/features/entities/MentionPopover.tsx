/**
 * What clicking an entity mention in the reader shows: the entity (a link to its page), its type,
 * Accept and Reject, retyping, and linking the mention to another entity.
 */
import { Anchor, Badge, Button, Group, Menu, Popover, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconLink, IconX } from '@tabler/icons-react';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import type { EntityType, Mention } from '../../../../shared/entities';
import { EntityTypes } from '../../../../shared/entities';
import { useNavigation } from '../../components/navigation';
import { notifyError } from '../../api/notify';
import { entityColors, entityTypeLabels } from './entityColors';
import { EntityTypeIcon } from './EntityTypeIcon';
import { EntityPicker } from './MergeModal';
import { useCreateMention, useRelinkMention, useSetMentionStatus } from './queries';

const roleLabels: Record<string, string> = { government: 'the capital speaking for its government', affiliation: 'an affiliation (demonym)' };

export interface MentionAnchor {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export function MentionPopover({ mention, rect, onClose }: { mention: Mention; rect: MentionAnchor; onClose: () => void }) {
  const setStatus = useSetMentionStatus();
  const relink = useRelinkMention();
  const navigation = useNavigation();
  const [linking, setLinking] = useState(false);
  useHotkeys([['Escape', onClose]]);
  const name = mention.entityName ?? mention.text;
  const change = async (input: { entityId: number } | { type: EntityType }, done: string) => {
    try {
      await relink.mutateAsync({ id: mention.id, ...input });
      notifications.show({ color: 'indigo', message: done, autoClose: 3000 });
      onClose();
    } catch (error) {
      notifyError('Could not change the mention', error);
    }
  };
  const decide = async (status: 'confirmed' | 'rejected') => {
    try {
      await setStatus.mutateAsync({ id: mention.id, status });
      notifications.show({
        color: status === 'confirmed' ? 'indigo' : 'gray',
        message: status === 'confirmed' ? `Accepted: “${mention.text}” is ${name}` : `Rejected: “${mention.text}”`,
        autoClose: 3000,
      });
      onClose();
    } catch (error) {
      notifyError(status === 'confirmed' ? 'Could not accept the mention' : 'Could not reject the mention', error);
    }
  };
  return (
    <Popover opened onDismiss={onClose} position="bottom-start" width={320} shadow="md" withArrow>
      <Popover.Target>
        <div
          style={{ position: 'fixed', left: rect.left, top: rect.top, width: rect.width, height: rect.height, pointerEvents: 'none' }}
        />
      </Popover.Target>
      <Popover.Dropdown data-testid="mention-popover">
        <Stack gap={6}>
          <Group gap={6} wrap="nowrap">
            <EntityTypeIcon type={mention.type} />
            {mention.entityId !== null ? (
              <Anchor
                component="button"
                fw={600}
                size="sm"
                truncate
                onClick={() => {
                  navigation.showEntity(mention.entityId!);
                  onClose();
                }}
                title="Open the entity page"
              >
                {name}
              </Anchor>
            ) : (
              <Text fw={600} size="sm" truncate>
                {name}
              </Text>
            )}
          </Group>
          {mention.role ? (
            <Text size="xs" c="dimmed" data-testid="mention-role">
              {mention.type === 'person' ? mention.role : `As ${roleLabels[mention.role] ?? mention.role}`}
            </Text>
          ) : null}
          <Group gap={6}>
            <Badge size="xs" variant="light" color={entityColors[mention.type]}>
              {entityTypeLabels[mention.type]}
            </Badge>
            <Text size="xs" c="dimmed">
              {mention.status === 'confirmed' ? 'Accepted' : 'Suggested'}
              {mention.origin === 'auto' ? ' · found automatically' : ' · added by hand'}
            </Text>
          </Group>
          {linking ? (
            <EntityPicker
              value={null}
              exclude={mention.entityId === null ? [] : [mention.entityId]}
              label="Link this mention to"
              autoFocus
              onChange={(id, entity) => {
                if (id !== null) void change({ entityId: id }, `“${mention.text}” now names ${entity?.name ?? 'the chosen entity'}`);
              }}
            />
          ) : null}
          <Group justify="space-between" gap={6} mt={2} wrap="nowrap">
            <Group gap={2} wrap="nowrap">
              <Menu position="bottom-start" withinPortal>
                <Menu.Target>
                  <Button size="compact-xs" variant="subtle" color="gray">
                    Type…
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {EntityTypes.filter((type) => type !== mention.type).map((type) => (
                    <Menu.Item
                      key={type}
                      leftSection={<EntityTypeIcon type={type} size={14} />}
                      onClick={() => void change({ type }, `“${mention.text}” is now: ${entityTypeLabels[type]}`)}
                    >
                      {entityTypeLabels[type]}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
              <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconLink size={12} />} onClick={() => setLinking((value) => !value)}>
                Link…
              </Button>
            </Group>
            <Group gap={6} wrap="nowrap">
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconX size={14} />}
              loading={setStatus.isPending && setStatus.variables.status === 'rejected'}
              onClick={() => void decide('rejected')}
            >
              Reject
            </Button>
            <Button
              size="xs"
              leftSection={<IconCheck size={14} />}
              disabled={mention.status === 'confirmed'}
              loading={setStatus.isPending && setStatus.variables.status === 'confirmed'}
              onClick={() => void decide('confirmed')}
            >
              Accept
            </Button>
            </Group>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Marking a selected passage as an entity by hand: its type and name, or the entity it names. */
export function MarkEntityPopover({
  documentId,
  span,
  text,
  rect,
  onClose,
}: {
  documentId: number;
  span: { start: number; end: number };
  text: string;
  rect: MentionAnchor;
  onClose: () => void;
}) {
  const create = useCreateMention();
  const [type, setType] = useState<EntityType>('person');
  const [name, setName] = useState(text.trim().replace(/\s+/g, ' ').slice(0, 500));
  const [entityId, setEntityId] = useState<number | null>(null);
  const [linkedType, setLinkedType] = useState<EntityType | null>(null);
  const save = async () => {
    try {
      const mention = await create.mutateAsync({
        documentId,
        start: span.start,
        end: span.end,
        type: linkedType ?? type,
        ...(entityId !== null ? { entityId } : { name: name.trim() || undefined }),
      });
      notifications.show({ color: 'indigo', message: `Marked “${mention.text}” as ${mention.entityName ?? mention.text}`, autoClose: 3000 });
      onClose();
    } catch (error) {
      notifyError('Could not mark the passage', error);
    }
  };
  return (
    <Popover opened onDismiss={onClose} position="bottom-start" width={340} shadow="md" withArrow trapFocus>
      <Popover.Target>
        <div style={{ position: 'fixed', left: rect.left, top: rect.top, width: rect.width, height: rect.height, pointerEvents: 'none' }} />
      </Popover.Target>
      <Popover.Dropdown data-testid="mark-entity">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Stack gap={8}>
            <Text size="xs" c="dimmed" lineClamp={2}>
              “{text.trim()}”
            </Text>
            <SegmentedControl
              size="xs"
              fullWidth
              value={linkedType ?? type}
              disabled={entityId !== null}
              onChange={(value) => setType(value)}
              data={EntityTypes.map((value) => ({ value, label: entityTypeLabels[value] }))}
              aria-label="Entity type"
            />
            <TextInput
              size="xs"
              label="New entity named"
              value={name}
              maxLength={500}
              disabled={entityId !== null}
              onChange={(event) => setName(event.currentTarget.value)}
              data-autofocus
            />
            <EntityPicker
              value={entityId}
              label="…or a mention of"
              placeholder="An entity already in the case"
              onChange={(id, entity) => {
                setEntityId(id);
                setLinkedType(entity?.type ?? null);
              }}
            />
            <Group justify="flex-end" gap={6}>
              <Button size="xs" variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button size="xs" type="submit" loading={create.isPending} disabled={entityId === null && !name.trim()}>
                Mark
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
