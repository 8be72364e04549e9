/** The window's hardening: web preferences, navigation and permission rules, and the CSP header. */
import type { Session, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

/** Web preferences for every Dossier window; the renderer gets no Node.js and no Electron. */
export function secureWebPreferences(preloadPath: string, options: { development: boolean } = { development: false }): WebPreferences {
  return {
    preload: preloadPath,
    // DevTools would let anyone at the keyboard run code with the page's bridge; only in development.
    devTools: options.development,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/**
 * Keeps a window on the app's own page: every navigation, redirect and new window is refused, and
 * no <webview> may attach.
 */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Denies every permission (camera, geolocation, notifications ...) and adds the CSP header. */
export function hardenSession(session: Session, options: { development: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // The dev server's React refresh preamble is an inline script; the built app allows none.
  const policy = options.development
    ? CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
        "connect-src 'self'",
        "connect-src 'self' ws://localhost:*",
      )
    : CONTENT_SECURITY_POLICY;
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  // Nothing is ever downloaded: a link or a page that starts a download has it cancelled.
  session.on('will-download', (event) => event.preventDefault());
  // Belt and braces: even if a page tried, nothing may leave the machine.
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isLocalUrl(details.url) });
  });
}

/** URLs the app may load: its own files, its dev server on localhost, and in-memory data. */
export function isLocalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (['app:', 'file:', 'data:', 'blob:', 'devtools:', 'chrome-extension:'].includes(parsed.protocol)) return true;
    if (parsed.protocol === 'http:' || parsed.protocol === 'ws:') {
      return parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
    }
    return false;
  } catch {
    return false;
  }
}
