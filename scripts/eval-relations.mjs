#!/usr/bin/env node
// Scores the reading layer's suggested links on re3d: P/R/F1 per type, development and held-out
// splits, end to end (our entity mentions) and with the gold entity spans.
//   npm run eval:relations [-- RE3D_DIR [MODEL_DIR] [--verbose]]   default ../shared/data/re3d, resources/ner
import { join, resolve } from 'node:path';
import { projectRoot as root, runTypeScript } from './runTypeScript.mjs';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') ? ['--verbose'] : [];
const [re3d, model] = args.filter((arg) => arg !== '--verbose');

process.exitCode = await runTypeScript('scripts/eval/relations.ts', [
  resolve(re3d ?? join(root, '..', 'shared', 'data', 're3d')),
  resolve(model ?? join(root, 'resources', 'ner')),
  ...verbose,
]);
