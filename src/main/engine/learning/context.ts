/**
 * The contextual part of the case's learned layer: a small classifier over what a suggestion looks
 * like (its words, shape, the words around it, the type extraction gave it) that learns from the
 * reviewed suggestions whether such a suggestion is kept, retyped or rejected. A case with no
 * review, or whose review never disagreed with extraction, behaves as extraction does.
 */
import type { EntityType } from '../../../shared/entities';

export type Verdict = EntityType | 'reject';
const VERDICTS: readonly Verdict[] = ['person', 'organization', 'location', 'other', 'reject'];

const EPOCHS = 20;
const RATE = 0.3;
/** The L2 penalty over the whole set of examples: a feature must recur in several examples before it carries a verdict. */
const L2 = 4;
/** How likely another verdict must be for a suggestion to change (the lowest the cross-validation may choose). */
const CHANGE_AT = 0.8;
/** The thresholds the cross-validation chooses from; above 1, the model changes nothing. */
const THRESHOLDS = [0.8, 0.9, 0.95, 2];
/** Folds of the reviewed documents for choosing the threshold; fewer documents than this and the model changes nothing. */
const FOLDS = 3;

/** A suggestion as the layer sees it: its text, the words before and after, and the type extraction gave it. */
export interface Seen {
  readonly text: string;
  readonly before: string;
  readonly after: string;
  readonly suggested: EntityType;
}

const tokensOf = (text: string): string[] => text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];

/** Letters as X and x, digits as d, runs collapsed: "Nagorno-Karabakh" → "Xx-Xx". */
function shapeOf(text: string): string {
  return text
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{N}/gu, 'd')
    .replace(/(.)\1+/gu, '$1');
}

/** The features of a suggestion; each is a string, weighted per verdict. */
export function featuresOf(seen: Seen): string[] {
  const words = tokensOf(seen.text).map((word) => word.toLowerCase());
  const before = tokensOf(seen.before.split('\n').at(-1) ?? '');
  const after = tokensOf(seen.after.split('\n')[0] ?? '');
  const previous = before.at(-1)?.toLowerCase() ?? '<start>';
  const next = after[0]?.toLowerCase() ?? '<end>';
  const type = seen.suggested;
  const last = words.at(-1) ?? '';
  const shape = shapeOf(seen.text);
  const features = [
    `type=${type}`,
    `shape=${shape}`,
    `type=${type}|shape=${shape}`,
    `words=${Math.min(words.length, 4)}`,
    `first=${words[0] ?? ''}`,
    `last=${last}`,
    `type=${type}|last=${last}`,
    `suffix=${last.slice(-3)}`,
    `previous=${previous}`,
    `type=${type}|previous=${previous}`,
    `previous2=${before.at(-2)?.toLowerCase() ?? '<start>'} ${previous}`,
    `next=${next}`,
    `type=${type}|next=${next}`,
  ];
  for (const word of new Set(words)) features.push(`word=${word}`);
  return features;
}

/**
 * Multinomial logistic regression over the features, trained with AdaGrad and an L2 penalty: the
 * weights say how much each feature moves a suggestion towards each verdict, and the bias of
 * "type=…" the base rate at which the analyst keeps that type. A suggestion changes only when the
 * model finds another verdict more likely than not.
 */
export class ContextModel {
  private readonly weights = new Map<string, Float64Array>();

  private constructor(private changeAt = CHANGE_AT) {}

  /**
   * Trains on the examples and chooses how sure the model must be to change a suggestion by
   * cross-validation over the reviewed documents: each fold's model judges the examples of
   * documents it did not see, and the threshold kept is the one whose changes set right the most
   * suggestions net of those they set wrong — none at all when no threshold sets more right than
   * wrong, so that a case whose review teaches nothing general is left as extraction made it.
   */
  static trainChecked(examples: readonly { readonly seen: Seen; readonly verdict: Verdict; readonly documentId: number | null }[]): ContextModel {
    const documents = [...new Set(examples.map((example) => example.documentId))].sort((left, right) => (left ?? -1) - (right ?? -1));
    const model = ContextModel.train(examples);
    if (model.weights.size === 0) return model;
    if (documents.length < FOLDS) {
      model.changeAt = THRESHOLDS.at(-1)!;
      return model;
    }
    const fold = new Map(documents.map((documentId, index) => [documentId, index % FOLDS]));
    const net = new Float64Array(THRESHOLDS.length);
    for (let held = 0; held < FOLDS; held += 1) {
      const inner = ContextModel.train(examples.filter((example) => fold.get(example.documentId) !== held));
      for (const example of examples) {
        if (fold.get(example.documentId) !== held) continue;
        const verdicts = inner.verdicts(example.seen);
        THRESHOLDS.forEach((threshold, index) => {
          const verdict = verdicts.probability >= threshold ? verdicts.best : example.seen.suggested;
          if (verdict === example.seen.suggested) return;
          if (verdict === example.verdict) net[index]! += 1;
          else if (example.seen.suggested === example.verdict) net[index]! -= 1;
        });
      }
    }
    let chosen = THRESHOLDS.length - 1;
    THRESHOLDS.forEach((_, index) => {
      if (net[index]! > net[chosen]!) chosen = index;
    });
    model.changeAt = THRESHOLDS[chosen]!;
    return model;
  }

