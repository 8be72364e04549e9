/** The graph's toolbar: find a node, run the layout, fit, link, and export the case graph or this view. */
import { ActionIcon, Button, Group, Menu, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFocusCentered, IconLink, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import type { RefObject } from 'react';
import { call } from '../../api/client';
import { notifyError } from '../../api/notify';
import { NodeSearch } from './NodeSearch';
import type { useSigma } from './useSigma';
import viewLayout from '../../components/ViewLayout.module.css';
import { READ_ONLY_HINT, useReadOnly } from '../../api/queries';

interface GraphToolbarProps {
  readonly handle: ReturnType<typeof useSigma>;
  readonly dark: boolean;
  readonly searchRef: RefObject<HTMLInputElement | null>;
  readonly layoutRunning: boolean;
  readonly onToggleLayout: () => void;
  readonly onFit: () => void;
  readonly onLink: () => void;
  readonly onPickNode: (key: string) => void;
}

export function GraphToolbar({ handle, dark, searchRef, layoutRunning, onToggleLayout, onFit, onLink, onPickNode }: GraphToolbarProps) {
  const readOnly = useReadOnly();
  const exportFile = async (format: 'graphml' | 'csv') => {
    try {
      const exported = await call('graph.export', { format });
      for (const file of exported.files) download(new Blob([file.content], { type: file.mimeType }), `graph${file.suffix}`);
      notifications.show({ message: `Exported ${exported.nodes.toLocaleString()} nodes and ${exported.edges.toLocaleString()} edges as ${format === 'csv' ? 'CSV' : 'GraphML'}.` });
    } catch (error) {
      notifyError('Could not export the graph', error);
    }
  };

  const exportPng = () => {
    if (!handle) return;
    const { sigma } = handle;
    // The WebGL buffer is only readable right after a frame is drawn.
    sigma.once('afterRender', () => {
      const source = sigma.getStageCanvas();
      const canvas = document.createElement('canvas');
      canvas.width = source.width;
      canvas.height = source.height;
      const context = canvas.getContext('2d');
      if (!context) return;
      context.fillStyle = dark ? '#1a1b1e' : '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(source, 0, 0);
      canvas.toBlob((blob) => blob && download(blob, 'graph.png'), 'image/png');
    });
    sigma.refresh();
  };

  return (
    <Group className={viewLayout.toolbar} gap="xs" wrap="nowrap">
      <NodeSearch inputRef={searchRef} onPick={onPickNode} />
      <Tooltip label={`${layoutRunning ? 'Stop' : 'Run'} the ForceAtlas2 layout (L)`}>
        <Button
          size="xs"
          variant={layoutRunning ? 'filled' : 'default'}
          leftSection={layoutRunning ? <IconPlayerPause size={14} /> : <IconPlayerPlay size={14} />}
          onClick={onToggleLayout}
          disabled={!handle}
        >
          {layoutRunning ? 'Stop layout' : 'Layout'}
        </Button>
      </Tooltip>
      <Tooltip label="Zoom to fit (F)">
        <ActionIcon variant="default" size="md" aria-label="Zoom to fit" onClick={onFit}>
          <IconFocusCentered size={16} />
        </ActionIcon>
      </Tooltip>
      <Button size="xs" variant="default" leftSection={<IconLink size={14} />} disabled={readOnly} title={readOnly ? READ_ONLY_HINT : undefined} onClick={onLink}>
        Link…
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} ml="auto">
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>The whole case graph</Menu.Label>
          <Menu.Item onClick={() => void exportFile('graphml')}>GraphML (Gephi, Cytoscape)</Menu.Item>
          <Menu.Item onClick={() => void exportFile('csv')}>CSV nodes and edges</Menu.Item>
          <Menu.Label>This view</Menu.Label>
          <Menu.Item onClick={exportPng}>PNG image</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

