/**
 * The entity page: an actor's or place's names, what the analyst knows of it (role, affiliation,
 * notes), where a place is (with the gazetteer's candidates and placing by hand), every mention in
 * context linking to its document, the documents, and the entities named alongside.
 */
import {
  ActionIcon,
  Alert,
  Box,
  Badge,
  Button,
  CloseButton,
  Group,
  Menu,
  NumberInput,
  Paper,
  ScrollArea,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsSplit, IconDots, IconMapPin, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { EntityAttributes, EntityDetail, PlaceOption } from '../../../../shared/entities';
import { errorMessage } from '../../api/client';
import { useNavigation } from '../../components/navigation';
import { notifyError } from '../../api/notify';
import { entityColors, entityTypeLabels } from './entityColors';
import { EntityTypeIcon } from './EntityTypeIcon';
import { EntityLinks } from '../graph/EntityLinks';
import { PlaceCandidates, placeLabel } from './PlaceCandidates';
import { useEntity, useEntityMentions, usePlaceCandidates, useSetAttributes, useSetPlace, useSplitAlias } from './queries';
import classes from './entities.module.css';
import { useReadOnly } from '../../api/queries';

export function EntityPanel({ entityId, onClose, onDelete }: { entityId: number; onClose: () => void; onDelete: (entity: EntityDetail) => void }) {
  const readOnly = useReadOnly();
  const entity = useEntity(entityId);
  const navigation = useNavigation();
  const split = useSplitAlias();

  if (entity.isError) {
    return (
      <div className={classes.panel} data-testid="entity-panel">
        <Group justify="flex-end" p={6}>
          <CloseButton aria-label="Close entity" onClick={onClose} />
        </Group>
        <Alert color="gray" m="md" title="Not in the case any more">
          {errorMessage(entity.error)}
        </Alert>
      </div>
    );
  }
  if (!entity.data) {
    return (
      <div className={classes.panel} data-testid="entity-panel">
        <Stack p="md" gap="sm">
          <Skeleton height={24} width="60%" />
          <Skeleton height={12} width="40%" />
          <Skeleton height={80} mt="md" />
        </Stack>
      </div>
    );
  }
  const detail = entity.data;
  const splitOff = async (alias: string) => {
    try {
      const created = await split.mutateAsync({ id: detail.id, alias });
      notifications.show({ color: 'indigo', message: `“${alias}” is now an entity of its own (Ctrl+Z undoes)`, autoClose: 4000 });
      navigation.showEntity(created.id);
    } catch (error) {
      notifyError(`Could not split “${alias}” off`, error);
    }
  };
  const otherAliases = detail.aliases.filter((alias) => alias !== detail.name);

  return (
    <div className={classes.panel} data-testid="entity-panel" aria-label={`Entity ${detail.name}`}>
      <ScrollArea className={classes.panelScroll} type="auto">
        <Stack gap="sm" p="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Group gap={8} wrap="nowrap" miw={0}>
              <EntityTypeIcon type={detail.type} size={20} />
              <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }} data-testid="entity-name">
                {detail.name}
              </Title>
            </Group>
            <Group gap={2} wrap="nowrap">
              <Tooltip label="Delete entity">
                <ActionIcon variant="subtle" color="gray" aria-label={`Delete ${detail.name}`} disabled={readOnly} onClick={() => onDelete(detail)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
              <CloseButton aria-label="Close entity" onClick={onClose} />
            </Group>
          </Group>
          <Group gap={6}>
            <Badge size="sm" variant="light" color={entityColors[detail.type]}>
              {entityTypeLabels[detail.type]}
              {detail.subtype ? ` · ${detail.subtype}` : ''}
            </Badge>
            <Badge size="sm" variant={detail.status === 'confirmed' ? 'light' : 'outline'} color={detail.status === 'confirmed' ? 'teal' : 'gray'}>
              {detail.status === 'confirmed' ? 'Confirmed' : 'Suggested'}
            </Badge>
            <Text size="xs" c="dimmed">
              {detail.mentions.toLocaleString()} mention{detail.mentions === 1 ? '' : 's'} in {detail.documents.toLocaleString()} document
              {detail.documents === 1 ? '' : 's'}
            </Text>
          </Group>

          {otherAliases.length > 0 ? (
            <div>
              <Text size="xs" fw={600} c="dimmed" mb={4}>
                Also written
              </Text>
              <Group gap={4} data-testid="entity-aliases">
                {otherAliases.map((alias) => (
                  <Menu key={alias} position="bottom-start" withinPortal>
                    <Menu.Target>
                      <Badge component="button" size="md" variant="default" className={classes.aliasChip} rightSection={<IconDots size={10} />}>
                        {alias}
                      </Badge>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconArrowsSplit size={14} />} onClick={() => void splitOff(alias)}>
                        Split off as its own entity
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                ))}
              </Group>
            </div>
          ) : null}

          <AttributesForm key={detail.id} entity={detail} />
          {detail.type === 'location' ? <PlaceSection entity={detail} /> : null}
          <EntityLinks entity={detail} />
          <MentionsSection entity={detail} />
        </Stack>
      </ScrollArea>
    </div>
  );
}

