// The reading benchmark (run through scripts/bench-read.mjs): Reuters bodies through the entity
// tagger and the reading layer, as `dossier read --jsonl` does, on this one thread.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExtractor } from '../../src/main/engine/extract/index';
import { prepareDocument } from '../../src/main/engine/reading/document';
import { readText, toReadLine } from '../../src/main/engine/reading/index';
import { findClaims } from '../../src/main/engine/reading/claims';
import { findEvents } from '../../src/main/engine/reading/events';
import { findRelations } from '../../src/main/engine/reading/relations';

const [dataDir, modelDir] = process.argv.slice(2);
const files = readdirSync(dataDir!).filter((name) => name.endsWith('.sgm')).sort().slice(0, 6);
const texts: string[] = [];
for (const file of files) {
  const sgml = readFileSync(join(dataDir!, file), 'latin1');
  for (const match of sgml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) texts.push(match[1]!.replace(/&lt;/g, '<').replace(/&amp;/g, '&').replace(/&#3;/g, ''));
}
const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
const extractor = loadExtractor(modelDir);
const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;
// CPU time of this process as well as the wall clock: on a shared machine the wall clock counts other programs' turns.
const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

for (const text of texts.slice(0, 200)) toReadLine('warm', readText(text, { extractor }));
let started = process.hrtime.bigint();
let cpu = process.cpuUsage();
// As readText does: the tagger's tokens are reused by the reading layer.
const tagged = texts.map((text) => extractor.extractTokenized!(text));
const tagging = [seconds(started), cpuSeconds(cpu)] as const;
started = process.hrtime.bigint();
cpu = process.cpuUsage();
let counts = [0, 0, 0];
texts.forEach((text, index) => {
  const document = prepareDocument(text, tagged[index]!.mentions, tagged[index]!.tokens);
  const claims = findClaims(document);
  counts = [counts[0]! + claims.length, counts[1]! + findEvents(document, claims, []).length, counts[2]! + findRelations(document).length];
});
const reading = [seconds(started), cpuSeconds(cpu)] as const;
started = process.hrtime.bigint();
cpu = process.cpuUsage();
let bytes = 0;
for (const [index, text] of texts.entries()) bytes += JSON.stringify(toReadLine(String(index), readText(text, { extractor }))).length;
const whole = [seconds(started), cpuSeconds(cpu)] as const;
const rate = ([wall, used]: readonly [number, number]): string => `${(megabytes / wall).toFixed(2)} MB/s (CPU time: ${(megabytes / used).toFixed(2)} MB/s)`;

console.log(`Reuters-21578 (${files.length} files): ${texts.length} bodies, ${megabytes.toFixed(2)} MB`);
console.log(`entity tagging alone         ${rate(tagging)}`);
console.log(`reading layer alone          ${rate(reading)}  (${counts[0]} claims, ${counts[1]} events, ${counts[2]} relations)`);
console.log(`read --jsonl engine (both)   ${rate(whole)}  (${(bytes / 1e6).toFixed(1)} MB of JSON lines)`);
