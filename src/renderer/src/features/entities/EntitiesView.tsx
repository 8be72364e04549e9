/**
 * The Entities view: the case's actors and places, suggested by the import or confirmed by the
 * analyst, in a dense table with filters, sorting, multi-select and bulk confirmation.
 */
import { ActionIcon, Alert, Badge, Button, Checkbox, EmptyState, Group, Menu, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowDown, IconArrowMerge, IconArrowUp, IconCheck, IconDots, IconBulb, IconId, IconPencil, IconRefresh, IconSearch, IconTrash, IconUsers, IconWorld, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EntityStatuses, EntitySummary, EntityType } from '../../../../shared/entities';
import type { NavigationRequest } from '../../components/navigation';
import { EntityTypes } from '../../../../shared/entities';
import { errorMessage } from '../../api/client';
import { notifyError } from '../../api/notify';
import { entityColors, entityTypeLabels } from './entityColors';
import { EntityTypeIcon } from './EntityTypeIcon';
import { EntityFilters } from './EntityFilters';
import type { EntityFilter } from './queries';
import { EntityPanel } from './EntityPanel';
import { GazetteerModal } from './GazetteerModal';
import { LearningModal } from './LearningModal';
import { DeleteEntitiesModal, MergeModal } from './MergeModal';
import { useEntities, useExtractAgain, useSetEntityStatus, useUpdateEntity } from './queries';
import classes from './entities.module.css';
import { RenameModal } from './RenameModal';

