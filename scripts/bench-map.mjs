#!/usr/bin/env node
// The Map view against a bare maplibre map, in headless Chromium with software WebGL (SwiftShader), in one run:
// time to idle of the basemap (first load, world zoom, district zoom) and the median frame time panning with 10k
// pins, clustered and not. Both draw the app's style (basemap, pins, clusters, labels) and the same pins at the same
// canvas size: the difference is what the app adds (React and Mantine around it, data over IPC, its handlers).
//   npm run bench:map [-- PINS]          (default 10000; needs `npm run build`)
/* global window, document, requestAnimationFrame -- the page's, in page.evaluate callbacks */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { bundleTypeScript, projectRoot as root } from './runTypeScript.mjs';

// The engine and the basemap style are TypeScript: bundled with the project's Vite, as the other scripts do.
const require = createRequire(import.meta.url);
const { createEngine } = require(await bundleTypeScript('src/main/engine/engine.ts'));
const { createDispatcher } = require(await bundleTypeScript('src/shared/rpc.ts'));
const { buildMapStyle } = await import(pathToFileURL(await bundleTypeScript('src/renderer/src/features/map/mapStyle.ts', { format: 'es' })).href);
const { basemapFiles } = await import(pathToFileURL(await bundleTypeScript('src/renderer/src/features/map/basemapStyle.ts', { format: 'es' })).href);
const pinCount = Number(process.argv[2] ?? 10_000);
const rendererDir = join(root, 'out', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('bench:map: run "npm run build" first.');
  process.exit(2);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.woff': 'font/woff',
  '.geojson': 'application/json',
  '.json': 'application/json',
};

/** A deterministic spread of pins over Europe, the Caucasus and the Middle East, denser near the Caucasus. */
function syntheticPins(count) {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const subtypes = ['populated place', 'populated place', 'populated place', 'region', 'capital', 'place'];
  return Array.from({ length: count }, (_, index) => {
    const near = random() < 0.5;
    return {
      lon: near ? 40 + random() * 12 : -10 + random() * 70,
      lat: near ? 37 + random() * 7 : 25 + random() * 35,
      subtype: subtypes[index % subtypes.length],
      status: index % 3 === 0 ? 'confirmed' : 'suggested',
    };
  });
}

const pins = syntheticPins(pinCount);
const pinsGeoJson = {
  type: 'FeatureCollection',
  features: pins.map((pin, index) => ({
    type: 'Feature',
    id: index + 1,
    geometry: { type: 'Point', coordinates: [pin.lon, pin.lat] },
    properties: { id: index + 1, name: `Place ${index + 1}`, subtype: pin.subtype, status: pin.status, mentions: 0 },
  })),
};

