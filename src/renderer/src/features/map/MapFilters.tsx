/** Which pins the map shows: by the tags of the documents that mention them, publication dates, place type and review. */
import { Button, Chip, Group, MultiSelect, Popover, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import type { Dispatch, SetStateAction } from 'react';
import { asPlaceSubtype } from '../../../../shared/entities';
import type { MapPlaceQuery } from '../../../../shared/map';
import { useTags } from '../documents/queries';
import { placeKinds } from './mapStyle';

export interface Filter {
  tagIds: string[];
  from: string;
  to: string;
  subtypes: string[];
  status: 'all' | 'confirmed' | 'suggested';
}
export const noFilter: Filter = { tagIds: [], from: '', to: '', subtypes: [], status: 'all' };

export function toQuery(filter: Filter): MapPlaceQuery {
  return {
    ...(filter.tagIds.length > 0 ? { tagIds: filter.tagIds.map(Number) } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(filter.from) ? { publishedFrom: filter.from } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(filter.to) ? { publishedTo: filter.to } : {}),
    ...(filter.subtypes.length > 0 ? { subtypes: filter.subtypes.flatMap((value) => (value === 'none' ? ['none' as const] : (asPlaceSubtype(value) ?? []))) } : {}),
    ...(filter.status === 'all' ? {} : { status: filter.status }),
  };
}

/** How many filters are set, for the button and the empty map's message. */
export function filterCount(filter: Filter): number {
  return filter.tagIds.length + (filter.from ? 1 : 0) + (filter.to ? 1 : 0) + filter.subtypes.length + (filter.status === 'all' ? 0 : 1);
}

export function MapFilters({ filter, setFilter }: { filter: Filter; setFilter: Dispatch<SetStateAction<Filter>> }) {
  const tags = useTags();
  const count = filterCount(filter);
  return (
    <Popover width={320} position="bottom-start" shadow="md">
      <Popover.Target>
        <Button size="sm" variant={count > 0 ? 'light' : 'default'} leftSection={<IconFilter size={16} />}>
          Filters{count > 0 ? ` (${count})` : ''}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" data-testid="map-filters">
          <MultiSelect
            size="xs"
            label="Mentioned in documents tagged"
            data={(tags.data ?? []).map((tag) => ({ value: String(tag.id), label: tag.name }))}
            value={filter.tagIds}
            onChange={(tagIds) => setFilter((current) => ({ ...current, tagIds }))}
            searchable
            clearable
            comboboxProps={{ withinPortal: false }}
          />
          <Group grow gap="xs">
            <TextInput size="xs" type="date" label="Published from" value={filter.from} onChange={(event) => setFilter({ ...filter, from: event.currentTarget.value })} />
            <TextInput size="xs" type="date" label="to" value={filter.to} onChange={(event) => setFilter({ ...filter, to: event.currentTarget.value })} />
          </Group>
          <Text size="xs" fw={500}>
            Type
          </Text>
          <Chip.Group multiple value={filter.subtypes} onChange={(subtypes) => setFilter({ ...filter, subtypes })}>
            <Group gap={4}>
              {placeKinds.map((kind) => (
                <Chip key={kind.subtype} size="xs" value={kind.subtype}>
                  {kind.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <SegmentedControl
            size="xs"
            value={filter.status}
            onChange={(status) => setFilter({ ...filter, status })}
            data={[
              { value: 'all', label: 'All' },
              { value: 'confirmed', label: 'Confirmed' },
              { value: 'suggested', label: 'Suggested' },
            ]}
          />
          <Button size="xs" variant="subtle" disabled={count === 0} onClick={() => setFilter(noFilter)}>
            Clear filters
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
