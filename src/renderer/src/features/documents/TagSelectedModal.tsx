/** "Tag selected…": adds a tag (existing or new) to, or removes one from, every selected document. */
import { Autocomplete, Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Tag } from '../../../../shared/documents';
import { MAX_TAG_NAME_LENGTH } from '../../../../shared/documents';
import { modKey } from '../../components/format';

export type TagMode = 'add' | 'remove';
export type TagReference = { readonly id: number } | { readonly name: string };

interface TagSelectedModalProps {
  /** Null when closed. */
  readonly mode: TagMode | null;
  readonly count: number;
  readonly tags: readonly Tag[];
  readonly busy: boolean;
  readonly onApply: (tag: TagReference, mode: TagMode) => Promise<boolean>;
  readonly onClose: () => void;
}

export function TagSelectedModal({ mode, count, tags, busy, onApply, onClose }: TagSelectedModalProps) {
  const [current, setCurrent] = useState<TagMode>('add');
  const [name, setName] = useState('');
  const [removeId, setRemoveId] = useState<string | null>(null);
  useEffect(() => {
    if (mode) {
      setCurrent(mode);
      setName('');
      setRemoveId(null);
    }
  }, [mode]);

  const trimmed = name.trim();
  const existing = tags.find((tag) => tag.name === trimmed);
  const submit = async () => {
    let done = false;
    if (current === 'add' && trimmed) done = await onApply(existing ? { id: existing.id } : { name: trimmed }, 'add');
    if (current === 'remove' && removeId) done = await onApply({ id: Number(removeId) }, 'remove');
    if (done) onClose();
  };
  const documents = `${count.toLocaleString()} ${count === 1 ? 'document' : 'documents'}`;

  return (
    <Modal opened={mode !== null} onClose={onClose} title={`Tag ${documents}`} centered size="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <SegmentedControl
            size="xs"
            value={current}
            onChange={(value) => setCurrent(value === 'remove' ? 'remove' : 'add')}
            data={[
              { value: 'add', label: 'Add a tag' },
              { value: 'remove', label: 'Remove a tag' },
            ]}
          />
          {current === 'add' ? (
            <Autocomplete
              label="Tag"
              placeholder="Pick a tag or type a new one, e.g. source/official"
              data-autofocus
              data={tags.map((tag) => tag.name)}
              value={name}
              onChange={setName}
              maxLength={MAX_TAG_NAME_LENGTH}
              description={trimmed && !existing ? `A new tag "${trimmed}" will be created.` : undefined}
            />
          ) : (
            <Select
              label="Tag"
              placeholder="Pick the tag to remove"
              data-autofocus
              searchable
              data={tags.map((tag) => ({ value: String(tag.id), label: tag.name }))}
              value={removeId}
              onChange={setRemoveId}
            />
          )}
          <Text size="xs" c="dimmed">
            Applies to {documents}. {modKey}+Z undoes it.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={current === 'add' ? !trimmed : removeId === null}>
              {current === 'add' ? 'Add tag' : 'Remove tag'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
