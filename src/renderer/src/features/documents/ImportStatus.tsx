/** The status bar's view of a running import: files done of total, the current file, Cancel. */
import { Button, Group, Progress, Text } from '@mantine/core';
import type { Importer } from './useImporter';

export function ImportStatus({ importer }: { importer: Importer }) {
  const { progress, starting } = importer;
  if (!progress && !starting) return null;
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const value = total > 0 ? (done / total) * 100 : 0;
  return (
    <Group gap={8} wrap="nowrap" miw={0} style={{ flex: '0 1 520px' }} data-testid="import-status">
      <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
        {progress ? `Importing ${done.toLocaleString()} / ${total.toLocaleString()}` : 'Starting import…'}
      </Text>
      <Progress
        value={value}
        size="sm"
        w={140}
        style={{ flexShrink: 0 }}
        animated={!progress}
        aria-label="Import progress"
      />
      {progress?.current ? (
        <Text size="xs" c="dimmed" truncate title={progress.current} miw={0}>
          {progress.current}
        </Text>
      ) : null}
      {progress ? (
        <Button size="compact-xs" variant="subtle" color="gray" onClick={importer.cancel} style={{ flexShrink: 0 }}>
          Cancel
        </Button>
      ) : null}
    </Group>
  );
}
