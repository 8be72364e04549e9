// Trains the entity tagger (averaged perceptron, greedy with predicted history) on GUM + BTC.
// Run through scripts/train-ner.mjs, which bundles this file; see resources/ner/README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  dynamicFeatures,
  labelCount,
  labelHistory,
  labels,
  maxFeatures,
  rememberLabel,
  startLabel,
  staticFeatures,
} from '../../src/main/engine/extract/features';
import { lexiconMatcher } from '../../src/main/engine/extract/lexiconMatcher';
import { prepareTokens } from '../../src/main/engine/extract/prepare';
import type { PreparedTokens } from '../../src/main/engine/extract/prepare';
import { WordTable } from '../../src/main/engine/extract/wordTable';
import {
  loadClusters,
  loadGivenNames,
  loadWords,
  saveClusters,
  saveGivenNames,
  saveModel,
  savePlaces,
  saveWords,
} from '../../src/main/engine/extract/model';
import { buildClusters } from './clusters';
import { loadTaggedSplit, unknownTag } from './re3d';
import type { Re3dTagged } from './re3d';
import { buildPlaceList } from './places';
import { buildGivenNames, buildWordList } from './words';
import { bestAllowed, scoreLabels, tagTokens } from '../../src/main/engine/extract/tagger';

interface Document {
  readonly words: string[];
  readonly tags: number[];
  readonly sentenceStarts: number[];
}

interface Options {
  dataDirectory: string;
  outDirectory: string;
  epochs: number;
  bits: number;
  holdout: boolean;
  useTweets: boolean;
  usePlaces: boolean;
  dictionary: string;
  gumWeight: number;
  /** '' to reuse the cluster file in resources/ner (else OUT_DIR); else the word vectors to build it from (scripts/train/clusters.ts). */
  buildClusters: string;
  useClusters: boolean;
  /** Above 1: cross-validate over GUM with this many folds instead of saving a model. */
  folds: number;
  /** Name lists to build the given-name list from; none: reuse the one in resources/ner (else OUT_DIR). */
  givenNames: string[];
  useGivenNames: boolean;
  /** The re3d folder ('' for none): its development split is trained on, its held-out split never (scripts/train/re3d.ts). */
  re3d: string;
  /** How many times re3d's development documents are counted (GUM's are counted gumWeight times, BTC's once). */
  re3dWeight: number;
  /** With folds: save each fold's model in OUT_DIR/fold-N with its held-out GUM documents (gum.conll), for the whole extractor. */
  saveFolds: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { dataDirectory: '', outDirectory: '', epochs: 5, bits: 18, holdout: false, useTweets: true, usePlaces: true, dictionary: '/usr/share/dict/words', gumWeight: 3, buildClusters: '', useClusters: true, folds: 0, givenNames: [], useGivenNames: true, re3d: '', re3dWeight: 2, saveFolds: false };
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--epochs') options.epochs = Number(argv[++index]!);
    else if (argument === '--bits') options.bits = Number(argv[++index]!);
    else if (argument === '--holdout') options.holdout = true;
    else if (argument === '--no-tweets') options.useTweets = false;
    else if (argument === '--no-places') options.usePlaces = false;
    else if (argument === '--dictionary') options.dictionary = argv[++index]!;
    else if (argument === '--gum-weight') options.gumWeight = Number(argv[++index]!);
    else if (argument === '--no-dictionary') options.dictionary = '';
    else if (argument === '--build-clusters') options.buildClusters = argv[++index]!;
    else if (argument === '--no-clusters') options.useClusters = false;
    else if (argument === '--folds') options.folds = Number(argv[++index]!);
    else if (argument === '--given-names') options.givenNames = argv[++index]!.split(',');
    else if (argument === '--no-given-names') options.useGivenNames = false;
    else if (argument === '--re3d') options.re3d = argv[++index]!;
    else if (argument === '--no-re3d') options.re3d = '';
    else if (argument === '--re3d-weight') options.re3dWeight = Number(argv[++index]!);
    else if (argument === '--save-folds') options.saveFolds = true;
    else positional.push(argument);
  }
  options.dataDirectory = positional[0]!;
  options.outDirectory = positional[1]!;
  return options;
}

