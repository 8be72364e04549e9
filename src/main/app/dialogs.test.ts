import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { createShellHandlers } = await import('./dialogs');

describe('shell.openPath', () => {
  it('opens only a PDF the analyst chose in the briefing save dialog, never another file the renderer names', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dossier-dialogs-'));
    const chosen = join(folder, 'briefing.pdf');
    const planted = join(folder, 'planted.pdf');
    writeFileSync(chosen, '%PDF-1.7');
    writeFileSync(planted, '%PDF-1.7');
    const opened: string[] = [];
    const dialog = { showSaveDialog: vi.fn(() => Promise.resolve({ canceled: false, filePath: chosen })) };
    const openPath = (path: string): Promise<string> => {
      opened.push(path);
      return Promise.resolve('');
    };
    const handlers = createShellHandlers(dialog as never, () => null, folder, { openPath });
    await expect(handlers['shell.openPath']({ path: planted })).rejects.toThrow(/not an exported PDF/);
    await expect(handlers['shell.openPath']({ path: chosen })).rejects.toThrow(/not an exported PDF/);
    expect(await handlers['shell.chooseBriefingPath']({ suggestedName: 'Briefing' })).toBe(chosen);
    await handlers['shell.openPath']({ path: chosen });
    expect(opened).toEqual([chosen]);
  });
});
