/** Finding a node of the case by name or title, loaded in the view or not. */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconSearch } from '@tabler/icons-react';
import type { RefObject } from 'react';
import { useState } from 'react';
import { call } from '../../api/client';
import { kindLabels } from './graphModel';

/** The case's nodes whose name or title matches what is typed (debounced), for a picker. */
export function useNodeSearch(text: string) {
  const [debounced] = useDebouncedValue(text, 150);
  const found = useQuery({
    queryKey: ['graph', 'search', debounced],
    queryFn: () => call('graph.search', { text: debounced.slice(0, 200), limit: 20 }),
    enabled: debounced.trim().length > 0,
    placeholderData: keepPreviousData,
  });
  return { debounced, options: (found.data ?? []).map((node) => ({ value: node.key, label: `${node.label} · ${kindLabels[node.kind]}` })) };
}

export function NodeSearch({ inputRef, onPick }: { inputRef: RefObject<HTMLInputElement | null>; onPick: (key: string) => void }) {
  const [text, setText] = useState('');
  const { debounced, options } = useNodeSearch(text);
  return (
    <Select
      ref={inputRef}
      size="xs"
      w={280}
      placeholder="Find a node (/)"
      aria-label="Find a node"
      leftSection={<IconSearch size={14} />}
      searchable
      searchValue={text}
      onSearchChange={setText}
      filter={({ options: shown }) => shown}
      nothingFoundMessage={debounced.trim() ? 'Nothing by that name' : 'Type a name or a title'}
      data={options}
      value={null}
      onChange={(key) => {
        if (!key) return;
        onPick(key);
        setText('');
      }}
    />
  );
}
