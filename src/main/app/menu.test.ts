import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../shared/api';
import { buildMenuTemplate } from './menu';

vi.mock('electron', () => ({}));

function fileMenu(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const file = template.find((item) => item.label === '&File');
  return file!.submenu as MenuItemConstructorOptions[];
}

describe('the File menu', () => {
  it('offers New, Open, Open Recent and Close with their usual shortcuts, sending commands', () => {
    const sent: MenuCommand[] = [];
    const items = fileMenu(buildMenuTemplate((command) => sent.push(command), [], 'linux'));
    const byLabel = new Map(items.map((item) => [item.label, item]));
    expect(byLabel.get('New Case…')?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel.get('Open Case…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel.get('Close Case')?.accelerator).toBe('CmdOrCtrl+W');
    for (const label of ['New Case…', 'Open Case…', 'Close Case']) (byLabel.get(label)!.click as () => void)();
    expect(sent).toEqual([{ command: 'case.new' }, { command: 'case.open' }, { command: 'case.close' }]);
    expect(byLabel.get('Open Recent')?.submenu).toEqual([{ label: 'No recent cases', enabled: false }]);
    sent.length = 0;
    for (const label of ['Merge Case…', 'Import List (CSV)…']) (byLabel.get(label)!.click as () => void)();
    expect(sent).toEqual([{ command: 'exchange.merge' }, { command: 'exchange.importList' }]);
  });

  it('lists recent cases, disabling those whose file is missing', () => {
    const sent: MenuCommand[] = [];
    const recent = [
      { path: '/c/a.dossier', title: 'Border incident', openedAt: 'now', exists: true },
      { path: '/c/b.dossier', title: 'Gone', openedAt: 'then', exists: false },
    ];
    const items = fileMenu(buildMenuTemplate((command) => sent.push(command), recent, 'linux'));
    const entries = items.find((item) => item.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(entries.map((entry) => [entry.label, entry.enabled])).toEqual([
      ['Border incident — /c/a.dossier', true],
      ['Gone — /c/b.dossier', false],
    ]);
    (entries[0]!.click as () => void)();
    expect(sent).toEqual([{ command: 'case.openPath', path: '/c/a.dossier' }]);
  });
});
