#!/usr/bin/env node
// Trains the entity tagger into resources/ner from GUM + BTC + re3d's development split (never from wikigold or GeoVirus).
//   npm run train:ner [-- DATA_DIR [OUT_DIR] [--epochs N] [--bits B] [--gum-weight N] [--holdout] [--folds K]
//                        [--no-tweets] [--no-places] [--dictionary FILE | --no-dictionary]
//                        [--build-clusters REUTERS_DIR | --no-clusters] [--given-names FILE,FILE | --no-given-names]
//                        [--re3d RE3D_DIR [--re3d-weight N] | --no-re3d] [--save-folds]]
// DATA_DIR defaults to ../shared/data/ner-train (holding gum/ and btc/); OUT_DIR to resources/ner.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot as root, runTypeScript } from './runTypeScript.mjs';

// Options pass through to the trainer; those that take a value keep it.
const withValue = new Set(['--epochs', '--bits', '--dictionary', '--gum-weight', '--build-clusters', '--folds', '--given-names', '--re3d', '--re3d-weight']);
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
// re3d's development split is training data too (scripts/train/re3d.ts), unless --re3d DIR or --no-re3d says otherwise.
if (!flags.includes('--re3d') && !flags.includes('--no-re3d')) flags.push('--re3d', join(root, '..', 'shared', 'data', 're3d'));

process.exitCode = await runTypeScript('scripts/train/train.ts', [data, out, ...flags], ['--max-old-space-size=4096']);
