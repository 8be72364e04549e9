#!/usr/bin/env node
// Scores the whole extractor (tagger and rules) by cross-validation: each fold's model, saved by
//   npm run train:ner -- ../shared/data/ner-train DIR --folds K --save-folds
// on the GUM documents and re3d development documents it was not trained on; prints P/R/F1 per type, summed over folds.
//   node scripts/eval-ner-folds.mjs DIR [K]
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { bundleTypeScript, projectRoot as root } from './runTypeScript.mjs';

const directory = resolve(process.argv[2] ?? '/tmp/ner-folds');
const folds = Number(process.argv[3] ?? 5);
const built = await bundleTypeScript('scripts/eval/ner.ts');
const re3d = join(root, '..', 'shared', 'data', 're3d');

/** Runs the evaluator once and returns its counts per type. */
function counts(data, model, environment) {
  const run = spawnSync(process.execPath, [built, data, model], { cwd: root, encoding: 'utf8', env: { ...process.env, NER_RUNS: '1', ...environment } });
  if (run.status !== 0) throw new Error(`eval of ${model} failed: ${run.stderr}`);
  const result = {};
  for (const match of run.stdout.matchAll(/^(PER|ORG|LOC|ALL)\s.*\(gold (\d+), predicted (\d+), correct (\d+)\)/gm)) {
    result[match[1]] = [Number(match[2]), Number(match[3]), Number(match[4])];
  }
  return result;
}

function line(name, totals) {
  const parts = ['PER', 'ORG', 'LOC', 'ALL'].map((kind) => {
    const [gold, predicted, correct] = totals[kind];
    const precision = predicted ? correct / predicted : 0;
    const recall = gold ? correct / gold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return `${kind} P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}`;
  });
  console.log(`${name}: ${parts.join(' | ')}`);
}

const gum = { PER: [0, 0, 0], ORG: [0, 0, 0], LOC: [0, 0, 0], ALL: [0, 0, 0] };
const development = structuredClone(gum);
for (let fold = 0; fold < folds; fold += 1) {
  const model = join(directory, `fold-${fold}`);
  const add = (totals, result) => {
    for (const kind of Object.keys(totals)) for (let field = 0; field < 3; field += 1) totals[kind][field] += result[kind][field];
  };
  // NER_PREDICTIONS=PREFIX: each run's predictions in PREFIX-gum-N.txt and PREFIX-re3d-N.txt (see scripts/eval/ner.ts).
  const predictions = (name) => (process.env.NER_PREDICTIONS ? { NER_PREDICTIONS: `${process.env.NER_PREDICTIONS}-${name}-${fold}.txt` } : {});
  add(gum, counts(join(model, 'gum.conll'), model, predictions('gum')));
  add(development, counts(re3d, model, { NER_RE3D_FOLD: `${fold}/${folds}`, ...predictions('re3d') }));
}
line(`GUM, whole extractor, ${folds}-fold`, gum);
line(`re3d development, whole extractor, ${folds}-fold`, development);
