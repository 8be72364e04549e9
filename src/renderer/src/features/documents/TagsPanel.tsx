/**
 * The tags column: tags as a tree by their `/` hierarchy with colours and counts; a click filters
 * the list by a tag, and each tag's menu renames, recolours, merges or deletes it.
 */
import {
  ActionIcon,
  Button,
  ColorSwatch,
  Group,
  Menu,
  Modal,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
  useMantineTheme,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDots, IconGitMerge, IconPalette, IconPencil, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { CSSProperties } from 'react';
import type { Tag } from '../../../../shared/documents';
import { MAX_TAG_NAME_LENGTH } from '../../../../shared/documents';
import { notifyError } from '../../api/notify';
import { useDeleteTag, useMergeTags, useUpdateTag } from './queries';
import classes from './DocumentsView.module.css';
import { useReadOnly } from '../../api/queries';

interface TagNode {
  readonly path: string;
  readonly label: string;
  tag: Tag | null;
  readonly children: TagNode[];
}

/** Builds the tree: `source/media` sits under `source`, whether or not `source` is a tag itself. */
export function tagTree(tags: readonly Tag[]): TagNode[] {
  const roots: TagNode[] = [];
  const byPath = new Map<string, TagNode>();
  const sorted = [...tags].sort((a, b) => a.name.localeCompare(b.name));
  for (const tag of sorted) {
    const parts = tag.name.split('/');
    let siblings = roots;
    parts.forEach((label, index) => {
      const path = parts.slice(0, index + 1).join('/');
      let node = byPath.get(path);
      if (!node) {
        node = { path, label, tag: null, children: [] };
        byPath.set(path, node);
        siblings.push(node);
      }
      if (index === parts.length - 1) node.tag = tag;
      siblings = node.children;
    });
  }
  return roots;
}

type TagAction = { readonly type: 'rename' | 'color' | 'merge' | 'delete'; readonly tag: Tag };

interface TagsPanelProps {
  readonly tags: readonly Tag[];
  readonly activeTagIds: readonly number[];
  readonly onToggleTag: (id: number) => void;
}

export function TagsPanel({ tags, activeTagIds, onToggleTag }: TagsPanelProps) {
  const tree = useMemo(() => tagTree(tags), [tags]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [action, setAction] = useState<TagAction | null>(null);

  const renderNode = (node: TagNode, depth: number) => {
    const isCollapsed = collapsed.has(node.path);
    const hasChildren = node.children.length > 0;
    const tag = node.tag;
    const active = tag !== null && activeTagIds.includes(tag.id);
    const toggleCollapsed = () =>
      setCollapsed((current) => {
        const next = new Set(current);
        if (next.has(node.path)) next.delete(node.path);
        else next.add(node.path);
        return next;
      });
    return (
      <li key={node.path} role="treeitem" aria-expanded={hasChildren ? !isCollapsed : undefined} aria-selected={active}>
        <div
          className={classes.tagRow}
          data-active={active || undefined}
          style={{ paddingLeft: depth * 12 }}
          onClick={() => (tag ? onToggleTag(tag.id) : toggleCollapsed())}
          title={tag ? `${tag.name}: click to ${active ? 'stop filtering' : 'filter the list'}` : node.path}
          data-testid="tag-row"
        >
          {hasChildren ? (
            <UnstyledButton
              aria-label={isCollapsed ? `Expand ${node.path}` : `Collapse ${node.path}`}
              onClick={(event) => {
                event.stopPropagation();
                toggleCollapsed();
              }}
              style={{ display: 'flex' }}
            >
              {isCollapsed ? <IconChevronRight size={12} /> : <IconChevronDown size={12} />}
            </UnstyledButton>
          ) : (
            <span style={{ width: 12, flexShrink: 0 }} />
          )}
          {tag ? <span className={classes.swatch} style={{ '--tag-color': tag.color } as CSSProperties} /> : null}
          <span className={classes.tagName} style={tag ? undefined : { color: 'var(--mantine-color-dimmed)' }}>
            {node.label}
          </span>
          {tag ? <span className={classes.count}>{tag.count.toLocaleString()}</span> : null}
          {tag ? <TagMenu tag={tag} onAction={setAction} /> : null}
        </div>
        {hasChildren && !isCollapsed ? (
          <ul role="group" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {node.children.map((child) => renderNode(child, depth + 1))}
          </ul>
        ) : null}
      </li>
    );
  };

  return (
    <div className={classes.pane} data-testid="tags-panel">
      <div className={classes.paneHeader}>
        <span className={classes.sectionTitle}>Tags</span>
      </div>
      <ScrollArea style={{ flex: 1 }} type="auto">
        {tags.length === 0 ? (
          <Text size="xs" c="dimmed" p="sm">
            No tags yet. Tag a document in the reader or right-click rows in the list. Use / for groups, as in
            source/media.
          </Text>
        ) : (
          <ul role="tree" aria-label="Tags" style={{ listStyle: 'none', margin: 0, padding: 4 }}>
            {tree.map((node) => renderNode(node, 0))}
          </ul>
        )}
      </ScrollArea>
      <TagActionModal action={action} tags={tags} onClose={() => setAction(null)} />
    </div>
  );
}

function TagMenu({ tag, onAction }: { tag: Tag; onAction: (action: TagAction) => void }) {
  const readOnly = useReadOnly();
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon
          className={classes.tagMenu}
          size="xs"
          variant="subtle"
          color="gray"
          aria-label={`Actions for tag ${tag.name}`}
          onClick={(event) => event.stopPropagation()}
        >
          <IconDots size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown onClick={(event) => event.stopPropagation()}>
        <Menu.Item leftSection={<IconPencil size={14} />} disabled={readOnly} onClick={() => onAction({ type: 'rename', tag })}>
          Rename…
        </Menu.Item>
        <Menu.Item leftSection={<IconPalette size={14} />} disabled={readOnly} onClick={() => onAction({ type: 'color', tag })}>
          Change colour…
        </Menu.Item>
        <Menu.Item leftSection={<IconGitMerge size={14} />} disabled={readOnly} onClick={() => onAction({ type: 'merge', tag })}>
          Merge into…
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} disabled={readOnly} onClick={() => onAction({ type: 'delete', tag })}>
          Delete…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

const SWATCH_COLORS = ['red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange', 'gray'];

function TagActionModal({ action, tags, onClose }: { action: TagAction | null; tags: readonly Tag[]; onClose: () => void }) {
  const theme = useMantineTheme();
  const update = useUpdateTag();
  const merge = useMergeTags();
  const remove = useDeleteTag();
  const [name, setName] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    setName(action?.tag.name ?? '');
    setTarget(null);
  }, [action]);

  const run = async (work: () => Promise<unknown>, failure: string) => {
    try {
      await work();
      onClose();
    } catch (error) {
      notifyError(failure, error);
    }
  };

  const tag = action?.tag;
  const titles = { rename: 'Rename tag', color: 'Tag colour', merge: 'Merge tag', delete: 'Delete tag' };
  return (
    <Modal opened={action !== null} onClose={onClose} title={action ? titles[action.type] : ''} centered size="sm">
      {action && tag ? (
        <Stack gap="sm">
          {action.type === 'rename' ? (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (name.trim()) void run(() => update.mutateAsync({ id: tag.id, name }), `Could not rename ${tag.name}`);
              }}
            >
              <Stack gap="sm">
                <TextInput
                  label="Name"
                  description="Use / for groups, as in source/media."
                  data-autofocus
                  value={name}
                  maxLength={MAX_TAG_NAME_LENGTH}
                  onChange={(event) => setName(event.currentTarget.value)}
                />
                <Group justify="flex-end">
                  <Button variant="default" onClick={onClose}>
                    Cancel
                  </Button>
                  <Button type="submit" disabled={!name.trim()} loading={update.isPending}>
                    Rename
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : null}
          {action.type === 'color' ? (
            <SimpleGrid cols={7} spacing={8}>
              {SWATCH_COLORS.map((color) => {
                const value = theme.colors[color]?.[6] ?? '#868e96';
                return (
                  <ColorSwatch
                    key={color}
                    component="button"
                    type="button"
                    color={value}
                    aria-label={color}
                    style={{ cursor: 'pointer', outline: value.toLowerCase() === tag.color.toLowerCase() ? '2px solid var(--mantine-color-text)' : undefined, outlineOffset: 2 }}
                    onClick={() => void run(() => update.mutateAsync({ id: tag.id, color: value }), `Could not recolour ${tag.name}`)}
                  />
                );
              })}
            </SimpleGrid>
          ) : null}
          {action.type === 'merge' ? (
            <>
              <Text size="sm">
                Every document tagged <b>{tag.name}</b> gets the tag you choose, and <b>{tag.name}</b> is removed.
              </Text>
              <Select
                label="Merge into"
                data-autofocus
                searchable
                data={tags.filter((other) => other.id !== tag.id).map((other) => ({ value: String(other.id), label: other.name }))}
                value={target}
                onChange={setTarget}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  Cancel
                </Button>
                <Button
                  disabled={target === null}
                  loading={merge.isPending}
                  onClick={() => void run(() => merge.mutateAsync({ sourceId: tag.id, targetId: Number(target) }), `Could not merge ${tag.name}`)}
                >
                  Merge
                </Button>
              </Group>
            </>
          ) : null}
          {action.type === 'delete' ? (
            <>
              <Text size="sm">
                Delete the tag <b>{tag.name}</b>? It is removed from {tag.count.toLocaleString()}{' '}
                {tag.count === 1 ? 'document' : 'documents'}; the documents stay.
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose} data-autofocus>
                  Cancel
                </Button>
                <Button color="red" loading={remove.isPending} onClick={() => void run(() => remove.mutateAsync({ id: tag.id }), `Could not delete ${tag.name}`)}>
                  Delete tag
                </Button>
              </Group>
            </>
          ) : null}
        </Stack>
      ) : null}
    </Modal>
  );
}
