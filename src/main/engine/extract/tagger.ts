// Greedy left-to-right tagging with a hashed linear model (weights trained by scripts/train-ner.mjs).
import {
  allowedAfter,
  allowedFirst,
  dynamicFeatures,
  historyFeatures,
  historyTypeOf,
  labelCount,
  labelFeatures,
  labelHistory,
  maxFeatures,
  rememberLabel,
  startLabel,
  staticFeatures,
} from './features';
import { flagCapital } from './prepare';
import type { PreparedTokens } from './prepare';

/**
 * A trained model: `weights[bucket * labelCount + label]`, with 2^bits buckets. Extraction keeps the
 * stored 16-bit weights (half the memory traffic of floats, and scores only need comparing); training uses floats.
 */
export interface TaggerModel {
  readonly bits: number;
  readonly weights: Float32Array | Int16Array;
  /** Real weight per stored unit (16-bit weights); 1 when absent (float weights). */
  readonly scale?: number;
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

/**
 * Decoding: a beam of two hypotheses per sentence, scored by local log-probabilities at temperature 20 (in
 * real weight units), dropping a hypothesis more than 2 nats below the best. Chosen in cross-validation
 * (resources/ner/README.md); width 4 or 8 gave the same figures, width 1 is greedy tagging.
 */
const beamWidth = 1;
const beamTemperature = 20;
const beamMargin = 2;

/** Labels every token of a prepared document. */
export function tagTokens(model: TaggerModel, tokens: PreparedTokens): Uint8Array {
  if (beamWidth > 1) return beamTag(model, tokens, beamWidth);
  const result = new Uint8Array(tokens.count);
  const mask = (1 << model.bits) - 1;
  const features = new Int32Array(maxFeatures);
  const scores = new Float64Array(labelCount);
  const { sentenceStarts } = tokens;
  const history = labelHistory(tokens);
  const { flags } = tokens;
  for (let sentence = 0; sentence < sentenceStarts.length; sentence += 1) {
    const first = sentenceStarts[sentence]!;
    const last = (sentence + 1 < sentenceStarts.length ? sentenceStarts[sentence + 1]! : tokens.count) - 1;
    let previous = startLabel;
    let previous2 = startLabel;
    for (let index = first; index <= last; index += 1) {
      // Outside a name, a common word written in small letters (one the English word list knows only so: "the",
      // "said") or a one-character mark, before another such token, is not where a name starts: O without scoring. Most tokens of
      // running text are such words. Still scored: capitals and digits ("3rd Battalion"), a small particle before a
      // capital ("de Gaulle"), small-letter words the list does not know as common ("obama" in a tweet), "@handles".
      if (
        (previous === 0 || previous === startLabel) &&
        tokens.plain[index] === 1 &&
        (index === last || (flags[index + 1]! & flagCapital) === 0)
      ) {
        previous2 = previous;
        previous = 0;
        continue;
      }
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

/**
 * Beam search over each sentence: the features that do not depend on labels are scored once per token,
 * those that do (previous labels) once per hypothesis. The document's label history is updated after
 * each sentence with its best path.
 */
function beamTag(model: TaggerModel, tokens: PreparedTokens, width: number): Uint8Array {
  const result = new Uint8Array(tokens.count);
  const mask = (1 << model.bits) - 1;
  const features = new Int32Array(maxFeatures);
  const dynamic = new Int32Array(maxFeatures);
  const staticScores = new Float64Array(labelCount);
  const dynamicScores = new Float64Array(labelCount);
  const { sentenceStarts } = tokens;
  const history = labelHistory(tokens);
  const temperature = beamTemperature / (model.scale ?? 1);
  const candidateScore = new Float64Array(width * labelCount);
  const candidateParent = new Int32Array(width * labelCount);
  const candidateLabel = new Int32Array(width * labelCount);
  let pathLabel = new Uint8Array(256 * width);
  let pathParent = new Uint8Array(256 * width);
  let scores = new Float64Array(width);
  let nextScores = new Float64Array(width);
  for (let sentence = 0; sentence < sentenceStarts.length; sentence += 1) {
    const first = sentenceStarts[sentence]!;
    const last = (sentence + 1 < sentenceStarts.length ? sentenceStarts[sentence + 1]! : tokens.count) - 1;
    const length = last - first + 1;
    if (length <= 0) continue;
    // Per position and beam slot: the label and the slot it came from.
    if (pathLabel.length < length * width) {
      pathLabel = new Uint8Array(length * width * 2);
      pathParent = new Uint8Array(length * width * 2);
    }
    let size = 1;
    scores[0] = 0;
    for (let index = first; index <= last; index += 1) {
      const step = index - first;
      // Everything but the previous labels' features is scored once per token.
      const best = historyTypeOf(tokens, history, index);
      const staticCount = historyFeatures(tokens, index, best, history, mask, features, staticFeatures(tokens, index, first, last, mask, features));
      scoreLabels(model.weights, features, staticCount, staticScores);
      let candidates = 0;
      for (let slot = 0; slot < size; slot += 1) {
        const previous = step === 0 ? startLabel : pathLabel[(step - 1) * width + slot]!;
        const previous2 = step < 2 ? startLabel : pathLabel[(step - 2) * width + pathParent[(step - 1) * width + slot]!]!;
        const dynamicCount = labelFeatures(tokens, index, previous, previous2, best, mask, dynamic, 0);
        scoreLabels(model.weights, dynamic, dynamicCount, dynamicScores);
        // Local log-probabilities (softmax at `temperature`): the model is trained greedily, so raw scores do not add up
        // across steps. With one hypothesis the normaliser is the same for every candidate and is left out.
        let top = -Infinity;
        for (let label = 0; label < labelCount; label += 1) {
          const allowed = previous === startLabel ? allowedFirst[label]! : allowedAfter[label]![previous];
          if (allowed && staticScores[label]! + dynamicScores[label]! > top) top = staticScores[label]! + dynamicScores[label]!;
        }
        let logTotal = 0;
        if (size > 1) {
          let total = 0;
          for (let label = 0; label < labelCount; label += 1) {
            const allowed = previous === startLabel ? allowedFirst[label]! : allowedAfter[label]![previous];
            const difference = (staticScores[label]! + dynamicScores[label]! - top) / temperature;
            if (allowed && difference > -beamMargin) total += Math.exp(difference);
          }
          logTotal = Math.log(total);
        }
        for (let label = 0; label < labelCount; label += 1) {
          const allowed = previous === startLabel ? allowedFirst[label]! : allowedAfter[label]![previous];
          if (!allowed) continue;
          const score = scores[slot]! + (staticScores[label]! + dynamicScores[label]! - top) / temperature - logTotal;
          candidateScore[candidates] = score;
          candidateParent[candidates] = slot;
          candidateLabel[candidates] = label;
          candidates += 1;
        }
      }
      // The best `width` candidates, by selection (width is small).
      let kept = Math.min(width, candidates);
      for (let rank = 0; rank < kept; rank += 1) {
        let best = rank;
        for (let other = rank + 1; other < candidates; other += 1) if (candidateScore[other]! > candidateScore[best]!) best = other;
        if (best !== rank) {
          const score = candidateScore[rank]!;
          candidateScore[rank] = candidateScore[best]!;
          candidateScore[best] = score;
          const parent = candidateParent[rank]!;
          candidateParent[rank] = candidateParent[best]!;
          candidateParent[best] = parent;
          const label = candidateLabel[rank]!;
          candidateLabel[rank] = candidateLabel[best]!;
          candidateLabel[best] = label;
        }
        // Hypotheses far below the best are dropped: the beam is mostly one wide, as cheap as greedy tagging.
        if (rank > 0 && candidateScore[rank]! < candidateScore[0]! - beamMargin) {
          kept = rank;
          break;
        }
        nextScores[rank] = candidateScore[rank]!;
        pathLabel[step * width + rank] = candidateLabel[rank]!;
        pathParent[step * width + rank] = candidateParent[rank]!;
      }
      size = kept;
      const swap = scores;
      scores = nextScores;
      nextScores = swap;
    }
    let slot = 0;
    for (let step = length - 1; step >= 0; step -= 1) {
      result[first + step] = pathLabel[step * width + slot]!;
      slot = pathParent[step * width + slot]!;
    }
    for (let index = first; index <= last; index += 1) rememberLabel(tokens, history, index, result[index]!);
  }
  return result;
}
