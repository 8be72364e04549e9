#!/usr/bin/env node
// Trains the learned relation scorer (an experiment; the app keeps the rules, see
// scripts/train/relations.ts) from re3d's development split (centcom + uk-government; never the
// held-out split), settings and threshold chosen by document-level cross-validation.
//   npm run train:relations [-- RE3D_DIR [OUT_DIR]] [--folds K] [--precision P] [--union] [--gold-only] [--curves]
//                            [--epochs 5,10] [--l2 0.001,0.01] [--min-count 1,2]
// RE3D_DIR defaults to ../shared/data/re3d; OUT_DIR to node_modules/.cache/dossier-relation-scorer.
// Then: npm run eval:relations -- --scorer OUT_DIR
import { join, resolve } from 'node:path';
import { projectRoot as root, runTypeScript } from './runTypeScript.mjs';

const argv = process.argv.slice(2);
const flags = [];
const positional = [];
for (let index = 0; index < argv.length; index += 1) {
  if (["--curves", "--gold-only", "--union"].includes(argv[index])) flags.push(argv[index]);
  else if (argv[index].startsWith("--")) flags.push(argv[index], argv[++index]);
  else positional.push(argv[index]);
}
const re3d = resolve(positional[0] ?? join(root, '..', 'shared', 'data', 're3d'));
const out = resolve(positional[1] ?? join(root, 'node_modules', '.cache', 'dossier-relation-scorer'));
process.exitCode = await runTypeScript('scripts/train/relations.ts', [re3d, out, join(root, 'resources', 'ner'), ...flags]);