const labelIndex = new Map<string, number>(labels.map((label, index) => [label, index]));
const wordLike = /^[\p{L}\p{N}]/u;

/**
 * Reads a TOKEN<TAB>TAG file into documents. `split` picks documents by the GUM split names in
 * "# newdoc" lines; `tweetDocuments` makes every sentence its own document (tweets are unrelated).
 */
function readBio(path: string, keep: (documentLine: string) => boolean, tweetDocuments: boolean): Document[] {
  const documents: Document[] = [];
  let current: Document | undefined;
  let keeping = true;
  let sentenceOpen = false;
  const startDocument = (): void => {
    current = { words: [], tags: [], sentenceStarts: [] };
    documents.push(current);
    sentenceOpen = false;
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc')) {
      keeping = keep(line);
      startDocument();
      continue;
    }
    if (!line.includes('\t')) {
      sentenceOpen = false;
      if (tweetDocuments && keeping && current && current.words.length > 0) startDocument();
      continue;
    }
    if (!keeping) continue;
    if (!current) startDocument();
    const document = current as Document;
    const [word, tag] = line.split('\t') as [string, string];
    if (!sentenceOpen) {
      document.sentenceStarts.push(document.words.length);
      sentenceOpen = true;
    }
    document.words.push(word);
    document.tags.push(labelIndex.get(tag.trim()) ?? 0);
  }
  return documents.filter((document) => document.words.length > 0).map(repairBio).map(joinHyphens);
}

/** A tagged re3d document as training data (its unknown regions keep unknownTag). */
function fromRe3d(document: Re3dTagged): Document {
  return { words: document.tokens.words, tags: document.tags, sentenceStarts: document.tokens.sentenceStarts };
}

/** Dropping tokens can leave an I- tag without its B-; it becomes a B-. */
function repairBio(document: Document): Document {
  const starts = new Set(document.sentenceStarts);
  const tags = document.tags.map((tag, index) => {
    const label = labels[tag]!;
    if (!label.startsWith('I-')) return tag;
    const previous = index > 0 && !starts.has(index) ? labels[document.tags[index - 1]!]! : 'O';
    return previous.slice(2) === label.slice(2) ? tag : (labelIndex.get(`B-${label.slice(2)}`) ?? 0);
  });
  return { ...document, tags };
}

/** GUM splits "Bailey-Ross" into "Bailey - Ross"; our tokeniser keeps it whole, so rejoin. */
function joinHyphens(document: Document): Document {
  const words: string[] = [];
  const tags: number[] = [];
  const sentenceStarts: number[] = [];
  const starts = new Set(document.sentenceStarts);
  for (let index = 0; index < document.words.length; index += 1) {
    if (starts.has(index)) sentenceStarts.push(words.length);
    const word = document.words[index]!;
    if (
      word === '-' &&
      words.length > 0 &&
      !starts.has(index) &&
      index + 1 < document.words.length &&
      !starts.has(index + 1) &&
      wordLike.test(words[words.length - 1]!) &&
      wordLike.test(document.words[index + 1]!)
    ) {
      words[words.length - 1]! += `-${document.words[index + 1]!}`;
      const last = tags.length - 1;
      const nextTag = labels[document.tags[index + 1]!]!;
      if (tags[last]! === 0 && nextTag !== 'O') tags[last] = labelIndex.get(`B-${nextTag.slice(2)}`) ?? 0;
      index += 1;
      continue;
    }
    words.push(word);
    tags.push(document.tags[index]!);
  }
  return { words, tags, sentenceStarts };
}

