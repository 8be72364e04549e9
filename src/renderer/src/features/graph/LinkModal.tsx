/**
 * Asserting a link, or editing one: its two ends, relation, direction, dates, Admiralty grading,
 * note and the passages it cites. Opened from the reader (a selected passage is the evidence),
 * from the graph (dragging from one node to another) and from an entity page.
 */
import { Alert, Autocomplete, Button, CloseButton, Group, Modal, Paper, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { getHotkeyHandler, useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconArrowRight, IconArrowsLeftRight, IconQuote } from '@tabler/icons-react';
import { useState } from 'react';
import type { Link, NodeKind } from '../../../../shared/graph';
import {
  InformationCredibilities,
  SourceReliabilities,
  informationCredibilityLabels,
  sourceReliabilityLabels,
} from '../../../../shared/graph';
import { call } from '../../api/client';
import { modKey } from '../../components/format';
import { notifyError } from '../../api/notify';
import { kindLabels } from './graphModel';
import { useCreateLink, useRelations, useUpdateLink } from './queries';

/** A node as the pickers show it. */
export interface NodeChoice {
  readonly key: string;
  readonly label: string;
  readonly kind: NodeKind;
}

/** A passage offered as evidence, with its text for the preview. */
export interface PassageChoice {
  readonly documentId: number;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly documentTitle?: string;
}

export interface LinkDraft {
  readonly from?: NodeChoice | null;
  readonly to?: NodeChoice | null;
  readonly relation?: string;
  readonly evidence?: readonly PassageChoice[];
  /** Editing this link rather than asserting a new one. */
  readonly link?: Link;
}

/** Picks a node (entity or document) by name, searching the whole case. */
export function NodePicker({
  label,
  value,
  onChange,
  autoFocus = false,
}: {
  label: string;
  value: NodeChoice | null;
  onChange: (node: NodeChoice | null) => void;
  autoFocus?: boolean;
}) {
  const [search, setSearch] = useState(value?.label ?? '');
  const [debounced] = useDebouncedValue(search, 150);
  const found = useQuery({
    queryKey: ['graph', 'search', debounced],
    queryFn: () => call('graph.search', { text: debounced.slice(0, 200), limit: 20 }),
    enabled: debounced.trim().length > 0,
    placeholderData: keepPreviousData,
  });
  const options: NodeChoice[] = (found.data ?? []).map((node) => ({ key: node.key, label: node.label, kind: node.kind }));
  const all = value && !options.some((option) => option.key === value.key) ? [value, ...options] : options;
  return (
    <Select
      label={label}
      placeholder="Type a name or a document title"
      searchable
      data-autofocus={autoFocus || undefined}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: shown }) => shown}
      nothingFoundMessage={debounced.trim() ? (found.isFetching ? 'Searching…' : 'Nothing by that name') : 'Type to search'}
      data={all.map((option) => ({ value: option.key, label: `${option.label} · ${kindLabels[option.kind]}` }))}
      value={value?.key ?? null}
      onChange={(key) => onChange(all.find((option) => option.key === key) ?? null)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

const reliabilityOptions = SourceReliabilities.map((grade) => ({ value: grade, label: `${grade} — ${sourceReliabilityLabels[grade]}` }));
const credibilityOptions = InformationCredibilities.map((grade) => ({ value: String(grade), label: `${grade} — ${informationCredibilityLabels[grade]}` }));

export function LinkModal({ draft, onClose, onSaved }: { draft: LinkDraft | null; onClose: () => void; onSaved?: (link: Link) => void }) {
  return (
    <Modal opened={draft !== null} onClose={onClose} title={draft?.link ? 'Edit link' : 'Link'} size="lg">
      {draft ? <LinkForm key={draft.link?.id ?? 'new'} draft={draft} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function LinkForm({ draft, onClose, onSaved }: { draft: LinkDraft; onClose: () => void; onSaved?: (link: Link) => void }) {
  const link = draft.link;
  const [from, setFrom] = useState<NodeChoice | null>(draft.from ?? null);
  const [to, setTo] = useState<NodeChoice | null>(draft.to ?? null);
  const [relation, setRelation] = useState(link?.relation ?? draft.relation ?? '');
  const [directed, setDirected] = useState(link?.directed ?? true);
  const [dateStart, setDateStart] = useState(link?.dateStart ?? '');
  const [dateEnd, setDateEnd] = useState(link?.dateEnd ?? '');
  const [reliability, setReliability] = useState<string | null>(link?.reliability ?? null);
  const [credibility, setCredibility] = useState<string | null>(link?.credibility ? String(link.credibility) : null);
  const [note, setNote] = useState(link?.note ?? '');
  const [evidence, setEvidence] = useState<PassageChoice[]>([...(draft.evidence ?? [])]);
  const [removed, setRemoved] = useState<number[]>([]);
  const relations = useRelations();
  const create = useCreateLink();
  const update = useUpdateLink();
  const [problem, setProblem] = useState<string | null>(null);

  const kept = (link?.evidence ?? []).filter((item) => !removed.includes(item.id));
  const citations = kept.length + evidence.length;

  const save = async () => {
    setProblem(null);
    if (!link && (!from || !to)) return setProblem('Choose both ends of the link.');
    if (!relation.trim()) return setProblem('Say what the relation is, e.g. "accuses".');
    const fields = {
      relation: relation.trim(),
      directed,
      dateStart: dateStart.trim() || null,
      dateEnd: dateEnd.trim() || null,
      reliability: (reliability as Link['reliability']) ?? null,
      credibility: credibility ? Number(credibility) : null,
      note,
    };
    const passages = evidence.map(({ documentId, start, end }) => ({ documentId, start, end }));
    try {
      const saved = link
        ? await update.mutateAsync({ id: link.id, ...fields, addEvidence: passages, removeEvidence: removed })
        : await create.mutateAsync({ from: from!.key, to: to!.key, ...fields, evidence: passages });
      notifications.show({
        color: 'teal',
        message: `${link ? 'Saved' : 'Linked'}: ${saved.fromLabel} ${saved.relation} ${saved.toLabel}${saved.evidence.length === 0 ? ' (no evidence cited)' : ''}`,
        autoClose: 3000,
      });
      onSaved?.(saved);
      onClose();
    } catch (error) {
      notifyError('Could not save the link', error);
    }
  };

  return (
    <Stack gap="sm" onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])} data-testid="link-form">
      {link ? (
        <Group gap={6} wrap="nowrap">
          <Text fw={600} truncate>
            {link.fromLabel}
          </Text>
          {link.directed ? <IconArrowRight size={16} /> : <IconArrowsLeftRight size={16} />}
          <Text fw={600} truncate>
            {link.toLabel}
          </Text>
        </Group>
      ) : (
        <SimpleGrid cols={2}>
          <NodePicker label="From" value={from} onChange={setFrom} autoFocus={!from} />
          <NodePicker label="To" value={to} onChange={setTo} autoFocus={Boolean(from) && !to} />
        </SimpleGrid>
      )}
      <SimpleGrid cols={2}>
        <Autocomplete
          label="Relation"
          placeholder="accuses, meets, member of… or your own"
          data={relations.data ?? []}
          value={relation}
          onChange={setRelation}
          data-autofocus={Boolean(from && to) || undefined}
          comboboxProps={{ withinPortal: true }}
        />
        <Switch
          mt={28}
          label={directed ? 'Directed: from → to' : 'Undirected: both ways'}
          checked={directed}
          onChange={(event) => setDirected(event.currentTarget.checked)}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label="Date, or start of range" placeholder="YYYY-MM-DD" value={dateStart} onChange={(event) => setDateStart(event.currentTarget.value)} />
        <TextInput label="End of range" placeholder="YYYY-MM-DD (optional)" value={dateEnd} onChange={(event) => setDateEnd(event.currentTarget.value)} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <Select label="Source reliability" placeholder="Not graded" data={reliabilityOptions} value={reliability} onChange={setReliability} clearable />
        <Select label="Information credibility" placeholder="Not graded" data={credibilityOptions} value={credibility} onChange={setCredibility} clearable />
      </SimpleGrid>
      <Textarea label="Note" placeholder="Why it matters, caveats…" autosize minRows={2} maxRows={6} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Evidence
        </Text>
        {kept.map((item) => (
          <Citation key={item.id} quote={item.quote} title={item.documentTitle} onRemove={() => setRemoved([...removed, item.id])} />
        ))}
        {evidence.map((item, index) => (
          <Citation
            key={`${item.documentId}:${item.start}`}
            quote={item.quote}
            title={item.documentTitle}
            onRemove={() => setEvidence(evidence.filter((_, at) => at !== index))}
          />
        ))}
        {citations === 0 ? (
          <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={16} />} p="xs">
            No passage cited. The link is kept, and shown as unsupported until you cite one: select a passage in the reader and choose
            “Link…”.
          </Alert>
        ) : null}
      </Stack>
      {problem ? (
        <Text size="sm" c="red">
          {problem}
        </Text>
      ) : null}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {modKey}+Enter saves
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={create.isPending || update.isPending}>
            {link ? 'Save link' : 'Add link'}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function Citation({ quote, title, onRemove }: { quote: string; title?: string | undefined; onRemove: () => void }) {
  return (
    <Paper withBorder p={6} radius="sm">
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconQuote size={14} style={{ flex: 'none', marginTop: 3 }} />
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" lineClamp={3}>
            {quote}
          </Text>
          {title ? (
            <Text size="xs" c="dimmed" truncate>
              {title}
            </Text>
          ) : null}
        </Stack>
        <CloseButton size="sm" aria-label="Remove this citation" onClick={onRemove} />
      </Group>
    </Paper>
  );
}
