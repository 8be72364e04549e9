/** The start screen: new case, open case, and the recent cases list. */
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Container,
  Group,
  Kbd,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconFileSearch, IconFolderOpen, IconLock, IconPlus, IconSparkles, IconX } from '@tabler/icons-react';
import type { RecentCase } from '../../../../shared/cases';
import { useForgetRecent, useRecentCases } from '../../api/queries';
import { ThemeToggle } from '../../components/ThemeToggle';
import { formatWhen, modKey } from '../../components/format';
import type { CaseCommands } from './useCaseCommands';
import { notifyError } from '../../api/notify';
import classes from './StartScreen.module.css';

export function StartScreen({ commands }: { commands: CaseCommands }) {
  const recent = useRecentCases();
  return (
    <Box h="100%" style={{ overflow: 'auto' }}>
      <Group justify="flex-end" p="sm">
        <ThemeToggle />
      </Group>
      <Container size={640} pt="6vh" pb="xl">
        <Stack gap="xl">
          <Group gap="md" wrap="nowrap" align="center">
            <IconFileSearch size={48} stroke={1.5} color="var(--mantine-primary-color-filled)" aria-hidden />
            <div>
              <Title order={1}>Dossier</Title>
              <Text c="dimmed">An offline workbench for documents, actors, places and the links between them.</Text>
            </div>
          </Group>
          <Group>
            <Button leftSection={<IconPlus size={18} />} onClick={commands.startNewCase} disabled={commands.busy}>
              New case
            </Button>
            <Button
              variant="default"
              leftSection={<IconFolderOpen size={18} />}
              onClick={() => void commands.chooseAndOpenCase()}
              disabled={commands.busy}
            >
              Open case…
            </Button>
            <Button
              variant="default"
              leftSection={<IconLock size={18} />}
              onClick={() => void commands.chooseAndOpenCase(true)}
              disabled={commands.busy}
              title="Open a case for reading and searching only: nothing in it can be changed (a colleague's evidence copy)"
            >
              Open read-only…
            </Button>
            <Button
              variant="subtle"
              leftSection={<IconSparkles size={18} />}
              onClick={() => void commands.openDemo()}
              loading={commands.openingDemo}
              disabled={commands.busy && !commands.openingDemo}
            >
              Open demo case
            </Button>
            <Text size="xs" c="dimmed">
              <Kbd>{modKey}</Kbd>+<Kbd>N</Kbd> new · <Kbd>{modKey}</Kbd>+<Kbd>O</Kbd> open
            </Text>
          </Group>
          {commands.openingDemo ? (
            <Text size="sm" c="dimmed" data-testid="demo-loading">
              Building the demo case from the sample documents…
            </Text>
          ) : null}
          <Stack gap="xs">
            <Title order={2} size="h5" c="dimmed" tt="uppercase" fw={600}>
              Recent cases
            </Title>
            {recent.data && recent.data.length > 0 ? (
              <Paper withBorder component="ul" className={classes.list} aria-label="Recent cases">
                {recent.data.map((entry) => (
                  <RecentCaseRow key={entry.path} entry={entry} onOpen={commands.openCase} />
                ))}
              </Paper>
            ) : (
              <Text c="dimmed" size="sm">
                {recent.isError
                  ? 'The recent cases list could not be read.'
                  : 'Cases you create or open appear here. Start with New case: one case is one .dossier file you can copy, back up and open anywhere.'}
              </Text>
            )}
          </Stack>
        </Stack>
      </Container>
    </Box>
  );
}

function RecentCaseRow({ entry, onOpen }: { entry: RecentCase; onOpen: (path: string) => Promise<void> }) {
  const forget = useForgetRecent();
  const remove = () => forget.mutateAsync(entry.path).catch((error: unknown) => notifyError('Could not update the list', error));
  return (
    <li className={classes.row}>
      <UnstyledButton
        className={classes.open}
        disabled={!entry.exists}
        onClick={() => void onOpen(entry.path)}
        aria-label={`Open ${entry.title}`}
      >
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Box miw={0}>
            <Text fw={500} truncate>
              {entry.title}
            </Text>
            <Text size="xs" c="dimmed" truncate title={entry.path}>
              {entry.path}
            </Text>
          </Box>
          {entry.exists ? (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatWhen(entry.openedAt)}
            </Text>
          ) : (
            <Badge color="gray" variant="light">
              File missing
            </Badge>
          )}
        </Group>
      </UnstyledButton>
      <Tooltip label="Remove from list">
        <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${entry.title} from recent cases`} onClick={() => void remove()}>
          <IconX size={16} />
        </ActionIcon>
      </Tooltip>
    </li>
  );
}
