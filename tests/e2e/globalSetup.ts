// Clears the screenshots of the previous run, so that every picture in test-results/e2e is from this one.
import { rmSync } from 'node:fs';
import { screenshotDir } from './harness';

export function setup(): void {
  rmSync(screenshotDir, { recursive: true, force: true });
}
