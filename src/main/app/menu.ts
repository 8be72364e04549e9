/** The native menu. Items only send commands to the renderer, which owns what they do. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api';
import type { RecentCase } from '../../shared/cases';

/**
 * Builds the template. Accelerators are shown but not registered: the renderer handles the same
 * keys itself, so a shortcut behaves the same in the app and in the browser test harness.
 */
export function buildMenuTemplate(
  send: (command: MenuCommand) => void,
  recent: readonly RecentCase[],
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent cases', enabled: false }]
      : recent.map((entry) => ({
          label: `${entry.title} — ${entry.path}`,
          enabled: entry.exists,
          click: () => send({ command: 'case.openPath', path: entry.path }),
        }));
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Case…', accelerator: 'CmdOrCtrl+N', registerAccelerator: false, click: () => send({ command: 'case.new' }) },
      { label: 'Open Case…', accelerator: 'CmdOrCtrl+O', registerAccelerator: false, click: () => send({ command: 'case.open' }) },
      { label: 'Open Case Read-Only…', click: () => send({ command: 'case.openReadOnly' }) },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'Import Documents…', accelerator: 'CmdOrCtrl+I', registerAccelerator: false, click: () => send({ command: 'documents.import' }) },
      { label: 'Import Folder…', click: () => send({ command: 'documents.importFolder' }) },
      { label: 'Import List (CSV)…', click: () => send({ command: 'exchange.importList' }) },
      { label: 'Merge Case…', click: () => send({ command: 'exchange.merge' }) },
      { type: 'separator' },
      { label: 'Close Case', accelerator: 'CmdOrCtrl+W', registerAccelerator: false, click: () => send({ command: 'case.close' }) },
      ...(platform === 'darwin' ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}
