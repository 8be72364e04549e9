#!/usr/bin/env node
// Scores the reading layer's suggested links on re3d: P/R/F1 per type, development and held-out
// splits, end to end (our entity mentions) and with the gold entity spans.
//   npm run eval:relations [-- RE3D_DIR [MODEL_DIR] [--verbose] [--scorer SCORER_DIR]]
// Defaults: ../shared/data/re3d, resources/ner. --scorer also scores a learned pair scorer built by
// `npm run train:relations -- RE3D_DIR SCORER_DIR`.
import { join, resolve } from 'node:path';
import { projectRoot as root, runTypeScript } from './runTypeScript.mjs';

const args = process.argv.slice(2);
const flags = [];
const positional = [];
for (let index = 0; index < args.length; index += 1) {
  if (args[index] === '--scorer') flags.push('--scorer', resolve(args[++index]));
  else if (args[index].startsWith('--')) flags.push(args[index]);
  else positional.push(args[index]);
}
const [re3d, model] = positional;

process.exitCode = await runTypeScript('scripts/eval/relations.ts', [
  resolve(re3d ?? join(root, '..', 'shared', 'data', 're3d')),
  resolve(model ?? join(root, 'resources', 'ner')),
  ...flags,
]);
