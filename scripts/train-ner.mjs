#!/usr/bin/env node
// Trains the entity tagger into resources/ner from GUM + BTC (never from wikigold or GeoVirus).
//   npm run train:ner [-- DATA_DIR [OUT_DIR] [--epochs N] [--bits B] [--gum-weight N] [--holdout]
//                        [--no-tweets] [--no-places] [--dictionary FILE | --no-dictionary]]
// DATA_DIR defaults to ../shared/data/ner-train (holding gum/ and btc/); OUT_DIR to resources/ner.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Options pass through to the trainer; those that take a value keep it.
const withValue = new Set(['--epochs', '--bits', '--dictionary', '--gum-weight']);
const flags = [];
const positional = [];
const argv = process.argv.slice(2);
for (let index = 0; index < argv.length; index += 1) {
  if (withValue.has(argv[index])) flags.push(argv[index], argv[++index]);
  else if (argv[index].startsWith('--')) flags.push(argv[index]);
  else positional.push(argv[index]);
}
const data = resolve(positional[0] ?? join(root, '..', 'shared', 'data', 'ner-train'));
const out = resolve(positional[1] ?? join(root, 'resources', 'ner'));
mkdirSync(out, { recursive: true });

// Same approach as scripts/bench.mjs: bundle the TypeScript with the project's Vite, then run it.
const outDir = join(root, 'node_modules', '.cache', 'dossier-train-ner');
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: join(root, 'scripts', 'train', 'train.ts'),
    outDir,
    emptyOutDir: true,
    rollupOptions: { external: [/^node:/, /^[a-z@][^:]*$/], output: { format: 'cjs', entryFileNames: '[name].js' } },
  },
});
const run = spawnSync(process.execPath, ['--max-old-space-size=4096', join(outDir, 'train.js'), data, out, ...flags], { cwd: root, stdio: 'inherit' });
process.exitCode = run.status ?? 1;
