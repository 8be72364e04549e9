/** The reader's note popovers: composing a note on a selected passage, and reading or editing one. */
import { Button, Group, Popover, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconLink, IconNote, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ReactNode, Ref } from 'react';
import type { Note } from '../../../../shared/documents';
import { modKey } from '../../components/format';
import { notifyError } from '../../api/notify';
import { formatDateTime } from './format';
import { useCreateNote, useDeleteNote, useUpdateNote } from './queries';
import type { Span } from './textLayout';
import classes from './DocumentsView.module.css';


/** Notes without a colour of their own. */
export const DEFAULT_NOTE_COLOR = '#339af0';

export interface Floating {
  readonly rect: { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
}

export type Pending = Floating & { readonly span: Span; readonly composing: boolean };
export type OpenNote = Floating & { readonly noteId: number; readonly editing: boolean };


/** An invisible box at a rectangle of the page, for popovers that point at text. */
function AnchorBox({ rect, ref }: Floating & { ref?: Ref<HTMLDivElement> }) {
  return (
    <div
      ref={ref}
      style={{ position: 'fixed', left: rect.left, top: rect.top, width: rect.width, height: rect.height, pointerEvents: 'none' }}
      aria-hidden
    />
  );
}

export function NoteComposer({
  documentId,
  pending,
  onCompose,
  onMark,
  onLink,
  onClose,
}: {
  documentId: number;
  pending: Pending;
  onCompose: () => void;
  onMark: () => void;
  onLink: () => void;
  onClose: () => void;
}) {
  const create = useCreateNote();
  const [body, setBody] = useState('');
  const save = async () => {
    try {
      await create.mutateAsync({ documentId, start: pending.span.start, end: pending.span.end, body: body.trim() });
      onClose();
    } catch (error) {
      notifyError('Could not add the note', error);
    }
  };
  if (!pending.composing) {
    return (
      <Group className={classes.selectionTool} style={{ left: pending.rect.left, top: Math.max(4, pending.rect.top - 32) }} gap={4} wrap="nowrap">
        <Button
          size="compact-xs"
          leftSection={<IconNote size={13} />}
          // Keeps the selection: the click must not move focus out of the text.
          onMouseDown={(event) => event.preventDefault()}
          onClick={onCompose}
          data-testid="add-note"
        >
          Add note
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          leftSection={<IconUserPlus size={13} />}
          onMouseDown={(event) => event.preventDefault()}
          onClick={onMark}
          data-testid="mark-entity-button"
        >
          Mark entity
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          leftSection={<IconLink size={13} />}
          onMouseDown={(event) => event.preventDefault()}
          onClick={onLink}
          data-testid="link-passage-button"
        >
          Link…
        </Button>
      </Group>
    );
  }
  return (
    <Popover opened onDismiss={onClose} position="bottom-start" width={320} shadow="md" withArrow trapFocus>
      <Popover.Target>
        <AnchorBox rect={pending.rect} />
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <Textarea
            label="Note"
            placeholder="What matters about this passage?"
            autosize
            minRows={3}
            maxRows={10}
            data-autofocus
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {modKey}+Enter saves
            </Text>
            <Group gap={6}>
              <Button size="xs" variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button size="xs" onClick={() => void save()} loading={create.isPending}>
                Save note
              </Button>
            </Group>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

export function NoteViewer({ note, state, onEdit, onClose }: { note: Note; state: OpenNote; onEdit: () => void; onClose: () => void }) {
  const update = useUpdateNote();
  const remove = useDeleteNote();
  const [body, setBody] = useState(note.body);
  useEffect(() => setBody(note.body), [note.body, state.editing]);
  const save = async () => {
    try {
      await update.mutateAsync({ id: note.id, body: body.trim() });
      onClose();
    } catch (error) {
      notifyError('Could not save the note', error);
    }
  };
  const deleteNote = async () => {
    try {
      await remove.mutateAsync({ id: note.id });
      onClose();
    } catch (error) {
      notifyError('Could not delete the note', error);
    }
  };
  let content: ReactNode;
  if (state.editing) {
    content = (
      <Textarea
        autosize
        minRows={3}
        maxRows={10}
        data-autofocus
        aria-label="Note"
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
      />
    );
  } else {
    content = note.body ? (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="note-body">
        {note.body}
      </Text>
    ) : (
      <Text size="sm" c="dimmed">
        A highlighted passage, without a comment.
      </Text>
    );
  }
  return (
    <Popover opened onDismiss={onClose} position="bottom-start" width={320} shadow="md" withArrow trapFocus>
      <Popover.Target>
        <AnchorBox rect={state.rect} />
      </Popover.Target>
      <Popover.Dropdown data-testid="note-popover">
        <Stack gap={6}>
          {content}
          <Text size="xs" c="dimmed">
            {formatDateTime(note.updatedAt)}
          </Text>
          <Group justify="flex-end" gap={6}>
            {state.editing ? (
              <>
                <Button size="xs" variant="default" onClick={onClose}>
                  Cancel
                </Button>
                <Button size="xs" onClick={() => void save()} loading={update.isPending}>
                  Save
                </Button>
              </>
            ) : (
              <>
                <Button size="xs" variant="subtle" color="red" onClick={() => void deleteNote()} loading={remove.isPending}>
                  Delete
                </Button>
                <Button size="xs" variant="default" onClick={onEdit}>
                  Edit
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
