/** Paths into the build output (`npm run build`), which `npm test` makes before the tests run. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const projectRoot = join(__dirname, '..', '..');

export function builtFile(relative: string): string {
  const path = join(projectRoot, 'out', relative);
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" first (npm test does).`);
  return path;
}
