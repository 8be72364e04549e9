/** The reader's head: a document's title, metadata and tags (adding one by name). */
import { Anchor, Autocomplete, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { DocumentDetail, Tag } from '../../../../shared/documents';
import { MAX_TAG_NAME_LENGTH } from '../../../../shared/documents';
import { notifyError } from '../../api/notify';
import { formatPublished } from './format';
import { KindIcon, kindLabels } from './kinds';
import { useApplyTag } from './queries';
import { TagPill } from './TagPill';
import classes from './DocumentsView.module.css';


export function ReaderHeader({ document, tags, onOpenDocument }: { document: DocumentDetail; tags: readonly Tag[]; onOpenDocument: (id: number) => void }) {
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
