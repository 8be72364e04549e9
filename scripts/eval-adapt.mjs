#!/usr/bin/env node
// Measures what a case learns from review: a simulated analyst reviews the first 20% of a data set's
// documents through the engine's own review functions on a real case file, and the rest is scored
// before and after the case re-scores its suggestions with what it learned (wikigold, then re3d).
//   npm run eval:adapt [-- WIKIGOLD_CONLL [RE3D_FOLDER]]   default ../shared/data/wikigold/wikigold.conll.txt, ../shared/data/re3d
import { join, resolve } from 'node:path';
import { projectRoot as root, runTypeScript } from './runTypeScript.mjs';

const wikigold = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'wikigold', 'wikigold.conll.txt'));
const re3d = resolve(process.argv[3] ?? join(root, '..', 'shared', 'data', 're3d'));

process.exitCode = await runTypeScript('scripts/eval/adapt.ts', [wikigold, re3d]);
