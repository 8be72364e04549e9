/** Small pieces the timeline's inspector and reading panel share: stance badges, grading pickers, the speaker picker, dates, quotes, empty states. */
import { Badge, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Claim, DateValue, Stance } from '../../../../shared/claims';
import type { EntityType } from '../../../../shared/entities';
import { InformationCredibilities, SourceReliabilities, informationCredibilityLabels, sourceReliabilityLabels } from '../../../../shared/graph';
import { call } from '../../api/client';
import { modKey } from '../../components/format';
import { entityColors, entityTypeLabels } from '../entities/entityColors';

/** Said after an action in its notification. */
export const undoHint = `${modKey}+Z undoes`;

/** The passage a claim cites, in quotation marks unless it opens with its own. */
export function quoteOf(claim: Claim): string {
  const text = claim.content.text.replace(/\s+/g, ' ').trim();
  return /^["“«„]/.test(text) ? text : `“${text}”`;
}

/** What a table or list of the reading panel says when it has nothing to show. */
export function Empty({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed" p="md">
      {children}
    </Text>
  );
}

const stanceColors: Record<Stance, string> = { asserts: 'gray', denies: 'orange', accuses: 'red', demands: 'violet' };

export function StanceBadge({ stance }: { stance: Stance }) {
  return (
    <Badge size="sm" variant="light" color={stanceColors[stance]} data-testid="stance">
      {stance}
    </Badge>
  );
}

/** Suggested (dashed, muted), confirmed or asserted (solid), as Dossier shows suggestions everywhere. */
export function StatusBadge({ status }: { status: 'suggested' | 'confirmed' | 'rejected' | 'asserted' }) {
  return (
    <Badge size="xs" variant={status === 'suggested' ? 'outline' : 'filled'} color={status === 'rejected' ? 'red' : status === 'suggested' ? 'gray' : 'indigo'} style={status === 'suggested' ? { borderStyle: 'dashed' } : undefined}>
      {status}
    </Badge>
  );
}

/** An entity's name in its type's colour, readable in both themes. */
export function EntityLabel({ name, type, size = 'sm' }: { name: string; type: EntityType; size?: string }) {
  return (
    <Text span size={size} fw={600} style={{ color: `var(--mantine-color-${entityColors[type]}-text)` }} title={entityTypeLabels[type]}>
      {name}
    </Text>
  );
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1 Jun 2021", "May 2021", "2020", for an ISO prefix of any precision. */
export function formatIsoPrefix(value: string): string {
  const [year, month, day] = value.split('-').map(Number);
  if (month === undefined || Number.isNaN(month)) return String(year);
  if (day === undefined || Number.isNaN(day)) return `${months[month - 1]} ${year}`;
  return `${day} ${months[month - 1]} ${year}`;
}

/** A claim's date as read ("≈ May 2021, from text"), else its document's ("2 Jun 2021, document date"), else "undated". */
export function formatClaimDate(date: DateValue | null, documentDate: string | null): string {
  if (date) return `${date.approximate ? '≈ ' : ''}${formatIsoPrefix(date.value)}${date.endValue ? ` – ${formatIsoPrefix(date.endValue)}` : ''}`;
  if (documentDate) return `${formatIsoPrefix(documentDate.slice(0, 10))} (document)`;
  return 'undated';
}

/** "B2", or null when not graded. */
export function gradeCode(reliability: Claim['reliability'], credibility: number | null): string | null {
  if (!reliability && !credibility) return null;
  return `${reliability ?? '–'}${credibility ?? '–'}`;
}

/** "B2 · usually reliable, probably true". */
export function gradeText(reliability: Claim['reliability'], credibility: number | null): string {
  const code = gradeCode(reliability, credibility);
  if (!code) return 'Not graded';
  const words = [
    reliability ? sourceReliabilityLabels[reliability].toLowerCase() : null,
    credibility ? informationCredibilityLabels[credibility as (typeof InformationCredibilities)[number]].toLowerCase() : null,
  ].filter(Boolean);
  return `${code} · ${words.join(', ')}`;
}

const reliabilityOptions = SourceReliabilities.map((grade) => ({ value: grade, label: `${grade} — ${sourceReliabilityLabels[grade]}` }));
const credibilityOptions = InformationCredibilities.map((grade) => ({ value: String(grade), label: `${grade} — ${informationCredibilityLabels[grade]}` }));

/** Admiralty grading as two compact pickers: source reliability A–F and information credibility 1–6. */
export function GradePickers({
  reliability,
  credibility,
  onChange,
  label,
}: {
  reliability: Claim['reliability'];
  credibility: number | null;
  onChange: (reliability: Claim['reliability'], credibility: number | null) => void;
  /** Names the pickers for assistive technology ("Grade the claim by …"). */
  label: string;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <Select
        size="xs"
        w={64}
        placeholder="A–F"
        aria-label={`Source reliability: ${label}`}
        data={reliabilityOptions}
        value={reliability}
        onChange={(value) => onChange((value) ?? null, credibility)}
        renderOption={({ option }) => <Text size="xs">{option.label}</Text>}
        comboboxProps={{ width: 240, withinPortal: true }}
        clearable
      />
      <Select
        size="xs"
        w={64}
        placeholder="1–6"
        aria-label={`Information credibility: ${label}`}
        data={credibilityOptions}
        value={credibility === null ? null : String(credibility)}
        onChange={(value) => onChange(reliability, value ? Number(value) : null)}
        renderOption={({ option }) => <Text size="xs">{option.label}</Text>}
        comboboxProps={{ width: 240, withinPortal: true }}
        clearable
      />
    </Group>
  );
}

/** Picks an entity of the case by name (the speaker of a claim). */
export function EntityPicker({ label, onPick, autoFocus = false }: { label: string; onPick: (entityId: number) => void; autoFocus?: boolean }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const found = useQuery({
    queryKey: ['entities', 'picker', debounced],
    queryFn: () => call('entities.list', { search: debounced.slice(0, 200), limit: 20 }),
    enabled: debounced.trim().length > 0,
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      label={label}
      size="xs"
      placeholder="Type a name"
      searchable
      data-autofocus={autoFocus || undefined}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={debounced.trim() ? (found.isFetching ? 'Searching…' : 'Nothing by that name') : 'Type to search'}
      data={(found.data ?? []).map((entity) => ({ value: String(entity.id), label: `${entity.name} · ${entityTypeLabels[entity.type]}` }))}
      value={null}
      onChange={(value) => {
        if (value) onPick(Number(value));
      }}
      // Inside the popover that holds it: a portalled list would count as a click outside and close it.
      comboboxProps={{ withinPortal: false }}
    />
  );
}
