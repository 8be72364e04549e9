/** The entity page's links: what the analyst asserted about this actor or place, with a way to add one and to see it in the graph. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconLink, IconTopologyStar3 } from '@tabler/icons-react';
import { useState } from 'react';
import type { EntityDetail } from '../../../../shared/entities';
import type { Link } from '../../../../shared/graph';
import { nodeKey } from '../../../../shared/graph';
import { useNavigation } from '../../components/navigation';
import { LinkDetails, NodeLinks } from './GraphInspector';
import type { LinkDraft } from './LinkModal';
import { LinkModal } from './LinkModal';

export function EntityLinks({ entity }: { entity: EntityDetail }) {
  const navigation = useNavigation();
  const key = nodeKey('entity', entity.id);
  const [draft, setDraft] = useState<LinkDraft | null>(null);
  const [open, setOpen] = useState<Link | null>(null);
  return (
    <Stack gap={6} data-testid="entity-links">
      <Group justify="space-between">
        <Text size="xs" fw={600} c="dimmed">
          Links
        </Text>
        <Group gap={4}>
          <Button size="compact-xs" variant="subtle" leftSection={<IconTopologyStar3 size={13} />} onClick={() => navigation.showInGraph(key)}>
            Show in graph
          </Button>
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconLink size={13} />}
            onClick={() => setDraft({ from: { key, label: entity.name, kind: entity.type } })}
          >
            Add link…
          </Button>
        </Group>
      </Group>
      <NodeLinks nodeKey={key} onOpen={setOpen} />
      <LinkModal draft={draft} onClose={() => setDraft(null)} />
      <Modal opened={open !== null} onClose={() => setOpen(null)} title="Link and its evidence" size="md">
        {open ? (
          <LinkDetails
            linkId={open.id}
            onEdit={(link) => {
              setOpen(null);
              setDraft({ link });
            }}
            onDeleted={() => setOpen(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
