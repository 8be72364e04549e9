/**
 * The reader: one document's title, metadata, tags and text, with the search's hits marked and the
 * analyst's notes as coloured passages. Selecting a passage offers "Add note"; clicking a note shows
 * it for editing. Everything rendered from `text` keeps its offset, so notes land where they belong.
 */
import {
  Alert,
  Anchor,
  Autocomplete,
  Button,
  Divider,
  EmptyState,
  Group,
  Menu,
  Popover,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconBook2, IconCopy, IconLink, IconNote, IconPaperclip, IconUserPlus } from '@tabler/icons-react';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, MouseEvent, ReactNode, Ref } from 'react';
import type { DocumentDetail, Note, Tag } from '../../../../shared/documents';
import type { Mention } from '../../../../shared/entities';
import { MAX_TAG_NAME_LENGTH } from '../../../../shared/documents';
import { ApiCallError, errorMessage } from '../../api/client';
import { modKey } from '../../components/format';
import { notifyError } from '../cases/useCaseCommands';
import { entityColorVar } from '../entities/entityColors';
import { MarkEntityPopover, MentionPopover } from '../entities/MentionPopover';
import { useMentions } from '../entities/queries';
import { linkDraftFor } from '../graph/linkDrafts';
import type { LinkDraft } from '../graph/LinkModal';
import { LinkModal } from '../graph/LinkModal';
import entityClasses from '../entities/entities.module.css';
import { ContextMenu } from './ContextMenu';
import type { MenuPosition } from './ContextMenu';
import { formatDateTime, formatPublished } from './format';
import { KindIcon, kindLabels } from './kinds';
import { useApplyTag, useCreateNote, useDeleteNote, useDocument, useUpdateNote } from './queries';
import type { Span } from './textLayout';
import { OFFSET_ATTRIBUTE, layoutBlocks, layoutRuns, rangeOfOffsets, selectionOffsets } from './textLayout';
import { ScanOrText } from './ScanView';
import { TagPill } from './TagPill';
import classes from './DocumentsView.module.css';

/** Notes without a colour of their own. */
export const DEFAULT_NOTE_COLOR = '#339af0';

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

interface Floating {
  readonly rect: { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
}

type Pending = Floating & { readonly span: Span; readonly composing: boolean };
type OpenNote = Floating & { readonly noteId: number; readonly editing: boolean };
type OpenMention = Floating & { readonly mentionId: number };

const NO_MENTIONS: readonly Mention[] = [];

function rectOf(element: Element | Range): Floating['rect'] {
  const { left, top, width, height } = element.getBoundingClientRect();
  return { left, top, width, height };
}

export function Reader({ documentId, search, tags, onOpenDocument, focusNote, focusMention = null, focusPassage = null }: ReaderProps) {
  const detail = useDocument(documentId, search);
  const mentionsQuery = useMentions(documentId);
  const [openMention, setOpenMention] = useState<OpenMention | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [openNote, setOpenNote] = useState<OpenNote | null>(null);
  const [textMenu, setTextMenu] = useState<(Floating & { position: MenuPosition; span: Span }) | null>(null);
  const [marking, setMarking] = useState<(Floating & { span: Span }) | null>(null);
  const [linkDraft, setLinkDraft] = useState<LinkDraft | null>(null);
  const document_ = detail.data;

  // Opening a document (or searching anew) scrolls to its first hit, or to its top.
  const scrolledFor = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!document_ || document_.id !== documentId) return;
    const key = `${document_.id}|${search}`;
    if (scrolledFor.current === key) return;
    scrolledFor.current = key;
    setPending(null);
    setOpenNote(null);
    setOpenMention(null);
    const firstHit = textRef.current?.querySelector('mark[data-hit]');
    if (firstHit) firstHit.scrollIntoView({ block: 'center' });
    else scrollRef.current?.scrollTo({ top: 0 });
  }, [document_, documentId, search]);

  useLayoutEffect(() => {
    if (!focusNote || !document_) return;
    const element = textRef.current?.querySelector(`[data-note="${focusNote.id}"]`);
    if (!element) return;
    element.scrollIntoView({ block: 'center' });
    setOpenNote({ noteId: focusNote.id, editing: false, rect: rectOf(element) });
  }, [focusNote, document_]);

  const mentionsLoaded = mentionsQuery.data;
  useLayoutEffect(() => {
    if (!focusMention || !document_ || !mentionsLoaded) return;
    const element = textRef.current?.querySelector(`[data-mention="${focusMention.id}"]`);
    if (!element) return;
    element.scrollIntoView({ block: 'center' });
    setOpenMention({ mentionId: focusMention.id, rect: rectOf(element) });
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
      if (!selection || selection.isCollapsed) setPending((current) => (current?.composing ? current : null));
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
    setPending({ span, rect, composing: false });
  };

  const onTextClick = (event: MouseEvent) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    // A mention is usually narrower than a note over it: it answers the click first.
    const mentionTarget = (event.target as HTMLElement).closest<HTMLElement>('[data-mention]');
    if (mentionTarget) {
      setOpenNote(null);
      setOpenMention({ mentionId: Number(mentionTarget.dataset['mention']), rect: rectOf(mentionTarget) });
      return;
    }
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-note]');
    if (!target) return;
    setOpenNote({ noteId: Number(target.dataset['note']), editing: false, rect: rectOf(target) });
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
          setPending(null);
          setTextMenu({ position: { x: event.clientX, y: event.clientY }, span, rect: rectOf(selection.getRangeAt(0)) });
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
          onCompose={() => setPending({ ...pending, composing: true })}
          onMark={() => {
            setMarking({ span: pending.span, rect: pending.rect });
            setPending(null);
          }}
          onLink={() => {
            setLinkDraft(linkDraftFor(document_, mentions, pending.span));
            setPending(null);
          }}
          onClose={() => {
            setPending(null);
            window.getSelection()?.removeAllRanges();
          }}
        />
      ) : null}
      <ContextMenu position={textMenu?.position ?? null} onClose={() => setTextMenu(null)}>
        <Menu.Item
          leftSection={<IconNote size={14} />}
          onClick={() => textMenu && setPending({ span: textMenu.span, rect: textMenu.rect, composing: true })}
        >
          Add note…
        </Menu.Item>
        <Menu.Item leftSection={<IconUserPlus size={14} />} onClick={() => textMenu && setMarking({ span: textMenu.span, rect: textMenu.rect })}>
          Mark as entity…
        </Menu.Item>
        <Menu.Item leftSection={<IconLink size={14} />} onClick={() => textMenu && setLinkDraft(linkDraftFor(document_, mentions, textMenu.span))}>
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
            setMarking(null);
            window.getSelection()?.removeAllRanges();
          }}
        />
      ) : null}
      <LinkModal draft={linkDraft} onClose={() => setLinkDraft(null)} />
      {openMention && mention ? (
        <MentionPopover key={mention.id} mention={mention} rect={openMention.rect} onClose={() => setOpenMention(null)} />
      ) : null}
      {openNote && note ? (
        <NoteViewer
          note={note}
          state={openNote}
          onEdit={() => setOpenNote({ ...openNote, editing: true })}
          onClose={() => setOpenNote(null)}
        />
      ) : null}
    </div>
  );
}