function AttributesForm({ entity }: { entity: EntityDetail }) {
  const save = useSetAttributes();
  const [draft, setDraft] = useState<EntityAttributes>(entity.attributes);
  const [seen, setSeen] = useState(entity.attributes);
  // Undo and other windows change the attributes underneath: follow them unless editing.
  if (seen !== entity.attributes) {
    setSeen(entity.attributes);
    setDraft(entity.attributes);
  }
  const commit = async (field: keyof EntityAttributes) => {
    const value = draft[field]?.trim() ? draft[field] : null;
    if ((value ?? null) === (entity.attributes[field] ?? null)) return;
    try {
      await save.mutateAsync({ id: entity.id, [field]: value });
    } catch (error) {
      notifyError(`Could not save the ${field}`, error);
    }
  };
  const field = (name: 'role' | 'affiliation', label: string, placeholder: string) => (
    <TextInput
      size="xs"
      label={label}
      placeholder={placeholder}
      value={draft[name] ?? ''}
      maxLength={500}
      onChange={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })}
      onBlur={() => void commit(name)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
      }}
    />
  );
  return (
    <Stack gap={6} data-testid="entity-attributes">
      <Group grow gap={8}>
        {field('role', 'Role', entity.type === 'person' ? 'e.g. Prime Minister' : 'e.g. armed forces')}
        {field('affiliation', 'Affiliation', 'e.g. Armenia')}
      </Group>
      <Textarea
        size="xs"
        label="Notes"
        placeholder="What you know about this actor or place, and from where"
        autosize
        minRows={2}
        maxRows={8}
        value={draft.notes ?? ''}
        onChange={(event) => setDraft({ ...draft, notes: event.currentTarget.value })}
        onBlur={() => void commit('notes')}
      />
    </Stack>
  );
}

function PlaceSection({ entity }: { entity: EntityDetail }) {
  const [choosing, setChoosing] = useState(false);
  const [manual, setManual] = useState<{ lat: number | string; lon: number | string } | null>(null);
  const candidates = usePlaceCandidates(entity.id, choosing);
  const setPlace = useSetPlace();
  const navigation = useNavigation();
  const place = entity.place;

  const choose = async (option: PlaceOption) => {
    try {
      await setPlace.mutateAsync({ id: entity.id, candidateId: option.id });
      notifications.show({ color: 'indigo', message: `${entity.name} placed at ${option.name} (${placeLabel(option)})`, autoClose: 3000 });
      setChoosing(false);
    } catch (error) {
      notifyError(`Could not place ${entity.name}`, error);
    }
  };
  const placeByHand = async () => {
    if (!manual) return;
    const lat = Number(manual.lat);
    const lon = Number(manual.lon);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
    try {
      await setPlace.mutateAsync({ id: entity.id, lat, lon });
      setManual(null);
    } catch (error) {
      notifyError(`Could not place ${entity.name}`, error);
    }
  };

  return (
    <Paper withBorder p="xs" radius="sm" data-testid="entity-place">
      <Group justify="space-between" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <IconMapPin size={16} />
          {place ? (
            <Text size="sm" ff="monospace" data-testid="entity-coordinates">
              {place.lat.toFixed(4)}, {place.lon.toFixed(4)}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              Not placed: no gazetteer place matched
            </Text>
          )}
        </Group>
        <Group gap={4} wrap="nowrap">
          {place ? (
            <Button size="compact-xs" variant="light" onClick={() => navigation.showOnMap(entity.id)}>
              Show on map
            </Button>
          ) : null}
          <Button size="compact-xs" variant="light" onClick={() => setChoosing((value) => !value)} aria-expanded={choosing}>
            Candidates
          </Button>
          <Button size="compact-xs" variant="default" onClick={() => setManual(manual ? null : { lat: place?.lat ?? '', lon: place?.lon ?? '' })}>
            Place by hand
          </Button>
        </Group>
      </Group>
      {place ? (
        <Text size="xs" c="dimmed" mt={4}>
          {place.precision === 'manual' ? 'Placed by hand' : `Gazetteer ${place.gazetteerId ?? ''}`}
          {place.admin1 ? ` · ${place.admin1}` : ''}
          {place.country ? ` · ${place.country}` : ''}
          {place.confidence !== null ? ` · confidence ${Math.round(place.confidence * 100)}%` : ''}
        </Text>
      ) : null}
      {manual ? (
        <Group gap={6} mt={8} align="flex-end" wrap="nowrap">
          <NumberInput size="xs" label="Latitude" min={-90} max={90} decimalScale={6} value={manual.lat} onChange={(lat) => setManual({ ...manual, lat })} w={120} />
          <NumberInput size="xs" label="Longitude" min={-180} max={180} decimalScale={6} value={manual.lon} onChange={(lon) => setManual({ ...manual, lon })} w={120} />
          <Button size="xs" onClick={() => void placeByHand()} loading={setPlace.isPending}>
            Place
          </Button>
        </Group>
      ) : null}
      {choosing ? (
        <Box mt={8}>
          <PlaceCandidates
            options={candidates.data}
            loading={candidates.isLoading}
            currentId={place?.gazetteerId}
            action="Place at"
            empty="The gazetteer knows no place by these names. Place it by hand, or add a GeoNames country extract."
            testId="place-candidates"
            onChoose={(option) => void choose(option)}
          />
        </Box>
      ) : null}
    </Paper>
  );
}

