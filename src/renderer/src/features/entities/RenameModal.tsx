/** Renaming an entity: its new name becomes an alias too, and the change can be undone. */
import { Button, Group, Modal, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { EntitySummary } from '../../../../shared/entities';
import { notifyError } from '../../api/notify';
import { useUpdateEntity } from './queries';

export function RenameModal({ entity, onClose }: { entity: EntitySummary | null; onClose: () => void }) {
  const update = useUpdateEntity();
  const [name, setName] = useState('');
  const [shownFor, setShownFor] = useState<number | null>(null);
  if (entity && shownFor !== entity.id) {
    setShownFor(entity.id);
    setName(entity.name);
  }
  const save = async () => {
    if (!entity) return;
    const trimmed = name.trim();
    if (!trimmed || trimmed === entity.name) {
      onClose();
      return;
    }
    try {
      await update.mutateAsync({ id: entity.id, name: trimmed });
      notifications.show({ color: 'indigo', message: `Renamed to ${trimmed}`, autoClose: 3000 });
      setShownFor(null);
      onClose();
    } catch (error) {
      notifyError(`Could not rename ${entity.name}`, error);
    }
  };
  return (
    <Modal
      opened={entity !== null}
      onClose={() => {
        setShownFor(null);
        onClose();
      }}
      title="Rename entity"
      size="sm"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextInput label="Name" data-autofocus value={name} maxLength={500} onChange={(event) => setName(event.currentTarget.value)} />
        <Group justify="flex-end" mt="md" gap={6}>
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!name.trim()}>
            Rename
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
