/**
 * A basemap path saved in the case on another machine (or by another analyst) is shown here and
 * opened only when the analyst says so: a case file may name any file, and Dossier does not open
 * what a file it was handed points at without asking.
 */
import { Button, Code, Group, Paper, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { notifyError } from '../../api/notify';
import { useCaseMutation, useReadOnly } from '../../api/queries';
import { useBasemap, useSetBasemap } from './queries';
import classes from './map.module.css';

export function BasemapConfirmation() {
  const basemap = useBasemap();
  const confirm = useCaseMutation('map.confirmBasemap');
  const clear = useSetBasemap();
  const readOnly = useReadOnly();
  if (!basemap.data?.needsConfirmation) return null;
  const { path, fileName } = basemap.data;
  return (
    <Paper className={classes.confirmBasemap} withBorder shadow="md" p="sm" data-testid="basemap-confirmation">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconAlertTriangle size={18} color="var(--mantine-color-yellow-6)" aria-hidden />
        <div>
          <Text size="sm" fw={600}>
            Use the basemap this case names?
          </Text>
          <Text size="xs" c="dimmed" mt={2}>
            The case was given a detailed basemap elsewhere. Dossier opens a file a case names only once you have seen it on this machine:
          </Text>
          <Code block mt={6} fz="xs">
            {path}
          </Code>
          <Group gap="xs" mt="xs">
            <Button size="xs" loading={confirm.isPending} onClick={() => confirm.mutate({}, { onError: (error) => notifyError(`Could not use ${fileName}`, error) })}>
              Use this file
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={readOnly}
              loading={clear.isPending}
              onClick={() => clear.mutate({ path: null }, { onError: (error) => notifyError('Could not change the basemap', error) })}
            >
              Built-in basemap only
            </Button>
          </Group>
        </div>
      </Group>
    </Paper>
  );
}