function ReaderHeader({ document, tags, onOpenDocument }: { document: DocumentDetail; tags: readonly Tag[]; onOpenDocument: (id: number) => void }) {
  const apply = useApplyTag();
  const [adding, setAdding] = useState('');
  const tagsById = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags]);
  const own = document.tagIds.map((id) => tagsById.get(id)).filter((tag): tag is Tag => tag !== undefined);
  const available = tags.filter((tag) => !document.tagIds.includes(tag.id)).map((tag) => tag.name);

  const addTag = async (name: string) => {
    const trimmed = name.trim();
    if (!trimmed) return;
    setAdding('');
    const existing = tags.find((tag) => tag.name === trimmed);
    try {
      await apply.mutateAsync({ tag: existing ? { id: existing.id } : { name: trimmed }, documentIds: [document.id], action: 'add' });
    } catch (error) {
      notifyError(`Could not tag ${document.title}`, error);
    }
  };
  const removeTag = (tag: Tag) =>
    apply
      .mutateAsync({ tag: { id: tag.id }, documentIds: [document.id], action: 'remove' })
      .catch((error: unknown) => notifyError(`Could not remove ${tag.name}`, error));

  const meta = [
    document.author,
    document.source,
    formatPublished(document.publishedAt),
    kindLabels[document.kind],
    document.fileName,
  ].filter((part): part is string => Boolean(part));

  return (
    <Stack gap={6} mb="md" maw="46rem">
      <Group gap={8} wrap="nowrap" align="flex-start">
        <span style={{ marginTop: 4, color: 'var(--mantine-color-dimmed)' }}>
          <KindIcon kind={document.kind} size={20} />
        </span>
        <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }} data-testid="reader-title">
          {document.title}
        </Title>
      </Group>
      <div className={classes.metaLine}>
        {meta.map((part, index) => (
          <span key={index}>{part}</span>
        ))}
      </div>
      <Group gap={4} wrap="wrap" align="center" data-testid="reader-tags">
        {own.map((tag) => (
          <TagPill key={tag.id} name={tag.name} color={tag.color} onRemove={() => void removeTag(tag)} />
        ))}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void addTag(adding);
          }}
        >
          <Autocomplete
            size="xs"
            w={170}
            variant="unstyled"
            placeholder="+ Add tag…"
            aria-label="Add tag"
            data={available}
            value={adding}
            onChange={setAdding}
            onOptionSubmit={(value) => void addTag(value)}
            maxLength={MAX_TAG_NAME_LENGTH}
            styles={{ input: { height: 22, minHeight: 22, fontSize: 12 } }}
          />
        </form>
      </Group>
      {document.parentId !== null ? (
        <Text size="xs">
          <IconPaperclip size={12} style={{ verticalAlign: 'middle' }} /> An attachment.{' '}
          <Anchor component="button" type="button" size="xs" onClick={() => onOpenDocument(document.parentId ?? 0)}>
            Open the message it came with
          </Anchor>
        </Text>
      ) : null}
      {document.children.length > 0 ? (
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            Attachments
          </Text>
          {document.children.map((child) => (
            <Group key={child.id} gap={6} wrap="nowrap">
              <KindIcon kind={child.kind} size={14} />
              <Anchor component="button" type="button" size="sm" onClick={() => onOpenDocument(child.id)} truncate>
                {child.title}
              </Anchor>
            </Group>
          ))}
        </Stack>
      ) : null}
      <Divider mt={4} />
    </Stack>
  );
}

