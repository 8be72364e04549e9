/**
 * The main process owns every file path the renderer may use: a path reaches the engine only if the
 * analyst chose it in one of our dialogs, dropped it on the window, or the engine itself named it
 * (a recent case, the open case). A page that ran script of its own could otherwise import
 * /etc/hostname into a case, or write an export anywhere.
 */
import { resolve } from 'node:path';

/**
 * The paths an engine call names: every `path` field of its input, at the top or in a list of
 * objects (`documents.import`'s sources). Every channel that takes a file names it `path`, so a new
 * channel is covered without being listed here.
 */
function pathsIn(input: unknown, depth = 0): string[] {
  if (depth > 3 || typeof input !== 'object' || input === null) return [];
  if (Array.isArray(input)) return input.flatMap((item) => pathsIn(item, depth + 1));
  return Object.entries(input).flatMap(([key, value]) =>
    key === 'path' && typeof value === 'string' ? [value] : typeof value === 'object' ? pathsIn(value, depth + 1) : [],
  );
}

export class PathGrants {
  private readonly granted = new Set<string>();

  /** Grants every string in `value` (a path, a list of paths, or objects with a `path`, as the dialogs and the engine answer). */
  grantFrom(value: unknown): void {
    if (typeof value === 'string' && value.length > 0) this.granted.add(resolve(value));
    else if (Array.isArray(value)) for (const item of value) this.grantFrom(item);
    else if (typeof value === 'object' && value !== null && typeof (value as { path?: unknown }).path === 'string') this.grantFrom((value as { path: string }).path);
  }

  /** A path inside a granted folder is granted with it (a folder chosen for import). */
  isGranted(path: string): boolean {
    let candidate = resolve(path);
    for (;;) {
      if (this.granted.has(candidate)) return true;
      const parent = resolve(candidate, '..');
      if (parent === candidate) return false;
      candidate = parent;
    }
  }

  /** The first path in an engine call's input that was not granted, or null when all were (or it has none). */
  firstUngranted(input: unknown): string | null {
    return pathsIn(input).find((path) => !this.isGranted(path)) ?? null;
  }
}
