/**
 * Electron's main process: one instance, one hardened window, the menu, and the gateway to the
 * engine worker. Everything that can live elsewhere does; this file only wires things together.
 */
import { Menu, app, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import type { BrowserWindow, WebFrameMain } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuCommand } from '../../shared/api';
import type { RecentCase } from '../../shared/cases';
import { GRANT_DROPPED_PATH, isEventName } from '../../shared/api';
import { CASE_FILE_EXTENSION } from '../engine/case/format';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { createShellHandlers } from './dialogs';
import { startEngineHost } from './engineHost';
import { registerGateway } from './gateway';
import { buildMenuTemplate } from './menu';
import { PathGrants } from './pathGrants';
import { hardenContents, hardenSession } from './security';
import { createMainWindow, rendererUrlPrefix } from './window';

const windowOptions = {
  preloadPath: join(__dirname, '../preload/index.js'),
  rendererDir: join(__dirname, '../renderer'),
  devServerUrl: !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined,
};
let mainWindow: BrowserWindow | null = null;
// Before the app is ready, as Electron requires: the scheme the built renderer is served from.
registerAppScheme(protocol);
let launchCase: string | null = caseFromArguments(process.argv);

function caseFromArguments(argv: readonly string[]): string | null {
  return argv.slice(1).find((arg) => !arg.startsWith('-') && arg.endsWith(CASE_FILE_EXTENSION)) ?? null;
}

function sendCommand(command: MenuCommand): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  mainWindow.webContents.send('menu.command', command);
}

function openFromOperatingSystem(path: string): void {
  if (mainWindow) sendCommand({ command: 'case.openPath', path });
  else launchCase = path;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    const path = caseFromArguments(argv);
    if (path) {
      openFromOperatingSystem(path);
    } else if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFromOperatingSystem(path);
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const development = Boolean(windowOptions.devServerUrl);
  hardenSession(session.defaultSession, { development });
  if (!development) serveRenderer(protocol, windowOptions.rendererDir, (url) => net.fetch(url));
  const nativeBinding = join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
  const engine = startEngineHost(
    join(__dirname, 'worker.js'),
    {
      stateDir: app.getPath('userData'),
      // Packaged, the data lives beside the ASAR archive (electron-builder.json's asarUnpack): worker threads and
      // tesseract read real files.
      resourcesDir: app.isPackaged ? join(process.resourcesPath, 'app.asar.unpacked', 'resources') : join(app.getAppPath(), 'resources'),
      nativeBinding: existsSync(nativeBinding) ? nativeBinding : undefined,
    },
    (event, payload) => {
      if (isEventName(event)) mainWindow?.webContents.send(event, payload);
    },
  );
  app.on('will-quit', () => void engine.stop());

  const refreshMenu = async (): Promise<void> => {
    const recent = await engine.call('cases.recent', {});
    const entries = recent.ok ? (recent.value as RecentCase[]) : [];
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(sendCommand, entries, process.platform)));
    for (const entry of entries.filter((item) => item.exists)) app.addRecentDocument(entry.path);
  };

  const prefix = rendererUrlPrefix(windowOptions);
  const isTrustedFrame = (frame: WebFrameMain | null): boolean =>
    frame !== null && frame.parent === null && mainWindow !== null && frame === mainWindow.webContents.mainFrame && frame.url.startsWith(prefix);
  const grants = new PathGrants();
  ipcMain.on(GRANT_DROPPED_PATH, (event, path: unknown) => {
    if (isTrustedFrame(event.senderFrame) && typeof path === 'string') grants.grantFrom(path);
    event.returnValue = null;
  });
  registerGateway(ipcMain, {
    grants,
    engine: async (channel, input) => {
      const result = await engine.call(channel, input);
      if (channel.startsWith('cases.')) void refreshMenu();
      return result;
    },
    shell: {
      ...createShellHandlers(dialog, () => mainWindow, app.getPath('documents'), shell),
      'shell.takeLaunchCase': () => {
        const path = launchCase;
        launchCase = null;
        return path;
      },
    },
    isTrustedFrame,
  });

  await refreshMenu();
  mainWindow = createMainWindow(windowOptions);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
