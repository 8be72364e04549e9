/**
 * Colours by entity type for Mantine components: the palette names from src/shared/entities.ts, so
 * both themes get readable shades and the graph and briefing draw the same colours.
 */
import type { MantineColor } from '@mantine/core';
import type { EntityType } from '../../../../shared/entities';
import { entityTypeColors } from '../../../../shared/entities';

export { entityTypeLabels } from '../../../../shared/entities';

export const entityColors: Readonly<Record<EntityType, MantineColor>> = {
  person: entityTypeColors.person.palette,
  organization: entityTypeColors.organization.palette,
  location: entityTypeColors.location.palette,
  other: entityTypeColors.other.palette,
};

/** A CSS colour for text and lines of a type, readable on the light and the dark background. */
export function entityColorVar(type: EntityType): string {
  return `var(--mantine-color-${entityColors[type]}-text)`;
}
