/** The icon of each entity type, in its type colour. */
import { IconBuildingCommunity, IconMapPin, IconTag, IconUser } from '@tabler/icons-react';
import type { EntityType } from '../../../../shared/entities';
import { entityColorVar, entityTypeLabels } from './entityColors';

const icons = { person: IconUser, organization: IconBuildingCommunity, location: IconMapPin, other: IconTag } as const;

export function EntityTypeIcon({ type, size = 16 }: { type: EntityType; size?: number }) {
  const Icon = icons[type];
  return <Icon size={size} stroke={1.75} color={entityColorVar(type)} aria-label={entityTypeLabels[type]} role="img" />;
}
