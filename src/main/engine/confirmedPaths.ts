/**
 * Paths that a case file stores and Dossier would open by itself (the map's .pmtiles basemap) are
 * used on this machine only after the analyst has seen them here: a case made elsewhere, or handed
 * over by someone else, may name any file. Kept per machine in the app's state folder, by case
 * identity and path; a path the analyst chooses here is confirmed by choosing it.
 */
import { z } from 'zod';
import { StateFile } from './stateFile';

const MAX_ENTRIES = 500;
const StoredSchema = z.array(z.object({ caseUid: z.string(), path: z.string(), confirmedAt: z.string() }));

export class ConfirmedPaths {
  private readonly store: StateFile<z.infer<typeof StoredSchema>>;

  constructor(stateDir: string | null) {
    this.store = new StateFile(stateDir, 'confirmed-paths.json', StoredSchema, () => []);
  }

  has(caseUid: string, path: string): boolean {
    return this.store.read().some((entry) => entry.caseUid === caseUid && entry.path === path);
  }

  confirm(caseUid: string, path: string): void {
    const others = this.store.read().filter((entry) => !(entry.caseUid === caseUid && entry.path === path));
    this.store.write([{ caseUid, path, confirmedAt: new Date().toISOString() }, ...others].slice(0, MAX_ENTRIES));
  }
}
