/** Edits the open case's title and description. */
import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { CaseInfo } from '../../../../shared/cases';
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from '../../../../shared/cases';
import { useUpdateCase } from '../../api/queries';
import { notifyError } from '../../api/notify';

interface CaseDetailsModalProps {
  readonly opened: boolean;
  readonly caseInfo: CaseInfo;
  readonly onClose: () => void;
}

export function CaseDetailsModal({ opened, caseInfo, onClose }: CaseDetailsModalProps) {
  const [title, setTitle] = useState(caseInfo.title);
  const [description, setDescription] = useState(caseInfo.description);
  const update = useUpdateCase();
  useEffect(() => {
    if (opened) {
      setTitle(caseInfo.title);
      setDescription(caseInfo.description);
    }
  }, [opened, caseInfo.title, caseInfo.description]);

  const trimmed = title.trim();
  const save = async () => {
    if (!trimmed) return;
    try {
      await update.mutateAsync({ title: trimmed, description });
      onClose();
    } catch (error) {
      notifyError('Could not save the case details', error);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Case details" centered size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack>
          <TextInput
            label="Title"
            data-autofocus
            value={title}
            maxLength={MAX_TITLE_LENGTH}
            error={trimmed ? undefined : 'A case needs a title'}
            onChange={(event) => setTitle(event.currentTarget.value)}
          />
          <Textarea
            label="Description"
            description="What the case is about, its scope and its questions."
            autosize
            minRows={4}
            maxRows={12}
            maxLength={MAX_DESCRIPTION_LENGTH}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!trimmed} loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
