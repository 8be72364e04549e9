/**
 * The Documents view: search and filters above; tags, the list (or the case's notes), the reader and
 * the inspector side by side in resizable panes, remembered per case.
 */
import { ActionIcon, Button, EmptyState, Menu, SegmentedControl, Splitter, Text, Tooltip } from '@mantine/core';
import type { SplitterPaneSize, UseSplitterReturnValue } from '@mantine/hooks';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconBook2,
  IconFileImport,
  IconLayoutSidebarLeftCollapse,
  IconSearchOff,
  IconTagMinus,
  IconTagPlus,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { DocumentRow, Note, SortField } from '../../../../shared/documents';
import { errorMessage } from '../../api/client';
import { notifyError } from '../../api/notify';
import { ContextMenu } from './ContextMenu';
import type { MenuPosition } from './ContextMenu';
import { DocumentList } from './DocumentList';
import { ImportReportModal } from './ImportReportModal';
import { Inspector, NoteList } from './Inspector';
import type { ListQuery } from './queries';
import { useApplyTag, useDocumentPages, useNotes, useTags } from './queries';
import { Reader } from './Reader';
import type { Filters } from './SearchBar';
import { SearchBar, hasFilters, noFilters } from './SearchBar';
import type { DocumentSelection } from './selection';
import { emptySelection, only, resolveSelection, selectedCount } from './selection';
import type { TagMode, TagReference } from './TagSelectedModal';
import { TagSelectedModal } from './TagSelectedModal';
import { TagsPanel } from './TagsPanel';
import type { Importer } from './useImporter';
import type { NavigationRequest } from '../../components/navigation';
import classes from './DocumentsView.module.css';
import { READ_ONLY_HINT, useReadOnly } from '../../api/queries';

const SUPPORTED = 'txt, md, html, pdf, docx, eml, mbox, zip, Reuters SGML';
const DEFAULT_SIZES: SplitterPaneSize[] = ['160px', 52, 48, '250px'];

