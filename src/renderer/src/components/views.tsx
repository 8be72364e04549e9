/** The workspace's views, in rail order, with what each will hold. */
import { IconFileText, IconMap2, IconPresentation, IconTimeline, IconTopologyStar3, IconUsers } from '@tabler/icons-react';
import type { ComponentType } from 'react';

export type ViewId = 'documents' | 'entities' | 'graph' | 'map' | 'briefing' | 'timeline';

export interface ViewDefinition {
  readonly id: ViewId;
  readonly label: string;
  readonly icon: ComponentType<{ size?: number; stroke?: number }>;
  /** What the view is for, shown while the view is still to come. */
  readonly purpose: string;
}

export const views: readonly ViewDefinition[] = [
  {
    id: 'documents',
    label: 'Documents',
    icon: IconFileText,
    purpose: 'Import articles, statements, PDFs and e-mail; search, read, tag and annotate them.',
  },
  {
    id: 'entities',
    label: 'Entities',
    icon: IconUsers,
    purpose: 'People, organisations and places found in the documents, for you to review, merge and correct.',
  },
  {
    id: 'graph',
    label: 'Graph',
    icon: IconTopologyStar3,
    purpose: 'Who is linked to whom and where, every link citing the passage that supports it.',
  },
  {
    id: 'map',
    label: 'Map',
    icon: IconMap2,
    purpose: "The case's places on an offline map, with your own drawings.",
  },
  {
    id: 'briefing',
    label: 'Briefing',
    icon: IconPresentation,
    purpose: 'A briefing PDF with actors, map, graph, chronology and source citations.',
  },
  {
    id: 'timeline',
    label: 'Timeline',
    icon: IconTimeline,
    purpose: 'Events, claims, dated links and documents in time, and the review of what Dossier read in them.',
  },
];
