/** What clicking an entity mention in the reader shows: the entity, its type, Accept and Reject. */
import { Badge, Button, Group, Popover, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { Mention } from '../../../../shared/entities';
import { notifyError } from '../cases/useCaseCommands';
import { entityColors, entityTypeLabels } from './entityColors';
import { EntityTypeIcon } from './EntityTypeIcon';
import { useSetMentionStatus } from './queries';

export interface MentionAnchor {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export function MentionPopover({ mention, rect, onClose }: { mention: Mention; rect: MentionAnchor; onClose: () => void }) {
  const setStatus = useSetMentionStatus();
  const name = mention.entityName ?? mention.text;
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
    <Popover opened onDismiss={onClose} position="bottom-start" width={260} shadow="md" withArrow>
      <Popover.Target>
        <div
          style={{ position: 'fixed', left: rect.left, top: rect.top, width: rect.width, height: rect.height, pointerEvents: 'none' }}
        />
      </Popover.Target>
      <Popover.Dropdown data-testid="mention-popover">
        <Stack gap={6}>
          <Group gap={6} wrap="nowrap">
            <EntityTypeIcon type={mention.type} />
            <Text fw={600} size="sm" truncate>
              {name}
            </Text>
          </Group>
          <Group gap={6}>
            <Badge size="xs" variant="light" color={entityColors[mention.type]}>
              {entityTypeLabels[mention.type]}
            </Badge>
            <Text size="xs" c="dimmed">
              {mention.status === 'confirmed' ? 'Accepted' : 'Suggested'}
              {mention.origin === 'auto' ? ' · found automatically' : ' · added by hand'}
            </Text>
          </Group>
          <Group justify="flex-end" gap={6} mt={2}>
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
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