/** The text as paragraphs and runs; memoised so that a moving selection does not re-render it. */
const DocumentText = memo(function DocumentText({
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

/** An invisible box at a rectangle of the page, for popovers that point at text. */
function AnchorBox({ rect, ref }: Floating & { ref?: Ref<HTMLDivElement> }) {
  return (
    <div
      ref={ref}
      style={{ position: 'fixed', left: rect.left, top: rect.top, width: rect.width, height: rect.height, pointerEvents: 'none' }}
      aria-hidden
    />
  );
}

function NoteComposer({
  documentId,
  pending,
  onCompose,
  onMark,
  onLink,
  onClose,
}: {
  documentId: number;
  pending: Pending;
  onCompose: () => void;
  onMark: () => void;
  onLink: () => void;
  onClose: () => void;
}) {
  const create = useCreateNote();
  const [body, setBody] = useState('');
  const save = async () => {
    try {
      await create.mutateAsync({ documentId, start: pending.span.start, end: pending.span.end, body: body.trim() });
      onClose();
    } catch (error) {
      notifyError('Could not add the note', error);
    }
  };
  if (!pending.composing) {
    return (
      <Group className={classes.selectionTool} style={{ left: pending.rect.left, top: Math.max(4, pending.rect.top - 32) }} gap={4} wrap="nowrap">
        <Button
          size="compact-xs"
          leftSection={<IconNote size={13} />}
          // Keeps the selection: the click must not move focus out of the text.
          onMouseDown={(event) => event.preventDefault()}
          onClick={onCompose}
          data-testid="add-note"
        >
          Add note
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          leftSection={<IconUserPlus size={13} />}
          onMouseDown={(event) => event.preventDefault()}
          onClick={onMark}
          data-testid="mark-entity-button"
        >
          Mark entity
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          leftSection={<IconLink size={13} />}
          onMouseDown={(event) => event.preventDefault()}
          onClick={onLink}
          data-testid="link-passage-button"
        >
          Link…
        </Button>
      </Group>
    );
  }
  return (
    <Popover opened onDismiss={onClose} position="bottom-start" width={320} shadow="md" withArrow trapFocus>
      <Popover.Target>
        <AnchorBox rect={pending.rect} />
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          <Textarea
            label="Note"
            placeholder="What matters about this passage?"
            autosize
            minRows={3}
            maxRows={10}
            data-autofocus
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {modKey}+Enter saves
            </Text>
            <Group gap={6}>
              <Button size="xs" variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button size="xs" onClick={() => void save()} loading={create.isPending}>
                Save note
              </Button>
            </Group>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function NoteViewer({ note, state, onEdit, onClose }: { note: Note; state: OpenNote; onEdit: () => void; onClose: () => void }) {
  const update = useUpdateNote();
  const remove = useDeleteNote();
  const [body, setBody] = useState(note.body);
  useEffect(() => setBody(note.body), [note.body, state.editing]);
  const save = async () => {
    try {
      await update.mutateAsync({ id: note.id, body: body.trim() });
      onClose();
    } catch (error) {
      notifyError('Could not save the note', error);
    }
  };
  const deleteNote = async () => {
    try {
      await remove.mutateAsync({ id: note.id });
      onClose();
    } catch (error) {
      notifyError('Could not delete the note', error);
    }
  };
  let content: ReactNode;
  if (state.editing) {
    content = (
      <Textarea
        autosize
        minRows={3}
        maxRows={10}
        data-autofocus
        aria-label="Note"
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
      />
    );
  } else {
    content = note.body ? (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="note-body">
        {note.body}
      </Text>
    ) : (
      <Text size="sm" c="dimmed">
        A highlighted passage, without a comment.
      </Text>
    );
  }
  return (
    <Popover opened onDismiss={onClose} position="bottom-start" width={320} shadow="md" withArrow trapFocus>
      <Popover.Target>
        <AnchorBox rect={state.rect} />
      </Popover.Target>
      <Popover.Dropdown data-testid="note-popover">
        <Stack gap={6}>
          {content}
          <Text size="xs" c="dimmed">
            {formatDateTime(note.updatedAt)}
          </Text>
          <Group justify="flex-end" gap={6}>
            {state.editing ? (
              <>
                <Button size="xs" variant="default" onClick={onClose}>
                  Cancel
                </Button>
                <Button size="xs" onClick={() => void save()} loading={update.isPending}>
                  Save
                </Button>
              </>
            ) : (
              <>
                <Button size="xs" variant="subtle" color="red" onClick={() => void deleteNote()} loading={remove.isPending}>
                  Delete
                </Button>
                <Button size="xs" variant="default" onClick={onEdit}>
                  Edit
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
