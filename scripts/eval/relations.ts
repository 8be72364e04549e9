// Scores the reading layer's suggested links on re3d (P/R/F1 per type), through our own entity
// mentions (end to end) and through the gold entity spans, on a development and a held-out split.
// With --scorer DIR it scores the learned pair scorer of scripts/train/relations.ts as well (alone,
// and on top of the rules), the comparison that decides whether it replaces the rules.
// Run through scripts/eval-relations.mjs, which bundles this file.
import { loadExtractor } from '../../src/main/engine/extract/index';
import type { MentionInput } from '../../src/main/engine/reading/document';
import { prepareDocument } from '../../src/main/engine/reading/document';
import { readText } from '../../src/main/engine/reading/index';
import type { Relation } from '../../src/main/engine/reading/relations';
import { findRuleLinks, toRelation } from '../../src/main/engine/reading/relations';
import type { RelationModel } from '../train/relationScorer';
import { findScoredLinks, loadRelationModel } from '../train/relationScorer';
import type { Re3dDocument } from './re3d';
import { loadSplit, matches, relationTypes, splits } from './re3d';

interface Tally {
  predicted: number;
  correct: number;
  gold: number;
  found: number;
}

type Reader = (document: Re3dDocument, mentions: readonly MentionInput[]) => Relation[];

function score(documents: Re3dDocument[], mentionsOf: (document: Re3dDocument) => readonly MentionInput[], reader: Reader, verbose: boolean): Map<string, Tally> {
  const tallies = new Map<string, Tally>([...relationTypes, 'all'].map((type) => [type, { predicted: 0, correct: 0, gold: 0, found: 0 }]));
  for (const document of documents) {
    const relations = reader(document, mentionsOf(document));
    for (const prediction of relations) {
      const right = document.gold.some((gold) => matches(prediction, gold));
      for (const key of [prediction.type, 'all']) {
        tallies.get(key)!.predicted += 1;
        if (right) tallies.get(key)!.correct += 1;
      }
      if (verbose && !right) {
        const sentence = document.text.slice(prediction.evidence.start, prediction.evidence.end).replace(/\s+/g, ' ');
        console.log(`  wrong ${prediction.type}: [${prediction.source.text}] → [${prediction.target.text}] (${prediction.cue?.text ?? ''}) :: ${sentence.slice(0, 220)}`);
      }
    }
    for (const gold of document.gold) {
      const found = relations.some((prediction) => matches(prediction, gold));
      for (const key of [gold.type, 'all']) {
        tallies.get(key)!.gold += 1;
        if (found) tallies.get(key)!.found += 1;
      }
      if (verbose && !found && process.env.MISSES) {
        const from = Math.min(gold.source[0], gold.target[0]);
        const to = Math.max(gold.source[1], gold.target[1]);
        console.log(`  missed ${gold.type}: [${document.text.slice(...gold.source)}] → [${document.text.slice(...gold.target)}] :: ${document.text.slice(from, to).replace(/\s+/g, ' ').slice(0, 200)}`);
      }
    }
  }
  return tallies;
}

function print(label: string, tallies: Map<string, Tally>): void {
  console.log(`\n${label}`);
  console.log(`${'type'.padEnd(20)}${'pred'.padStart(6)}${'gold'.padStart(6)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}`);
  for (const [type, tally] of tallies) {
    const precision = tally.predicted ? tally.correct / tally.predicted : 0;
    const recall = tally.gold ? tally.found / tally.gold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    console.log(`${type.padEnd(20)}${String(tally.predicted).padStart(6)}${String(tally.gold).padStart(6)}${precision.toFixed(2).padStart(7)}${recall.toFixed(2).padStart(7)}${f1.toFixed(2).padStart(7)}`);
  }
}

/** The learned scorer's links, alone or with the rules' links added (a rule's link wins on its pair). */
function scorerReader(model: RelationModel, withRules: boolean): Reader {
  return (document, mentions) => {
    const reading = prepareDocument(document.text, mentions);
    const links = findScoredLinks(reading, model);
    if (withRules) {
      const ruled = findRuleLinks(reading);
      const pairs = new Set(ruled.map((link) => `${Math.min(link.source, link.target)}:${Math.max(link.source, link.target)}`));
      links.splice(0, links.length, ...ruled, ...links.filter((link) => !pairs.has(`${Math.min(link.source, link.target)}:${Math.max(link.source, link.target)}`)));
    }
    return links.map((link) => toRelation(reading, link));
  };
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const scorerIndex = args.indexOf('--scorer');
const scorerDir = scorerIndex >= 0 ? args[scorerIndex + 1] : undefined;
const [root, modelDir] = args.filter((arg, index) => !arg.startsWith('--') && index !== scorerIndex + 1);
const extractor = loadExtractor(modelDir);
const readers: Array<[string, Reader]> = [['rules (readText)', (document, mentions) => readText(document.text, { mentions }).relations]];
if (scorerDir) {
  const model = loadRelationModel(scorerDir);
  readers.push([`learned scorer (threshold ${model.threshold})`, scorerReader(model, false)], ['rules + learned scorer', scorerReader(model, true)]);
}
for (const split of Object.keys(splits) as Array<keyof typeof splits>) {
  const documents = loadSplit(root!, split);
  const relations = documents.reduce((sum, document) => sum + document.gold.length, 0);
  console.log(`\n=== ${split}: ${splits[split].join(' + ')} (${documents.length} documents, ${relations} gold links of the six types)`);
  for (const [name, reader] of readers) {
    if (verbose) console.log(`-- ${name}, end to end`);
    print(`${split}, ${name}, end to end (our entity mentions)`, score(documents, (document) => extractor.extract(document.text), reader, verbose));
    if (verbose) console.log(`-- ${name}, gold spans`);
    print(`${split}, ${name}, gold entity spans`, score(documents, (document) => document.entities, reader, verbose));
  }
}
