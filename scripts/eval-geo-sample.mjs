#!/usr/bin/env node
// Reuters-21578 place mentions as resolved now, for a check by eye beside GeoVirus' figures:
//   node scripts/eval-geo-sample.mjs OUT.jsonl [STORIES]        write every location mention of STORIES (3000) stories drawn with a fixed seed
//   node scripts/eval-geo-sample.mjs --sample N OUT.jsonl       print N mentions drawn from it with a fixed seed
//   node scripts/eval-geo-sample.mjs --diff BEFORE.jsonl AFTER.jsonl   print the mentions whose place changed
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot as root, runTypeScript } from './runTypeScript.mjs';

const reuters = resolve(process.env.REUTERS_DIR ?? join(root, '..', 'shared', 'data', 'reuters21578'));
const read = (path) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const show = (mention, place = mention.place) => `${mention.text} → ${place}   | …${mention.context}…`;
const [mode, ...rest] = process.argv.slice(2);
if (mode === '--sample') {
  const [count, path] = rest;
  const mentions = read(path);
  let state = 7;
  const random = () => ((state = (state * 48271) % 2147483647) / 2147483647);
  for (let index = 0; index < Number(count) && mentions.length > 0; index += 1) {
    const [mention] = mentions.splice(Math.floor(random() * mentions.length), 1);
    console.log(`${String(index + 1).padStart(3)}. [${mention.story}] ${show(mention)}`);
  }
} else if (mode === '--diff') {
  const before = new Map(read(rest[0]).map((mention) => [`${mention.story}:${mention.start}`, mention]));
  let changed = 0;
  for (const mention of read(rest[1])) {
    const old = before.get(`${mention.story}:${mention.start}`);
    if (!old || old.id === mention.id) continue;
    changed += 1;
    console.log(`[${mention.story}] ${mention.text}: ${old.place} ⇒ ${mention.place}   | …${mention.context}…`);
  }
  console.log(`${changed} of ${before.size} mentions changed place`);
} else if (mode) {
  process.exitCode = await runTypeScript('scripts/eval/geoSample.ts', [reuters, join(root, 'resources'), resolve(mode), rest[0] ?? '3000']);
} else {
  console.error('usage: eval-geo-sample.mjs OUT.jsonl [STORIES] | --sample N OUT.jsonl | --diff BEFORE.jsonl AFTER.jsonl');
  process.exitCode = 2;
}
