// Greedy left-to-right tagging with a hashed linear model (weights trained by scripts/train-ner.mjs).
import { allowedAfter, allowedFirst, dynamicFeatures, labelCount, labelHistory, maxFeatures, rememberLabel, startLabel, staticFeatures } from './features';
import type { PreparedTokens } from './features';

/**
 * A trained model: `weights[bucket * labelCount + label]`, with 2^bits buckets. Extraction keeps the
 * stored 16-bit weights (half the memory traffic of floats, and scores only need comparing); training uses floats.
 */
export interface TaggerModel {
  readonly bits: number;
  readonly weights: Float32Array | Int16Array;
}

/** Scores every label for one token's features into `scores`. */
export function scoreLabels(weights: Float32Array | Int16Array, features: Int32Array, featureCount: number, scores: Float64Array): void {
  // Unrolled over the nine labels: this loop is most of the extraction time.
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
  for (let feature = 0; feature < featureCount; feature += 1) {
    const base = features[feature]! * 9;
    s0 += weights[base]!;
    s1 += weights[base + 1]!;
    s2 += weights[base + 2]!;
    s3 += weights[base + 3]!;
    s4 += weights[base + 4]!;
    s5 += weights[base + 5]!;
    s6 += weights[base + 6]!;
    s7 += weights[base + 7]!;
    s8 += weights[base + 8]!;
  }
  scores[0] = s0;
  scores[1] = s1;
  scores[2] = s2;
  scores[3] = s3;
  scores[4] = s4;
  scores[5] = s5;
  scores[6] = s6;
  scores[7] = s7;
  scores[8] = s8;
}

/** The best label allowed after `previous` (BIO2: I-X only continues X). */
export function bestAllowed(scores: Float64Array, previous: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let label = 0; label < labelCount; label += 1) {
    const allowed = previous === startLabel ? allowedFirst[label]! : allowedAfter[label]![previous];
    if (allowed && scores[label]! > bestScore) {
      bestScore = scores[label]!;
      best = label;
    }
  }
  return best;
}

/** Labels every token of a prepared document. */
export function tagTokens(model: TaggerModel, tokens: PreparedTokens): Uint8Array {
  const result = new Uint8Array(tokens.count);
  const mask = (1 << model.bits) - 1;
  const features = new Int32Array(maxFeatures);
  const scores = new Float64Array(labelCount);
  const { sentenceStarts } = tokens;
  const history = labelHistory(tokens);
  for (let sentence = 0; sentence < sentenceStarts.length; sentence += 1) {
    const first = sentenceStarts[sentence]!;
    const last = (sentence + 1 < sentenceStarts.length ? sentenceStarts[sentence + 1]! : tokens.count) - 1;
    let previous = startLabel;
    let previous2 = startLabel;
    for (let index = first; index <= last; index += 1) {
      let count = staticFeatures(tokens, index, first, last, mask, features);
      count = dynamicFeatures(tokens, index, previous, previous2, history, mask, features, count);
      scoreLabels(model.weights, features, count, scores);
      const label = bestAllowed(scores, previous);
      result[index] = label;
      rememberLabel(tokens, history, index, label);
      previous2 = previous;
      previous = label;
    }
  }
  return result;
}
