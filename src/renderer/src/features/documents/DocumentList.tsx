/**
 * The documents list: a virtualised grid that fetches the windows of rows it shows, sortable by
 * its headers, with click / Ctrl-click / Shift-click selection and the keyboard of a file list.
 */
import { Badge, Skeleton, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconNote } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent, MouseEvent, ReactNode } from 'react';
import type { DocumentPage, DocumentRow, SortField, Tag } from '../../../../shared/documents';
import { formatBytes, formatShortDate } from './format';
import { KindIcon, kindLabels } from './kinds';
import type { ListQuery } from './queries';
import { PAGE_SIZE, documentKeys, useCaseHasScans, useDocumentPages } from './queries';
import type { DocumentSelection } from './selection';
import { emptySelection, isSelected, only, toggle, withIds } from './selection';
import { snippetParts } from './textLayout';
import { TagPill } from './TagPill';
import { ConfidenceBadge } from './ScanSummary';
import classes from './DocumentList.module.css';

const ROW_HEIGHT = 30;
const SEARCH_ROW_HEIGHT = 50;
/** The sticky header sits in the scrolled element, above the rows. */
const HEADER_HEIGHT = 28;

interface DocumentListProps {
  readonly query: ListQuery;
  readonly selection: DocumentSelection;
  readonly onSelectionChange: (selection: DocumentSelection) => void;
  readonly openId: number | null;
  readonly onOpen: (id: number) => void;
  readonly onSort: (field: SortField) => void;
  readonly onRowMenu: (event: MouseEvent, row: DocumentRow) => void;
  readonly tagsById: ReadonlyMap<number, Tag>;
  /** Shown instead of rows when the query lists nothing. */
  readonly empty: ReactNode;
}

interface Column {
  readonly field: SortField | null;
  readonly label: string;
  readonly className?: string;
  readonly right?: boolean;
  /** What sorting by it is called, when not the label in lower case. */
  readonly sortName?: string;
}

const columns: readonly Column[] = [
  { field: 'kind', label: '' },
  { field: 'title', label: 'Title' },
  { field: null, label: 'Source / author', className: classes.colSource },
  { field: 'publishedAt', label: 'Published' },
  { field: 'importedAt', label: 'Imported', className: classes.colImported },
  { field: 'size', label: 'Size', className: classes.colSize, right: true },
  { field: 'ocrConfidence', label: 'OCR', className: classes.colOcr, sortName: 'OCR confidence' },
  { field: null, label: 'Tags', className: classes.colTags },
];

