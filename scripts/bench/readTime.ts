/**
 * Temporal expressions benchmark: findTimes over the Reuters-21578 stories, each against its own
 * <DATE>, and chrono-node alone over the same text for comparison. Prints MB/s (UTF-8 bytes of the
 * stories' text) and counts. `--sample N` also prints N mentions picked across the collection, to
 * read for false positives. Run through `npm run bench:read-time` (which bundles this file).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { readReuters } from '../../src/main/engine/ingest/read/reuters';
import { findTimes } from '../../src/main/engine/reading/time';
import type { TimeMention } from '../../src/main/engine/reading/time';

const [dataDir = '', ...rest] = process.argv.slice(2);
const sampleIndex = rest.indexOf('--sample');
const sample = sampleIndex >= 0 ? Number(rest[sampleIndex + 1] ?? 40) : 0;

const stories: { text: string; date: string | undefined }[] = [];
for (const name of readdirSync(dataDir).filter((file) => file.endsWith('.sgm')).sort()) {
  const outcome = readReuters(name, readFileSync(join(dataDir, name)));
  if (outcome.type !== 'documents') continue;
  for (const document of outcome.documents) stories.push({ text: document.text, date: document.publishedAt?.slice(0, 10) });
}
const bytes = stories.reduce((sum, story) => sum + Buffer.byteLength(story.text), 0);
const megabytes = bytes / 1e6;

function run(label: string, body: () => number): void {
  const times: number[] = [];
  let count = 0;
  for (let round = 0; round < 3; round += 1) {
    const started = process.hrtime.bigint();
    count = body();
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  times.sort((a, b) => a - b);
  const median = times[1] ?? 0;
  console.log(`${label.padEnd(44)} ${(megabytes / median).toFixed(2)} MB/s  (median of 3: ${median.toFixed(2)} s; ${count} expressions)`);
}

console.log(`Reuters-21578: ${stories.length} stories, ${megabytes.toFixed(1)} MB of text`);
let mentions: { story: number; mention: TimeMention }[] = [];
run('findTimes (with each story\'s date)', () => {
  mentions = [];
  stories.forEach((story, index) => {
    for (const mention of findTimes(story.text, { documentDate: story.date })) mentions.push({ story: index, mention });
  });
  return mentions.length;
});
run('findTimes (no document date)', () => stories.reduce((sum, story) => sum + findTimes(story.text).length, 0));
// chrono alone, English casual, on every story's whole text: what the pre-filter saves.
run('chrono.en.casual.parse alone (whole text)', () => stories.reduce((sum, story) => sum + chrono.en.casual.parse(story.text).length, 0));

const byPrecision = new Map<string, number>();
for (const { mention } of mentions) {
  const key = `${mention.precision}${mention.value === undefined ? ' (unresolved)' : ''}${mention.approximate ? ' approximate' : ''}`;
  byPrecision.set(key, (byPrecision.get(key) ?? 0) + 1);
}
console.log([...byPrecision].map(([key, count]) => `${key}: ${count}`).join(', '));
if (sample > 0) {
  const step = Math.max(1, Math.floor(mentions.length / sample));
  for (let index = 0; index < mentions.length; index += step) {
    const { story, mention } = mentions[index]!;
    const text = stories[story]!.text;
    const context = text.slice(Math.max(0, mention.start - 50), mention.end + 30).replace(/\s+/g, ' ');
    console.log(`${stories[story]!.date} ${JSON.stringify(mention.text)} → ${mention.value ?? '?'}${mention.endValue ? `..${mention.endValue}` : ''} (${mention.precision}${mention.approximate ? ', approx.' : ''})  …${context}…`);
  }
}
