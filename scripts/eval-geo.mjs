#!/usr/bin/env node
// Toponym resolution figures on GeoVirus (accuracy within 161 km, median error, coverage, load time).
//   npm run eval:geo [-- GEOVIRUS_XML]   default ../shared/data/geovirus/GeoVirus.xml; EVAL_GEO_MISSES=N lists N misses
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'geovirus', 'GeoVirus.xml'));
if (!existsSync(corpus)) {
  console.error(`eval-geo: no GeoVirus corpus at ${corpus}; pass the path of GeoVirus.xml.`);
  process.exit(2);
}
// Bundle the TypeScript evaluation with the project's own Vite (as scripts/bench.mjs does), then run it.
const outDir = join(root, 'node_modules', '.cache', 'dossier-eval-geo');
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: join(root, 'scripts', 'eval-geo.ts'),
    outDir,
    emptyOutDir: true,
    rollupOptions: { external: [/^node:/, /^[a-z@][^:]*$/], output: { format: 'cjs', entryFileNames: '[name].js' } },
  },
});
const run = spawnSync(process.execPath, [join(outDir, 'eval-geo.js'), corpus, join(root, 'resources')], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) process.exitCode = 1;
