/** What the graph shows: node kinds, edge types, review state, tags, link grading, dates and hidden nodes. */
import { Button, Checkbox, Divider, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { EdgeType, NodeKind } from '../../../../shared/graph';
import { NodeKinds, SourceReliabilities } from '../../../../shared/graph';
import { useTags } from '../documents/queries';
import type { GraphFilter } from './graphModel';
import { kindLabels } from './graphModel';
import classes from './graph.module.css';

const edgeTypeLabels: Record<EdgeType, string> = { mention: 'Mentions', cooccurrence: 'Co-occurrence suggestions', link: 'Asserted links' };

export function GraphFilters({ filter, onChange }: { filter: GraphFilter; onChange: (filter: GraphFilter) => void }) {
  const toggle = <T,>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };
  return (
    <Stack className={classes.sideSection} gap={6} data-testid="graph-filters">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        Show
      </Text>
      <SimpleGrid cols={2} spacing={4} verticalSpacing={4}>
        {NodeKinds.map((kind: NodeKind) => (
          <Checkbox
            key={kind}
            size="xs"
            label={kindLabels[kind]}
            checked={filter.kinds.has(kind)}
            onChange={(event) => onChange({ ...filter, kinds: toggle(filter.kinds, kind, event.currentTarget.checked) })}
          />
        ))}
      </SimpleGrid>
      <Divider my={2} />
      {(['link', 'mention', 'cooccurrence'] as const).map((type) => (
        <Checkbox
          key={type}
          size="xs"
          label={edgeTypeLabels[type]}
          checked={filter.edgeTypes.has(type)}
          onChange={(event) => onChange({ ...filter, edgeTypes: toggle(filter.edgeTypes, type, event.currentTarget.checked) })}
        />
      ))}
      <Checkbox
        size="xs"
        label="Confirmed entities only"
        checked={filter.confirmedOnly}
        onChange={(event) => onChange({ ...filter, confirmedOnly: event.currentTarget.checked })}
      />
      <TagFilter value={filter.tags} onChange={(tags) => onChange({ ...filter, tags })} />
      <Select
        size="xs"
        label="Links graded at least"
        placeholder="Any grading"
        clearable
        data={SourceReliabilities.slice(0, 5).map((grade) => ({ value: grade, label: `${grade} or better` }))}
        value={filter.minReliability}
        onChange={(value) => onChange({ ...filter, minReliability: (value) ?? null })}
      />
      <Group gap={6} grow>
        <TextInput
          size="xs"
          label="From date"
          placeholder="YYYY-MM-DD"
          value={filter.from ?? ''}
          onChange={(event) => onChange({ ...filter, from: event.currentTarget.value.trim() || null })}
        />
        <TextInput
          size="xs"
          label="To date"
          placeholder="YYYY-MM-DD"
          value={filter.to ?? ''}
          onChange={(event) => onChange({ ...filter, to: event.currentTarget.value.trim() || null })}
        />
      </Group>
      {filter.hidden.size > 0 ? (
        <Button size="xs" variant="subtle" onClick={() => onChange({ ...filter, hidden: new Set() })} w="fit-content">
          Show {filter.hidden.size} hidden node{filter.hidden.size === 1 ? '' : 's'}
        </Button>
      ) : null}
    </Stack>
  );
}

/** Documents by tag: only those carrying one of the chosen tags stay shown. */
function TagFilter({ value, onChange }: { value: ReadonlySet<number>; onChange: (tags: ReadonlySet<number>) => void }) {
  const tags = useTags();
  if (!tags.data || tags.data.length === 0) return null;
  return (
    <MultiSelect
      size="xs"
      label="Documents tagged"
      placeholder={value.size ? undefined : 'Any tag'}
      searchable
      clearable
      data={tags.data.map((tag) => ({ value: String(tag.id), label: tag.name }))}
      value={[...value].map(String)}
      onChange={(chosen) => onChange(new Set(chosen.map(Number)))}
    />
  );
}

