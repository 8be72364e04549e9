#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node, which the app
// loads through better-sqlite3's `nativeBinding` option. The Node build in node_modules stays as it
// is for the CLI and the tests. Needs the internet (Electron's headers); `npm install` never runs it.
//
//   node scripts/native-electron.mjs              build (again)
//   node scripts/native-electron.mjs --if-missing build only when there is no build yet
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'native', 'electron', 'better_sqlite3.node');
if (process.argv.includes('--if-missing') && existsSync(target)) process.exit(0);

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'dossier-native-'));
console.log(`Building better-sqlite3 for Electron ${electronVersion} (once; this takes a minute)…`);
try {
  cpSync(sqliteDir, join(work, 'better-sqlite3'), { recursive: true, filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`) });
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  execFileSync(
    npx,
    ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
    { cwd: join(work, 'better-sqlite3'), stdio: 'inherit', shell: process.platform === 'win32' },
  );
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(work, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target);
  console.log(`Wrote ${target}`);
} catch (error) {
  console.error(
    `Could not build better-sqlite3 for Electron ${electronVersion}: ${error.message}\n` +
      'This step needs the internet (Electron headers) and a C++ toolchain (python3, make, g++ or MSVC).',
  );
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
