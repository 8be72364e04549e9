/** The recent cases list, kept as a small JSON file in the app's state folder. */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { RecentCase } from '../../shared/cases';
import { StateFile } from './stateFile';

const MAX_RECENT = 12;
const StoredSchema = z.array(z.object({ path: z.string(), title: z.string(), openedAt: z.string() }));

export class RecentCases {
  private readonly store: StateFile<z.infer<typeof StoredSchema>>;

  /** With no folder the list lives in memory only (the CLI has no recent list). */
  constructor(stateDir: string | null) {
    this.store = new StateFile(stateDir, 'recent-cases.json', StoredSchema, () => []);
  }

  list(): RecentCase[] {
    return this.store.read().map((entry) => ({ ...entry, exists: existsSync(entry.path) }));
  }

  /** Puts a case at the top of the list, replacing any older entry for the same path. */
  remember(path: string, title: string): void {
    const others = this.store.read().filter((entry) => entry.path !== path);
    this.store.write([{ path, title, openedAt: new Date().toISOString() }, ...others].slice(0, MAX_RECENT));
  }

  forget(path: string): void {
    this.store.write(this.store.read().filter((entry) => entry.path !== path));
  }
}
