/**
 * The renderer is served from `app://dossier/` rather than `file://`: a file URL's origin is every
 * file on the disk, so a page loaded from it could fetch any of them; `app://` answers only for
 * the files of the built renderer.
 */
import type { Protocol } from 'electron';
import { isAbsolute, join, normalize, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

export const APP_SCHEME = 'app';
export const APP_HOST = 'dossier';
/** Where the built renderer's index.html is served. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Declares the scheme standard and secure (so 'self', fetch and workers work); call before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true } },
  ]);
}

/**
 * The file of the built renderer that `url` names, or null for any other URL: another host, a path
 * that climbs out of the renderer's folder, or a scheme of another kind.
 */
export function rendererFileFor(rendererDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  const path = decodeURIComponent(parsed.pathname);
  if (path.includes('\0')) return null;
  const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path));
  const inside = relative(rendererDir, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/** Answers `app://dossier/…` with the built renderer's files, and 404 for anything else. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string, fetchFile: (url: string) => Promise<Response>): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = rendererFileFor(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    return fetchFile(pathToFileURL(file).href);
  });
}