type EntityStatus = (typeof EntityStatuses)[number];
type SortField = 'name' | 'mentions' | 'documents';
interface Sort {
  readonly field: SortField;
  readonly direction: 'asc' | 'desc';
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

function sortEntities(entities: readonly EntitySummary[], sort: Sort): EntitySummary[] {
  const factor = sort.direction === 'asc' ? 1 : -1;
  return [...entities].sort((a, b) => {
    const primary = sort.field === 'name' ? a.name.localeCompare(b.name) : a[sort.field] - b[sort.field];
    return primary * factor || a.name.localeCompare(b.name);
  });
}

function formatCoordinates(coordinates: NonNullable<EntitySummary['coordinates']>): string {
  const parts = [`${coordinates.lat.toFixed(3)}, ${coordinates.lon.toFixed(3)}`];
  if (coordinates.country) parts.push(coordinates.country);
  return parts.join(' · ');
}

export function EntitiesView({ request = null }: { request?: NavigationRequest | null }) {
  const [filter, setFilter] = useState<EntityFilter>({ types: [], status: 'all', search: '' });
  const [openId, setOpenId] = useState<number | null>(request?.id ?? null);
  const [merging, setMerging] = useState<readonly EntitySummary[] | null>(null);
  const [deleting, setDeleting] = useState<readonly { id: number; name: string }[] | null>(null);
  const extractAgain = useExtractAgain();
  const [gazetteerOpened, setGazetteerOpened] = useState(false);
  const [learningOpened, setLearningOpened] = useState(false);
  const handledRequest = useRef<number | null>(request?.nonce ?? null);
  useEffect(() => {
    if (!request || handledRequest.current === request.nonce) return;
    handledRequest.current = request.nonce;
    setOpenId(request.id);
  }, [request]);
  const [sort, setSort] = useState<Sort>({ field: 'mentions', direction: 'desc' });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [renaming, setRenaming] = useState<EntitySummary | null>(null);
  const entities = useEntities(filter);
  const setStatus = useSetEntityStatus();
  const update = useUpdateEntity();

  const rows = useMemo(() => sortEntities(entities.data ?? [], sort), [entities.data, sort]);
  const visibleIds = useMemo(() => new Set(rows.map((row) => row.id)), [rows]);
  const chosen = [...selected].filter((id) => visibleIds.has(id));
  const filtered = filter.types.length > 0 || filter.status !== 'all' || filter.search.trim() !== '';

  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allChosen = rows.length > 0 && chosen.length === rows.length;
  const chosenEntities = rows.filter((row) => selected.has(row.id));
  // With the entity page open, the table keeps the columns that decide what to review.
  const compact = openId !== null;

  useHotkeys([
    ['Delete', () => chosenEntities.length > 0 && setDeleting(chosenEntities)],
    ['Escape', () => setOpenId(null)],
  ]);

  const runExtraction = async () => {
    try {
      await extractAgain.mutateAsync({});
    } catch (error) {
      notifyError('Could not start finding entities', error);
    }
  };

  const applyStatus = async (ids: readonly number[], status: EntityStatus) => {
    if (ids.length === 0) return;
    try {
      const result = await setStatus.mutateAsync({ ids: [...ids], status });
      notifications.show({
        color: 'indigo',
        message: `${status === 'confirmed' ? 'Confirmed' : 'Marked as suggested'}: ${plural(result.changed, 'entity', 'entities')}`,
        autoClose: 3000,
      });
      setSelected(new Set());
    } catch (error) {
      notifyError(status === 'confirmed' ? 'Could not confirm' : 'Could not mark as suggested', error);
    }
  };

  const changeType = async (entity: EntitySummary, type: EntityType) => {
    try {
      await update.mutateAsync({ id: entity.id, type });
      notifications.show({ color: 'indigo', message: `${entity.name} is now: ${entityTypeLabels[type]}`, autoClose: 3000 });
    } catch (error) {
      notifyError(`Could not change the type of ${entity.name}`, error);
    }
  };

  const sortHeader = (field: SortField, label: string, numeric = false) => {
    const active = sort.field === field;
    const Arrow = sort.direction === 'asc' ? IconArrowUp : IconArrowDown;
    return (
      <Table.Th className={numeric ? classes.number : undefined} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
        <UnstyledButton
          className={classes.sortButton}
          aria-label={`Sort by ${label.toLowerCase()}`}
          onClick={() =>
            setSort(
              active
                ? { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
                : { field, direction: field === 'name' ? 'asc' : 'desc' },
            )
          }
        >
          {label}
          {active ? <Arrow size={12} /> : null}
        </UnstyledButton>
      </Table.Th>
    );
  };

  let body;
  if (entities.isError) {
    body = (
      <Alert color="red" m="md" title="The entities could not be loaded">
        {errorMessage(entities.error)}
      </Alert>
    );
  } else if (entities.data && rows.length === 0) {
    body = filtered ? (
      <EmptyState
        pt="10vh"
        size="sm"
        icon={<IconSearch size={26} stroke={1.5} />}
        title="No entities match"
        description="Try another name, or show every type and status."
        data-testid="entities-empty"
      >
        <Button size="xs" variant="default" mt="sm" onClick={() => setFilter({ types: [], status: 'all', search: '' })}>
          Clear filters
        </Button>
      </EmptyState>
    ) : (
      <EmptyState
        pt="12vh"
        icon={<IconUsers size={28} stroke={1.5} />}
        title="No entities yet"
        description="Entities appear when you import documents: people, organisations and places are suggested automatically. Review them here."
        data-testid="entities-empty"
      />
    );
  } else {
    body = (
      <Table
        className={classes.table}
        stickyHeader
        highlightOnHover
        verticalSpacing={4}
        horizontalSpacing="xs"
        aria-label="Entities"
        data-testid="entity-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32}>
              <Checkbox
                size="xs"
                aria-label="Select all entities"
                checked={allChosen}
                indeterminate={chosen.length > 0 && !allChosen}
                onChange={() => setSelected(allChosen ? new Set() : new Set(rows.map((row) => row.id)))}
              />
            </Table.Th>
            <Table.Th w={28} aria-label="Type" />
            {sortHeader('name', 'Name')}
            {compact ? null : <Table.Th>Aliases</Table.Th>}
            <Table.Th>Role</Table.Th>
            {sortHeader('mentions', 'Mentions', true)}
            {sortHeader('documents', 'Documents', true)}
            {compact ? null : <Table.Th>Coordinates</Table.Th>}
            <Table.Th>Status</Table.Th>
            <Table.Th w={36} aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((entity) => {
            const isSelected = selected.has(entity.id);
            const aliases = entity.aliases.filter((alias) => alias.toLocaleLowerCase() !== entity.name.toLocaleLowerCase()).join(', ');
            return (
              <Table.Tr
                key={entity.id}
                aria-label={entity.name}
                data-testid="entity-row"
                data-selected={isSelected || undefined}
                data-open={openId === entity.id || undefined}
              >
                <Table.Td>
                  <Checkbox size="xs" aria-label={`Select ${entity.name}`} checked={isSelected} onChange={() => toggle(entity.id)} />
                </Table.Td>
                <Table.Td>
                  <Tooltip label={entity.subtype ? `${entityTypeLabels[entity.type]} · ${entity.subtype}` : entityTypeLabels[entity.type]}>
                    <span style={{ display: 'inline-flex' }}>
                      <EntityTypeIcon type={entity.type} />
                    </span>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <UnstyledButton className={classes.nameButton} onClick={() => setOpenId(entity.id)} aria-label={`Open ${entity.name}`}>
                    {entity.name}
                  </UnstyledButton>
                </Table.Td>
                {compact ? null : (
                  <Table.Td>
                    <Text size="xs" c="dimmed" className={classes.aliases} title={aliases || undefined}>
                      {aliases}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="xs">{entity.role ?? ''}</Text>
                </Table.Td>
                <Table.Td className={classes.number}>{entity.mentions.toLocaleString()}</Table.Td>
                <Table.Td className={classes.number}>{entity.documents.toLocaleString()}</Table.Td>
                {compact ? null : (
                  <Table.Td>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {entity.coordinates ? formatCoordinates(entity.coordinates) : ''}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  {entity.status === 'confirmed' ? (
                    <Badge size="sm" variant="light" color={entityColors[entity.type]} leftSection={<IconCheck size={10} />}>
                      Confirmed
                    </Badge>
                  ) : (
                    <Badge size="sm" variant="outline" color="gray" className={classes.suggestedBadge}>
                      Suggested
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Actions for ${entity.name}`}>
                        <IconDots size={14} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconId size={14} />} onClick={() => setOpenId(entity.id)}>
                        Open entity page
                      </Menu.Item>
                      <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setRenaming(entity)}>
                        Rename…
                      </Menu.Item>
                      {entity.status === 'confirmed' ? (
                        <Menu.Item leftSection={<IconX size={14} />} onClick={() => void applyStatus([entity.id], 'suggested')}>
                          Mark suggested
                        </Menu.Item>
                      ) : (
                        <Menu.Item leftSection={<IconCheck size={14} />} onClick={() => void applyStatus([entity.id], 'confirmed')}>
                          Confirm
                        </Menu.Item>
                      )}
                      <Menu.Divider />
                      <Menu.Label>Change type</Menu.Label>
                      {EntityTypes.filter((type) => type !== entity.type).map((type) => (
                        <Menu.Item key={type} leftSection={<EntityTypeIcon type={type} size={14} />} onClick={() => void changeType(entity, type)}>
                          {entityTypeLabels[type]}
                        </Menu.Item>
                      ))}
                      <Menu.Divider />
                      <Menu.Item leftSection={<IconArrowMerge size={14} />} onClick={() => setMerging([entity])}>
                        Merge into…
                      </Menu.Item>
                      <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting([entity])}>
                        Delete
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    );
  }

  return (
    <div className={classes.view} data-testid="view-entities">
      <Group className={classes.toolbar} gap="sm" wrap="wrap" justify="space-between">
        <EntityFilters filter={filter} onChange={setFilter} />
        <Group gap={6} wrap="nowrap">
          {chosen.length > 0 ? (
            <>
              <Text size="xs" c="dimmed" data-testid="entity-selection">
                {chosen.length} selected
              </Text>
              <Button size="xs" leftSection={<IconCheck size={14} />} loading={setStatus.isPending} onClick={() => void applyStatus(chosen, 'confirmed')}>
                Confirm
              </Button>
              <Button size="xs" variant="default" onClick={() => void applyStatus(chosen, 'suggested')}>
                Mark suggested
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconArrowMerge size={14} />}
                disabled={chosenEntities.length < 2}
                onClick={() => setMerging(chosenEntities)}
              >
                Merge…
              </Button>
              <Button size="xs" variant="default" color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(chosenEntities)}>
                Delete
              </Button>
            </>
          ) : (
            <>
              <Text size="xs" c="dimmed" data-testid="entity-total">
                {entities.data ? plural(rows.length, 'entity', 'entities') : ''}
              </Text>
              <Button size="xs" variant="default" leftSection={<IconWorld size={14} />} onClick={() => setGazetteerOpened(true)}>
                Gazetteer…
              </Button>
              <Button size="xs" variant="default" leftSection={<IconBulb size={14} />} onClick={() => setLearningOpened(true)}>
                Learned…
              </Button>
              <Tooltip label="Read every document again for entities: your confirmed names are found too; reviewed mentions stay as they are">
                <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} loading={extractAgain.isPending} onClick={() => void runExtraction()}>
                  Find entities again
                </Button>
              </Tooltip>
            </>
          )}
        </Group>
      </Group>
      <div className={classes.body}>
        <div className={classes.tableWrap}>{body}</div>
        {openId !== null ? <EntityPanel entityId={openId} onClose={() => setOpenId(null)} onDelete={(entity) => setDeleting([entity])} /> : null}
      </div>
      <RenameModal entity={renaming} onClose={() => setRenaming(null)} />
      <GazetteerModal opened={gazetteerOpened} onClose={() => setGazetteerOpened(false)} />
      <LearningModal opened={learningOpened} onClose={() => setLearningOpened(false)} />
      <MergeModal
        entities={merging}
        onClose={() => setMerging(null)}
        onMerged={(id) => {
          setSelected(new Set());
          setOpenId(id);
        }}
      />
      <DeleteEntitiesModal
        entities={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(ids) => {
          setSelected(new Set());
          if (openId !== null && ids.includes(openId)) setOpenId(null);
        }}
      />
    </div>
  );
}

