/** Which entities the table shows: a search of names and aliases, the types, and suggested or confirmed. */
import { Chip, Group, SegmentedControl, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { EntityTypes } from '../../../../shared/entities';
import { entityColors, entityTypeLabels } from './entityColors';
import type { EntityFilter } from './queries';

export function EntityFilters({ filter, onChange }: { filter: EntityFilter; onChange: (filter: EntityFilter) => void }) {
  return (
    <Group gap="sm" wrap="wrap">
      <TextInput
        size="xs"
        w={220}
        placeholder="Search names and aliases"
        aria-label="Search entities"
        leftSection={<IconSearch size={14} />}
        value={filter.search}
        maxLength={200}
        onChange={(event) => onChange({ ...filter, search: event.currentTarget.value })}
      />
      <Chip.Group multiple value={[...filter.types]} onChange={(types) => onChange({ ...filter, types })}>
        <Group gap={4} wrap="nowrap">
          {EntityTypes.map((type) => (
            <Chip key={type} value={type} size="xs" variant="light" color={entityColors[type]}>
              {entityTypeLabels[type]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <SegmentedControl
        size="xs"
        aria-label="Status"
        value={filter.status}
        onChange={(status) => onChange({ ...filter, status })}
        data={[
          { value: 'all', label: 'All' },
          { value: 'suggested', label: 'Suggested' },
          { value: 'confirmed', label: 'Confirmed' },
        ]}
      />
    </Group>
  );
}
