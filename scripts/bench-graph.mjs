#!/usr/bin/env node
// The graph benchmark (figures, never a test). Needs `npm run build` first and Chromium (CHROME_PATH or /usr/bin/chromium).
//   npm run bench:graph [-- REUTERS_DIR]   default ../shared/data/reuters21578
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { projectRoot, runTypeScript } from './runTypeScript.mjs';

const reuters = resolve(process.argv[2] ?? join(projectRoot, '..', 'shared', 'data', 'reuters21578'));
const renderer = join(projectRoot, 'out', 'renderer');
if (!existsSync(join(renderer, 'index.html'))) {
  console.error('bench:graph: run "npm run build" first.');
  process.exit(2);
}
if (!existsSync(join(reuters, 'reut2-000.sgm'))) {
  console.error(`bench:graph: no Reuters-21578 at ${reuters}; give its folder: npm run bench:graph -- PATH`);
  process.exit(2);
}

// The bare sigma page, bundled for the browser like the app's renderer.
const bareDir = join(projectRoot, 'node_modules', '.cache', 'dossier-bare-sigma');
await build({
  root: projectRoot,
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: bareDir,
    emptyOutDir: true,
    lib: { entry: join(projectRoot, 'scripts', 'bench', 'bareSigma.mjs'), formats: ['iife'], name: 'bareSigma', fileName: () => 'bare.js' },
  },
});
process.exitCode = await runTypeScript('scripts/bench/graph.ts', [reuters, renderer, join(bareDir, 'bare.js')]);
