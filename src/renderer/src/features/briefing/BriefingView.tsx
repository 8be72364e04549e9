/**
 * The Briefing screen: compose a briefing from the case — title, marking, author, date, the bottom
 * line up front, and the sections in the analyst's order — save it in the case, and export it as a
 * PDF (save dialog, progress, "Open" when done).
 */
import { ActionIcon, Alert, Group, NavLink, ScrollArea, Text, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import viewLayout from '../../components/ViewLayout.module.css';
import classes from './briefing.module.css';
import { BriefingEditor } from './BriefingComposer';
import { briefingKeys } from './queries';

export function BriefingView() {
  const client = useQueryClient();
  const list = useQuery({ queryKey: briefingKeys.list, queryFn: () => call('briefings.list', {}) });
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  const current = selected ?? list.data?.[0]?.id ?? 'new';

  if (list.isError) {
    return (
      <Alert color="red" m="md" title="The briefings could not be loaded">
        {errorMessage(list.error)}
      </Alert>
    );
  }
  return (
    <div className={viewLayout.view} data-testid="view-briefing">
      <div className={classes.sidebar}>
        <Group justify="space-between" p="sm" pb={4}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            Briefings
          </Text>
          <Tooltip label="New briefing">
            <ActionIcon variant="subtle" aria-label="New briefing" onClick={() => setSelected('new')}>
              <IconPlus size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <ScrollArea style={{ flex: 1 }} data-testid="briefing-list">
          {current === 'new' ? <NavLink active label="New briefing" description="Not saved yet" /> : null}
          {list.data?.map((briefing) => (
            <NavLink
              key={briefing.id}
              active={briefing.id === current}
              label={briefing.title}
              description={briefing.date}
              onClick={() => setSelected(briefing.id)}
            />
          ))}
        </ScrollArea>
      </div>
      <BriefingEditor
        key={String(current)}
        id={current === 'new' ? null : current}
        onSaved={(id) => {
          setSelected(id);
          void client.invalidateQueries({ queryKey: ['briefings'] });
        }}
        onDeleted={() => {
          setSelected(null);
          void client.invalidateQueries({ queryKey: ['briefings'] });
        }}
      />
    </div>
  );
}
