// Types of generate.mjs, for the test that imports it.

/** One generated file: its path under the corpus folder, its family (its parser), its size. */
export interface ManifestEntry {
  readonly name: string;
  readonly family: string;
  readonly bytes: number;
}

/** Writes the seeded hostile corpus into `outDir` and returns its manifest. */
export function generateCorpus(outDir: string, options?: { readonly seed?: number; readonly slice?: 'fast' | 'full' }): ManifestEntry[];
