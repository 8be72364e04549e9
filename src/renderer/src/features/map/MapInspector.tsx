/**
 * The Map view's inspector: for a selected place, where it is and the gazetteer's other candidates; for a
 * selected drawing, its label, colour, note and links; with nothing selected, the drawings and the legend.
 */
import { Badge, Button, CloseButton, ColorInput, Group, MultiSelect, Paper, Stack, Text, Textarea, TextInput, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconLine, IconMapPin, IconPolygon, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { PlaceOption } from '../../../../shared/entities';
import type { Drawing, DrawingFields } from '../../../../shared/map';
import { call } from '../../api/client';
import { useNavigation } from '../../components/navigation';
import { notifyError } from '../../api/notify';
import { PlaceCandidates } from '../entities/PlaceCandidates';
import { useEntity, usePlaceCandidates } from '../entities/queries';
import { placeKinds } from './mapStyle';
import { useDeleteDrawing, useMovePlace, useUpdateDrawing } from './queries';
import pickList from '../../components/PickList.module.css';
import classes from './map.module.css';

export const drawingColors = ['#d9480f', '#c92a2a', '#5f3dc4', '#1971c2', '#2b8a3e', '#e67700', '#212529'];

const kindIcons = { point: IconMapPin, line: IconLine, polygon: IconPolygon } as const;

export function PlaceInspector({ placeId, onClose }: { placeId: number; onClose: () => void }) {
  const entity = useEntity(placeId);
  const candidates = usePlaceCandidates(placeId, true);
  const move = useMovePlace();
  const navigation = useNavigation();
  if (!entity.data) return null;
  const place = entity.data.place;
  const choose = async (option: PlaceOption) => {
    try {
      await move.mutateAsync({ id: placeId, candidateId: option.id });
    } catch (error) {
      notifyError(`Could not move ${entity.data.name}`, error);
    }
  };
  return (
    <Stack gap="xs" p="sm" data-testid="map-place-inspector">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={700}>{entity.data.name}</Text>
        <CloseButton aria-label="Deselect place" onClick={onClose} />
      </Group>
      <Text size="xs" c="dimmed">
        {place ? `${place.lat.toFixed(4)}, ${place.lon.toFixed(4)} · ${place.precision === 'manual' ? 'placed by hand' : `gazetteer ${place.gazetteerId ?? ''}`}` : 'Not placed'}
      </Text>
      <Text size="xs" data-testid="place-move-hint">
        Drag the selected pin, or move it with the arrow keys (Shift: further), to correct where it is; or pick another place the gazetteer knows by this
        name:
      </Text>
      <PlaceCandidates
        options={candidates.data}
        loading={candidates.isLoading}
        currentId={place?.gazetteerId}
        busy={move.isPending}
        action="Move to"
        empty="No other gazetteer place has these names."
        testId="map-place-candidates"
        onChoose={(option) => void choose(option)}
      />
      <Button size="xs" variant="default" onClick={() => navigation.showEntity(placeId)}>
        Open entity page
      </Button>
    </Stack>
  );
}

interface Option {
  value: string;
  label: string;
}

/** Entities and documents a drawing can be linked to, for the pickers. */
function useLinkOptions() {
  const entities = useQuery({ queryKey: ['entities', 'map-link-options'], queryFn: () => call('entities.list', { limit: 5000 }) });
  const documents = useQuery({ queryKey: ['documents', 'map-link-options'], queryFn: () => call('documents.list', { limit: 1000, sort: 'title', direction: 'asc' }) });
  const entityOptions: Option[] = (entities.data ?? []).map((entity) => ({ value: String(entity.id), label: entity.name }));
  const documentOptions: Option[] = (documents.data?.rows ?? []).map((document) => ({ value: String(document.id), label: document.title }));
  return { entityOptions, documentOptions };
}

export function DrawingInspector({ drawing, onClose }: { drawing: Drawing; onClose: () => void }) {
  const update = useUpdateDrawing();
  const remove = useDeleteDrawing();
  const { entityOptions, documentOptions } = useLinkOptions();
  const [label, setLabel] = useState(drawing.label);
  const [note, setNote] = useState(drawing.note);
  const [color, setColor] = useState(drawing.color);
  useEffect(() => {
    setLabel(drawing.label);
    setNote(drawing.note);
    setColor(drawing.color);
  }, [drawing]);
  const save = async (patch: Partial<DrawingFields>) => {
    try {
      await update.mutateAsync({ id: drawing.id, ...patch });
    } catch (error) {
      notifyError('Could not save the drawing', error);
    }
  };
  const Icon = kindIcons[drawing.kind];
  return (
    <Stack gap="xs" p="sm" data-testid="drawing-inspector">
      <Group justify="space-between" wrap="nowrap">
        <Group gap={6}>
          <Icon size={16} color={drawing.color} />
          <Text fw={700}>{drawing.label || `Untitled ${drawing.kind}`}</Text>
        </Group>
        <CloseButton aria-label="Deselect drawing" onClick={onClose} />
      </Group>
      <Text size="xs" c="dimmed" data-testid="drawing-move-hint">
        {drawing.kind === 'point' ? 'Drag the point to move it' : `Drag the ${drawing.kind} to move it, or a white handle to move one vertex`}, or use the arrow
        keys (Shift: further) · Esc before it is saved puts it back
      </Text>
      <TextInput
        size="xs"
        label="Label"
        placeholder="e.g. Border sector 7"
        value={label}
        onChange={(event) => setLabel(event.currentTarget.value)}
        onBlur={() => label !== drawing.label && void save({ label })}
        onKeyDown={(event) => event.key === 'Enter' && label !== drawing.label && void save({ label })}
        data-autofocus
      />
      <ColorInput
        size="xs"
        label="Colour"
        format="hex"
        swatches={drawingColors}
        swatchesPerRow={7}
        value={color}
        onChange={setColor}
        onChangeEnd={(value) => /^#[0-9a-f]{6}$/i.test(value) && value !== drawing.color && void save({ color: value })}
        onBlur={() => /^#[0-9a-f]{6}$/i.test(color) && color !== drawing.color && void save({ color })}
      />
      <Textarea
        size="xs"
        label="Note"
        autosize
        minRows={2}
        maxRows={8}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        onBlur={() => note !== drawing.note && void save({ note })}
      />
      <MultiSelect
        size="xs"
        label="Linked entities"
        searchable
        limit={50}
        data={entityOptions}
        value={drawing.entities.map((entity) => String(entity.id))}
        onChange={(values) => void save({ entityIds: values.map(Number) })}
        placeholder="Search entities"
      />
      <MultiSelect
        size="xs"
        label="Linked documents"
        searchable
        limit={50}
        data={documentOptions}
        value={drawing.documents.map((document) => String(document.id))}
        onChange={(values) => void save({ documentIds: values.map(Number) })}
        placeholder="Search documents"
      />
      <Button
        size="xs"
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={14} />}
        onClick={() => void remove.mutateAsync({ id: drawing.id }).then(onClose, (error: unknown) => notifyError('Could not delete the drawing', error))}
      >
        Delete (undo with Ctrl+Z)
      </Button>
    </Stack>
  );
}

export function DrawingList({ drawings, onSelect }: { drawings: readonly Drawing[]; onSelect: (drawing: Drawing) => void }) {
  return (
    <Stack gap={4} p="sm">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        Drawings
      </Text>
      {drawings.length === 0 ? (
        <Text size="xs" c="dimmed" data-testid="drawings-empty">
          Draw a point (P), a line (L) or a polygon (G) — a border sector, an incursion route — or import GeoJSON or KML. Drawings are saved in the case.
        </Text>
      ) : null}
      {drawings.map((drawing) => {
        const Icon = kindIcons[drawing.kind];
        return (
          <UnstyledButton key={drawing.id} className={pickList.item} onClick={() => onSelect(drawing)} aria-label={`Drawing ${drawing.label || drawing.kind}`}>
            <Group gap={6} wrap="nowrap">
              <Icon size={14} color={drawing.color} />
              <Text size="xs" truncate>
                {drawing.label || `Untitled ${drawing.kind}`}
              </Text>
              {drawing.entities.length + drawing.documents.length > 0 ? (
                <Badge size="xs" variant="light" color="gray">
                  {drawing.entities.length + drawing.documents.length} links
                </Badge>
              ) : null}
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}

export function Legend() {
  return (
    <Paper className={classes.legend} withBorder p={6} radius="sm" shadow="xs" data-testid="map-legend">
      <Stack gap={2}>
        {placeKinds.map((kind) => (
          <Group key={kind.subtype} gap={6} wrap="nowrap">
            <span className={classes.swatch} style={{ background: kind.color }} />
            <Text size="10px">{kind.label}</Text>
          </Group>
        ))}
        <Group gap={6} wrap="nowrap">
          <span className={classes.swatch} data-suggested />
          <Text size="10px">Pale: suggested, not yet confirmed</Text>
        </Group>
      </Stack>
    </Paper>
  );
}
