/** A right-click menu: Mantine's Menu opened at the pointer. */
import { Menu } from '@mantine/core';
import type { ReactNode } from 'react';

export interface MenuPosition {
  readonly x: number;
  readonly y: number;
}

export function ContextMenu({ position, onClose, children }: { position: MenuPosition | null; onClose: () => void; children: ReactNode }) {
  return (
    <Menu
      opened={position !== null}
      onChange={(opened) => {
        if (!opened) onClose();
      }}
      position="bottom-start"
      offset={2}
      shadow="md"
      withinPortal
    >
      <Menu.Target>
        <div
          aria-hidden
          style={{ position: 'fixed', left: position?.x ?? 0, top: position?.y ?? 0, width: 1, height: 1, pointerEvents: 'none' }}
        />
      </Menu.Target>
      <Menu.Dropdown miw={180}>{children}</Menu.Dropdown>
    </Menu>
  );
}
