/** Asks for a new case's title, then for where to save it. */
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { MAX_TITLE_LENGTH } from '../../../../shared/cases';

interface NewCaseModalProps {
  readonly opened: boolean;
  readonly busy: boolean;
  readonly onClose: () => void;
  readonly onCreate: (title: string) => Promise<boolean>;
}

export function NewCaseModal({ opened, busy, onClose, onCreate }: NewCaseModalProps) {
  const [title, setTitle] = useState('');
  useEffect(() => {
    if (opened) setTitle('');
  }, [opened]);
  const trimmed = title.trim();
  const submit = () => {
    if (trimmed) void onCreate(trimmed);
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New case" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            label="Title"
            placeholder="e.g. Border incident, Kalbajar sector"
            data-autofocus
            value={title}
            maxLength={MAX_TITLE_LENGTH}
            onChange={(event) => setTitle(event.currentTarget.value)}
          />
          <Text size="xs" c="dimmed">
            Next you choose where the case file is saved. Everything in the case lives in that one .dossier file.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!trimmed} loading={busy}>
              Create case…
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
