#!/usr/bin/env node
// How importing one long text grows with its length: newswire stories from Reuters-21578 joined
// into texts of 0.25, 0.5, 1 and 2 MB, each imported into a new case with extraction and without.
// Prints seconds and peak memory (the child's max RSS). Needs `npm run build` first.
//   npm run bench:long [-- REUTERS_DIR] [--sizes 0.25,0.5,1,2] [--no-baseline]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'out', 'main', 'cli.js');
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args.splice(index, 2)[1] : undefined;
};
const sizes = (option('--sizes') ?? '0.25,0.5,1,2').split(',').map(Number);
const baseline = !args.includes('--no-baseline');
const reuters = resolve(args.find((arg) => !arg.startsWith('--')) ?? join(root, '..', 'shared', 'data', 'reuters21578'));
if (!existsSync(cli)) {
  console.error('bench: run "npm run build" first.');
  process.exit(2);
}

/** Story bodies, in file order, until there is enough text for the largest size. */
function newswire(bytes) {
  let text = '';
  for (let file = 0; file < 22 && text.length < bytes; file += 1) {
    const sgml = readFileSync(join(reuters, `reut2-${String(file).padStart(3, '0')}.sgm`), 'latin1');
    for (const match of sgml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) {
      text += `${match[1].replace(/&lt;/g, '<').replace(/&amp;/g, '&').replaceAll(String.fromCharCode(3), '').trim()}\n\n`;
      if (text.length >= bytes) break;
    }
  }
  return text;
}

// The child prints its own peak RSS when it exits; the parent's is no use.
const peakHook = `process.on('exit', () => process.stderr.write('peak-rss ' + process.resourceUsage().maxRSS + '\\n'));`;

const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-long-'));
try {
  const all = newswire(Math.max(...sizes) * 1024 * 1024);
  writeFileSync(join(dir, 'peak.cjs'), peakHook);
  const run = (label, size, extra) => {
    const file = join(dir, `news-${size}MB.txt`);
    writeFileSync(file, all.slice(0, Math.round(size * 1024 * 1024)));
    const casePath = join(dir, `case-${label}-${size}.dossier`);
    spawnSync(process.execPath, [cli, 'new', casePath], { encoding: 'utf8' });
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--require', join(dir, 'peak.cjs'), cli, 'import', casePath, file, ...extra], { encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const peak = Number(/peak-rss (\d+)/.exec(result.stderr)?.[1] ?? 0) / 1024;
    if (result.status !== 0) console.log(`  ${label} ${size} MB failed: ${result.stdout}${result.stderr}`);
    console.log(`${label.padEnd(18)} ${String(size).padStart(5)} MB  ${seconds.toFixed(1).padStart(7)} s  peak ${peak.toFixed(0).padStart(5)} MB`);
  };
  for (const size of sizes) run('with extraction', size, []);
  if (baseline) for (const size of sizes) run('--no-extract', size, ['--no-extract']);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
