// Place mentions of Reuters-21578 stories as the app resolves them (bundled and run by
// scripts/eval-geo-sample.mjs): a second source, beside GeoVirus, for checking a change of the resolver
// by eye. Stories are drawn with a fixed seed; each location mention is written as one JSON line.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEntityPipeline } from '../../src/main/engine/extract/pipeline';

const [reutersDir, resourcesDir, outPath, storyCount = '3000'] = process.argv.slice(2);
if (!reutersDir || !resourcesDir || !outPath) throw new Error('usage: geoSample.js REUTERS_DIR RESOURCES_DIR OUT_JSONL [STORIES]');

/** A small seeded generator (mulberry32), so that the same stories are drawn each run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const decode = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&#\d+;/g, '').split('\u0003').join('');
const stories: { id: string; text: string }[] = [];
for (const file of readdirSync(reutersDir).filter((name) => name.endsWith('.sgm')).sort()) {
  for (const story of readFileSync(join(reutersDir, file), 'latin1').matchAll(/<REUTERS[^>]*NEWID="(\d+)"[^>]*>([\s\S]*?)<\/REUTERS>/g)) {
    const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(story[2] ?? '')?.[1];
    if (!body) continue;
    const dateline = /<DATELINE>([\s\S]*?)<\/DATELINE>/.exec(story[2] ?? '')?.[1]?.trim() ?? '';
    stories.push({ id: story[1]!, text: decode(`${dateline} ${body}`) });
  }
}
const random = seeded(13);
for (let index = stories.length - 1; index > 0; index -= 1) {
  const other = Math.floor(random() * (index + 1));
  [stories[index], stories[other]] = [stories[other]!, stories[index]!];
}
const pipeline = createEntityPipeline(resourcesDir);
const lines: string[] = [];
for (const { id, text } of stories.slice(0, Number(storyCount))) {
  for (const mention of pipeline.analyze(text)) {
    if (mention.type !== 'location') continue;
    const context = text.slice(Math.max(0, mention.start - 60), mention.end + 40).replace(/\s+/g, ' ');
    const place = mention.place ? `${mention.place.name} (${mention.place.featureCode} ${mention.place.country}${mention.place.admin1 ? ` ${mention.place.admin1}` : ''})` : 'nothing';
    lines.push(JSON.stringify({ story: id, start: mention.start, text: mention.text, place, id: mention.place?.id ?? '', context }));
  }
}
writeFileSync(outPath, `${lines.join('\n')}\n`);
console.log(`${lines.length} location mentions in ${Math.min(stories.length, Number(storyCount))} stories → ${outPath}`);