export function DocumentList(props: DocumentListProps) {
  const { query, selection, onSelectionChange, openId, onOpen, onSort, onRowMenu, tagsById, empty } = props;
  const client = useQueryClient();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [cursor, setCursor] = useState(0);
  const [anchor, setAnchor] = useState(0);
  const searching = query.search.trim().length > 0;
  const rowHeight = searching ? SEARCH_ROW_HEIGHT : ROW_HEIGHT;

  const [firstPage] = useDocumentPages(query, [0]);
  const hasScans = useCaseHasScans();
  const total = firstPage?.data?.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);

  // A new search or order starts at the top.
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    setCursor(0);
    setAnchor(0);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  const items = virtualizer.getVirtualItems();
  const pages = useMemo(() => {
    const wanted = new Set<number>([0]);
    for (const item of items) wanted.add(Math.floor(item.index / PAGE_SIZE));
    return [...wanted].sort((a, b) => a - b);
  }, [items]);
  const results = useDocumentPages(query, pages);
  const pageData = new Map<number, DocumentPage>();
  pages.forEach((page, index) => {
    const data = results[index]?.data;
    if (data) pageData.set(page, data);
  });

  const rowAt = (index: number): DocumentRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const data = pageData.get(page) ?? client.getQueryData<DocumentPage>(documentKeys.list(query, page));
    return data?.rows[index % PAGE_SIZE];
  };

  const idsBetween = (from: number, to: number): number[] => {
    const ids: number[] = [];
    for (let index = Math.min(from, to); index <= Math.max(from, to); index += 1) {
      const row = rowAt(index);
      if (row) ids.push(row.id);
    }
    return ids;
  };

  const moveTo = (index: number, extend: boolean) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    setCursor(next);
    virtualizer.scrollToIndex(next);
    if (extend) {
      onSelectionChange({ all: false, ids: new Set(idsBetween(anchor, next)) });
    } else {
      setAnchor(next);
      const row = rowAt(next);
      if (row) onSelectionChange(only(row.id));
    }
  };

  const onRowClick = (event: MouseEvent, index: number, row: DocumentRow) => {
    scrollRef.current?.focus({ preventScroll: true });
    setCursor(index);
    if (event.shiftKey) {
      onSelectionChange(event.ctrlKey || event.metaKey ? withIds(selection, idsBetween(anchor, index)) : { all: false, ids: new Set(idsBetween(anchor, index)) });
      return;
    }
    setAnchor(index);
    if (event.ctrlKey || event.metaKey) {
      onSelectionChange(toggle(selection, row.id));
      return;
    }
    onSelectionChange(only(row.id));
    onOpen(row.id);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / rowHeight) - 1);
    const mod = event.ctrlKey || event.metaKey;
    const moves: Record<string, number> = {
      ArrowDown: cursor + 1,
      ArrowUp: cursor - 1,
      PageDown: cursor + pageRows,
      PageUp: cursor - pageRows,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target !== undefined && !mod) {
      event.preventDefault();
      moveTo(target, event.shiftKey);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const row = rowAt(cursor);
      if (row) {
        if (!isSelected(selection, row.id)) onSelectionChange(only(row.id));
        onOpen(row.id);
      }
    } else if (mod && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      onSelectionChange({ all: true, ids: new Set() });
    } else if (event.key === 'Escape') {
      onSelectionChange(emptySelection);
    }
  };

  const header = (
    <div className={classes.headerRow} role="row">
      {columns.map((column, index) => {
        const sorted = column.field !== null && query.sort === column.field;
        const classNames = [classes.headerCell, column.className, column.right ? classes.right : undefined].filter(Boolean).join(' ');
        if (column.field === null) {
          return (
            <div key={column.label} className={classNames} data-static role="columnheader">
              {column.label}
            </div>
          );
        }
        const field = column.field;
        const label = column.sortName ?? (column.label || 'Type').toLowerCase();
        return (
          <button
            key={field}
            type="button"
            role="columnheader"
            className={classNames}
            data-sorted={sorted || undefined}
            aria-sort={sorted ? (query.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            aria-label={`Sort by ${label}`}
            title={`Sort by ${label}`}
            onClick={() => onSort(field)}
            tabIndex={-1}
          >
            {index === 0 ? <KindIcon kind="text" size={13} /> : <span className={classes.titleText}>{column.label}</span>}
            {sorted ? query.direction === 'asc' ? <IconArrowUp size={12} /> : <IconArrowDown size={12} /> : null}
          </button>
        );
      })}
    </div>
  );

  return (
    <div className={classes.listContainer}>
      <div
        ref={scrollRef}
        className={classes.grid}
        role="grid"
        aria-label="Documents"
        aria-rowcount={total}
        aria-multiselectable
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="document-list"
        data-no-ocr={hasScans ? undefined : ''}
      >
        {header}
        {total === 0 && firstPage?.data ? (
          empty
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
            {items.map((item) => {
              const row = rowAt(item.index);
              const style = { transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: item.size };
              if (!row) {
                return (
                  <div key={item.key} className={classes.row} style={style} role="row" aria-rowindex={item.index + 2}>
                    <span />
                    <Skeleton height={10} width="60%" />
                  </div>
                );
              }
              return (
                <Row
                  key={item.key}
                  row={row}
                  index={item.index}
                  style={style}
                  searching={searching}
                  selected={isSelected(selection, row.id)}
                  open={row.id === openId}
                  cursor={item.index === cursor}
                  tagsById={tagsById}
                  onClick={onRowClick}
                  onDoubleClick={() => onOpen(row.id)}
                  onContextMenu={(event) => {
                    event.preventDefault();
                    setCursor(item.index);
                    if (!isSelected(selection, row.id)) {
                      setAnchor(item.index);
                      onSelectionChange(only(row.id));
                    }
                    onRowMenu(event, row);
                  }}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

interface RowProps {
  readonly row: DocumentRow;
  readonly index: number;
  readonly style: CSSProperties;
  readonly searching: boolean;
  readonly selected: boolean;
  readonly open: boolean;
  readonly cursor: boolean;
  readonly tagsById: ReadonlyMap<number, Tag>;
  readonly onClick: (event: MouseEvent, index: number, row: DocumentRow) => void;
  readonly onDoubleClick: () => void;
  readonly onContextMenu: (event: MouseEvent) => void;
}

function Row({ row, index, style, searching, selected, open, cursor, tagsById, onClick, onDoubleClick, onContextMenu }: RowProps) {
  const source = [row.source, row.author].filter(Boolean).join(' · ');
  return (
    <div
      className={classes.row}
      style={style}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={row.title}
      data-selected={selected || undefined}
      data-open={open || undefined}
      data-cursor={cursor || undefined}
      data-search={searching || undefined}
      data-testid="document-row"
      onClick={(event) => onClick(event, index, row)}
      onDoubleClick={onDoubleClick}
      onContextMenu={onContextMenu}
    >
      <span className={classes.kindCell} role="gridcell" title={kindLabels[row.kind]}>
        <KindIcon kind={row.kind} size={16} />
      </span>
      <span className={classes.titleCell} role="gridcell">
        <span className={classes.titleText} title={row.title}>
          {row.title}
        </span>
        {row.nearDuplicateOf !== null ? (
          <Tooltip label="Nearly the same text as another document in the case">
            <Badge size="xs" variant="light" color="orange" style={{ flexShrink: 0 }}>
              near-duplicate
            </Badge>
          </Tooltip>
        ) : null}
        {row.noteCount > 0 ? (
          <span className={classes.dim} title={`${row.noteCount} notes`} style={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
            <IconNote size={12} />
            {row.noteCount}
          </span>
        ) : null}
      </span>
      <span className={`${classes.cell} ${classes.dim} ${classes.colSource}`} role="gridcell" title={source}>
        {source}
      </span>
      <span className={`${classes.cell} ${classes.dim}`} role="gridcell">
        {formatShortDate(row.publishedAt)}
      </span>
      <span className={`${classes.cell} ${classes.dim} ${classes.colImported}`} role="gridcell">
        {formatShortDate(row.importedAt)}
      </span>
      <span className={`${classes.cell} ${classes.dim} ${classes.colSize} ${classes.right}`} role="gridcell">
        {formatBytes(row.size)}
      </span>
      <span className={`${classes.cell} ${classes.colOcr}`} role="gridcell">
        {row.ocrConfidence !== null ? <ConfidenceBadge confidence={row.ocrConfidence} /> : null}
      </span>
      <span className={`${classes.tagsCell} ${classes.colTags}`} role="gridcell">
        {row.tagIds.map((id) => {
          const tag = tagsById.get(id);
          return tag ? <TagPill key={id} name={tag.name} color={tag.color} /> : null;
        })}
      </span>
      {searching && row.snippet ? (
        <span className={classes.snippet} data-testid="snippet">
          {snippetParts(row.snippet).map((part, key) => (part.hit ? <mark key={key}>{part.text}</mark> : <span key={key}>{part.text}</span>))}
        </span>
      ) : null}
    </div>
  );
}
