#!/usr/bin/env node
// Scores the entity extractor on wikigold (or another CoNLL file) and prints P/R/F1, MB/s and load time.
//   npm run eval:ner [-- CONLL_FILE [MODEL_DIR]]   default ../shared/data/wikigold/wikigold.conll.txt, resources/ner
import { join, resolve } from 'node:path';
import { projectRoot as root, runTypeScript } from './runTypeScript.mjs';

const conll = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'wikigold', 'wikigold.conll.txt'));
const model = resolve(process.argv[3] ?? join(root, 'resources', 'ner'));

process.exitCode = await runTypeScript('scripts/eval/ner.ts', [conll, model]);
