/**
 * The end-to-end harness: the built renderer in Debian's Chromium, driven by playwright-core, with
 * `window.dossier` injected through `page.exposeBinding` and backed by a real engine on real case
 * files in a temporary folder. Only the native dialogs are stood in for: they answer with paths
 * the test chooses. Any request to a non-local address is blocked and fails the test.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import type { EmitEvent, EventName, EventPayload, Handlers, ShellChannel } from '../../src/shared/api';
import { createDispatcher } from '../../src/shared/rpc';
import { createEngine } from '../../src/main/engine/engine';
import type { Engine } from '../../src/main/engine/engine';
import { safeFileName } from '../../src/main/app/dialogs';
import { builtFile, projectRoot } from '../support/built';

export const screenshotDir = join(projectRoot, 'test-results', 'e2e');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
  '.geojson': 'application/geo+json',
};

/** The Chromium to drive: CHROME_PATH, else Debian's. Fails loudly when there is none. */
export function chromiumPath(): string {
  const path = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. The end-to-end tests need one: install it (Debian/Ubuntu: ` +
        '"sudo apt-get install chromium") or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  return path;
}

let browserPromise: Promise<Browser> | null = null;

/** One browser per test file; each test gets its own context and engine. */
export function sharedBrowser(): Promise<Browser> {
  browserPromise ??= chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
  return browserPromise;
}

export async function closeSharedBrowser(): Promise<void> {
  if (!browserPromise) return;
  const browser = await browserPromise;
  browserPromise = null;
  await browser.close();
}

/** Serves the built renderer on 127.0.0.1, as the app serves it from disk. */
async function serveRenderer(): Promise<{ server: Server; url: string }> {
  const root = join(builtFile('renderer/index.html'), '..');
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

export interface DossierSession {
  readonly page: Page;
  readonly context: BrowserContext;
  /** A temporary folder for this test's case files; removed at the end. */
  readonly dir: string;
  readonly engine: Engine;
  /** Non-local URLs the page tried to reach; each one fails the test. */
  readonly remoteRequests: string[];
  /** Uncaught errors in the page. */
  readonly pageErrors: string[];
  /** What the stand-in "Open case" dialog answers next (null: the user cancelled). */
  nextOpenPath: string | null;
  /** What the stand-in "Save" dialogs (map export) answer next (null: the user cancelled). */
  nextSavePath: string | null;
  /** What the stand-in "Import" dialog answers next (empty: the user cancelled). */
  nextImportPaths: string[];
  /** Files the app asked the system to open (exported briefings). */
  openedPaths: string[];
  /** Sends a push event to the page, as main does. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): Promise<void>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  readonly colorScheme?: 'light' | 'dark';
}

export async function launchDossier(options: LaunchOptions = {}): Promise<DossierSession> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-e2e-'));
  // Engine events reach the page as main's webContents.send does in the app.
  let forward: EmitEvent = () => undefined;
  const engine = createEngine({
    stateDir: join(dir, 'state'),
    resourcesDir: join(projectRoot, 'resources'),
    emit: (event, payload) => forward(event, payload),
  });
  const { server, url } = await serveRenderer();
  const browser = await sharedBrowser();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    serviceWorkers: 'block',
    reducedMotion: 'reduce',
  });
  const remoteRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', async (route) => {
    const requested = route.request().url();
    if (isLocal(requested)) {
      await route.continue();
    } else {
      remoteRequests.push(requested);
      await route.abort('blockedbyclient');
    }
  });

  const session: DossierSession = {
    page: await context.newPage(),
    context,
    dir,
    engine,
    remoteRequests,
    pageErrors,
    nextOpenPath: null,
    nextSavePath: null,
    nextImportPaths: [],
    openedPaths: [],
    async emit(event, payload) {
      await session.page.evaluate(([name, value]) => {
        (window as unknown as { __dossierEmit: (e: string, p: unknown) => void }).__dossierEmit(name, value);
      }, [event, payload] as const);
    },
    async screenshot(name) {
      mkdirSync(screenshotDir, { recursive: true });
      const path = join(screenshotDir, `${name}.png`);
      await session.page.screenshot({ path });
      return path;
    },
    async close() {
      await context.close();
      engine.dispose();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };

  const shell: Handlers<ShellChannel> = {
    'shell.chooseNewCasePath': ({ suggestedName }) => join(dir, `${safeFileName(suggestedName)}.dossier`),
    'shell.chooseCaseToOpen': () => session.nextOpenPath,
    // Any open-file dialog answers with the path the test set.
    'shell.chooseGazetteerExtract': () => session.nextOpenPath,
    'shell.chooseBriefingPath': ({ suggestedName }) => join(dir, `${safeFileName(suggestedName)}.pdf`),
    // The harness has no system viewer: it records what the app asked to open.
    'shell.openPath': ({ path }) => {
      session.openedPaths.push(path);
      return null;
    },
    'shell.takeLaunchCase': () => null,
    'shell.chooseFilesToImport': () => session.nextImportPaths.splice(0),
    'shell.chooseMapFile': () => session.nextOpenPath,
    'shell.chooseMapExportPath': () => session.nextSavePath,
    'shell.chooseCaseToMerge': () => session.nextOpenPath,
    'shell.chooseCsvList': () => session.nextOpenPath,
  };
  forward = (event, payload) => {
    session.emit(event, payload).catch(() => undefined);
  };
  const dispatch = createDispatcher({ ...engine.handlers, ...shell });
  const page = session.page;
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.exposeBinding('__dossierInvoke', (source, channel: unknown, input: unknown) => {
    // As the app's gateway does with the sender frame: only our own top-level page may call.
    if (source.frame !== page.mainFrame()) {
      return { ok: false, error: { code: 'forbidden-sender', message: 'This call did not come from a Dossier window.' } };
    }
    return dispatch(channel, input);
  });
  await page.addInitScript(() => {
    type Listener = (payload: unknown) => void;
    const listeners = new Map<string, Set<Listener>>();
    const host = window as unknown as {
      __dossierInvoke: (channel: unknown, input: unknown) => Promise<unknown>;
      __dossierEmit: (event: string, payload: unknown) => void;
    };
    const bridge = {
      invoke: (channel: unknown, input: unknown) => host.__dossierInvoke(channel, input),
      on: (event: string, listener: Listener) => {
        const set = listeners.get(event) ?? new Set<Listener>();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
    };
    Object.defineProperty(window, 'dossier', { value: Object.freeze(bridge), enumerable: true });
    host.__dossierEmit = (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload));
  });
  await page.goto(url);
  return session;
}

/**
 * Gives each test of a file a fresh Dossier and, after each test: a screenshot when it failed, and a
 * failure for any request to a non-local address or any uncaught error in the page.
 */
export function useDossier(prefix: string, onLaunch: (session: DossierSession) => void): void {
  let current: DossierSession | null = null;
  beforeEach(async () => {
    current = await launchDossier();
    onLaunch(current);
  });
  afterEach(async (context) => {
    const session = current!;
    if (context.task.result?.state === 'fail' || (context.task.result?.errors?.length ?? 0) > 0) {
      await session.screenshot(`FAILED-${prefix}${context.task.name.replace(/[^\w-]+/g, '-')}`);
    }
    const { remoteRequests, pageErrors } = session;
    await session.close();
    expect(remoteRequests, 'requests to non-local addresses').toEqual([]);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });
  afterAll(closeSharedBrowser);
}

/** Creates a case from the start screen, as an analyst does, and waits for its workspace. */
export async function createCase(session: DossierSession, title: string): Promise<void> {
  const { page } = session;
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Create case…' }).click();
  await page.getByTestId('case-title').getByText(title).waitFor();
}

/** Selects a passage of the reader's text as a mouse would, and lets go of the button. */
export async function selectPassage(session: DossierSession, passage: string): Promise<void> {
  await session.page.evaluate((wanted) => {
    const root = document.querySelector('[data-testid="reader-text"]');
    if (!root) throw new Error('no reader text');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at >= 0) {
        node.parentElement?.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
    }
    throw new Error(`"${wanted}" is not in the reader`);
  }, passage);
}
