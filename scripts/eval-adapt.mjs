#!/usr/bin/env node
// Measures what a case learns from review: a simulated analyst reviews the first 20% of a data set's
// documents through the engine's own review functions on a real case file, and the rest is scored
// before and after the case re-scores its suggestions with what it learned (wikigold, then re3d).
//   npm run eval:adapt [-- WIKIGOLD_CONLL [RE3D_FOLDER [GUM_BIO]]]   default ../shared/data/wikigold/wikigold.conll.txt, ../shared/data/re3d,
//   ../shared/data/ner-train/gum/gum_permissive_ner.bio.tsv; ADAPT_SPLIT=first|last|fifth|all, ADAPT_SETS=wikigold,re3d,gum (scripts/eval/adapt.ts)
import { join, resolve } from 'node:path';
import { projectRoot as root, runTypeScript } from './runTypeScript.mjs';

const wikigold = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'wikigold', 'wikigold.conll.txt'));
const re3d = resolve(process.argv[3] ?? join(root, '..', 'shared', 'data', 're3d'));
const gum = resolve(process.argv[4] ?? join(root, '..', 'shared', 'data', 'ner-train', 'gum', 'gum_permissive_ner.bio.tsv'));

process.exitCode = await runTypeScript('scripts/eval/adapt.ts', [wikigold, re3d, gum]);
