/**
 * The reader: one document's title, metadata, tags and text, with the search's hits marked and the
 * analyst's notes as coloured passages. Selecting a passage offers "Add note"; clicking a note shows
 * it for editing. Everything rendered from `text` keeps its offset, so notes land where they belong.
 */
import { Alert, EmptyState, Menu, Skeleton, Stack } from '@mantine/core';
import { IconBook2, IconCopy, IconLink, IconNote, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { Tag } from '../../../../shared/documents';
import type { Mention } from '../../../../shared/entities';
import { ApiCallError, errorMessage } from '../../api/client';
import { notifyError } from '../../api/notify';
import { MarkEntityPopover, MentionPopover } from '../entities/MentionPopover';
import { useMentions } from '../entities/queries';
import { linkDraftFor } from '../graph/linkDrafts';
import type { LinkDraft } from '../graph/LinkModal';
import { LinkModal } from '../graph/LinkModal';
import { ContextMenu } from './ContextMenu';
import type { MenuPosition } from './ContextMenu';
import { useDocument } from './queries';
import type { Span } from './textLayout';
import { rangeOfOffsets, selectionOffsets } from './textLayout';
import { DocumentText } from './DocumentText';
import type { Floating, OpenNote, Pending } from './NotePopovers';
import { NoteComposer, NoteViewer } from './NotePopovers';
import { ReaderHeader } from './ReaderHeader';
import { ScanOrText } from './ScanView';
import classes from './DocumentsView.module.css';

interface ReaderProps {
  readonly documentId: number | null;
  readonly search: string;
  readonly tags: readonly Tag[];
  readonly onOpenDocument: (id: number) => void;
  /** A note to scroll to and show (from a notes list); changes each time one is asked for. */
  readonly focusNote: { readonly id: number; readonly nonce: number } | null;
  /** A mention to scroll to and open, asked for from an entity page. */
  readonly focusMention?: { readonly id: number; readonly nonce: number } | null;
  /** A passage to scroll to and select (a link's evidence). */
  readonly focusPassage?: { readonly start: number; readonly end: number; readonly nonce: number } | null;
}

/**
 * What floats over the text, one at a time: the selection's note composer, a note, a mention, the
 * passage's context menu, marking a passage as an entity, or the link dialog citing it.
 */
type Overlay =
  | (Pending & { readonly kind: 'selection' })
  | (OpenNote & { readonly kind: 'note' })
  | (Floating & { readonly kind: 'mention'; readonly mentionId: number })
  | (Floating & { readonly kind: 'textMenu'; readonly position: MenuPosition; readonly span: Span })
  | (Floating & { readonly kind: 'marking'; readonly span: Span })
  | { readonly kind: 'link'; readonly draft: LinkDraft };

/** Narrows the overlay to one kind; null when another (or none) is open. */
function overlayOf<K extends Overlay['kind']>(overlay: Overlay | null, kind: K): Extract<Overlay, { kind: K }> | null {
  return overlay?.kind === kind ? (overlay as Extract<Overlay, { kind: K }>) : null;
}

const NO_MENTIONS: readonly Mention[] = [];

function rectOf(element: Element | Range): Floating['rect'] {
  const { left, top, width, height } = element.getBoundingClientRect();
  return { left, top, width, height };
}

export function Reader({ documentId, search, tags, onOpenDocument, focusNote, focusMention = null, focusPassage = null }: ReaderProps) {
  const detail = useDocument(documentId, search);
  const mentionsQuery = useMentions(documentId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [overlay, setOverlay] = useState<Overlay | null>(null);
  /** Closes the overlay if it is still of this kind (a menu's close comes after the item it opened). */
  const close = (kind: Overlay['kind']) => setOverlay((current) => (current?.kind === kind ? null : current));
  const pending = overlayOf(overlay, 'selection');
  const openNote = overlayOf(overlay, 'note');
  const openMention = overlayOf(overlay, 'mention');
  const textMenu = overlayOf(overlay, 'textMenu');
  const marking = overlayOf(overlay, 'marking');
  const document_ = detail.data;

  // Opening a document (or searching anew) scrolls to its first hit, or to its top.
  const scrolledFor = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!document_ || document_.id !== documentId) return;
    const key = `${document_.id}|${search}`;
    if (scrolledFor.current === key) return;
    scrolledFor.current = key;
    setOverlay(null);
    const firstHit = textRef.current?.querySelector('mark[data-hit]');
    if (firstHit) firstHit.scrollIntoView({ block: 'center' });
    else scrollRef.current?.scrollTo({ top: 0 });
  }, [document_, documentId, search]);

  useLayoutEffect(() => {
    if (!focusNote || !document_) return;
    const element = textRef.current?.querySelector(`[data-note="${focusNote.id}"]`);
    if (!element) return;
    element.scrollIntoView({ block: 'center' });
    setOverlay({ kind: 'note', noteId: focusNote.id, editing: false, rect: rectOf(element) });
  }, [focusNote, document_]);

  const mentionsLoaded = mentionsQuery.data;
  useLayoutEffect(() => {
    if (!focusMention || !document_ || !mentionsLoaded) return;
    const element = textRef.current?.querySelector(`[data-mention="${focusMention.id}"]`);
    if (!element) return;
    element.scrollIntoView({ block: 'center' });
    setOverlay({ kind: 'mention', mentionId: focusMention.id, rect: rectOf(element) });
  }, [focusMention, document_, mentionsLoaded]);

  useLayoutEffect(() => {
    const root = textRef.current;
    // Once the mentions are drawn too: drawing them anew would drop a selection made before.
    if (!focusPassage || !document_ || !root || !mentionsLoaded) return;
    const range = rangeOfOffsets(root, focusPassage.start, focusPassage.end);
    if (!range) return;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, [focusPassage, document_, mentionsLoaded]);

  // The "Add note" button follows the selection and leaves when it collapses.
  useEffect(() => {
    const onSelectionChange = () => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed) setOverlay((current) => (current?.kind === 'selection' && !current.composing ? null : current));
    };
    window.document.addEventListener('selectionchange', onSelectionChange);
    return () => window.document.removeEventListener('selectionchange', onSelectionChange);
  }, []);

  const captureSelection = () => {
    const root = textRef.current;
    const selection = window.getSelection();
    if (!root || !selection) return;
    const span = selectionOffsets(root, selection);
    if (!span) return;
    const rect = rectOf(selection.getRangeAt(0));
    // A right click's mouseup comes after its context menu opened: the menu stays.
    setOverlay((current) => (current?.kind === 'textMenu' ? current : { kind: 'selection', span, rect, composing: false }));
  };

  const onTextClick = (event: MouseEvent) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    // A mention is usually narrower than a note over it: it answers the click first.
    const mentionTarget = (event.target as HTMLElement).closest<HTMLElement>('[data-mention]');
    if (mentionTarget) {
      setOverlay({ kind: 'mention', mentionId: Number(mentionTarget.dataset['mention']), rect: rectOf(mentionTarget) });
      return;
    }
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-note]');
    if (!target) return;
    setOverlay({ kind: 'note', noteId: Number(target.dataset['note']), editing: false, rect: rectOf(target) });
  };

  if (documentId === null) {
    return (
      <EmptyState
        pt="14vh"
        size="sm"
        icon={<IconBook2 size={26} stroke={1.5} />}
        title="Nothing open"
        description="Click a document in the list, or move with ↑ ↓ and press Enter, to read it here."
      />
    );
  }
  if (detail.isError) {
    const gone = detail.error instanceof ApiCallError && detail.error.code === 'not-found';
    return (
      <Alert color={gone ? 'gray' : 'red'} m="md" title={gone ? 'No longer in the case' : 'This document could not be opened'}>
        {gone ? 'This document was removed (or its import undone). Pick another one in the list.' : errorMessage(detail.error)}
      </Alert>
    );
  }
  if (!document_) {
    return (
      <Stack p="lg" gap="sm">
        <Skeleton height={22} width="70%" />
        <Skeleton height={10} width="40%" />
        <Skeleton height={10} mt="lg" />
        <Skeleton height={10} />
        <Skeleton height={10} width="85%" />
      </Stack>
    );
  }

  const note = openNote ? document_.notes.find((candidate) => candidate.id === openNote.noteId) : undefined;
  // Mentions of another document (while the new one's load) are not laid over this text.
  const mentions = (mentionsQuery.data ?? NO_MENTIONS).filter((mention) => mention.documentId === document_.id);
  const mention = openMention ? mentions.find((candidate) => candidate.id === openMention.mentionId) : undefined;
  return (
    <div
      className={classes.reader}
      ref={scrollRef}
      onScroll={() => {
        // The "Add note" button follows its passage as the text scrolls.
        if (pending && !pending.composing) captureSelection();
      }}
      data-testid="reader"
    >
      <ReaderHeader document={document_} tags={tags} onOpenDocument={onOpenDocument} />
      <div
        ref={textRef}
        className={classes.readerText}
        onMouseUp={captureSelection}
        onKeyUp={(event) => {
          if (event.shiftKey) captureSelection();
        }}
        onClick={onTextClick}
        onContextMenu={(event) => {
          const root = textRef.current;
          const selection = window.getSelection();
          const span = root ? selectionOffsets(root, selection) : null;
          if (!span || !selection) return;
          event.preventDefault();
          setOverlay({ kind: 'textMenu', position: { x: event.clientX, y: event.clientY }, span, rect: rectOf(selection.getRangeAt(0)) });
        }}
        lang={document_.language ?? undefined}
        data-testid="reader-text"
      >
        <ScanOrText key={document_.id} document={document_}>
          <DocumentText document={document_} mentions={mentionsQuery.data ?? NO_MENTIONS} activeNoteId={openNote?.noteId ?? null} />
        </ScanOrText>
      </div>
      {pending ? (
        <NoteComposer
          documentId={document_.id}
          pending={pending}
          onCompose={() => setOverlay({ ...pending, composing: true })}
          onMark={() => setOverlay({ kind: 'marking', span: pending.span, rect: pending.rect })}
          onLink={() => setOverlay({ kind: 'link', draft: linkDraftFor(document_, mentions, pending.span) })}
          onClose={() => {
            close('selection');
            window.getSelection()?.removeAllRanges();
          }}
        />
      ) : null}
      <ContextMenu position={textMenu?.position ?? null} onClose={() => close('textMenu')}>
        <Menu.Item
          leftSection={<IconNote size={14} />}
          onClick={() => textMenu && setOverlay({ kind: 'selection', span: textMenu.span, rect: textMenu.rect, composing: true })}
        >
          Add note…
        </Menu.Item>
        <Menu.Item leftSection={<IconUserPlus size={14} />} onClick={() => textMenu && setOverlay({ kind: 'marking', span: textMenu.span, rect: textMenu.rect })}>
          Mark as entity…
        </Menu.Item>
        <Menu.Item leftSection={<IconLink size={14} />} onClick={() => textMenu && setOverlay({ kind: 'link', draft: linkDraftFor(document_, mentions, textMenu.span) })}>
          Link… citing this passage
        </Menu.Item>
        <Menu.Item
          leftSection={<IconCopy size={14} />}
          onClick={() => {
            if (!textMenu) return;
            navigator.clipboard
              .writeText(document_.text.slice(textMenu.span.start, textMenu.span.end))
              .catch((error: unknown) => notifyError('Could not copy the passage', error));
          }}
        >
          Copy
        </Menu.Item>
      </ContextMenu>
      {marking ? (
        <MarkEntityPopover
          documentId={document_.id}
          span={marking.span}
          text={document_.text.slice(marking.span.start, marking.span.end)}
          rect={marking.rect}
          onClose={() => {
            close('marking');
            window.getSelection()?.removeAllRanges();
          }}
        />
      ) : null}
      <LinkModal draft={overlayOf(overlay, 'link')?.draft ?? null} onClose={() => close('link')} />
      {openMention && mention ? (
        <MentionPopover key={mention.id} mention={mention} rect={openMention.rect} onClose={() => close('mention')} />
      ) : null}
      {openNote && note ? (
        <NoteViewer
          note={note}
          state={openNote}
          onEdit={() => setOverlay({ ...openNote, editing: true })}
          onClose={() => close('note')}
        />
      ) : null}
    </div>
  );
}
