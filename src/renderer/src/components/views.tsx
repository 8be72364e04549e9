/** The workspace's views, in rail order. */
import { IconFileText, IconMap2, IconPresentation, IconTimeline, IconTopologyStar3, IconUsers } from '@tabler/icons-react';
import type { ComponentType } from 'react';

export type ViewId = 'documents' | 'entities' | 'graph' | 'map' | 'briefing' | 'timeline';

export interface ViewDefinition {
  readonly id: ViewId;
  readonly label: string;
  readonly icon: ComponentType<{ size?: number; stroke?: number }>;
}

export const views: readonly ViewDefinition[] = [
  {
    id: 'documents',
    label: 'Documents',
    icon: IconFileText,
  },
  {
    id: 'entities',
    label: 'Entities',
    icon: IconUsers,
  },
  {
    id: 'graph',
    label: 'Graph',
    icon: IconTopologyStar3,
  },
  {
    id: 'map',
    label: 'Map',
    icon: IconMap2,
  },
  {
    id: 'briefing',
    label: 'Briefing',
    icon: IconPresentation,
  },
  {
    id: 'timeline',
    label: 'Timeline',
    icon: IconTimeline,
  },
];
