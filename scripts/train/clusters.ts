// Distributional word clusters from unlabeled text (Reuters-21578 news bodies), for the tagger's cluster features.
// Each frequent word form is described by the words seen just left and right of it (positive PMI), projected
// to a few dense dimensions, and grouped by spherical k-means; the fine clusters are grouped again into coarser
// ones, so that a word gets three ids from specific to broad (like Brown-cluster prefixes). Unsupervised: no
// labels are used. Deterministic (fixed seeds). Written as "FINE<TAB>MIDDLE<TAB>COARSE<TAB>word" lines.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../src/main/engine/extract/tokenize';

/** Smallest count for a word form to be clustered; rarer forms have too few contexts to place. */
const minimumCount = 4;
/** How many of the most frequent (lower-cased) words serve as context words. */
const contextWords = 1000;
const dimensions = 96;
/** Clusters at each level, fine to coarse. */
const clusterSizes = [600, 120, 24];
/** How many words either side describe a word (2 was tried: no better). */
const contextWindow = 1;

/** The bodies of the Reuters-21578 stories in `directory` (reut2-*.sgm), as plain text; [] without them. */
export function readReuters(directory: string): string[] {
  if (!existsSync(directory)) return [];
  const texts: string[] = [];
  for (const name of readdirSync(directory).filter((file) => /^reut2-\d+\.sgm$/.test(file)).sort()) {
    const sgml = readFileSync(join(directory, name), 'latin1');
    for (const match of sgml.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) {
      const body = match[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .replace(/&#\d+;/g, ' ')
        .replace(/\s*Reuter\s*$/, '');
      // Lines are wrapped mid-sentence; an indented line starts a paragraph.
      texts.push(
        body
          .split(/\n {2,}/)
          .map((paragraph) => paragraph.replace(/\n/g, ' '))
          .join('\n'),
      );
    }
  }
  return texts;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function normalise(vector: Float64Array, offset: number, length: number): void {
  let norm = 0;
  for (let index = 0; index < length; index += 1) norm += vector[offset + index]! ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let index = 0; index < length; index += 1) vector[offset + index]! /= norm;
}

/** Spherical k-means of the unit rows of `points` (count x dims); returns each row's cluster. */
function kMeans(points: Float64Array, count: number, dims: number, k: number, seed: number, iterations: number, weights?: Float64Array): Int32Array {
  const next = random(seed);
  const centroids = new Float64Array(k * dims);
  // Farthest-first style seeding (k-means++ on cosine distance), deterministic.
  const distance = new Float64Array(count).fill(Infinity);
  let chosen = Math.floor(next() * count);
  for (let cluster = 0; cluster < k; cluster += 1) {
    centroids.set(points.subarray(chosen * dims, chosen * dims + dims), cluster * dims);
    let total = 0;
    for (let point = 0; point < count; point += 1) {
      let dot = 0;
      for (let d = 0; d < dims; d += 1) dot += points[point * dims + d]! * centroids[cluster * dims + d]!;
      const gap = Math.max(0, 1 - dot) * (weights ? weights[point]! : 1);
      if (gap < distance[point]!) distance[point] = gap;
      total += distance[point]!;
    }
    let target = next() * total;
    chosen = count - 1;
    for (let point = 0; point < count; point += 1) {
      target -= distance[point]!;
      if (target <= 0) {
        chosen = point;
        break;
      }
    }
  }
  const assignment = new Int32Array(count);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    let moved = 0;
    for (let point = 0; point < count; point += 1) {
      let best = 0;
      let bestDot = -Infinity;
      for (let cluster = 0; cluster < k; cluster += 1) {
        let dot = 0;
        for (let d = 0; d < dims; d += 1) dot += points[point * dims + d]! * centroids[cluster * dims + d]!;
        if (dot > bestDot) {
          bestDot = dot;
          best = cluster;
        }
      }
      if (assignment[point] !== best) moved += 1;
      assignment[point] = best;
    }
    centroids.fill(0);
    for (let point = 0; point < count; point += 1) {
      const weight = weights ? weights[point]! : 1;
      const base = assignment[point]! * dims;
      for (let d = 0; d < dims; d += 1) centroids[base + d]! += weight * points[point * dims + d]!;
    }
    for (let cluster = 0; cluster < k; cluster += 1) normalise(centroids, cluster * dims, dims);
    if (iteration > 0 && moved < count / 1000) break;
  }
  return assignment;
}

/** Clusters the frequent word forms of `texts`; returns the cluster file's text ('' without texts). */
export function buildClusters(texts: readonly string[]): string {
  if (texts.length === 0) return '';
  const documents = texts.map((text) => tokenize(text));
  const counts = new Map<string, number>();
  const lowerCounts = new Map<string, number>();
  for (const { words } of documents) {
    for (const word of words) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
      const lowered = word.toLowerCase();
      lowerCounts.set(lowered, (lowerCounts.get(lowered) ?? 0) + 1);
    }
  }
  const vocabulary = [...counts].filter(([, count]) => count >= minimumCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const wordIndex = new Map(vocabulary.map(([word], index) => [word, index]));
  const contexts = [...lowerCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, contextWords);
  const contextIndex = new Map(contexts.map(([word], index) => [word, index]));
  // Context ids: a frequent word, else a coarse class of the word (capitalised / small / number / other), or the sentence edge.
  const side = contextWords + 5;
  const contextOf = (word: string | undefined): number => {
    if (word === undefined) return contextWords;
    const known = contextIndex.get(word.toLowerCase());
    if (known !== undefined) return known;
    const first = word[0]!;
    if (/\p{N}/u.test(first)) return contextWords + 1;
    if (first.toLowerCase() === first.toUpperCase()) return contextWords + 2;
    return first === first.toUpperCase() ? contextWords + 3 : contextWords + 4;
  };
  const width = side * 2 * contextWindow;
  const pairs = new Map<number, number>();
  const contextTotals = new Float64Array(width);
  const wordTotals = new Float64Array(vocabulary.length);
  let total = 0;
  for (const { words, sentenceStarts } of documents) {
    const starts = new Set(sentenceStarts);
    for (let index = 0; index < words.length; index += 1) {
      const word = wordIndex.get(words[index]!);
      if (word === undefined) continue;
      const around: number[] = [];
      let open = true;
      for (let distance = 1; distance <= contextWindow; distance += 1) {
        open = open && index - distance + 1 > 0 && !starts.has(index - distance + 1);
        around.push((distance - 1) * 2 * side + contextOf(open ? words[index - distance] : undefined));
        if (!open) break;
      }
      open = true;
      for (let distance = 1; distance <= contextWindow; distance += 1) {
        open = open && index + distance < words.length && !starts.has(index + distance);
        around.push(((distance - 1) * 2 + 1) * side + contextOf(open ? words[index + distance] : undefined));
        if (!open) break;
      }
      for (const context of around) {
        const key = word * width + context;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
        contextTotals[context]! += 1;
        wordTotals[word]! += 1;
        total += 1;
      }
    }
  }
  // Positive PMI, projected onto `dimensions` fixed random directions (a sketch that keeps cosine similarity).
  const next = random(7919);
  const projection = new Float64Array(width * dimensions);
  for (let index = 0; index < projection.length; index += 1) projection[index] = next() < 0.5 ? -1 : 1;
  const points = new Float64Array(vocabulary.length * dimensions);
  for (const [key, count] of pairs) {
    const word = Math.floor(key / width);
    const context = key - word * width;
    // Context distribution smoothed (power 0.75), as word2vec-style PMI does, so that rare contexts do not dominate.
    const pmi = Math.log((count * total) / (wordTotals[word]! * contextTotals[context]! ** 0.75 * total ** 0.25));
    if (pmi <= 0) continue;
    for (let d = 0; d < dimensions; d += 1) points[word * dimensions + d]! += pmi * projection[context * dimensions + d]!;
  }
  for (let word = 0; word < vocabulary.length; word += 1) normalise(points, word * dimensions, dimensions);

  const fine = kMeans(points, vocabulary.length, dimensions, clusterSizes[0]!, 11, 20);
  // Coarser levels cluster the fine centroids, weighted by how many word tokens each holds.
  const levels: Int32Array[] = [fine];
  let members = fine;
  let groups: number = clusterSizes[0]!;
  for (const size of clusterSizes.slice(1)) {
    const centroids = new Float64Array(groups * dimensions);
    const weights = new Float64Array(groups);
    for (let word = 0; word < vocabulary.length; word += 1) {
      const group = members[word]!;
      weights[group]! += Math.log1p(vocabulary[word]![1]);
      for (let d = 0; d < dimensions; d += 1) centroids[group * dimensions + d]! += points[word * dimensions + d]!;
    }
    for (let group = 0; group < groups; group += 1) normalise(centroids, group * dimensions, dimensions);
    const parent = kMeans(centroids, groups, dimensions, size, 13 + size, 30, weights);
    members = Int32Array.from(members, (group) => parent[group]!);
    levels.push(members);
    groups = size;
  }
  const lines: string[] = [];
  for (let word = 0; word < vocabulary.length; word += 1) {
    // Ids from 1, so that 0 can mean "no cluster".
    lines.push(`${levels.map((level) => level[word]! + 1).join('\t')}\t${vocabulary[word]![0]}`);
  }
  return lines.join('\n');
}

