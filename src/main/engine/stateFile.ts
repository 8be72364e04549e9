/**
 * A small JSON file in the app's state folder (recent cases, paths confirmed on this machine),
 * written whole through a temporary file and a rename; with no folder (the CLI) it lives in memory.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';

export class StateFile<T> {
  private readonly file: string | null;
  private memory: T;

  constructor(
    stateDir: string | null,
    name: string,
    private readonly schema: z.ZodType<T>,
    private readonly empty: () => T,
  ) {
    this.file = stateDir ? join(stateDir, name) : null;
    if (stateDir) mkdirSync(stateDir, { recursive: true });
    this.memory = empty();
  }

  read(): T {
    if (!this.file) return this.memory;
    if (!existsSync(this.file)) return this.empty();
    try {
      return this.schema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // A damaged file is not worth an error: it only remembers, and is rebuilt as the app is used.
      return this.empty();
    }
  }

  write(value: T): void {
    if (!this.file) {
      this.memory = value;
      return;
    }
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(value, null, 2));
    renameSync(temporary, this.file);
  }
}
