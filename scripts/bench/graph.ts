/**
 * Graph benchmark: builds case graphs of about 2k/10k and 10k/50k nodes/edges from the Reuters
 * import (documents, extracted entities, mentions, co-occurrences) topped up with synthetic actors
 * and asserted links, then prints: loading the graph from the case file, shortest path, Louvain and
 * PageRank in Node; and in headless Chromium (SwiftShader), ForceAtlas2 iterations/s in its worker,
 * time to first frame and median frame time while the camera moves, for the app's graph view and a
 * bare sigma render of the same graph in the same run.
 * Run through `npm run bench:graph` (which bundles this file); arguments: REUTERS_DIR RENDERER_DIR BARE_BUNDLE.
 */
import { copyFileSync, createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { Handlers, ShellChannel } from '../../src/shared/api';
import type { GraphSlice } from '../../src/shared/graph';
import { RelationTypes, SourceReliabilities } from '../../src/shared/graph';
import { createDispatcher } from '../../src/shared/rpc';
import { createEngine } from '../../src/main/engine/engine';
import { profileCaseGraph } from '../../src/main/engine/graph/caseGraph';
import { buildGraph, communities, defaultFilter, shortestPath, sizeBy } from '../../src/renderer/src/features/graph/graphModel';

const [reutersDir, rendererDir, bareBundle] = process.argv.slice(2) as [string, string, string];

interface Target {
  readonly nodes: number;
  readonly edges: number;
  /** Reuters stories to import (from the first SGML files) before topping up. */
  readonly stories: number;
}

// BENCH_GRAPH_SIZES=2000 runs one size only.
const only = process.env['BENCH_GRAPH_SIZES']?.split(',').map(Number);
const TARGETS: readonly Target[] = [
  { nodes: 2_000, edges: 10_000, stories: 330 },
  { nodes: 10_000, edges: 50_000, stories: 2_000 },
].filter((target) => !only || only.includes(target.nodes));

const median = (samples: readonly number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

/** A small deterministic generator, so each run builds the same graphs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function time<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

/** Imports Reuters once with extraction; each target keeps the stories it needs. */
async function importReuters(work: string): Promise<string> {
  const path = join(work, 'reuters.dossier');
  const engine = createEngine();
  await engine.handlers['cases.create']({ path, title: 'Reuters graph' });
  const files = ['reut2-000.sgm', 'reut2-001.sgm'].map((name) => ({ path: join(reutersDir, name) }));
  const started = performance.now();
  const report = await engine.startImport(files).finished;
  console.log(`Imported ${report.imported.length} Reuters stories with extraction in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  engine.dispose();
  return path;
}

/**
 * Keeps the first `target.stories` stories and the entities they mention, then adds synthetic
 * actors up to the node count and asserted links (each citing a passage, endpoints chosen by
 * preferential attachment so degrees spread as in real networks) up to the edge count. Positions
 * are seeded so the app opens without a first layout and both renders draw the same picture.
 */
async function buildCase(base: string, work: string, target: Target): Promise<string> {
  const path = join(work, `graph-${target.nodes}.dossier`);
  copyFileSync(base, path);
  const engine = createEngine();
  await engine.handlers['cases.open']({ path });
  const db = engine.currentCase()!.db;
  const next = random(target.nodes);
  db.transaction(() => {
    const keep = (db.prepare('SELECT id FROM documents ORDER BY id LIMIT 1 OFFSET ?').get(target.stories - 1) as { id: number } | undefined)?.id;
    if (keep !== undefined) db.prepare('DELETE FROM documents WHERE id > ?').run(keep);
    db.prepare('DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions WHERE entity_id IS NOT NULL)').run();
  })();
  const total = () => {
    const slice = engine.handlers['graph.load']({ limit: 1, cooccurrence: true, minCooccurrence: 1 }) as GraphSlice;
    return slice.total;
  };
  const now = new Date().toISOString();
  db.transaction(() => {
    const missing = target.nodes - total().nodes;
    const insert = db.prepare("INSERT INTO entities (kind, name, status, created_at, updated_at) VALUES (?, ?, 'confirmed', ?, ?)");
    for (let index = 0; index < missing; index += 1) insert.run(index % 3 === 0 ? 'organization' : 'person', `Synthetic actor ${index + 1}`, now, now);
  })();
  const nodes = [
    ...(db.prepare('SELECT id FROM entities').all() as { id: number }[]).map((row) => ['entity', row.id] as const),
    ...(db.prepare('SELECT id FROM documents').all() as { id: number }[]).map((row) => ['document', row.id] as const),
  ];
  const documents = db.prepare('SELECT id, length(text) AS length FROM documents WHERE length(text) > 40').all() as { id: number; length: number }[];
  db.transaction(() => {
    const missing = target.edges - total().edges;
    const insertLink = db.prepare(
      'INSERT INTO links (from_kind, from_id, to_kind, to_id, relation, directed, reliability, credibility, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)',
    );
    const insertEvidence = db.prepare(
      'INSERT INTO link_evidence (link_id, document_id, start, end, quote) VALUES (?, ?, ?, ?, (SELECT substr(text, ? + 1, 30) FROM documents WHERE id = ?))',
    );
    // Endpoints drawn in proportion to degree so far (plus one): a few hubs, a long tail.
    const ends: number[] = nodes.map((_, index) => index);
    for (let made = 0; made < missing; made += 1) {
      const from = ends[Math.floor(next() * ends.length)]!;
      let to = ends[Math.floor(next() * ends.length)]!;
      if (to === from) to = (from + 1) % nodes.length;
      const [fromKind, fromId] = nodes[from]!;
      const [toKind, toId] = nodes[to]!;
      const grade = SourceReliabilities[Math.floor(next() * 6)]!;
      const link = insertLink.run(fromKind, fromId, toKind, toId, RelationTypes[made % RelationTypes.length]!, grade, 1 + Math.floor(next() * 6), now, now);
      const document = documents[Math.floor(next() * documents.length)]!;
      const start = Math.floor(next() * (document.length - 31));
      insertEvidence.run(link.lastInsertRowid, document.id, start, start + 30, start, document.id);
      ends.push(from, to);
    }
  })();
  db.transaction(() => {
    const insert = db.prepare('INSERT OR REPLACE INTO graph_positions (node, x, y, pinned) VALUES (?, ?, ?, 0)');
    for (const [kind, id] of nodes) insert.run(`${kind}:${id}`, next() * 1000, next() * 1000);
  })();
  engine.dispose();
  return path;
}

async function measureLoad(path: string): Promise<{ full: GraphSlice; filtered: GraphSlice }> {
  const samples: number[] = [];
  const validated: number[] = [];
  const filteredSamples: number[] = [];
  let full: GraphSlice | null = null;
  let filtered: GraphSlice | null = null;
  for (let run = 0; run < 5; run += 1) {
    // A fresh engine each run: nothing cached, the case file read from disk (the OS's cache warm).
    const engine = createEngine();
    await engine.handlers['cases.open']({ path });
    const loaded = time(() => engine.handlers['graph.load']({ limit: 100_000, cooccurrence: true, minCooccurrence: 1 }) as GraphSlice);
    samples.push(loaded.ms);
    full = loaded.value;
    engine.dispose();

    const again = createEngine();
    await again.handlers['cases.open']({ path });
    filteredSamples.push(time(() => again.handlers['graph.load']({ limit: 2_000, cooccurrence: true, minCooccurrence: 1 })).ms);
    again.dispose();

    // As the renderer gets it: through the contract's dispatcher, input and output checked by zod.
    const fresh = createEngine();
    const dispatch = createDispatcher(fresh.handlers);
    await fresh.handlers['cases.open']({ path });
    const started = performance.now();
    const result = await dispatch('graph.load', { limit: 2_000 });
    validated.push(performance.now() - started);
    if (result.ok) filtered = result.value as GraphSlice;
    fresh.dispose();
  }
  console.log(`  load the whole graph from the case file (SQL, co-occurrence, degrees)   median ${ms(median(samples))}`);
  const profiled = createEngine();
  await profiled.handlers['cases.open']({ path });
  const stages = profileCaseGraph(profiled.currentCase()!.db);
  profiled.dispose();
  console.log(`    of which ${Object.entries(stages).map(([name, value]) => `${name} ${ms(value)}`).join(', ')}`);
  console.log(`  load the opening slice (top 2,000 by degree)                             median ${ms(median(filteredSamples))}`);
  console.log(`  the same through the zod-checked dispatcher (what the renderer waits for) median ${ms(median(validated))}`);
  return { full: full!, filtered: filtered ?? full! };
}

function measureAnalytics(full: GraphSlice): void {
  const built = time(() => buildGraph(full));
  const graph = built.value;
  console.log(`  build the graphology graph (${graph.order} nodes, ${graph.size} edges)                median ${ms(built.ms)}`);
  const keys = graph.nodes();
  const next = random(3);
  const paths: number[] = [];
  for (let run = 0; run < 21; run += 1) {
    const from = keys[Math.floor(next() * keys.length)]!;
    const to = keys[Math.floor(next() * keys.length)]!;
    paths.push(time(() => shortestPath(graph, defaultFilter, from, to)).ms);
  }
  console.log(`  shortest path between random nodes (21 pairs)                          median ${ms(median(paths))}`);
  const louvain = [0, 1, 2].map(() => time(() => communities(graph, defaultFilter)));
  console.log(
    `  Louvain communities (${new Set(louvain[0]!.value.values()).size} found)                                      median ${ms(median(louvain.map((run) => run.ms)))}`,
  );
  console.log(`  PageRank                                                               ${ms(time(() => sizeBy(graph, defaultFilter, 'pagerank')).ms)}`);
  if (graph.order <= 3_000) console.log(`  betweenness centrality                                                 ${ms(time(() => sizeBy(graph, defaultFilter, 'betweenness')).ms)}`);
}

const MIME_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.json': 'application/json' };

/**
 * The engine calls of the page in the app's place: a POST to the page's own server. Playwright's
 * exposeBinding (what the end-to-end tests use) carries every call as JSON through the DevTools
 * protocol, seconds for a 2,000-node slice; Electron's IPC is a structured clone, and a loopback POST
 * of the same JSON is the closer stand-in for timing.
 */
let invokeOverHttp: ((channel: unknown, input: unknown) => Promise<unknown>) | null = null;

async function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (request.method === 'POST' && pathname === '/__invoke' && invokeOverHttp) {
      const invoke = invokeOverHttp;
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const { channel, input } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { channel: unknown; input: unknown };
        void invoke(channel, input).then((result) => {
          response.writeHead(200, { 'Content-Type': 'application/json' });
          response.end(JSON.stringify(result));
        });
      });
      return;
    }
    if (pathname === '/bare.html') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<!doctype html><html><body style="margin:0"><div id="stage" style="width:1280px;height:740px"></div><script src="/bare.js"></script></body></html>');
      return;
    }
    const file = pathname === '/bare.js' ? bareBundle : normalize(join(rendererDir, pathname === '/' ? 'index.html' : pathname));
    if ((pathname !== '/bare.js' && !file.startsWith(rendererDir + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Median time between frames while the camera zooms in and out over the graph (edges hidden while moving). */
async function frameTimeWhileMoving(page: Page, selector: string): Promise<number> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const frames = page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const deltas: number[] = [];
        let last = performance.now();
        const started = last;
        const tick = (now: number) => {
          deltas.push(now - last);
          last = now;
          if (now - started < 4_000) requestAnimationFrame(tick);
          else resolve(deltas);
        };
        requestAnimationFrame(tick);
      }),
  );
  for (let step = 0; step < 30; step += 1) {
    await page.mouse.wheel(0, step % 10 < 5 ? -120 : 120);
    await page.waitForTimeout(120);
  }
  const deltas = await frames;
  return median(deltas.length > 3 ? deltas.slice(2) : deltas);
}

async function measureBrowser(path: string, full: GraphSlice, filtered: GraphSlice, url: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route('**/*', (route) => (route.request().url().startsWith(url) ? route.continue() : route.abort('blockedbyclient')));

    // Bare sigma: the same slice the app opens with.
    const bare = await context.newPage();
    await bare.goto(`${url}/bare.html`);
    const bareFirst = await bare.evaluate((slice) => (window as unknown as { renderBare: (s: unknown) => Promise<number> }).renderBare(slice), filtered);
    await bare.waitForTimeout(500);
    const bareFrame = await frameTimeWhileMoving(bare, '#stage');
    const iterations = await bare.evaluate(
      (slice) => (window as unknown as { runLayout: (s: unknown, ms: number) => Promise<number> }).runLayout(slice, 6_000),
      full,
    );
    await bare.close();

    // The app: the real renderer over a real engine, opening the case and then its Graph view.
    const engine = createEngine();
    const shell: Handlers<ShellChannel> = {
      'shell.chooseNewCasePath': () => null,
      'shell.chooseCaseToOpen': () => path,
      'shell.chooseGazetteerExtract': () => null,
      'shell.takeLaunchCase': () => null,
      'shell.chooseFilesToImport': () => [],
      'shell.chooseBriefingPath': () => null,
      'shell.chooseCaseToMerge': () => null,
      'shell.chooseCsvList': () => null,
      'shell.openPath': () => null,
      'shell.chooseMapFile': () => null,
      'shell.chooseMapExportPath': () => null,
    };
    const dispatch = createDispatcher({ ...engine.handlers, ...shell });
    const page = await context.newPage();
    invokeOverHttp = (channel, input) => dispatch(channel, input);
    await page.addInitScript(() => {
      const invoke = async (channel: unknown, input: unknown): Promise<unknown> => {
        const response = await fetch('/__invoke', { method: 'POST', body: JSON.stringify({ channel, input }) });
        return (await response.json()) as unknown;
      };
      Object.defineProperty(window, 'dossier', { value: Object.freeze({ invoke, on: () => () => undefined }) });
    });
    await page.goto(`${url}/`);
    await page.getByRole('button', { name: 'Open case…' }).click();
    await page.getByRole('button', { name: 'Graph', exact: true }).waitFor();
    await page.evaluate(() => performance.mark('bench:open-graph'));
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.waitForFunction(() => performance.getEntriesByName('dossier:graph-first-frame').length > 0, undefined, { timeout: 60_000 });
    const appFirst = await page.evaluate(
      () => performance.getEntriesByName('dossier:graph-first-frame')[0]!.startTime - performance.getEntriesByName('bench:open-graph')[0]!.startTime,
    );
    const stages = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
      const start = at('bench:open-graph');
      return { data: at('dossier:graph-data') - start, model: at('dossier:graph-model') - start, frame: at('dossier:graph-first-frame') - start };
    });
    const shown = await page.getByTestId('graph-counts').textContent();
    await page.waitForTimeout(500);
    const appFrame = await frameTimeWhileMoving(page, '[data-testid="graph-canvas"]');
    await page.close();
    engine.dispose();

    console.log(`  browser (SwiftShader): ${shown}`);
    console.log(`  ForceAtlas2 in its web worker, whole graph (${full.nodes.length} nodes)             ${iterations.toFixed(1)} iterations/s`);
    console.log(`  first frame   app (click Graph → frame, IPC and build included) ${ms(appFirst).padStart(9)}   bare sigma ${ms(bareFirst).padStart(9)}`);
    console.log(
      `    of which: slice received ${ms(stages.data)}, graph model built ${ms(stages.model)}, sigma's first frame ${ms(stages.frame)} (from the click)`,
    );
    console.log(
      `  median frame while moving   app ${ms(appFrame).padStart(9)}   bare sigma ${ms(bareFrame).padStart(9)}   ratio ${(appFrame / bareFrame).toFixed(2)}`,
    );
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'dossier-bench-graph-'));
  const { server, url } = await serve();
  try {
    const base = await importReuters(work);
    for (const target of TARGETS) {
      const path = await buildCase(base, work, target);
      console.log(`\nCase graph of ~${target.nodes.toLocaleString('en')} nodes / ${target.edges.toLocaleString('en')} edges:`);
      const { full, filtered } = await measureLoad(path);
      console.log(`  (${full.nodes.length} nodes, ${full.edges.length} edges: ${countTypes(full)})`);
      measureAnalytics(full);
      await measureBrowser(path, full, filtered, url);
    }
  } finally {
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

function countTypes(slice: GraphSlice): string {
  const counts = new Map<string, number>();
  for (const edge of slice.edges) counts.set(edge.type, (counts.get(edge.type) ?? 0) + 1);
  return [...counts.entries()].map(([type, count]) => `${count} ${type}`).join(', ');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
