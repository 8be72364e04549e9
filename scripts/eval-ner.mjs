#!/usr/bin/env node
// Scores the entity extractor on wikigold (or another CoNLL file) and prints P/R/F1, MB/s and load time.
//   npm run eval:ner [-- CONLL_FILE [MODEL_DIR]]   default ../shared/data/wikigold/wikigold.conll.txt, resources/ner
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const conll = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'wikigold', 'wikigold.conll.txt'));
const model = resolve(process.argv[3] ?? join(root, 'resources', 'ner'));

// Same approach as scripts/bench.mjs: bundle the TypeScript with the project's Vite, then run it.
const outDir = join(root, 'node_modules', '.cache', 'dossier-eval-ner');
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: join(root, 'scripts', 'eval', 'ner.ts'),
    outDir,
    emptyOutDir: true,
    rollupOptions: { external: [/^node:/, /^[a-z@][^:]*$/], output: { format: 'cjs', entryFileNames: '[name].js' } },
  },
});
const run = spawnSync(process.execPath, [join(outDir, 'ner.js'), conll, model], { cwd: root, stdio: 'inherit' });
process.exitCode = run.status ?? 1;