/** Documents as CoNLL ("-DOCSTART-" before each, a blank line between sentences), for scripts/eval-ner.mjs. */
function toConll(documents: Document[]): string {
  const conll = documents.map((document) => {
    const lines = ['-DOCSTART- O', ''];
    document.words.forEach((word, index) => {
      if (index > 0 && document.sentenceStarts.includes(index)) lines.push('');
      lines.push(`${word} ${labels[document.tags[index]!]}`);
    });
    return `${lines.join('\n')}\n`;
  });
  return `${conll.join('\n')}\n`;
}

/** Deterministic shuffling, so that training is reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

interface Prepared {
  readonly document: Document;
  readonly tokens: PreparedTokens;
}

function spans(tags: ArrayLike<number>): Set<string> {
  const result = new Set<string>();
  let index = 0;
  while (index < tags.length) {
    const label = labels[tags[index]!] ?? 'O';
    if (label === 'O' || label.endsWith('MISC')) {
      index += 1;
      continue;
    }
    const kind = label.slice(2);
    let end = index + 1;
    while (end < tags.length && labels[tags[end]!]! === `I-${kind}`) end += 1;
    result.add(`${index}:${end}:${kind}`);
    index = end;
  }
  return result;
}

function evaluate(bits: number, weights: Float32Array, documents: Prepared[]): string {
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  for (const { document, tokens } of documents) {
    const goldSpans = spans(document.tags);
    const predictedSpans = spans(tagTokens({ bits, weights }, tokens));
    gold += goldSpans.size;
    predicted += predictedSpans.size;
    for (const span of predictedSpans) if (goldSpans.has(span)) correct += 1;
  }
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return `P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)} (PER/ORG/LOC, ${gold} gold)`;
}

/** Every sentence of `documents`, in order. */
function* documentSentences(documents: Prepared[]): Generator<{ prepared: Prepared; first: number; last: number }> {
  for (const prepared of documents) {
    const { sentenceStarts } = prepared.document;
    for (let sentence = 0; sentence < sentenceStarts.length; sentence += 1) {
      const last = (sentence + 1 < sentenceStarts.length ? sentenceStarts[sentence + 1]! : prepared.document.words.length) - 1;
      yield { prepared, first: sentenceStarts[sentence]!, last };
    }
  }
}

/** Trains the averaged perceptron on `trainingPrepared` (reordered in place); `report` may add to each epoch's line. */
function learn(options: Options, trainingPrepared: Prepared[], report?: (epoch: number, weights: Float32Array) => string): Float32Array {
  const size = (1 << options.bits) * labelCount;
  const mask = (1 << options.bits) - 1;
  const weights = new Float32Array(size);
  // Lazy averaging: totals hold the sum of each weight over all steps up to stamps[k].
  const totals = new Float64Array(size);
  const stamps = new Float64Array(size);
  let step = 1;
  const update = (feature: number, label: number, delta: number): void => {
    const key = feature * labelCount + label;
    totals[key]! += (step - stamps[key]!) * weights[key]!;
    stamps[key] = step;
    weights[key]! += delta;
  };
  const averaged = (): Float32Array => {
    const result = new Float32Array(size);
    for (let key = 0; key < size; key += 1) result[key] = (totals[key]! + (step - stamps[key]!) * weights[key]!) / step;
    return result;
  };
  const features = new Int32Array(maxFeatures);
  const scores = new Float64Array(labelCount);
  const next = random(20261127);
  for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
    // Documents in a new order each epoch, each read in order: the label-history features need what came before.
    for (let index = trainingPrepared.length - 1; index > 0; index -= 1) {
      const other = Math.floor(next() * (index + 1));
      [trainingPrepared[index], trainingPrepared[other]] = [trainingPrepared[other]!, trainingPrepared[index]!];
    }
    let mistakes = 0;
    for (const prepared of trainingPrepared) {
      const history = labelHistory(prepared.tokens);
      for (const { first, last } of documentSentences([prepared])) {
        let previous = startLabel;
        let previous2 = startLabel;
        for (let token = first; token <= last; token += 1) {
          let count = staticFeatures(prepared.tokens, token, first, last, mask, features);
          count = dynamicFeatures(prepared.tokens, token, previous, previous2, history, mask, features, count);
          scoreLabels(weights, features, count, scores);
          const guess = bestAllowed(scores, previous);
          const truth = prepared.document.tags[token]!;
          // re3d's unknown regions (a name inside a longer mention) teach nothing either way.
          if (guess !== truth && truth !== unknownTag) {
            mistakes += 1;
            for (let feature = 0; feature < count; feature += 1) {
              update(features[feature]!, truth, 1);
              update(features[feature]!, guess, -1);
            }
          }
          step += 1;
          rememberLabel(prepared.tokens, history, token, guess);
          previous2 = previous;
          // Predicted history, as at extraction time, so that the model learns to recover from its errors.
          previous = guess;
        }
      }
    }
    if (report) console.log(`epoch ${epoch}: ${mistakes} token errors${report(epoch, averaged())}`);
  }
  return averaged();
}

