/**
 * Colours by entity type, the same everywhere: reader underlines, the entity table, and later the
 * graph, the map and their legends. Mantine colour names, so both themes get readable shades.
 */
import type { MantineColor } from '@mantine/core';
import type { EntityType } from '../../../../shared/entities';

export const entityColors: Readonly<Record<EntityType, MantineColor>> = {
  person: 'blue',
  organization: 'grape',
  location: 'teal',
  other: 'gray',
};

export const entityTypeLabels: Readonly<Record<EntityType, string>> = {
  person: 'Person',
  organization: 'Organisation',
  location: 'Place',
  other: 'Other',
};

/** A CSS colour for text and lines of a type, readable on the light and the dark background. */
export function entityColorVar(type: EntityType): string {
  return `var(--mantine-color-${entityColors[type]}-text)`;
}
