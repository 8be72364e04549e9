/** A tag as a small coloured pill; readable on light and dark backgrounds alike. */
import { CloseButton } from '@mantine/core';
import type { CSSProperties } from 'react';
import classes from './DocumentsView.module.css';

interface TagPillProps {
  readonly name: string;
  readonly color: string;
  readonly onRemove?: () => void;
}

export function TagPill({ name, color, onRemove }: TagPillProps) {
  return (
    <span className={classes.tagPill} style={{ '--tag-color': color } as CSSProperties} title={name}>
      <span className={classes.tagPillText}>{name}</span>
      {onRemove ? (
        <CloseButton size={14} iconSize={10} aria-label={`Remove tag ${name}`} onClick={onRemove} variant="transparent" />
      ) : null}
    </span>
  );
}
