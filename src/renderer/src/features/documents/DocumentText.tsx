/** A document's text as paragraphs and runs, every run keeping its offset: hits, notes and mentions laid over it. */
import { Divider, Text } from '@mantine/core';
import { memo, useMemo } from 'react';
import type { CSSProperties } from 'react';
import type { DocumentDetail } from '../../../../shared/documents';
import type { Mention } from '../../../../shared/entities';
import { entityColorVar } from '../entities/entityColors';
import entityClasses from '../entities/entities.module.css';
import { OFFSET_ATTRIBUTE, layoutBlocks, layoutRuns } from './textLayout';
import { DEFAULT_NOTE_COLOR } from './NotePopovers';
import classes from './DocumentsView.module.css';

/** The text as paragraphs and runs; memoised so that a moving selection does not re-render it. */
export const DocumentText = memo(function DocumentText({
  document,
  mentions,
  activeNoteId,
}: {
  document: DocumentDetail;
  mentions: readonly Mention[];
  activeNoteId: number | null;
}) {
  const blocks = useMemo(() => layoutBlocks(document.text, document.pageStarts), [document.text, document.pageStarts]);
  const notesById = useMemo(() => new Map(document.notes.map((note) => [note.id, note])), [document.notes]);
  // Rejected suggestions are not shown; mentions of another document never are.
  const shown = useMemo(
    () => mentions.filter((mention) => mention.status !== 'rejected' && mention.documentId === document.id && mention.end > mention.start),
    [mentions, document.id],
  );
  const mentionsById = useMemo(() => new Map(shown.map((mention) => [mention.id, mention])), [shown]);
  if (!document.text.trim()) {
    return (
      <Text c="dimmed" size="sm">
        This document has no text. {document.kind === 'pdf' ? 'It may be a scanned PDF without a text layer.' : ''}
      </Text>
    );
  }
  return (
    <>
      {blocks.map((block) => {
        if (block.type === 'page') {
          return (
            <Divider
              key={`page-${block.page}`}
              className={classes.pageDivider}
              label={`Page ${block.page}`}
              labelPosition="left"
              data-testid="page-divider"
            />
          );
        }
        const runs = layoutRuns(block, document.highlights, document.notes, shown);
        return (
          <p key={block.start}>
            {runs.map((run) => {
              const text = document.text.slice(run.start, run.end);
              const noteId = run.noteIds.at(-1);
              const note = noteId === undefined ? undefined : notesById.get(noteId);
              const mentionId = run.mentionIds?.at(-1);
              const mention = mentionId === undefined ? undefined : mentionsById.get(mentionId);
              const className = [note ? classes.note : '', mention ? entityClasses.mention : ''].filter(Boolean).join(' ');
              const style: Record<string, string> = {};
              if (note) style['--note-color'] = note.color ?? DEFAULT_NOTE_COLOR;
              if (mention) style['--mention-color'] = entityColorVar(mention.type);
              const props = {
                [OFFSET_ATTRIBUTE]: run.start,
                className: className || undefined,
                style: note || mention ? (style as CSSProperties) : undefined,
                'data-note': note?.id,
                'data-active': note && note.id === activeNoteId ? true : undefined,
                'data-mention': mention?.id,
                'data-mention-status': mention?.status,
                'data-entity-type': mention?.type,
                title: note ? note.body || 'Note' : mention ? (mention.entityName ?? mention.text) : undefined,
              };
              return run.hit ? (
                <mark key={run.start} {...props} data-hit="">
                  {text}
                </mark>
              ) : (
                <span key={run.start} {...props}>
                  {text}
                </span>
              );
            })}
          </p>
        );
      })}
    </>
  );
});
