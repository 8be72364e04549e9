/**
 * vitest globalSetup: builds `out/` (`npm run build`) when it is missing, so the tests that run the
 * built CLI, engine worker and renderer pass on a fresh clone. `npm test` builds first, so there it
 * finds `out/` and does nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './built';

/** One file of each part the tests use: the CLI, the engine worker, the import's extraction worker, the renderer. */
const builtParts = ['main/cli.js', 'main/worker.js', 'main/findWorker.js', 'renderer/index.html'];

export function setup(): void {
  if (builtParts.every((part) => existsSync(join(projectRoot, 'out', part)))) return;
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: projectRoot, stdio: 'inherit' });
}
