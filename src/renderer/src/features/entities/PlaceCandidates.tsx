/** The gazetteer places a place entity could be, to pick one: on the entity page and in the map's inspector. */
import { Group, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { PlaceOption } from '../../../../shared/entities';
import pickList from '../../components/PickList.module.css';

const featureLabels: Record<string, string> = {
  PCLI: 'country',
  PCLD: 'territory',
  PCL: 'country',
  ADM1: 'region',
  ADM2: 'district',
  ADM3: 'district',
  PPLC: 'capital',
  PPLA: 'regional capital',
  PPLA2: 'district capital',
  PPL: 'town',
  CONT: 'continent',
  RGN: 'region',
};

/** What kind of place an option is and where: "town · Kalbajar · Azerbaijan". */
export function placeLabel(option: PlaceOption): string {
  const kind = featureLabels[option.featureCode] ?? option.featureCode.toLowerCase();
  return [kind, option.admin1, option.country].filter(Boolean).join(' · ');
}

export interface PlaceCandidatesProps {
  readonly options: readonly PlaceOption[] | undefined;
  readonly loading: boolean;
  /** The gazetteer id of where the place is now; that option is marked and cannot be picked. */
  readonly currentId: string | null | undefined;
  readonly busy?: boolean;
  /** The verb of each option's accessible name: "Place at", "Move to". */
  readonly action: string;
  /** What to say when there is no option. */
  readonly empty: string;
  readonly testId: string;
  readonly onChoose: (option: PlaceOption) => void;
}

export function PlaceCandidates({ options, loading, currentId, busy = false, action, empty, testId, onChoose }: PlaceCandidatesProps) {
  return (
    <Stack gap={2} data-testid={testId}>
      {loading ? <Skeleton height={40} /> : null}
      {options?.length === 0 ? (
        <Text size="xs" c="dimmed">
          {empty}
        </Text>
      ) : null}
      {options?.map((option) => {
        const current = currentId === option.id;
        return (
          <UnstyledButton
            key={option.id}
            className={pickList.item}
            data-current={current || undefined}
            disabled={current || busy}
            onClick={() => onChoose(option)}
            aria-label={`${action} ${option.name}, ${placeLabel(option)}`}
          >
            <Group justify="space-between" wrap="nowrap" gap={6}>
              <div style={{ minWidth: 0 }}>
                <Text size="xs" fw={current ? 700 : 500} truncate>
                  {option.name}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {placeLabel(option)}
                </Text>
              </div>
              <Group gap={4} wrap="nowrap">
                <Text size="xs" c="dimmed" ff="monospace">
                  {option.lat.toFixed(2)}, {option.lon.toFixed(2)}
                </Text>
                {current ? <IconCheck size={14} color="var(--mantine-color-teal-6)" /> : null}
              </Group>
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