  /** The likeliest verdict for one suggestion, and how likely it is. */
  private verdicts(seen: Seen): { best: Verdict; probability: number } {
    if (this.weights.size === 0) return { best: seen.suggested, probability: 1 };
    const probabilities = softmax(scores(this.weights, featuresOf(seen)));
    let best = 0;
    for (let verdict = 1; verdict < VERDICTS.length; verdict += 1) if (probabilities[verdict]! > probabilities[best]!) best = verdict;
    return { best: VERDICTS[best]!, probability: probabilities[best]! };
  }

  /** How sure the model must be to change a suggestion (above 1: it changes none). */
  get threshold(): number {
    return this.changeAt;
  }

  /** Trains on reviewed suggestions: each seen suggestion with the verdict the analyst gave it. */
  static train(examples: readonly { readonly seen: Seen; readonly verdict: Verdict }[]): ContextModel {
    const model = new ContextModel();
    // With nothing to contrast, there is nothing to learn: every example kept as suggested.
    if (!examples.some((example) => example.verdict !== example.seen.suggested)) return model;
    const featured = examples.map((example) => ({ features: featuresOf(example.seen), verdict: VERDICTS.indexOf(example.verdict) }));
    const squares = new Map<string, Float64Array>();
    const vector = (map: Map<string, Float64Array>, feature: string): Float64Array => {
      let found = map.get(feature);
      if (!found) map.set(feature, (found = new Float64Array(VERDICTS.length)));
      return found;
    };
    const penalty = L2 / featured.length;
    for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
      for (const example of featured) {
        const probabilities = softmax(scores(model.weights, example.features));
        for (const feature of example.features) {
          const weights = vector(model.weights, feature);
          const square = vector(squares, feature);
          for (let verdict = 0; verdict < VERDICTS.length; verdict += 1) {
            const gradient = probabilities[verdict]! - (verdict === example.verdict ? 1 : 0) + penalty * weights[verdict]!;
            square[verdict]! += gradient * gradient;
            weights[verdict]! -= (RATE * gradient) / Math.sqrt(square[verdict]! + 1e-8);
          }
        }
      }
    }
    return model;
  }

  /** How many features carry a weight: what the case has learned from context, for the Entities screen. */
  get size(): number {
    return this.weights.size;
  }

  /** The verdict for a suggestion: its suggested type unless the examples make another more likely than not. */
  judge(seen: Seen): Verdict {
    return this.judgeTogether([seen]);
  }

  /**
   * One verdict for the sightings of one name in one document, suggested with one type: the mean
   * of their log-probabilities, so that what each sentence says of the name counts, and its
   * mentions stay alike.
   */
  judgeTogether(seens: readonly Seen[]): Verdict {
    const suggested = seens[0]!.suggested;
    if (this.weights.size === 0) return suggested;
    const mean = new Float64Array(VERDICTS.length);
    for (const seen of seens) {
      const probabilities = softmax(scores(this.weights, featuresOf(seen)));
      for (let verdict = 0; verdict < VERDICTS.length; verdict += 1) mean[verdict]! += Math.log(probabilities[verdict]!) / seens.length;
    }
    const probabilities = softmax(mean);
    let best = 0;
    for (let verdict = 1; verdict < VERDICTS.length; verdict += 1) if (probabilities[verdict]! > probabilities[best]!) best = verdict;
    return probabilities[best]! >= this.changeAt ? VERDICTS[best]! : suggested;
  }
}

function scores(weights: ReadonlyMap<string, Float64Array>, features: readonly string[]): Float64Array {
  const result = new Float64Array(VERDICTS.length);
  for (const feature of features) {
    const found = weights.get(feature);
    if (!found) continue;
    for (let verdict = 0; verdict < VERDICTS.length; verdict += 1) result[verdict]! += found[verdict]!;
  }
  return result;
}

function softmax(values: Float64Array): Float64Array {
  const top = Math.max(...values);
  const result = values.map((value) => Math.exp(value - top));
  const sum = result.reduce((total, value) => total + value, 0);
  return result.map((value) => value / sum);
}
