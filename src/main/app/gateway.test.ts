import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/api';
import { registerGateway } from './gateway';
import { PathGrants } from './pathGrants';

vi.mock('electron', () => ({}));

const ownFrame = { url: 'file:///app/out/renderer/index.html', parent: null };

function setUp(grants?: PathGrants) {
  const registered = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>();
  const ipcMain = {
    handle: (channel: string, listener: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>) => {
      if (registered.has(channel)) throw new Error(`twice: ${channel}`);
      registered.set(channel, listener);
    },
  } as unknown as IpcMain;
  const engine = vi.fn((channel: string) => Promise.resolve({ ok: true as const, value: `engine answered ${channel}` }));
  const shell = {
    'shell.chooseNewCasePath': vi.fn(() => '/cases/new.dossier'),
    'shell.chooseCaseToOpen': vi.fn(() => null),
    'shell.takeLaunchCase': vi.fn(() => null),
    'shell.chooseFilesToImport': vi.fn(() => []),
    'shell.chooseGazetteerExtract': vi.fn(() => null),
    'shell.chooseBriefingPath': vi.fn(() => null),
    'shell.openPath': vi.fn(() => null),
    'shell.chooseMapFile': vi.fn(() => null),
    'shell.chooseMapExportPath': vi.fn(() => null),
    'shell.chooseCaseToMerge': vi.fn(() => null),
    'shell.chooseCsvList': vi.fn(() => null),
  };
  registerGateway(ipcMain, { engine, shell, isTrustedFrame: (frame) => frame === (ownFrame as never), ...(grants ? { grants } : {}) });
  const invoke = (channel: string, input: unknown, frame: unknown = ownFrame) =>
    registered.get(channel)!({ senderFrame: frame } as IpcMainInvokeEvent, input);
  return { registered, engine, shell, invoke };
}

describe('the IPC gateway', () => {
  it('registers exactly the contract channels', () => {
    expect([...setUp().registered.keys()].sort()).toEqual(Object.keys(channels).sort());
  });

  it('refuses callers that are not our own frame', async () => {
    const { engine, invoke } = setUp();
    const result = await invoke('cases.current', {}, { url: 'https://evil.example/', parent: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await invoke('cases.current', {}, null)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(engine).not.toHaveBeenCalled();
  });

  it('validates payloads before the engine sees them', async () => {
    const { engine, invoke } = setUp();
    const result = await invoke('cases.create', { path: 42, title: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(engine).not.toHaveBeenCalled();
    expect(await invoke('cases.open', { path: ' /x.dossier ' })).toEqual({ ok: true, value: 'engine answered cases.open' });
    expect(engine).toHaveBeenCalledWith('cases.open', { path: '/x.dossier' });
  });

  it('answers shell channels itself', async () => {
    const { engine, shell, invoke } = setUp();
    expect(await invoke('shell.chooseNewCasePath', { suggestedName: 'Border incident' })).toEqual({
      ok: true,
      value: '/cases/new.dossier',
    });
    expect(shell['shell.chooseNewCasePath']).toHaveBeenCalledWith({ suggestedName: 'Border incident' });
    expect(await invoke('shell.chooseCaseToOpen', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(engine).not.toHaveBeenCalled();
  });

  it('lets the engine read or write only paths the analyst chose in a dialog or dropped, and the cases the engine named', async () => {
    const grants = new PathGrants();
    const { engine, invoke } = setUp(grants);
    // A page running script of its own cannot name a file.
    expect(await invoke('documents.import', { sources: [{ path: '/etc/hostname' }] })).toMatchObject({ ok: false, error: { code: 'forbidden-sender', message: expect.stringMatching(/^\/etc\/hostname was not chosen/) as string } });
    expect(await invoke('map.export', { path: '/home/analyst/.bashrc', format: 'kml', overwrite: true })).toMatchObject({ ok: false });
    expect(engine).not.toHaveBeenCalled();
    // What a dialog answered may go to the engine; a folder chosen for import grants the files in it.
    await invoke('shell.chooseNewCasePath', { suggestedName: 'Border incident' });
    expect(await invoke('cases.create', { path: '/cases/new.dossier', title: 'Border' })).toMatchObject({ ok: true });
    grants.grantFrom(['/evidence/folder']);
    expect(await invoke('documents.import', { sources: [{ path: '/evidence/folder/a.pdf' }, { path: '/evidence/folder' }] })).toMatchObject({ ok: true });
    expect(await invoke('documents.import', { sources: [{ path: '/evidence/folder/../../etc/passwd' }] })).toMatchObject({ ok: false });
  });
});
