/** Merging entities into one, deleting entities, and the entity picker both (and the reader) use. */
import { Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { EntitySummary, EntityType } from '../../../../shared/entities';
import { notifyError } from '../../api/notify';
import { entityTypeLabels } from './entityColors';
import { useDeleteEntities, useEntitySearch, useMergeEntities } from './queries';

/** A searchable choice of one of the case's entities, the most mentioned first. */
export function EntityPicker({
  value,
  onChange,
  exclude = [],
  types,
  label,
  placeholder = 'Type a name',
  autoFocus = false,
}: {
  value: number | null;
  onChange: (id: number | null, entity: EntitySummary | null) => void;
  exclude?: readonly number[];
  types?: readonly EntityType[];
  label?: string;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  const [search, setSearch] = useState('');
  const found = useEntitySearch(search, types);
  const [chosen, setChosen] = useState<EntitySummary | null>(null);
  const options = (found.data ?? []).filter((entity) => !exclude.includes(entity.id));
  const all = chosen && !options.some((entity) => entity.id === chosen.id) ? [chosen, ...options] : options;
  return (
    <Select
      size="xs"
      label={label}
      placeholder={placeholder}
      searchable
      data-autofocus={autoFocus || undefined}
      searchValue={search}
      onSearchChange={setSearch}
      // The engine already matched names and aliases; the list shows what it found.
      filter={({ options: shown }) => shown}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No entity by that name'}
      data={all.map((entity) => ({
        value: String(entity.id),
        label: `${entity.name} · ${entityTypeLabels[entity.type]}${entity.mentions ? ` · ${entity.mentions}×` : ''}`,
      }))}
      value={value === null ? null : String(value)}
      onChange={(next) => {
        const entity = all.find((candidate) => String(candidate.id) === next) ?? null;
        setChosen(entity);
        onChange(entity?.id ?? null, entity);
      }}
      comboboxProps={{ withinPortal: true }}
      aria-label={label ?? 'Entity'}
    />
  );
}

export function MergeModal({
  entities,
  onClose,
  onMerged,
}: {
  entities: readonly EntitySummary[] | null;
  onClose: () => void;
  onMerged: (targetId: number) => void;
}) {
  const merge = useMergeEntities();
  const [keep, setKeep] = useState<string | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const single = entities?.length === 1 ? entities[0]! : null;
  const close = () => {
    setKeep(null);
    setTarget(null);
    onClose();
  };
  const run = async () => {
    if (!entities) return;
    const targetId = single ? target : Number(keep ?? entities[0]!.id);
    if (targetId === null) return;
    const sourceIds = single ? [single.id] : entities.map((entity) => entity.id).filter((id) => id !== targetId);
    try {
      const merged = await merge.mutateAsync({ targetId, sourceIds });
      notifications.show({
        color: 'indigo',
        message: `Merged ${sourceIds.length + 1} entities into ${merged.name} (Ctrl+Z undoes)`,
        autoClose: 4000,
      });
      onMerged(merged.id);
      close();
    } catch (error) {
      notifyError('Could not merge', error);
    }
  };
  return (
    <Modal opened={entities !== null} onClose={close} title={single ? `Merge “${single.name}” into…` : 'Merge entities'} size="md">
      <Stack gap="sm">
        {single ? (
          <>
            <Text size="sm">Its mentions and spellings move to the entity you choose; “{single.name}” is removed.</Text>
            <EntityPicker value={target} onChange={(id) => setTarget(id)} exclude={[single.id]} label="Merge into" autoFocus />
          </>
        ) : (
          <>
            <Text size="sm">One entity keeps its name; the others' mentions, spellings and details move to it.</Text>
            <Radio.Group value={keep ?? String(entities?.[0]?.id ?? '')} onChange={setKeep} label="Keep the name of">
              <Stack gap={6} mt={6}>
                {entities?.map((entity) => (
                  <Radio
                    key={entity.id}
                    value={String(entity.id)}
                    label={`${entity.name} — ${entityTypeLabels[entity.type]}, ${entity.mentions} mention${entity.mentions === 1 ? '' : 's'}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </>
        )}
        <Group justify="flex-end" gap={6}>
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={() => void run()} loading={merge.isPending} disabled={single !== null && target === null}>
            Merge
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function DeleteEntitiesModal({
  entities,
  onClose,
  onDeleted,
}: {
  entities: readonly { id: number; name: string }[] | null;
  onClose: () => void;
  onDeleted: (ids: number[]) => void;
}) {
  const remove = useDeleteEntities();
  const run = async () => {
    if (!entities) return;
    const ids = entities.map((entity) => entity.id);
    try {
      const { deleted } = await remove.mutateAsync({ ids });
      notifications.show({
        color: 'gray',
        message: `Deleted ${deleted === 1 ? entities[0]!.name : `${deleted} entities`}; their mentions are rejected (Ctrl+Z undoes)`,
        autoClose: 5000,
      });
      onDeleted(ids);
      onClose();
    } catch (error) {
      notifyError('Could not delete', error);
    }
  };
  const names = entities?.slice(0, 5).map((entity) => entity.name).join(', ') ?? '';
  return (
    <Modal opened={entities !== null} onClose={onClose} title={entities?.length === 1 ? `Delete “${entities[0]!.name}”?` : `Delete ${entities?.length ?? 0} entities?`} size="sm">
      <Stack gap="sm">
        <Text size="sm">
          {entities && entities.length > 1 ? `${names}${entities.length > 5 ? ', …' : ''}. ` : ''}
          Their mentions become rejected suggestions, so finding entities again will not bring them back. Ctrl+Z undoes this.
        </Text>
        <Group justify="flex-end" gap={6}>
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" onClick={() => void run()} loading={remove.isPending} data-autofocus>
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