type Counts = Map<string, { correct: number; predicted: number; gold: number }>;

function emptyCounts(): Counts {
  return new Map(['PER', 'ORG', 'LOC', 'ALL'].map((kind) => [kind, { correct: 0, predicted: 0, gold: 0 }]));
}

/** Adds one document's exact-span matches to `counts`; a predicted span touching an unknown region (re3d) is not counted. */
function countSpans(counts: Counts, document: Document, predictedTags: ArrayLike<number>): void {
  const gold = spans(document.tags);
  const unknown = (span: string): boolean => {
    const [first = 0, end = 0] = span.split(':').map(Number);
    for (let index = first; index < end; index += 1) if (document.tags[index] === unknownTag) return true;
    return false;
  };
  for (const span of gold) for (const kind of [span.slice(span.lastIndexOf(':') + 1), 'ALL']) counts.get(kind)!.gold += 1;
  for (const span of spans(predictedTags)) {
    if (unknown(span)) continue;
    for (const kind of [span.slice(span.lastIndexOf(':') + 1), 'ALL']) {
      counts.get(kind)!.predicted += 1;
      if (gold.has(span)) counts.get(kind)!.correct += 1;
    }
  }
}

function formatCounts(counts: Counts): string {
  return [...counts]
    .map(([kind, { correct, predicted, gold }]) => {
      const precision = predicted ? correct / predicted : 0;
      const recall = gold ? correct / gold : 0;
      return `${kind} P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${(precision + recall ? (2 * precision * recall) / (precision + recall) : 0).toFixed(3)}`;
    })
    .join(' ');
}

/**
 * `--folds K`: K-fold cross-validation over all GUM documents and re3d's development documents (BTC always in
 * training), scored at the tagger (no extraction rules), per class and per corpus. Steadier than the 840
 * entities of GUM dev+test for choosing features.
 */
