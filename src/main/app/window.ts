/** Creates the main window, hardened, showing the built renderer (or the dev server). */
import { BrowserWindow } from 'electron';
import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './appProtocol';
import { hardenContents, secureWebPreferences } from './security';

export interface WindowOptions {
  readonly preloadPath: string;
  /** The dev server URL in development; otherwise the built renderer is served from app://dossier/. */
  readonly devServerUrl?: string;
  readonly rendererDir: string;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Dossier',
    backgroundColor: '#1a1b1e',
    webPreferences: secureWebPreferences(options.preloadPath, { development: Boolean(options.devServerUrl) }),
  });
  hardenContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  if (options.devServerUrl) {
    void window.loadURL(options.devServerUrl);
  } else {
    void window.loadURL(APP_INDEX_URL);
  }
  return window;
}

/** The URL prefix our own page is served from; only frames under it may call the gateway. */
export function rendererUrlPrefix(options: WindowOptions): string {
  if (options.devServerUrl) return new URL(options.devServerUrl).origin + '/';
  return `${APP_SCHEME}://${APP_HOST}/`;
}
