/** Each document kind's label and icon. */
import {
  IconFileText,
  IconFileTypeDocx,
  IconFileTypePdf,
  IconMail,
  IconMarkdown,
  IconNews,
  IconWorld,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { DocumentKind } from '../../../../shared/documents';

export const kindLabels: Record<DocumentKind, string> = {
  text: 'Text',
  markdown: 'Markdown',
  html: 'Web page',
  pdf: 'PDF',
  docx: 'Word',
  email: 'E-mail',
  newswire: 'Newswire',
};

const kindIcons: Record<DocumentKind, ComponentType<{ size?: number; stroke?: number; 'aria-label'?: string }>> = {
  text: IconFileText,
  markdown: IconMarkdown,
  html: IconWorld,
  pdf: IconFileTypePdf,
  docx: IconFileTypeDocx,
  email: IconMail,
  newswire: IconNews,
};

export function KindIcon({ kind, size = 16 }: { kind: DocumentKind; size?: number }) {
  const Icon = kindIcons[kind];
  return <Icon size={size} stroke={1.5} aria-label={kindLabels[kind]} />;
}
