/**
 * The case commands (new, open, open a path, open the demo, close) in one place, reached alike from buttons, the
 * keyboard, the native menu and the OS (a case given at launch).
 */
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import type { MenuCommand } from '../../../../shared/api';
import { call, subscribe } from '../../api/client';
import { notifyError } from '../../api/notify';
import { useCloseCase, useCreateCase, useOpenCase, useOpenDemo } from '../../api/queries';

export interface CaseCommands {
  readonly newCaseOpened: boolean;
  readonly busy: boolean;
  /** True while the demo case is built and opened (it takes a few seconds the first time). */
  readonly openingDemo: boolean;
  readonly startNewCase: () => void;
  readonly cancelNewCase: () => void;
  readonly createCase: (title: string) => Promise<boolean>;
  /** Asks for a case file and opens it; `readOnly` opens it for reading only (a colleague's evidence copy). */
  readonly chooseAndOpenCase: (readOnly?: boolean) => Promise<void>;
  readonly openCase: (path: string) => Promise<void>;
  readonly closeCase: () => Promise<void>;
  readonly openDemo: () => Promise<void>;
}

export function useCaseCommands(): CaseCommands {
  const [newCaseOpened, setNewCaseOpened] = useState(false);
  const createMutation = useCreateCase();
  const openMutation = useOpenCase();
  const closeMutation = useCloseCase();
  const demoMutation = useOpenDemo();
  const busy = createMutation.isPending || openMutation.isPending || closeMutation.isPending || demoMutation.isPending;

  const openCase = useCallback(
    async (path: string) => {
      try {
        await openMutation.mutateAsync({ path });
      } catch (error) {
        notifyError('Could not open the case', error);
      }
    },
    [openMutation],
  );

  const chooseAndOpenCase = useCallback(
    async (readOnly = false) => {
      try {
        const path = await call('shell.chooseCaseToOpen', {});
        if (path) await openMutation.mutateAsync({ path, readOnly });
      } catch (error) {
        notifyError('Could not open the case', error);
      }
    },
    [openMutation],
  );

  const createCase = useCallback(
    async (title: string): Promise<boolean> => {
      try {
        const path = await call('shell.chooseNewCasePath', { suggestedName: title });
        if (!path) return false;
        await createMutation.mutateAsync({ path, title });
        setNewCaseOpened(false);
        return true;
      } catch (error) {
        notifyError('Could not create the case', error);
        return false;
      }
    },
    [createMutation],
  );

  const openDemo = useCallback(async () => {
    try {
      await demoMutation.mutateAsync();
    } catch (error) {
      notifyError('Could not open the demo case', error);
    }
  }, [demoMutation]);

  const closeCase = useCallback(async () => {
    try {
      await closeMutation.mutateAsync();
    } catch (error) {
      notifyError('Could not close the case', error);
    }
  }, [closeMutation]);

  const run = useCallback(
    (command: MenuCommand) => {
      switch (command.command) {
        case 'case.new':
          setNewCaseOpened(true);
          return;
        case 'case.open':
          void chooseAndOpenCase();
          return;
        case 'case.openReadOnly':
          void chooseAndOpenCase(true);
          return;
        case 'case.close':
          void closeCase();
          return;
        case 'case.openPath':
          void openCase(command.path);
          return;
      }
    },
    [chooseAndOpenCase, closeCase, openCase],
  );

  useEffect(() => subscribe('menu.command', run), [run]);

  // A case the app was launched with (double-clicked file, command line) opens once, at start.
  useEffect(() => {
    call('shell.takeLaunchCase', {}).then(
      (path) => {
        if (path) run({ command: 'case.openPath', path });
      },
      (error: unknown) => notifyError('Could not open the case', error),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on start
  }, []);

  useHotkeys([
    ['mod+N', () => run({ command: 'case.new' })],
    ['mod+O', () => run({ command: 'case.open' })],
    ['mod+W', () => run({ command: 'case.close' })],
  ], []);

  return {
    newCaseOpened,
    busy,
    openingDemo: demoMutation.isPending,
    startNewCase: () => setNewCaseOpened(true),
    cancelNewCase: () => setNewCaseOpened(false),
    createCase,
    chooseAndOpenCase,
    openCase,
    closeCase,
    openDemo,
  };
}
