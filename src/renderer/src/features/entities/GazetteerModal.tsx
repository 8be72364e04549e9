/**
 * The case's gazetteer: the bundled one plus GeoNames country extracts the analyst adds (AZ.txt
 * from download.geonames.org), so that villages the bundled list lacks resolve.
 */
import { ActionIcon, Alert, Button, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFilePlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, errorMessage } from '../../api/client';
import { notifyError } from '../../api/notify';
import { invalidateEntityData } from './queries';

const extractsKey = ['entities', 'gazetteer-extracts'] as const;

export function GazetteerModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const extracts = useQuery({ queryKey: extractsKey, queryFn: () => call('gazetteer.extracts', {}), enabled: opened });
  const add = useMutation({
    mutationFn: async () => {
      const path = await call('shell.chooseGazetteerExtract', {});
      return path ? call('gazetteer.addExtract', { path }) : null;
    },
    onSuccess: (added) => {
      if (!added) return;
      void invalidateEntityData(client);
      notifications.show({
        color: 'indigo',
        title: `Added ${added.fileName}`,
        message: `${added.places.toLocaleString()} places; ${added.placed.toLocaleString()} of the case's places now placed. Find entities again to resolve new mentions.`,
        autoClose: 6000,
      });
    },
    onError: (error) => notifyError('Could not add the extract', error),
  });
  const remove = useMutation({
    mutationFn: (id: number) => call('gazetteer.removeExtract', { id }),
    onSuccess: () => invalidateEntityData(client),
    onError: (error) => notifyError('Could not remove the extract', error),
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Gazetteer" size="lg">
      <Stack gap="sm">
        <Text size="sm">
          Places resolve against the bundled gazetteer (GeoNames places of 500 people or more, regions and countries). For villages
          it lacks, add the GeoNames file of the country you work on — e.g. <b>AZ.txt</b> from download.geonames.org/export/dump,
          unzipped. It is kept in this case file, so the case resolves the same wherever it is opened.
        </Text>
        {extracts.isError ? <Alert color="red">{errorMessage(extracts.error)}</Alert> : null}
        {extracts.data && extracts.data.length > 0 ? (
          <Table verticalSpacing={4} data-testid="gazetteer-extracts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th ta="right">Places</Table.Th>
                <Table.Th>Added</Table.Th>
                <Table.Th w={36} aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {extracts.data.map((extract) => (
                <Table.Tr key={extract.id}>
                  <Table.Td>{extract.fileName}</Table.Td>
                  <Table.Td ta="right">{extract.places.toLocaleString()}</Table.Td>
                  <Table.Td>{new Date(extract.addedAt).toLocaleDateString()}</Table.Td>
                  <Table.Td>
                    <Tooltip label="Remove from the gazetteer (places already placed stay where they are)">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${extract.fileName}`} onClick={() => remove.mutate(extract.id)}>
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed" data-testid="gazetteer-empty">
            No country extracts yet: the bundled gazetteer only.
          </Text>
        )}
        <Group justify="space-between">
          <Button leftSection={<IconFilePlus size={16} />} onClick={() => add.mutate()} loading={add.isPending}>
            Add GeoNames extract…
          </Button>
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
