/** Composing one briefing: its title, marking and sections in order, saved in the case and exported as a PDF. */
import { ActionIcon, Alert, Badge, Button, Group, Loader, Menu, Paper, ScrollArea, SegmentedControl, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconFileTypePdf, IconPlus, IconPresentation, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { BriefingSection, BriefingSectionKind, BriefingSpec } from '../../../../shared/briefing';
import { BriefingSpecSchema, sectionTitles } from '../../../../shared/briefing';
import { call, errorMessage } from '../../api/client';
import { modKey } from '../../components/format';
import { notifyError } from '../../api/notify';
import classes from './briefing.module.css';
import { briefingKeys } from './queries';
import { useReadOnly } from '../../api/queries';

const sectionHelp: Record<BriefingSectionKind, string> = {
  actors: "A table of the case's people and organisations — confirmed ones first — with role, affiliation, mentions and sources.",
  places: "A map of the case's located places on the offline basemap; confirmed places filled, suggested ones open.",
  relationships: 'A graph of the main actors and places: who is named with whom, and the links you asserted with their grading.',
  chronology: 'Events read in the documents (with the precision of their dates), your dated links and the dated documents, in date order, each cited.',
  accounts: 'Claims that disagree about the same event or actors, side by side with their speakers, sources and grading.',
  excerpts: 'Your notes on passages, quoted and cited.',
  notes: 'Your own text, in Markdown.',
};

const KINDS: readonly BriefingSectionKind[] = ['actors', 'places', 'relationships', 'chronology', 'accounts', 'excerpts', 'notes'];

function newSection(kind: BriefingSectionKind): BriefingSection {
  return kind === 'notes' ? { kind, text: '' } : { kind };
}

export function BriefingEditor({ id, onSaved, onDeleted }: { id: number | null; onSaved: (id: number) => void; onDeleted: () => void }) {
  const stored = useQuery({
    queryKey: id === null ? briefingKeys.draft : briefingKeys.one(id),
    queryFn: async (): Promise<BriefingSpec> => {
      if (id === null) return call('briefings.draft', {});
      const { id: _id, updatedAt: _updatedAt, ...spec } = await call('briefings.get', { id });
      return spec;
    },
    staleTime: Infinity,
  });
  if (stored.isError) {
    return (
      <Alert color="red" m="md" title="This briefing could not be opened">
        {errorMessage(stored.error)}
      </Alert>
    );
  }
  if (!stored.data) {
    return (
      <Group justify="center" p="xl" style={{ flex: 1 }}>
        <Loader size="sm" />
      </Group>
    );
  }
  return <Composer id={id} initial={stored.data} onSaved={onSaved} onDeleted={onDeleted} />;
}

function Composer({ id, initial, onSaved, onDeleted }: { id: number | null; initial: BriefingSpec; onSaved: (id: number) => void; onDeleted: () => void }) {
  const readOnly = useReadOnly();
  const [spec, setSpec] = useState<BriefingSpec>(initial);
  const [saved, setSaved] = useState<BriefingSpec | null>(id === null ? null : initial);
  const [lastExport, setLastExport] = useState<string | null>(null);
  const dirty = JSON.stringify(spec) !== JSON.stringify(saved);
  const valid = BriefingSpecSchema.safeParse(spec);
  const problem = valid.success ? null : (valid.error.issues[0]?.message ?? 'Check the fields.');

  const save = useMutation({
    mutationFn: () => call('briefings.save', { ...(id === null ? {} : { id }), spec }),
    onSuccess: (briefing) => {
      setSaved(spec);
      notifications.show({ color: 'indigo', message: `Saved “${briefing.title}” in the case`, autoClose: 2500 });
      onSaved(briefing.id);
    },
    onError: (error) => notifyError('Could not save the briefing', error),
  });
  const exportPdf = useMutation({
    mutationFn: async () => {
      const path = await call('shell.chooseBriefingPath', { suggestedName: spec.title });
      if (!path) return null;
      return call('briefings.export', { spec, path, overwrite: true });
    },
    onSuccess: (result) => {
      if (!result) return;
      setLastExport(result.path);
      notifications.show({
        color: 'teal',
        title: 'Briefing exported',
        message: (
          <Group gap={8} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {result.pages} pages · {Math.round(result.bytes / 1024)} KB
            </Text>
            <Button size="compact-xs" variant="light" onClick={() => void openFile(result.path)}>
              Open
            </Button>
          </Group>
        ),
        autoClose: 8000,
      });
    },
    onError: (error) => notifyError('Could not export the briefing', error),
  });
  const remove = useMutation({
    mutationFn: () => (id === null ? Promise.resolve(null) : call('briefings.delete', { id })),
    onSuccess: () => {
      notifications.show({ color: 'gray', message: `Deleted “${spec.title}” (${modKey}+Z undoes)`, autoClose: 4000 });
      onDeleted();
    },
    onError: (error) => notifyError('Could not delete the briefing', error),
  });

  useHotkeys(
    [
      ['mod+S', () => valid.success && save.mutate()],
      ['mod+E', () => valid.success && !exportPdf.isPending && exportPdf.mutate()],
    ],
    [],
  );

  const set = <K extends keyof BriefingSpec>(key: K, value: BriefingSpec[K]) => setSpec((current) => ({ ...current, [key]: value }));
  const moveSection = (index: number, by: number) =>
    setSpec((current) => {
      const sections = [...current.sections];
      const [moved] = sections.splice(index, 1);
      sections.splice(Math.max(0, Math.min(sections.length, index + by)), 0, moved!);
      return { ...current, sections };
    });

  return (
    <div className={classes.editor}>
      <Group className={classes.toolbar} justify="space-between" wrap="nowrap">
        <Group gap={8} wrap="nowrap" miw={0}>
          <IconPresentation size={18} />
          <Title order={2} size="h4" lineClamp={1}>
            {spec.title || 'Untitled briefing'}
          </Title>
          {dirty ? (
            <Badge size="sm" variant="light" color="yellow" data-testid="briefing-unsaved">
              Unsaved
            </Badge>
          ) : null}
        </Group>
        <Group gap={6} wrap="nowrap">
          {id !== null ? (
            <Tooltip label="Delete briefing">
              <ActionIcon variant="subtle" color="gray" aria-label="Delete briefing" disabled={readOnly} onClick={() => remove.mutate()}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          ) : null}
          <Tooltip label={`${modKey}+S`}>
            <Button size="xs" variant="default" leftSection={<IconDeviceFloppy size={14} />} disabled={readOnly || !valid.success || !dirty} loading={save.isPending} onClick={() => save.mutate()}>
              Save
            </Button>
          </Tooltip>
          <Tooltip label={`${modKey}+E`}>
            <Button size="xs" leftSection={<IconFileTypePdf size={14} />} disabled={!valid.success} loading={exportPdf.isPending} onClick={() => exportPdf.mutate()}>
              Export PDF…
            </Button>
          </Tooltip>
        </Group>
      </Group>
      <ScrollArea className={classes.body}>
        <Stack gap="md" p="md" maw={820}>
          {problem ? (
            <Alert color="yellow" p="xs">
              {problem}
            </Alert>
          ) : null}
          {exportPdf.isPending ? (
            <Alert color="blue" p="xs" icon={<Loader size={14} />} data-testid="briefing-exporting">
              Laying out the briefing: gathering the case, drawing the map and the graph…
            </Alert>
          ) : null}
          {lastExport && !exportPdf.isPending ? (
            <Group gap={6} data-testid="briefing-exported">
              <Text size="xs" c="dimmed">
                Last exported to {lastExport}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => void openFile(lastExport)}>
                Open
              </Button>
            </Group>
          ) : null}
          <Group grow align="flex-start">
            <TextInput label="Title" value={spec.title} maxLength={300} onChange={(event) => set('title', event.currentTarget.value)} />
            <TextInput
              label="Marking"
              description="Handling or classification, on every page"
              value={spec.marking}
              maxLength={200}
              onChange={(event) => set('marking', event.currentTarget.value)}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput label="Author" value={spec.author} maxLength={200} onChange={(event) => set('author', event.currentTarget.value)} />
            <TextInput label="Date" type="date" value={spec.date} onChange={(event) => set('date', event.currentTarget.value)} />
            <div>
              <Text size="sm" fw={500} mb={4}>
                Page size
              </Text>
              <SegmentedControl
                fullWidth
                value={spec.pageSize}
                onChange={(value) => set('pageSize', value === 'LETTER' ? 'LETTER' : 'A4')}
                data={[
                  { value: 'A4', label: 'A4' },
                  { value: 'LETTER', label: 'US Letter' },
                ]}
                aria-label="Page size"
              />
            </div>
          </Group>
          <Textarea
            label="Bottom line up front"
            description="The executive summary, in Markdown (**bold**, lists, > quotes)"
            autosize
            minRows={4}
            maxRows={16}
            value={spec.summary}
            onChange={(event) => set('summary', event.currentTarget.value)}
          />
          <div>
            <Group justify="space-between" mb={6}>
              <Text size="sm" fw={600}>
                Sections
              </Text>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button size="xs" variant="light" leftSection={<IconPlus size={14} />}>
                    Add section
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {KINDS.map((kind) => (
                    <Menu.Item key={kind} onClick={() => set('sections', [...spec.sections, newSection(kind)])}>
                      {sectionTitles[kind]}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            </Group>
            <Stack gap={6} data-testid="briefing-sections">
              {spec.sections.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No sections: the briefing holds the cover, the summary and the sources. Add sections to draw on the case.
                </Text>
              ) : null}
              {spec.sections.map((section, index) => (
                <Paper key={index} withBorder p="xs" radius="sm" aria-label={`Section ${index + 1}: ${section.title || sectionTitles[section.kind]}`}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={2} style={{ flex: 1 }}>
                      <TextInput
                        size="xs"
                        variant="unstyled"
                        classNames={{ input: classes.sectionTitle }}
                        placeholder={sectionTitles[section.kind]}
                        value={section.title ?? ''}
                        maxLength={200}
                        aria-label="Section title"
                        onChange={(event) => {
                          const title = event.currentTarget.value;
                          set('sections', spec.sections.map((item, position) => (position === index ? { ...item, title: title || undefined } : item)));
                        }}
                      />
                      <Text size="xs" c="dimmed">
                        {sectionHelp[section.kind]}
                      </Text>
                      {section.kind === 'notes' ? (
                        <Textarea
                          size="xs"
                          mt={4}
                          autosize
                          minRows={3}
                          placeholder="Your assessment, in Markdown"
                          value={section.text}
                          onChange={(event) => {
                            const text = event.currentTarget.value;
                            set('sections', spec.sections.map((item, position) => (position === index && item.kind === 'notes' ? { ...item, text } : item)));
                          }}
                        />
                      ) : null}
                    </Stack>
                    <Group gap={0} wrap="nowrap">
                      <ActionIcon variant="subtle" color="gray" aria-label="Move up" disabled={index === 0} onClick={() => moveSection(index, -1)}>
                        <IconArrowUp size={14} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label="Move down"
                        disabled={index === spec.sections.length - 1}
                        onClick={() => moveSection(index, 1)}
                      >
                        <IconArrowDown size={14} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label="Remove section"
                        onClick={() => set('sections', spec.sections.filter((_item, position) => position !== index))}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          </div>
        </Stack>
      </ScrollArea>
    </div>
  );
}

async function openFile(path: string): Promise<void> {
  try {
    await call('shell.openPath', { path });
  } catch (error) {
    notifyError('Could not open the PDF', error);
  }
}