const barePage = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/maplibre/maplibre-gl.css">
<style>html,body{margin:0} #map{position:absolute;left:0;top:0}</style>
<script type="module">import * as maplibregl from '/maplibre/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre/maplibre-gl-worker.mjs'); window.maplibregl = maplibregl;</script></head>
<body><div id="map"></div></body></html>`;

function serve() {
  const folders = {
    '/maplibre/': join(root, 'node_modules', 'maplibre-gl', 'dist'),
    '/basemap/': join(root, 'resources', 'basemap'),
    '/fonts/': join(root, 'resources', 'fonts'),
    '/': rendererDir,
  };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (path === '/bare.html') return void response.writeHead(200, { 'content-type': types['.html'] }).end(barePage);
    if (path === '/pins.geojson') return void response.writeHead(200, { 'content-type': types['.json'] }).end(JSON.stringify(pinsGeoJson));
    for (const [prefix, folder] of Object.entries(folders)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(folder, path === '/' ? 'index.html' : path.slice(prefix.length)));
      if (file.startsWith(folder + sep) && existsSync(file) && statSync(file).isFile()) {
        response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(response);
        return;
      }
    }
    response.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ close: () => server.close(), origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Time (ms) from a jump to the map's next idle, for the map the page keeps in `global`. */
async function jumpIdle(page, global, center, zoom) {
  return page.evaluate(
    ([name, lon, lat, level]) =>
      new Promise((resolve) => {
        const map = window[name];
        const started = performance.now();
        map.once('idle', () => resolve(performance.now() - started));
        map.jumpTo({ center: [lon, lat], zoom: level });
      }),
    [global, center[0], center[1], zoom],
  );
}

/** Median time between frames while the map pans continuously (one jump a frame), after it has settled. */
async function panFrames(page, global) {
  return page.evaluate(
    (name) =>
      new Promise((resolve) => {
        const map = window[name];
        map.jumpTo({ center: [35, 42], zoom: 4.5 });
        map.once('idle', () => {
          const stamps = [];
          const step = (time) => {
            stamps.push(time);
            if (stamps.length > 60) {
              const deltas = stamps.slice(1).map((stamp, index) => stamp - stamps[index]);
              deltas.sort((a, b) => a - b);
              resolve(deltas[Math.floor(deltas.length / 2)]);
              return;
            }
            const center = map.getCenter();
            map.jumpTo({ center: [center.lng + 0.12, center.lat] });
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        });
      }),
    global,
  );
}

const world = [20, 30];
const district = [46.2, 40.1];

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-map-'));
  const engine = createEngine({ stateDir: join(dir, 'state'), resourcesDir: join(root, 'resources') });
  const { close, origin } = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking'],
  });
  try {
    await engine.handlers['cases.create']({ path: join(dir, 'bench.dossier'), title: 'Map bench' });
    const db = engine.currentCase().db;
    db.transaction(() => {
      const now = new Date().toISOString();
      const entity = db.prepare("INSERT INTO entities (kind, subtype, name, status, created_at, updated_at) VALUES ('location', ?, ?, ?, ?, ?)");
      const place = db.prepare('INSERT INTO places (entity_id, lat, lon) VALUES (?, ?, ?)');
      pins.forEach((pin, index) => {
        const id = Number(entity.run(pin.subtype, `Place ${index + 1}`, pin.status, now, now).lastInsertRowid);
        place.run(id, pin.lat, pin.lon);
      });
    })();
    const dispatch = createDispatcher(engine.handlers);
    const rows = [];
    for (const clustered of [true, false]) {
      // The app: the built renderer over the engine, as the end-to-end harness runs it.
      const appContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await appContext.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
      const app = await appContext.newPage();
      await app.exposeBinding('__dossierInvoke', (_source, channel, input) => dispatch(channel, input));
      await app.addInitScript(() => {
        Object.defineProperty(window, 'dossier', { value: { invoke: (c, i) => window.__dossierInvoke(c, i), on: () => () => undefined } });
      });
      await app.goto(`${origin}/`);
      await app.getByRole('button', { name: 'Map', exact: true }).waitFor();
      const loadStarted = Date.now();
      await app.getByRole('button', { name: 'Map', exact: true }).click();
      await app.locator('[data-testid="map"][data-fitted][data-idle="true"]').waitFor({ timeout: 120_000 });
      const appLoad = Date.now() - loadStarted;
      if (!clustered) {
        await app.getByRole('button', { name: 'Basemap' }).click();
        await app.getByLabel('Cluster dense pins').click();
        await app.keyboard.press('Escape');
        await app.waitForFunction(() => window.__dossierMap?.isStyleLoaded() === true);
      }
      const view = await app.evaluate(() => {
        const map = window.__dossierMap;
        const canvas = map.getCanvas();
        return { center: map.getCenter().toArray(), zoom: map.getZoom(), width: canvas.clientWidth, height: canvas.clientHeight };
      });

      // The bare map: the same basemap style and pins, nothing else.
      const bareContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await bareContext.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
      const bare = await bareContext.newPage();
      await bare.goto(`${origin}/bare.html`);
      await bare.waitForFunction(() => window.maplibregl !== undefined);
      const data = Object.fromEntries(Object.entries(basemapFiles).map(([id, file]) => [id, `${origin}/basemap/${file}`]));
      // The app's own style (basemap, pins, clusters, labels), its pins loaded by maplibre from a URL.
      const style = buildMapStyle({ data, theme: 'light', cluster: clustered, fontUrl: (file) => `${origin}/fonts/${file}` });
      style.sources['case-places'].data = `${origin}/pins.geojson`;
      const bareLoad = await bare.evaluate(
        ({ mapStyle, size }) =>
          new Promise((resolve) => {
            const element = document.getElementById('map');
            element.style.width = `${size.width}px`;
            element.style.height = `${size.height}px`;
            const started = performance.now();
            window.__benchMap = new window.maplibregl.Map({ container: 'map', style: mapStyle, center: size.center, zoom: size.zoom });
            window.__benchMap.once('idle', () => resolve(performance.now() - started));
          }),
        { mapStyle: style, size: view },
      );

      const label = clustered ? 'clustered' : 'not clustered';
      if (clustered) rows.push(['first load to idle (fitted view)', `${appLoad} ms`, `${bareLoad.toFixed(0)} ms`]);
      const samples = { app: { world: [], district: [] }, bare: { world: [], district: [] } };
      for (let run = 0; run < 3; run += 1) {
        samples.app.world.push(await jumpIdle(app, '__dossierMap', world, 1.5));
        samples.bare.world.push(await jumpIdle(bare, '__benchMap', world, 1.5));
        samples.app.district.push(await jumpIdle(app, '__dossierMap', district, 9));
        samples.bare.district.push(await jumpIdle(bare, '__benchMap', district, 9));
      }
      if (clustered) {
        rows.push(['jump to world (z1.5) to idle, median of 3', `${median(samples.app.world).toFixed(0)} ms`, `${median(samples.bare.world).toFixed(0)} ms`]);
        rows.push(['jump to district (z9) to idle, median of 3', `${median(samples.app.district).toFixed(0)} ms`, `${median(samples.bare.district).toFixed(0)} ms`]);
      }
      // Two rounds each, interleaved, so that what the two other users of this machine do falls on both.
      const frames = { app: [], bare: [] };
      for (let round = 0; round < 2; round += 1) {
        frames.app.push(await panFrames(app, '__dossierMap'));
        frames.bare.push(await panFrames(bare, '__benchMap'));
      }
      const appFrame = Math.min(...frames.app);
      const bareFrame = Math.min(...frames.bare);
      rows.push([`pan at z4.5, ${pinCount} pins ${label}: median frame (better of 2)`, `${appFrame.toFixed(1)} ms`, `${bareFrame.toFixed(1)} ms`]);
      await appContext.close();
      await bareContext.close();
    }
    console.log(`\nMap bench: ${pinCount.toLocaleString('en')} pins, headless Chromium with SwiftShader (software WebGL), canvas as in the app\n`);
    console.log(`${'measure'.padEnd(56)}${'app'.padStart(10)}${'bare maplibre'.padStart(16)}${'ratio'.padStart(8)}`);
    for (const [measure, app, bare] of rows) {
      const ratio = Number.parseFloat(app) / Number.parseFloat(bare);
      console.log(`${measure.padEnd(56)}${app.padStart(10)}${bare.padStart(16)}${ratio.toFixed(2).padStart(8)}`);
    }
  } finally {
    await browser.close();
    close();
    engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