function crossValidate(options: Options, gumDocuments: Prepared[], re3dDocuments: Prepared[], tweets: Prepared[], saveFold?: (fold: number, weights: Float32Array, heldOut: Document[]) => void): void {
  const gumCounts = emptyCounts();
  const re3dCounts = emptyCounts();
  for (let fold = 0; fold < options.folds; fold += 1) {
    const training: Prepared[] = [];
    const inFold = (_: Prepared, index: number): boolean => index % options.folds === fold;
    const outOfFold = (_: Prepared, index: number): boolean => index % options.folds !== fold;
    for (let copy = 0; copy < options.gumWeight; copy += 1) training.push(...gumDocuments.filter(outOfFold));
    for (let copy = 0; copy < options.re3dWeight; copy += 1) training.push(...re3dDocuments.filter(outOfFold));
    training.push(...tweets);
    const weights = learn(options, training);
    saveFold?.(fold, weights, gumDocuments.filter(inFold).map(({ document }) => document));
    for (const { document, tokens } of gumDocuments.filter(inFold)) countSpans(gumCounts, document, tagTokens({ bits: options.bits, weights }, tokens));
    for (const { document, tokens } of re3dDocuments.filter(inFold)) countSpans(re3dCounts, document, tagTokens({ bits: options.bits, weights }, tokens));
  }
  console.log(`cross-validation (${options.folds} folds, F1 at the tagger): GUM ${formatCounts(gumCounts)}`);
  if (re3dDocuments.length > 0) console.log(`cross-validation (${options.folds} folds, F1 at the tagger): re3d development ${formatCounts(re3dCounts)}`);
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  if (!options.dataDirectory || !options.outDirectory) {
    console.error(
      'usage: train-ner DATA_DIR OUT_DIR [--epochs N] [--bits B] [--holdout] [--folds K] [--no-tweets] [--no-places] [--dictionary FILE | --no-dictionary] ' +
        '[--build-clusters WINK_EMBEDDINGS_DIR | --no-clusters] [--given-names FILE,FILE | --no-given-names] [--re3d RE3D_DIR [--re3d-weight N] | --no-re3d] [--save-folds]',
    );
    process.exit(2);
  }
  const started = Date.now();
  const gum = join(options.dataDirectory, 'gum', 'gum_permissive_ner.bio.tsv');
  const tweetsTrain = join(options.dataDirectory, 'btc', options.holdout ? 'btc_train.bio.tsv' : 'btc_all.bio.tsv');
  const isTrain = (line: string): boolean => !options.holdout || line.includes('split = train');
  const training = readBio(gum, isTrain, false);
  // GUM is edited prose like the documents analysts import; tweets are not, so GUM counts more.
  for (let copy = 1; copy < options.gumWeight; copy += 1) training.push(...readBio(gum, isTrain, false));
  if (options.useTweets) training.push(...readBio(tweetsTrain, () => true, true));
  // re3d's development split (its held-out split is never read here), counted re3dWeight times.
  const re3d = options.re3d ? loadTaggedSplit(options.re3d, 'development').map(fromRe3d) : [];
  if (options.folds <= 1) for (let copy = 0; copy < options.re3dWeight; copy += 1) training.push(...re3d);
  const heldOut = options.holdout ? readBio(gum, (line) => !line.includes('split = train'), false) : [];
  const heldOutTweets = options.holdout ? readBio(join(options.dataDirectory, 'btc', 'btc_dev.bio.tsv'), () => true, true) : [];
  if (options.holdout) {
    // The held-out GUM documents and BTC dev tweets as CoNLL, so that `npm run eval:ner -- OUT_DIR/gum-heldout.conll OUT_DIR`
    // (and btc-dev.conll) score the whole extractor (with its rules) on text it was not trained on.
    writeFileSync(join(options.outDirectory, 'gum-heldout.conll'), toConll(heldOut));
    writeFileSync(join(options.outDirectory, 'btc-dev.conll'), toConll(heldOutTweets));
  }
  const places = options.usePlaces ? buildPlaceList(join(process.cwd(), 'resources', 'gazetteer')) : '';
  console.log(`place list: ${places ? places.split('\n').length : 0} names`);
  savePlaces(places, options.outDirectory);
  // The word list comes from SCOWL (Debian's wamerican); without it, reuse the one already in OUT_DIR.
  const wordText = options.dictionary ? buildWordList(options.dictionary) : '';
  const words = wordText ? WordTable.fromLines(wordText) : options.dictionary ? loadWords(join(process.cwd(), 'resources', 'ner')) : WordTable.empty;
  console.log(`word list: ${words.size} words`);
  saveWords(words, options.outDirectory);
  let clusters: WordTable | string = WordTable.empty;
  if (options.useClusters && options.buildClusters) {
    const clusterStarted = Date.now();
    clusters = buildClusters(options.buildClusters, (line) => console.log(line));
    console.log(`word clusters built from ${options.buildClusters} in ${((Date.now() - clusterStarted) / 1000).toFixed(1)} s`);
  } else if (options.useClusters) {
    // Building them takes a minute and they do not depend on the labelled data: reuse the committed ones.
    clusters = loadClusters(join(process.cwd(), 'resources', 'ner'));
  }
  if (typeof clusters === 'string') clusters = WordTable.fromLines(clusters);
  console.log(`word clusters: ${clusters.size} words`);
  saveClusters(clusters, options.outDirectory);
  let givenNames = '';
  if (options.useGivenNames) {
    givenNames = options.givenNames.length > 0 ? buildGivenNames(options.givenNames) : loadGivenNames(join(process.cwd(), 'resources', 'ner')) || loadGivenNames(options.outDirectory);
  }
  console.log(`given names: ${givenNames ? givenNames.split('\n').length : 0}`);
  saveGivenNames(givenNames, options.outDirectory);
  const matcher = lexiconMatcher(places, words, clusters, givenNames);
  const prepare = (document: Document): Prepared => ({ document, tokens: prepareTokens(document.words, document.sentenceStarts, matcher) });
  const trainingPrepared = training.map(prepare);
  const heldOutPrepared = heldOut.map(prepare);
  const heldOutTweetsPrepared = heldOutTweets.map(prepare);
  let sentenceCount = 0;
  for (const prepared of trainingPrepared) sentenceCount += prepared.document.sentenceStarts.length;
  const tokenCount = trainingPrepared.reduce((sum, prepared) => sum + prepared.document.words.length, 0);
  console.log(`training on ${sentenceCount} sentences, ${tokenCount} tokens, ${options.epochs} epochs, 2^${options.bits} buckets`);

  if (options.folds > 1) {
    // --save-folds: each fold's model beside its held-out documents, so that `npm run eval:ner -- OUT_DIR/fold-N/gum.conll
    // OUT_DIR/fold-N` (and NER_RE3D_FOLD=N/K for re3d's development documents) scores the whole extractor, rules included.
    const saveFold = (fold: number, weights: Float32Array, heldOutDocuments: Document[]): void => {
      const directory = join(options.outDirectory, `fold-${fold}`);
      mkdirSync(directory, { recursive: true });
      saveModel({ bits: options.bits, weights }, directory, `cross-validation fold ${fold} of ${options.folds}`);
      savePlaces(places, directory);
      saveWords(words, directory);
      saveClusters(clusters, directory);
      saveGivenNames(givenNames, directory);
      writeFileSync(join(directory, 'gum.conll'), toConll(heldOutDocuments));
    };
    const tweetDocuments = options.useTweets ? readBio(tweetsTrain, () => true, true).map(prepare) : [];
    crossValidate(options, readBio(gum, () => true, false).map(prepare), re3d.map(prepare), tweetDocuments, options.saveFolds ? saveFold : undefined);
    return;
  }
  const weights = learn(options, trainingPrepared, (epoch, current) =>
    options.holdout ? ` | GUM dev+test ${evaluate(options.bits, current, heldOutPrepared)} | BTC dev ${evaluate(options.bits, current, heldOutTweetsPrepared)}` : '',
  );
  const model = { bits: options.bits, weights };
  const withRe3d = options.re3d ? ` + re3d development split (x${options.re3dWeight})` : '';
  saveModel(
    model,
    options.outDirectory,
    options.holdout ? `GUM train split + BTC train split${withRe3d} (held-out run)` : `GUM (all permissive docs)${options.useTweets ? ' + BTC (all sections)' : ''}${withRe3d}, ${options.epochs} epochs`,
  );
  console.log(`saved ${options.outDirectory} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
