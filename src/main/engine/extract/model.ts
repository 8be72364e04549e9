// Reads and writes the tagger model files in resources/ner (model.json + weights.bin.gz).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { labelCount, labels } from './features';
import type { TaggerModel } from './tagger';
import { WordTable } from './wordTable';

/** model.json: what a reader needs to interpret weights.bin.gz. */
interface ModelMetadata {
  /** 5: word list and clusters as binary word tables (wordTable.ts), the place list sorted by phrase; 4: word clusters at several levels (GloVe; format 3 had three Reuters levels or none); 3: run-context and document-evidence features; 2: label history, clusters, given names. */
  readonly format: 'dossier-ner-5';
  readonly bits: number;
  readonly labels: readonly string[];
  /** Weights are stored as 16-bit integers; real weight = stored * scale. */
  readonly scale: number;
  readonly trainedOn?: string;
}

const metadataFile = 'model.json';
const weightsFile = 'weights.bin.gz';

/** Writes `model` into `directory`, quantising weights to 16 bits (the loss is far below a rounding of the scores that matters). */
export function saveModel(model: TaggerModel, directory: string, trainedOn: string): void {
  let largest = 0;
  for (const weight of model.weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest > 0 ? largest / 32767 : 1;
  const quantised = new Int16Array(model.weights.length);
  for (let index = 0; index < quantised.length; index += 1) quantised[index] = Math.round(model.weights[index]! / scale);
  const metadata: ModelMetadata = { format: 'dossier-ner-5', bits: model.bits, labels: [...labels], scale, trainedOn };
  writeFileSync(join(directory, metadataFile), `${JSON.stringify(metadata, null, 2)}\n`);
  writeFileSync(join(directory, weightsFile), gzipSync(Buffer.from(quantised.buffer), { level: 9 }));
}

/** Reads the model in `directory`; the error names the folder and how to rebuild it. */
export function loadModel(directory: string): TaggerModel {
  const metadataPath = join(directory, metadataFile);
  if (!existsSync(metadataPath)) {
    throw new Error(`No entity model in ${directory}; run "npm run train:ner" to build resources/ner.`);
  }
  const metadata = JSON.parse(readFileSync(metadataPath, 'utf8')) as ModelMetadata;
  if (metadata.format !== 'dossier-ner-5' || metadata.labels.join() !== labels.join()) {
    throw new Error(`The entity model in ${directory} has another format; run "npm run train:ner" to rebuild it.`);
  }
  const raw = gunzipSync(readFileSync(join(directory, weightsFile)));
  const quantised = new Int16Array(raw.buffer, raw.byteOffset, raw.byteLength / 2);
  const expected = (1 << metadata.bits) * labelCount;
  if (quantised.length !== expected) throw new Error(`The entity model in ${directory} is truncated; run "npm run train:ner" to rebuild it.`);
  // Copied, so that the weights are aligned and do not keep the decompression buffer alive.
  return { bits: metadata.bits, weights: new Int16Array(quantised), scale: metadata.scale };
}

/** Finds resources/ner by walking up from `start` (the repository, the packaged app, or a bundle under it). */
export function findModelDirectory(starts: readonly string[]): string | undefined {
  for (const start of starts) {
    let directory = start;
    for (let depth = 0; depth < 8; depth += 1) {
      const candidate = join(directory, 'resources', 'ner');
      if (existsSync(join(candidate, metadataFile))) return candidate;
      const parent = dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
  }
  return undefined;
}

const placesFile = 'places.txt.gz';

/** Writes the place-name list the model was trained with ("token token ...<TAB>CLASS" lines, sorted by phrase). */
export function savePlaces(places: string, directory: string): void {
  writeFileSync(join(directory, placesFile), gzipSync(Buffer.from(places, 'utf8'), { level: 9 }));
}

/** The place-name list of the model in `directory`, or '' for a model trained without one. */
export function loadPlaces(directory: string): string {
  const path = join(directory, placesFile);
  return existsSync(path) ? gunzipSync(readFileSync(path)).toString('utf8') : '';
}

const wordsFile = 'words.bin';
const clustersFile = 'clusters.bin';

/** A table, or its text ("word<TAB>value…" lines), as a table. */
const asTable = (table: WordTable | string): WordTable => (typeof table === 'string' ? WordTable.fromLines(table) : table);

function saveTable(table: WordTable | string, directory: string, file: string, legacy: string): void {
  writeFileSync(join(directory, file), asTable(table).toBytes());
  rmSync(join(directory, legacy), { force: true });
}

function loadTable(directory: string, file: string): WordTable {
  const path = join(directory, file);
  if (!existsSync(path)) return WordTable.empty;
  try {
    return WordTable.fromBytes(readFileSync(path));
  } catch (error) {
    throw new Error(`The word table ${path} cannot be read (${(error as Error).message}); run "npm run train:ner" to rebuild resources/ner.`, { cause: error });
  }
}

/** Writes the word list the model was trained with (the English word list's flags by lower-cased word; see LexiconMatcher.words). */
export function saveWords(words: WordTable | string, directory: string): void {
  saveTable(words, directory, wordsFile, 'words.txt.gz');
}

/** The word list of the model in `directory`, or an empty table for a model trained without one. */
export function loadWords(directory: string): WordTable {
  return loadTable(directory, wordsFile);
}

/** Writes the word clusters the model was trained with (the ids of each word, fine to coarse). */
export function saveClusters(clusters: WordTable | string, directory: string): void {
  saveTable(clusters, directory, clustersFile, 'clusters.txt.gz');
}

/** The word clusters of the model in `directory`, or an empty table for a model trained without them. */
export function loadClusters(directory: string): WordTable {
  return loadTable(directory, clustersFile);
}

const givenNamesFile = 'given-names.txt.gz';

/** Writes the given-name list the model was trained with (one lower-cased name a line). */
export function saveGivenNames(names: string, directory: string): void {
  writeFileSync(join(directory, givenNamesFile), gzipSync(Buffer.from(names, 'utf8'), { level: 9 }));
}

/** The given-name list of the model in `directory`, or '' for a model trained without one. */
export function loadGivenNames(directory: string): string {
  const path = join(directory, givenNamesFile);
  return existsSync(path) ? gunzipSync(readFileSync(path)).toString('utf8') : '';
}
