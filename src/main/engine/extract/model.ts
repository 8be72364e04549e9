// Reads and writes the tagger model files in resources/ner (model.json + weights.bin.gz).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { labelCount, labels } from './features';
import type { TaggerModel } from './tagger';

/** model.json: what a reader needs to interpret weights.bin.gz. */
interface ModelMetadata {
  /** 4: word clusters at several levels (GloVe; format 3 had three Reuters levels or none); 3: run-context and document-evidence features; 2: label history, clusters, given names. */
  readonly format: 'dossier-ner-4';
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
  const metadata: ModelMetadata = { format: 'dossier-ner-4', bits: model.bits, labels: [...labels], scale, trainedOn };
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
  if (metadata.format !== 'dossier-ner-4' || metadata.labels.join() !== labels.join()) {
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

/** Writes the place-name list the model was trained with ("CLASS<TAB>token token ..." per line). */
export function savePlaces(places: string, directory: string): void {
  writeFileSync(join(directory, placesFile), gzipSync(Buffer.from(places, 'utf8'), { level: 9 }));
}

/** The place-name list of the model in `directory`, or '' for a model trained without one. */
export function loadPlaces(directory: string): string {
  const path = join(directory, placesFile);
  return existsSync(path) ? gunzipSync(readFileSync(path)).toString('utf8') : '';
}

const wordsFile = 'words.txt.gz';

/** Writes the word list the model was trained with ("FLAGS<TAB>word" per line). */
export function saveWords(words: string, directory: string): void {
  writeFileSync(join(directory, wordsFile), gzipSync(Buffer.from(words, 'utf8'), { level: 9 }));
}

/** The word list of the model in `directory`, or '' for a model trained without one. */
export function loadWords(directory: string): string {
  const path = join(directory, wordsFile);
  return existsSync(path) ? gunzipSync(readFileSync(path)).toString('utf8') : '';
}

const clustersFile = 'clusters.txt.gz';

/** Writes the word clusters the model was trained with ("FINE<TAB>MIDDLE<TAB>COARSE<TAB>word" per line). */
export function saveClusters(clusters: string, directory: string): void {
  writeFileSync(join(directory, clustersFile), gzipSync(Buffer.from(clusters, 'utf8'), { level: 9 }));
}

/** The word clusters of the model in `directory`, or '' for a model trained without them. */
export function loadClusters(directory: string): string {
  const path = join(directory, clustersFile);
  return existsSync(path) ? gunzipSync(readFileSync(path)).toString('utf8') : '';
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
