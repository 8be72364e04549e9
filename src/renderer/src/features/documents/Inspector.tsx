/**
 * The inspector for the documents view: the open document's editable metadata and what the file
 * says about itself, its notes; or, with several documents selected, what can be done to them all.
 */
import { Button, EmptyState, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { IconFiles, IconInfoCircle, IconTags } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { CSSProperties } from 'react';
import type { InputOf } from '../../../../shared/api';
import type { DocumentDetail, Note } from '../../../../shared/documents';
import { modKey } from '../../components/format';
import { notifyError } from '../../api/notify';
import { formatBytes, formatDateTime } from './format';
import { kindLabels } from './kinds';
import { useDocument, useUpdateDocument } from './queries';
import { DEFAULT_NOTE_COLOR } from './NotePopovers';
import classes from './DocumentsView.module.css';
import { useReadOnly } from '../../api/queries';

interface InspectorProps {
  readonly documentId: number | null;
  readonly search: string;
  readonly selectedCount: number;
  readonly onTagSelected: () => void;
  readonly onShowNote: (note: Note) => void;
}

export function Inspector({ documentId, search, selectedCount, onTagSelected, onShowNote }: InspectorProps) {
  const readOnly = useReadOnly();
  const detail = useDocument(documentId, search);
  if (selectedCount > 1) {
    return (
      <EmptyState
        pt="10vh"
        size="sm"
        icon={<IconFiles size={24} stroke={1.5} />}
        title={`${selectedCount.toLocaleString()} documents selected`}
        description={`Tag or untag them all at once; ${modKey}+Z undoes it.`}
      >
        <Button size="xs" mt="sm" leftSection={<IconTags size={14} />} disabled={readOnly} onClick={onTagSelected}>
          Tag selected…
        </Button>
      </EmptyState>
    );
  }
  const document = detail.data;
  if (documentId === null || !document) {
    return (
      <EmptyState
        pt="10vh"
        size="sm"
        icon={<IconInfoCircle size={24} stroke={1.5} />}
        title="No document"
        description="The open document's details and notes show here."
      />
    );
  }
  return (
    <Tabs defaultValue="details" keepMounted={false} style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <Tabs.List grow>
        <Tabs.Tab value="details" fz="xs">
          Details
        </Tabs.Tab>
        <Tabs.Tab value="notes" fz="xs">
          Notes ({document.notes.length})
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="details" className={classes.inspector}>
        <DocumentDetails key={document.id} document={document} />
      </Tabs.Panel>
      <Tabs.Panel value="notes" className={classes.inspector}>
        <NoteList notes={document.notes} onShowNote={onShowNote} showDocument={false} />
      </Tabs.Panel>
    </Tabs>
  );
}

type EditableField = 'title' | 'author' | 'source' | 'publishedAt' | 'language';

function DocumentDetails({ document }: { document: DocumentDetail }) {
  const update = useUpdateDocument();
  const save = async (field: EditableField, raw: string) => {
    const value = raw.trim();
    const current = field === 'publishedAt' ? (document.publishedAt ?? '').slice(0, 10) : (document[field] ?? '');
    if (value === current) return;
    if (field === 'title' && !value) return;
    const patch: InputOf<'documents.update'> = { id: document.id };
    if (field === 'title') patch.title = value;
    else patch[field] = value || null;
    try {
      await update.mutateAsync(patch);
    } catch (error) {
      notifyError(`Could not save the ${field === 'publishedAt' ? 'date' : field}`, error);
    }
  };
  return (
    <Stack gap={8}>
      <Field label="Title" value={document.title} onSave={(value) => save('title', value)} required />
      <Field label="Author" value={document.author ?? ''} onSave={(value) => save('author', value)} />
      <Field label="Source / URL" value={document.source ?? ''} onSave={(value) => save('source', value)} />
      <Field
        label="Published"
        type="date"
        value={(document.publishedAt ?? '').slice(0, 10)}
        onSave={(value) => save('publishedAt', value)}
      />
      <Field label="Language" value={document.language ?? ''} onSave={(value) => save('language', value)} placeholder="e.g. en, ru, hy" />
      <Text className={classes.sectionTitle} mt={6}>
        File
      </Text>
      <dl className={classes.keyValues}>
        <dt>File name</dt>
        <dd>{document.fileName ?? '—'}</dd>
        <dt>Kind</dt>
        <dd>{kindLabels[document.kind]}</dd>
        <dt>Size</dt>
        <dd>
          {formatBytes(document.size)} · {document.text.length.toLocaleString()} characters
        </dd>
        <dt>Imported</dt>
        <dd>{formatDateTime(document.importedAt)}</dd>
        <dt>SHA-256</dt>
        <dd style={{ fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 10 }}>{document.sha256 ?? '—'}</dd>
      </dl>
      {Object.keys(document.meta).length > 0 ? (
        <>
          <Text className={classes.sectionTitle} mt={6}>
            From the source
          </Text>
          <dl className={classes.keyValues} data-testid="document-meta">
            {Object.entries(document.meta).map(([key, value]) => (
              <MetaEntry key={key} name={key} value={value} />
            ))}
          </dl>
        </>
      ) : null}
    </Stack>
  );
}

function metaText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(metaText).join(', ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function MetaEntry({ name, value }: { name: string; value: unknown }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{metaText(value)}</dd>
    </>
  );
}

interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onSave: (value: string) => Promise<void>;
  readonly type?: string;
  readonly required?: boolean;
  readonly placeholder?: string;
}

/** A field that saves when it loses focus or on Enter, and forgets edits on Escape. */
function Field({ label, value, onSave, type, required, placeholder }: FieldProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <TextInput
      size="xs"
      label={label}
      type={type}
      value={draft}
      placeholder={placeholder}
      error={required && !draft.trim() ? `A document needs a ${label.toLowerCase()}` : undefined}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={() => void onSave(draft)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') setDraft(value);
      }}
    />
  );
}

/** Notes as cards: quote, body, and (case-wide) the document they belong to. */
export function NoteList({
  notes,
  onShowNote,
  showDocument,
}: {
  notes: readonly Note[];
  onShowNote: (note: Note) => void;
  showDocument: boolean;
}) {
  if (notes.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        No notes yet. Select a passage in the reader and choose Add note.
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="note-list">
      {notes.map((note) => (
        <button
          key={note.id}
          type="button"
          className={classes.noteCard}
          style={{ '--note-color': note.color ?? DEFAULT_NOTE_COLOR } as CSSProperties}
          onClick={() => onShowNote(note)}
        >
          {showDocument ? (
            <Text size="xs" fw={600} truncate>
              {note.documentTitle}
            </Text>
          ) : null}
          <Text className={classes.quote}>“{note.quote}”</Text>
          {note.body ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
              {note.body}
            </Text>
          ) : null}
          <Text size="10px" c="dimmed" mt={2}>
            {formatDateTime(note.updatedAt)}
          </Text>
        </button>
      ))}
    </Stack>
  );
}
