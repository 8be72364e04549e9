/** The toolbar above the list: search (with its syntax), filters, and the bulk and import actions. */
import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  CloseButton,
  Code,
  Group,
  Kbd,
  MultiSelect,
  Popover,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { IconFileImport, IconHelpCircle, IconSearch, IconTags } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { RefObject } from 'react';
import type { DocumentKind, Tag } from '../../../../shared/documents';
import { DocumentKinds } from '../../../../shared/documents';
import { modKey } from '../../components/format';
import { kindLabels } from './kinds';
import classes from './DocumentsView.module.css';
import { READ_ONLY_HINT, useReadOnly } from '../../api/queries';

export interface Filters {
  readonly tagIds: readonly number[];
  readonly kinds: readonly DocumentKind[];
  readonly publishedFrom: string;
  readonly publishedTo: string;
}

export const noFilters: Filters = { tagIds: [], kinds: [], publishedFrom: '', publishedTo: '' };

export function hasFilters(filters: Filters): boolean {
  return filters.tagIds.length > 0 || filters.kinds.length > 0 || Boolean(filters.publishedFrom || filters.publishedTo);
}

interface SearchBarProps {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly search: string;
  readonly onSearchChange: (search: string) => void;
  readonly searchError: string | null;
  readonly filters: Filters;
  readonly onFiltersChange: (filters: Filters) => void;
  readonly tags: readonly Tag[];
  readonly selectedCount: number;
  readonly onTagSelected: () => void;
  readonly onImport: () => void;
}

const syntax: [string, string][] = [
  ['border ceasefire', 'both words, anywhere'],
  ['"border incident"', 'the exact phrase'],
  ['Baku OR Yerevan', 'either word'],
  ['ceasefire NOT violation', 'the first without the second'],
  ['shell*', 'words starting with shell'],
  ['NEAR(Pashinyan Aliyev, 5)', 'within 5 words of each other'],
  ['title:statement', 'the word in the title'],
];

export function SearchBar(props: SearchBarProps) {
  const readOnly = useReadOnly();
  const { inputRef, search, onSearchChange, searchError, filters, onFiltersChange, tags } = props;
  return (
    <Stack gap={4}>
      <Group gap={8} wrap="nowrap" align="flex-start">
        <Box pos="relative" style={{ flex: '1 1 320px', minWidth: 180, maxWidth: 520 }}>
          <TextInput
            ref={inputRef}
            size="xs"
            placeholder="Search documents  ( / )"
            aria-label="Search documents"
            value={search}
            error={searchError !== null}
            aria-invalid={searchError !== null}
            aria-describedby={searchError ? 'search-error' : undefined}
            onChange={(event) => onSearchChange(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                if (search) onSearchChange('');
                else event.currentTarget.blur();
              }
            }}
            leftSection={<IconSearch size={14} />}
            rightSectionWidth={search ? 52 : 28}
            rightSection={
              <Group gap={0} wrap="nowrap">
                {search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => onSearchChange('')} /> : null}
                <SearchHelp />
              </Group>
            }
            spellCheck={false}
          />
          {searchError ? (
            // Floats over the panes below so that typing a query does not make the layout jump.
            <Text id="search-error" role="alert" size="xs" c="red" className={classes.searchError}>
              {searchError}
            </Text>
          ) : null}
        </Box>
        <MultiSelect<number>
          size="xs"
          style={{ flex: '0 1 220px', minWidth: 120 }}
          placeholder={filters.tagIds.length ? undefined : 'Tags'}
          aria-label="Filter by tags"
          data={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
          value={[...filters.tagIds]}
          onChange={(tagIds) => onFiltersChange({ ...filters, tagIds })}
          searchable
          clearable
          nothingFoundMessage="No such tag"
          maxDropdownHeight={300}
        />
        <MultiSelect<DocumentKind>
          size="xs"
          style={{ flex: '0 1 170px', minWidth: 100 }}
          placeholder={filters.kinds.length ? undefined : 'Type'}
          aria-label="Filter by type"
          data={DocumentKinds.map((kind) => ({ value: kind, label: kindLabels[kind] }))}
          value={[...filters.kinds]}
          onChange={(kinds) => onFiltersChange({ ...filters, kinds })}
          clearable
        />
        <Group gap={4} wrap="nowrap">
          <TextInput
            size="xs"
            type="date"
            w={124}
            aria-label="Published from"
            title="Published from"
            value={filters.publishedFrom}
            onChange={(event) => onFiltersChange({ ...filters, publishedFrom: event.currentTarget.value })}
          />
          <Text size="xs" c="dimmed">
            –
          </Text>
          <TextInput
            size="xs"
            type="date"
            w={124}
            aria-label="Published to"
            title="Published to"
            value={filters.publishedTo}
            onChange={(event) => onFiltersChange({ ...filters, publishedTo: event.currentTarget.value })}
          />
        </Group>
        {hasFilters(filters) ? (
          <Anchor component="button" type="button" size="xs" mt={6} style={{ whiteSpace: 'nowrap' }} onClick={() => onFiltersChange(noFilters)}>
            Clear filters
          </Anchor>
        ) : null}
        <Group gap={6} wrap="nowrap" ml="auto">
          {props.selectedCount > 1 ? (
            <Button size="xs" variant="light" leftSection={<IconTags size={14} />} onClick={props.onTagSelected}>
              Tag {props.selectedCount.toLocaleString()} selected…
            </Button>
          ) : null}
          <Tooltip label={`Import files (${modKey}+I)`}>
            <Button size="xs" variant="default" leftSection={<IconFileImport size={14} />} disabled={readOnly} title={readOnly ? READ_ONLY_HINT : undefined} onClick={props.onImport}>
              Import…
            </Button>
          </Tooltip>
        </Group>
      </Group>
    </Stack>
  );
}

function SearchHelp() {
  const [opened, setOpened] = useState(false);
  // Escape closes it wherever the focus is (the button that opened it sits inside the search box).
  useWindowEvent('keydown', (event) => {
    if (event.key === 'Escape') setOpened(false);
  });
  return (
    <Popover opened={opened} onChange={setOpened} width={430} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Search syntax" onClick={() => setOpened((value) => !value)}>
          <IconHelpCircle size={15} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={8}>
          <Text size="sm" fw={600}>
            Search syntax
          </Text>
          <Text size="xs" c="dimmed">
            Accents and case do not matter: pashinian finds Pashinián.
          </Text>
          <div style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 12, rowGap: 4, alignItems: 'baseline' }}>
            {syntax.map(([example, meaning]) => (
              <Fragment key={example}>
                <Code style={{ whiteSpace: 'nowrap' }}>{example}</Code>
                <Text size="xs">{meaning}</Text>
              </Fragment>
            ))}
          </div>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">/</Kbd> focuses the search box, <Kbd size="xs">Esc</Kbd> clears it.
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
