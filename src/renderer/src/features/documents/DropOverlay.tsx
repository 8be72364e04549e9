/** Files dragged anywhere over the workspace: an overlay while they hover, an import when dropped. */
import { Overlay, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function DropOverlay({ onDrop }: { onDrop: (files: File[]) => void }) {
  const [active, setActive] = useState(false);
  // dragenter/dragleave fire for every child crossed; the depth says when the drag left the window.
  const depth = useRef(0);
  const latestOnDrop = useRef(onDrop);
  useEffect(() => {
    latestOnDrop.current = onDrop;
  }, [onDrop]);

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setActive(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setActive(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setActive(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) latestOnDrop.current(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!active) return null;
  return (
    <Overlay fixed zIndex={1000} backgroundOpacity={0.55} color="var(--mantine-color-body)" blur={2} center>
      <Stack
        align="center"
        gap="xs"
        p="xl"
        data-testid="drop-overlay"
        style={{
          border: '2px dashed var(--mantine-primary-color-filled)',
          borderRadius: 'var(--mantine-radius-md)',
          background: 'var(--mantine-color-body)',
          pointerEvents: 'none',
        }}
      >
        <IconFileImport size={40} stroke={1.5} color="var(--mantine-primary-color-filled)" aria-hidden />
        <Text fw={600}>Drop files to import</Text>
        <Text size="xs" c="dimmed">
          txt, md, html, pdf, docx, eml, mbox, zip, Reuters SGML; images and scans by OCR
        </Text>
      </Stack>
    </Overlay>
  );
}
