/** The recent cases list, kept as a small JSON file in the app's state folder. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentCase } from '../../shared/cases';

const MAX_RECENT = 12;
const StoredSchema = z.array(z.object({ path: z.string(), title: z.string(), openedAt: z.string() }));
type Stored = z.infer<typeof StoredSchema>;

export class RecentCases {
  private readonly file: string | null;

  /** With no folder the list lives in memory only (the CLI has no recent list). */
  constructor(stateDir: string | null) {
    this.file = stateDir ? join(stateDir, 'recent-cases.json') : null;
    if (stateDir) mkdirSync(stateDir, { recursive: true });
  }

  private memory: Stored = [];

  list(): RecentCase[] {
    return this.read().map((entry) => ({ ...entry, exists: existsSync(entry.path) }));
  }

  /** Puts a case at the top of the list, replacing any older entry for the same path. */
  remember(path: string, title: string): void {
    const others = this.read().filter((entry) => entry.path !== path);
    this.write([{ path, title, openedAt: new Date().toISOString() }, ...others].slice(0, MAX_RECENT));
  }

  forget(path: string): void {
    this.write(this.read().filter((entry) => entry.path !== path));
  }

  private read(): Stored {
    if (!this.file) return this.memory;
    if (!existsSync(this.file)) return [];
    try {
      return StoredSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // A damaged list is not worth an error: it only remembers paths, and is rebuilt as cases open.
      return [];
    }
  }

  private write(entries: Stored): void {
    if (!this.file) {
      this.memory = entries;
      return;
    }
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(entries, null, 2));
    renameSync(temporary, this.file);
  }
}