interface DocumentsViewProps {
  readonly casePath: string;
  /** False while another view is in front: the view stays mounted but ignores the keyboard. */
  readonly active: boolean;
  readonly importer: Importer;
  /** Brings this view to the front. */
  readonly onActivate: () => void;
  /** A document to open (at a mention), asked for from another view. */
  readonly request?: NavigationRequest | null;
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function layoutKey(casePath: string): string {
  return `dossier-documents-layout:${casePath}`;
}

function savedSizes(casePath: string): SplitterPaneSize[] {
  try {
    const raw = window.localStorage.getItem(layoutKey(casePath));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (Array.isArray(parsed) && parsed.length === DEFAULT_SIZES.length) return parsed as SplitterPaneSize[];
  } catch {
    // A layout that cannot be read is replaced by the default one.
  }
  return DEFAULT_SIZES;
}

export function DocumentsView({ casePath, active, importer, onActivate, request = null }: DocumentsViewProps) {
  const readOnly = useReadOnly();
  const client = useQueryClient();
  const searchRef = useRef<HTMLInputElement>(null);
  const splitterRef = useRef<UseSplitterReturnValue | null>(null);
  const [sizes, setSizes] = useState(() => savedSizes(casePath));

  const [searchInput, setSearchInput] = useState('');
  const [search] = useDebouncedValue(searchInput, 200);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [order, setOrder] = useState<{ sort: SortField; direction: 'asc' | 'desc' }>({ sort: 'importedAt', direction: 'desc' });
  const [selection, setSelection] = useState<DocumentSelection>(emptySelection);
  const [openId, setOpenId] = useState<number | null>(null);
  const [focusNote, setFocusNote] = useState<{ id: number; nonce: number } | null>(null);
  const [leftTab, setLeftTab] = useState<'documents' | 'notes'>('documents');
  const [tagMode, setTagMode] = useState<TagMode | null>(null);
  const [menu, setMenu] = useState<{ position: MenuPosition; row: DocumentRow } | null>(null);

  const tags = useTags();
  const tagList = useMemo(() => tags.data ?? [], [tags.data]);
  const tagsById = useMemo(() => new Map(tagList.map((tag) => [tag.id, tag])), [tagList]);
  const caseNotes = useNotes(null, leftTab === 'notes');

  const query: ListQuery = useMemo(
    () => ({ search, ...filters, sort: order.sort, direction: order.direction }),
    [search, filters, order],
  );
  // The list keeps showing the last query that worked while a new one loads or is being corrected.
  const [firstPage] = useDocumentPages(query, [0]);
  const [shownQuery, setShownQuery] = useState(query);
  useEffect(() => {
    if (firstPage?.isSuccess && !firstPage.isPlaceholderData) setShownQuery(query);
  }, [firstPage?.isSuccess, firstPage?.isPlaceholderData, query]);
  const [shownPage] = useDocumentPages(shownQuery, [0]);
  const total = shownPage?.data?.total ?? 0;
  const searchError = firstPage?.isError ? errorMessage(firstPage.error) : null;
  const count = selectedCount(selection, total);

  // "All" means all of what the list shows; a different search or filter shows something else.
  useEffect(() => {
    setSelection((current) => (current.all ? emptySelection : current));
  }, [shownQuery.search, shownQuery.tagIds, shownQuery.kinds, shownQuery.publishedFrom, shownQuery.publishedTo]);

  // Filters naming a tag that was merged away or deleted drop it.
  useEffect(() => {
    if (!tags.data) return;
    setFilters((current) => {
      const kept = current.tagIds.filter((id) => tagsById.has(id));
      return kept.length === current.tagIds.length ? current : { ...current, tagIds: kept };
    });
  }, [tags.data, tagsById]);

  useHotkeys(
    active
      ? [
          ['/', () => searchRef.current?.focus()],
          ['mod+F', () => searchRef.current?.focus()],
        ]
      : [],
  );

  const onSearchChange = (value: string) => {
    const was = searchInput.trim();
    const now = value.trim();
    if (!was && now) setOrder({ sort: 'relevance', direction: 'desc' });
    if (was && !now && order.sort === 'relevance') setOrder({ sort: 'importedAt', direction: 'desc' });
    setSearchInput(value);
  };

  const onSort = (field: SortField) =>
    setOrder((current) =>
      current.sort === field
        ? { sort: field, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { sort: field, direction: field === 'title' || field === 'kind' ? 'asc' : 'desc' },
    );

  const openDocument = (id: number, select = true) => {
    setOpenId(id);
    if (select) setSelection(only(id));
  };

  const [focusMention, setFocusMention] = useState<{ id: number; nonce: number } | null>(null);
  const [focusPassage, setFocusPassage] = useState<{ start: number; end: number; nonce: number } | null>(null);
  const handledRequest = useRef<number | null>(null);
  useEffect(() => {
    if (!request || handledRequest.current === request.nonce) return;
    handledRequest.current = request.nonce;
    setOpenId(request.id);
    setSelection(only(request.id));
    setFocusMention(request.mentionId === undefined ? null : { id: request.mentionId, nonce: request.nonce });
    setFocusPassage(request.passage ? { ...request.passage, nonce: request.nonce } : null);
  }, [request]);

  const showNote = (note: Note) => {
    openDocument(note.documentId);
    setFocusNote({ id: note.id, nonce: Date.now() });
  };

  const apply = useApplyTag();
  const applyTag = async (tag: TagReference, mode: TagMode): Promise<boolean> => {
    try {
      const documentIds = await resolveSelection(client, selection, shownQuery);
      if (documentIds.length === 0) return true;
      const result = await apply.mutateAsync({ tag, documentIds, action: mode });
      notifications.show({
        color: 'teal',
        message: `${mode === 'add' ? 'Tagged' : 'Untagged'} ${documentIds.length.toLocaleString()} ${documentIds.length === 1 ? 'document' : 'documents'}: ${result.name}`,
        autoClose: 3000,
      });
      return true;
    } catch (error) {
      notifyError(mode === 'add' ? 'Could not add the tag' : 'Could not remove the tag', error);
      return false;
    }
  };

  const onRowMenu = (event: MouseEvent, row: DocumentRow) => setMenu({ position: { x: event.clientX, y: event.clientY }, row });

  const unfilteredEmpty = total === 0 && !shownQuery.search.trim() && !hasFilters(shownQuery) && shownPage?.isSuccess === true;
  const emptyCase = (
    <EmptyState
      pt="14vh"
      px="md"
      size="lg"
      icon={<IconFileImport size={32} stroke={1.5} />}
      title="No documents yet"
      description={readOnly ? 'This case is open read-only, so nothing can be imported into it.' : `Drag files here, or Import… (${SUPPORTED})`}
      data-testid="documents-empty"
    >
      <Button mt="sm" size="xs" leftSection={<IconFileImport size={14} />} disabled={readOnly} title={readOnly ? READ_ONLY_HINT : undefined} onClick={() => void importer.chooseAndImport(false)}>
        Import…
      </Button>
    </EmptyState>
  );
  const noMatch = (
    <EmptyState
      pt="8vh"
      px="md"
      icon={<IconSearchOff size={28} stroke={1.5} />}
      title="No documents match"
      description={
        hasFilters(shownQuery)
          ? 'Nothing matches the search with these filters. Try clearing the filters.'
          : 'Nothing matches this search. Check the spelling, or try fewer words or a prefix such as shell*.'
      }
      data-testid="documents-no-match"
    >
      {hasFilters(shownQuery) ? (
        <Button mt="sm" size="xs" variant="default" onClick={() => setFilters(noFilters)}>
          Clear filters
        </Button>
      ) : null}
    </EmptyState>
  );

  const listPane = (
    <div className={classes.pane}>
      <div className={classes.paneHeader}>
        <Tooltip label="Show or hide tags">
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Toggle tags panel" onClick={() => splitterRef.current?.toggleCollapse(0)}>
            <IconLayoutSidebarLeftCollapse size={15} />
          </ActionIcon>
        </Tooltip>
        <SegmentedControl
          size="xs"
          value={leftTab}
          onChange={(value) => setLeftTab(value === 'notes' ? 'notes' : 'documents')}
          data={[
            { value: 'documents', label: 'Documents' },
            { value: 'notes', label: 'Notes' },
          ]}
          styles={{ label: { paddingTop: 1, paddingBottom: 1, fontSize: 11 } }}
        />
        {leftTab === 'documents' ? (
          <Text size="xs" c="dimmed" data-testid="document-total" style={{ whiteSpace: 'nowrap' }}>
            {total.toLocaleString()} {total === 1 ? 'document' : 'documents'}
            {count > 1 ? ` · ${count.toLocaleString()} selected` : ''}
          </Text>
        ) : null}
        {leftTab === 'documents' && shownQuery.search.trim() && order.sort !== 'relevance' ? (
          <Button size="compact-xs" variant="subtle" ml="auto" onClick={() => setOrder({ sort: 'relevance', direction: 'desc' })}>
            Sort by relevance
          </Button>
        ) : null}
      </div>
      {leftTab === 'documents' ? (
        <DocumentList
          query={shownQuery}
          selection={selection}
          onSelectionChange={setSelection}
          openId={openId}
          onOpen={(id) => openDocument(id, false)}
          onSort={onSort}
          onRowMenu={onRowMenu}
          tagsById={tagsById}
          empty={noMatch}
        />
      ) : (
        <div className={classes.inspector} data-testid="case-notes">
          <NoteList notes={caseNotes.data ?? []} onShowNote={showNote} showDocument />
        </div>
      )}
    </div>
  );

  return (
    <div className={classes.view} data-testid="view-documents">
      <div className={classes.toolbar}>
        <SearchBar
          inputRef={searchRef}
          search={searchInput}
          onSearchChange={onSearchChange}
          searchError={searchError}
          filters={filters}
          onFiltersChange={setFilters}
          tags={tagList}
          selectedCount={count}
          onTagSelected={() => setTagMode('add')}
          onImport={() => void importer.chooseAndImport(false)}
        />
      </div>
      {unfilteredEmpty ? (
        <div className={classes.body}>{emptyCase}</div>
      ) : (
        <Splitter
          className={classes.body}
          splitterRef={splitterRef}
          lineSize={1}
          withHandle={false}
          onResizeEnd={(_handle, next) => {
            setSizes(next);
            try {
              window.localStorage.setItem(layoutKey(casePath), JSON.stringify(next));
            } catch {
              // The layout is a convenience; a full storage only means it is not remembered.
            }
          }}
        >
          <Splitter.Pane defaultSize={sizes[0] ?? '180px'} min="120px" max="360px" collapsible collapseThreshold="80px">
            <TagsPanel
              tags={tagList}
              activeTagIds={filters.tagIds}
              onToggleTag={(id) =>
                setFilters((current) => ({
                  ...current,
                  tagIds: current.tagIds.includes(id) ? current.tagIds.filter((other) => other !== id) : [...current.tagIds, id],
                }))
              }
            />
          </Splitter.Pane>
          <Splitter.Pane defaultSize={sizes[1] ?? 44} min={20}>
            {listPane}
          </Splitter.Pane>
          <Splitter.Pane defaultSize={sizes[2] ?? 56} min={20}>
            <div className={classes.pane}>
              <Reader documentId={openId} search={search} tags={tagList} onOpenDocument={(id) => openDocument(id)} focusNote={focusNote} focusMention={focusMention} focusPassage={focusPassage} />
            </div>
          </Splitter.Pane>
          <Splitter.Pane defaultSize={sizes[3] ?? '290px'} min="200px" max="520px" collapsible collapseThreshold="120px">
            <div className={classes.pane} data-testid="inspector">
              <Inspector
                documentId={openId}
                search={search}
                selectedCount={count}
                onTagSelected={() => setTagMode('add')}
                onShowNote={showNote}
              />
            </div>
          </Splitter.Pane>
        </Splitter>
      )}

      <ContextMenu position={menu?.position ?? null} onClose={() => setMenu(null)}>
        {menu ? (
          <>
            <Menu.Label>
              {count > 1 ? `${count.toLocaleString()} documents` : shorten(menu.row.title, 48)}
            </Menu.Label>
            <Menu.Item leftSection={<IconBook2 size={14} />} onClick={() => openDocument(menu.row.id, false)}>
              Open
            </Menu.Item>
            <Menu.Item leftSection={<IconTagPlus size={14} />} onClick={() => setTagMode('add')}>
              {count > 1 ? 'Tag selected…' : 'Add tag…'}
            </Menu.Item>
            <Menu.Item leftSection={<IconTagMinus size={14} />} onClick={() => setTagMode('remove')}>
              Remove tag…
            </Menu.Item>
          </>
        ) : null}
      </ContextMenu>

      <TagSelectedModal
        mode={tagMode}
        count={count}
        tags={tagList}
        busy={apply.isPending}
        onApply={applyTag}
        onClose={() => setTagMode(null)}
      />
      <ImportReportModal
        report={importer.openedReport}
        onClose={importer.closeReport}
        onOpenDocument={(id) => {
          onActivate();
          openDocument(id);
        }}
      />
    </div>
  );
}
