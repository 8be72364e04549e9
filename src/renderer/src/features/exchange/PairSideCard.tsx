/** One side of a doubtful pair: the entity's names, type, how often it is mentioned, a sample sentence and where it is. */
import { Badge, Card, Group, Mark, Stack, Text } from '@mantine/core';
import type { PairSide } from '../../../../shared/exchange';
import { entityColors, entityTypeLabels } from '../entities/entityColors';
import { EntityTypeIcon } from '../entities/EntityTypeIcon';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

export function PairSideCard({ heading, side, gone }: { heading: string; side: PairSide | null; gone: string }) {
  return (
    <Card withBorder padding="sm" radius="sm" style={{ flex: 1, minWidth: 0 }} data-testid="pair-side">
      <Text size="xs" c="dimmed" mb={6}>
        {heading}
      </Text>
      {side === null ? (
        <Text size="sm" c="dimmed" fs="italic">
          {gone}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap={6} wrap="nowrap">
            <EntityTypeIcon type={side.type} size={18} />
            <Text fw={600} size="lg" truncate>
              {side.name}
            </Text>
          </Group>
          <Group gap={6}>
            <Badge variant="light" color={entityColors[side.type]}>
              {entityTypeLabels[side.type]}
              {side.subtype ? ` · ${side.subtype}` : ''}
            </Badge>
            <Badge variant={side.status === 'confirmed' ? 'filled' : 'outline'} color="gray">
              {side.status}
            </Badge>
          </Group>
          <Field label="Spellings">
            <Text size="sm">{side.aliases.join(' · ') || '—'}</Text>
          </Field>
          <Field label="Mentions">
            <Text size="sm">
              {side.mentions.toLocaleString()} in {side.documents.toLocaleString()} {side.documents === 1 ? 'document' : 'documents'}
            </Text>
          </Field>
          <Field label="Sample">
            {side.sample ? (
              <Stack gap={2}>
                <Text size="sm" lh={1.5}>
                  {side.sample.before}
                  <Mark px={2} style={{ borderRadius: 3 }}>
                    {side.sample.text}
                  </Mark>
                  {side.sample.after}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {side.sample.documentTitle}
                </Text>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                Not mentioned in any document (from a list or by hand).
              </Text>
            )}
          </Field>
          <Field label="Where">
            <Text size="sm">
              {side.coordinates
                ? `${side.coordinates.lat.toFixed(4)}, ${side.coordinates.lon.toFixed(4)}${side.coordinates.country ? ` (${side.coordinates.country})` : ''}`
                : 'No coordinates'}
            </Text>
          </Field>
        </Stack>
      )}
    </Card>
  );
}