function MentionsSection({ entity }: { entity: EntityDetail }) {
  const mentions = useEntityMentions(entity.id);
  const navigation = useNavigation();
  const data = mentions.data;
  return (
    <Tabs defaultValue="mentions" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="mentions">Mentions{data ? ` (${data.total.toLocaleString()})` : ''}</Tabs.Tab>
        <Tabs.Tab value="documents">Documents{data ? ` (${data.documents.length.toLocaleString()})` : ''}</Tabs.Tab>
        <Tabs.Tab value="related">Named alongside</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="mentions" pt={6}>
        {mentions.isError ? <Alert color="red">{errorMessage(mentions.error)}</Alert> : null}
        <Stack gap={2} data-testid="entity-kwic">
          {data?.mentions.map((line) => (
            <UnstyledButton
              key={line.id}
              className={classes.kwic}
              data-status={line.status}
              onClick={() => navigation.showDocument(line.documentId, line.id)}
              title="Open the document at this mention"
            >
              <span className={classes.kwicBefore}>{line.before}</span>
              <mark className={classes.kwicHit}>{line.text}</mark>
              <span>{line.after}</span>
              {line.role && line.role !== entity.attributes.role ? <span className={classes.kwicRole}> · {line.role}</span> : null}
            </UnstyledButton>
          ))}
          {data && data.total > data.mentions.length ? (
            <Text size="xs" c="dimmed" mt={4}>
              Showing the first {data.mentions.length.toLocaleString()} of {data.total.toLocaleString()} mentions.
            </Text>
          ) : null}
          {data?.total === 0 ? (
            <Text size="xs" c="dimmed">
              No mentions: every one was rejected or moved to another entity.
            </Text>
          ) : null}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="documents" pt={6}>
        <Stack gap={2}>
          {data?.documents.map((document) => (
            <UnstyledButton key={document.id} className={classes.kwic} onClick={() => navigation.showDocument(document.id)}>
              <Group justify="space-between" wrap="nowrap" gap={6}>
                <Text size="xs" truncate fw={500}>
                  {document.title}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {document.publishedAt ? document.publishedAt.slice(0, 10) : ''} · {document.mentions}×
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="related" pt={6}>
        <Stack gap={2}>
          {data?.related.length === 0 ? (
            <Text size="xs" c="dimmed">
              No other entity shares a document with this one.
            </Text>
          ) : null}
          {data?.related.map((related) => (
            <UnstyledButton key={related.id} className={classes.kwic} onClick={() => navigation.showEntity(related.id)}>
              <Group justify="space-between" wrap="nowrap" gap={6}>
                <Group gap={6} wrap="nowrap" miw={0}>
                  <EntityTypeIcon type={related.type} size={14} />
                  <Text size="xs" truncate>
                    {related.name}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {related.documents} shared document{related.documents === 1 ? '' : 's'}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}
