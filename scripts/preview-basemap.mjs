#!/usr/bin/env node
// Renders the offline basemap in headless Chromium (software WebGL) and saves screenshots, to look at it.
//   node scripts/preview-basemap.mjs [outputDir]      (default test-results/basemap-preview)
// Every request that is not to the local preview server fails, as in the app.
/* global window -- the page's, in page.evaluate callbacks */
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { bundleTypeScript, projectRoot } from './runTypeScript.mjs';

const outputDir = join(projectRoot, process.argv[2] ?? join('test-results', 'basemap-preview'));
mkdirSync(outputDir, { recursive: true });

const { buildBasemapStyle, basemapFiles } = await import(
  pathToFileURL(await bundleTypeScript('src/renderer/src/features/map/basemapStyle.ts', { format: 'es' })).href
);

const served = {
  '/maplibre/': join(projectRoot, 'node_modules', 'maplibre-gl', 'dist'),
  '/basemap/': join(projectRoot, 'resources', 'basemap'),
  '/fonts/': join(projectRoot, 'resources', 'fonts'),
};
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.geojson': 'application/json', '.woff': 'font/woff', '.html': 'text/html' };
const page = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/maplibre/maplibre-gl.css">
<style>html,body,#map{margin:0;width:100%;height:100%}</style>
<script type="module">import * as maplibregl from '/maplibre/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre/maplibre-gl-worker.mjs'); window.maplibregl = maplibregl;</script></head>
<body><div id="map"></div></body></html>`;
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  if (path === '/') {
    response.writeHead(200, { 'content-type': 'text/html' }).end(page);
    return;
  }
  for (const [prefix, folder] of Object.entries(served)) {
    const file = normalize(join(folder, path.slice(prefix.length)));
    if (path.startsWith(prefix) && file.startsWith(folder) && existsSync(file)) {
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
      return;
    }
  }
  response.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const views = [
  { name: 'world-z1', center: [20, 25], zoom: 1 },
  { name: 'world-z3-europe', center: [30, 48], zoom: 3 },
  { name: 'caucasus-z7', center: [46, 40.2], zoom: 7 },
];
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
});
const blocked = [];
try {
  for (const theme of ['light', 'dark']) {
    const data = Object.fromEntries(Object.entries(basemapFiles).map(([id, file]) => [id, `${origin}/basemap/${file}`]));
    const style = buildBasemapStyle({ data, theme, fontUrl: (file) => `${origin}/fonts/${file}` });
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith(origin)) return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    const tab = await context.newPage();
    tab.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') console.log(`[${theme}] ${message.text()}`);
    });
    tab.on('pageerror', (error) => console.log(`[${theme}] page error: ${error.message}`));
    await tab.goto(origin);
    await tab.waitForFunction(() => window.maplibregl !== undefined);
    await tab.evaluate((mapStyle) => {
      window.map = new window.maplibregl.Map({ container: 'map', style: mapStyle, center: [0, 0], zoom: 1, attributionControl: { compact: false } });
      return new Promise((resolve) => window.map.once('idle', resolve));
    }, style);
    for (const view of views) {
      await tab.evaluate(
        ({ center, zoom }) =>
          new Promise((resolve) => {
            window.map.jumpTo({ center, zoom });
            window.map.once('idle', resolve);
          }),
        view,
      );
      const file = join(outputDir, `${view.name}-${theme}.png`);
      await tab.screenshot({ path: file });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
if (blocked.length) console.log(`blocked non-local requests: ${blocked.join(', ')}`);
