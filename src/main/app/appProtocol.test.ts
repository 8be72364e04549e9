import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, rendererFileFor, serveRenderer } from './appProtocol';

describe('the app:// protocol', () => {
  const dir = '/opt/dossier/out/renderer';

  it('serves the built renderer and nothing outside it', () => {
    expect(rendererFileFor(dir, APP_INDEX_URL)).toBe(`${dir}/index.html`);
    expect(rendererFileFor(dir, 'app://dossier/assets/index-abc.js')).toBe(`${dir}/assets/index-abc.js`);
    expect(rendererFileFor(dir, 'app://dossier/')).toBe(`${dir}/index.html`);
    // A path that climbs is resolved by the URL parser before we see it: it stays inside the renderer's folder.
    for (const climbing of ['app://dossier/../../../etc/passwd', 'app://dossier/%2e%2e/%2e%2e/etc/passwd', 'app://dossier/assets/..%2f..%2f..%2fetc/passwd']) {
      const file = rendererFileFor(dir, climbing);
      expect(file === null || file.startsWith(`${dir}/`)).toBe(true);
    }
    expect(rendererFileFor(dir, 'app://dossier/assets/%00.js')).toBeNull();
    expect(rendererFileFor(dir, 'app://elsewhere/index.html')).toBeNull();
    expect(rendererFileFor(dir, 'file:///etc/passwd')).toBeNull();
    expect(rendererFileFor(dir, 'not a url')).toBeNull();
  });

  it('answers 404 for what it does not serve, and fetches the file for what it does', async () => {
    let handler: ((request: Request) => Response | Promise<Response>) | undefined;
    const fetched: string[] = [];
    serveRenderer(
      { handle: (_scheme: string, serve: (request: Request) => Response | Promise<Response>) => void (handler = serve) },
      dir,
      (url) => {
        fetched.push(url);
        return Promise.resolve(new Response('ok'));
      },
    );
    expect((await handler!(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await handler!(new Request(APP_INDEX_URL))).status).toBe(200);
    expect(fetched).toEqual([`file://${dir}/index.html`]);
  });
});
