import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

type Listener = (...args: unknown[]) => void;

/** A stand-in for Electron's BrowserWindow that records what Dossier configures on it. */
class FakeWebContents {
  readonly listeners = new Map<string, Listener>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

const created: { options: Record<string, unknown>; webContents: FakeWebContents; loaded: string[] }[] = [];

vi.mock('electron', () => ({
  BrowserWindow: class {
    readonly webContents = new FakeWebContents();
    readonly loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      created.push({ options, webContents: this.webContents, loaded: this.loaded });
    }
    once() {}
    loadFile(path: string) {
      this.loaded.push(path);
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

const { createMainWindow, rendererUrlPrefix } = await import('./window');
const { hardenSession, isLocalUrl } = await import('./security');

describe('the main window', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('isolates the renderer: context isolation, sandbox, no Node.js', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.js', rendererDir: '/app/out/renderer' });
    const preferences = created[0]!.options['webPreferences'] as Record<string, unknown>;
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    // Served from app://, whose origin is the renderer's files alone, not file:// (every file on the disk).
    expect(created[0]!.loaded).toEqual(['app://dossier/index.html']);
  });

  it('opens DevTools only in development', () => {
    createMainWindow({ preloadPath: 'p', rendererDir: '/r', devServerUrl: 'http://localhost:5173/' });
    expect((created[0]!.options['webPreferences'] as Record<string, unknown>)['devTools']).toBe(true);
  });

  it('refuses navigation, redirects, webviews and new windows', () => {
    createMainWindow({ preloadPath: 'p', rendererDir: '/r' });
    const contents = created[0]!.webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.listeners.get(event)!({ preventDefault, url: 'https://example.com' });
      expect(preventDefault, event).toHaveBeenCalled();
    }
    const subFrame = vi.fn();
    contents.listeners.get('will-frame-navigate')!({ preventDefault: subFrame, isMainFrame: false });
    expect(subFrame).toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('trusts only its own page as a caller', () => {
    expect(rendererUrlPrefix({ preloadPath: 'p', rendererDir: '/app/out/renderer' })).toBe('app://dossier/');
    expect(rendererUrlPrefix({ preloadPath: 'p', rendererDir: '/r', devServerUrl: 'http://localhost:5173/x' })).toBe(
      'http://localhost:5173/',
    );
  });
});

describe('the session', () => {
  function fakeSession() {
    const handlers: Record<string, unknown> = {};
    return {
      handlers,
      session: {
        on: (event: string, handler: unknown) => (handlers[`on:${event}`] = handler),
        setPermissionRequestHandler: (handler: unknown) => (handlers['request'] = handler),
        setPermissionCheckHandler: (handler: unknown) => (handlers['check'] = handler),
        setDevicePermissionHandler: (handler: unknown) => (handlers['device'] = handler),
        webRequest: {
          onHeadersReceived: (handler: unknown) => (handlers['headers'] = handler),
          onBeforeRequest: (handler: unknown) => (handlers['request-url'] = handler),
        },
      },
    };
  }

  it('denies every permission request', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session as never, { development: false });
    const answer = vi.fn();
    (handlers['request'] as (a: unknown, p: string, c: (ok: boolean) => void) => void)(null, 'geolocation', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect((handlers['check'] as () => boolean)()).toBe(false);
    expect((handlers['device'] as () => boolean)()).toBe(false);
  });

  it('sends the strict Content-Security-Policy with every response', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session as never, { development: false });
    const answer = vi.fn();
    (handlers['headers'] as (d: unknown, c: (r: unknown) => void) => void)({ responseHeaders: { A: ['b'] } }, answer);
    expect(answer).toHaveBeenCalledWith({ responseHeaders: { A: ['b'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('cancels every request that would leave the machine', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session as never, { development: false });
    const decide = (url: string): unknown => {
      const answer = vi.fn();
      (handlers['request-url'] as (d: unknown, c: (r: unknown) => void) => void)({ url }, answer);
      return answer.mock.calls[0]![0];
    };
    expect(decide('app://dossier/index.html')).toEqual({ cancel: false });
    expect(decide('https://tiles.example.com/0/0/0.png')).toEqual({ cancel: true });
    expect(decide('http://192.168.1.4/')).toEqual({ cancel: true });
  });

  it('cancels every download', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session as never, { development: false });
    const preventDefault = vi.fn();
    (handlers['on:will-download'] as (event: { preventDefault: () => void }) => void)({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('tells local URLs from remote ones', () => {
    expect(isLocalUrl('http://localhost:5173/')).toBe(true);
    expect(isLocalUrl('http://127.0.0.1:4000/x')).toBe(true);
    expect(isLocalUrl('data:image/png;base64,AA==')).toBe(true);
    expect(isLocalUrl('https://localhost.example.com/')).toBe(false);
    expect(isLocalUrl('ws://10.0.0.1/')).toBe(false);
    expect(isLocalUrl('not a url')).toBe(false);
  });
});
