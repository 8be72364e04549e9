/**
 * The preload: exposes `window.dossier`, built from the contract's channel and event names. The page
 * never sees ipcRenderer itself, only calls to named channels.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { DossierBridge, EventName, EventPayload, Result } from '../shared/api';
import { GRANT_DROPPED_PATH, isChannel, isEventName } from '../shared/api';

const bridge = {
  invoke(channel, input) {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown-channel', message: `There is no channel called ${String(channel)}.` },
      } as const);
    }
    return ipcRenderer.invoke(channel, input) as Promise<Result<never>>;
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
    if (!isEventName(event)) throw new Error(`There is no event called ${String(event)}.`);
    const wrapped = (_event: IpcRendererEvent, payload: EventPayload<E>): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  pathForFile(file: { readonly name: string }) {
    // A dropped file's path, so large files are read from disk by the engine, not copied over IPC.
    // Only a real dropped File has one; the main process is told, so that the engine may read it.
    const path = webUtils.getPathForFile(file as File);
    if (!path) return null;
    ipcRenderer.sendSync(GRANT_DROPPED_PATH, path);
    return path;
  },
} satisfies DossierBridge;

contextBridge.exposeInMainWorld('dossier', bridge);
