/** Naming a place added by clicking the map: one the gazetteer does not know, or one of the case's moved there. */
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Dispatch } from 'react';
import { modKey } from '../../components/format';
import { notifyError } from '../../api/notify';
import { useAddPlace } from './queries';
import type { MapEditorAction, MapEditorState } from './useMapEditor';

export function NewPlaceModal({ newPlace, dispatch }: { newPlace: MapEditorState['newPlace']; dispatch: Dispatch<MapEditorAction> }) {
  const addPlace = useAddPlace();
  const submitPlace = async () => {
    if (!newPlace?.name.trim()) return;
    try {
      const pin = await addPlace.mutateAsync({ name: newPlace.name.trim(), lat: newPlace.lat, lon: newPlace.lon, subtype: null });
      dispatch({ type: 'placeAdded', id: pin.id });
      notifications.show({ color: 'indigo', message: `Added ${pin.name} — ${modKey}+Z undoes it`, autoClose: 3000 });
    } catch (error) {
      notifyError('Could not add the place', error);
    }
  };

  return (
    <Modal opened={newPlace !== null} onClose={() => dispatch({ type: 'closeNewPlace' })} title="Add a place here" size="sm">
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {newPlace ? `${newPlace.lat.toFixed(4)}, ${newPlace.lon.toFixed(4)}` : ''} — a place the gazetteer does not know. A place of that name already in the case moves here.
      </Text>
      <TextInput
        label="Name"
        placeholder="e.g. Armudlu"
        data-autofocus
        value={newPlace?.name ?? ''}
        onChange={(event) => dispatch({ type: 'nameNewPlace', name: event.currentTarget.value })}
        onKeyDown={(event) => event.key === 'Enter' && void submitPlace()}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={() => dispatch({ type: 'closeNewPlace' })}>
          Cancel
        </Button>
        <Button onClick={() => void submitPlace()} disabled={!newPlace?.name.trim()} loading={addPlace.isPending}>
          Add place
        </Button>
      </Group>
    </Stack>
  </Modal>
  );
}
