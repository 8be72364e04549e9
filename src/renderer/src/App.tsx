/** The top of the renderer: the start screen when no case is open, the workspace when one is. */
import { Center, Loader } from '@mantine/core';
import { useCurrentCase } from './api/queries';
import { useCaseCommands } from './features/cases/useCaseCommands';
import { StartScreen } from './features/cases/StartScreen';
import { NewCaseModal } from './features/cases/NewCaseModal';
import { Workspace } from './components/Workspace';

export function App() {
  const current = useCurrentCase();
  const commands = useCaseCommands();

  if (current.isPending) {
    return (
      <Center h="100%">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  return (
    <>
      {current.data ? <Workspace key={current.data.path} caseInfo={current.data} commands={commands} /> : <StartScreen commands={commands} />}
      <NewCaseModal
        opened={commands.newCaseOpened}
        onClose={commands.cancelNewCase}
        onCreate={commands.createCase}
        busy={commands.busy}
      />
    </>
  );
}
