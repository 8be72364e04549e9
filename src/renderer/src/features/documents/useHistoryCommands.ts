/** Undo and redo for the whole case (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) outside text fields. */
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../../api/client';
import { notifyError } from '../../api/notify';
import { invalidateCaseData } from '../../api/queries';

export function useHistoryCommands(): { undo: () => Promise<void>; redo: () => Promise<void> } {
  const client = useQueryClient();
  const run = useCallback(
    async (direction: 'undo' | 'redo') => {
      try {
        const result = await call(direction === 'undo' ? 'history.undo' : 'history.redo', {});
        if (result) await invalidateCaseData(client);
        notifications.show({
          color: result ? 'indigo' : 'gray',
          message: result
            ? `${direction === 'undo' ? 'Undone' : 'Redone'}: ${result.description}`
            : direction === 'undo'
              ? 'Nothing to undo'
              : 'Nothing to redo',
          autoClose: 3000,
        });
      } catch (error) {
        notifyError(direction === 'undo' ? 'Could not undo' : 'Could not redo', error);
      }
    },
    [client],
  );
  const undo = useCallback(() => run('undo'), [run]);
  const redo = useCallback(() => run('redo'), [run]);
  // The default ignore list keeps Ctrl+Z for text fields' own undo.
  useHotkeys([
    ['mod+Z', () => void undo()],
    ['mod+shift+Z', () => void redo()],
    ['mod+Y', () => void redo()],
  ]);
  return { undo, redo };
}
