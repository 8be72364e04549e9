/**
 * The contextual part of the case's learned layer: a small averaged perceptron over what a
 * suggestion looks like (its words, shape, the words around it, the type extraction gave it) that
 * learns from the reviewed suggestions whether such a suggestion is kept, retyped or rejected. It
 * starts from extraction's own decision (a prior on the suggested type) and moves away from it only
 * as far as the analyst's examples push it, so a case with no review behaves as extraction does.
 */
import type { EntityType } from '../../../shared/entities';

export type Verdict = EntityType | 'reject';
const VERDICTS: readonly Verdict[] = ['person', 'organization', 'location', 'other', 'reject'];

/** How much the suggested type counts before any example: one mistaken example cannot overturn it alone. */
const PRIOR = 1.5;
const EPOCHS = 6;

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

/** A verdict learned for each feature; read-only once trained. */
export class ContextModel {
  private readonly weights = new Map<string, Float64Array>();

  private constructor() {}

  /** Trains on reviewed suggestions: each seen suggestion with the verdict the analyst gave it. */
  static train(examples: readonly { readonly seen: Seen; readonly verdict: Verdict }[]): ContextModel {
    const model = new ContextModel();
    if (examples.length === 0) return model;
    // Averaged perceptron: the weights summed after every example, so the last few do not swing it.
    const current = new Map<string, Float64Array>();
    const totals = new Map<string, Float64Array>();
    const stamps = new Map<string, Float64Array>();
    const featured = examples.map((example) => ({ features: featuresOf(example.seen), suggested: example.seen.suggested, verdict: example.verdict }));
    let step = 0;
    const vector = (map: Map<string, Float64Array>, feature: string): Float64Array => {
      let found = map.get(feature);
      if (!found) map.set(feature, (found = new Float64Array(VERDICTS.length)));
      return found;
    };
    const update = (feature: string, verdict: number, delta: number): void => {
      const weights = vector(current, feature);
      const total = vector(totals, feature);
      const stamp = vector(stamps, feature);
      total[verdict]! += (step - stamp[verdict]!) * weights[verdict]!;
      stamp[verdict] = step;
      weights[verdict]! += delta;
    };
    for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
      for (const example of featured) {
        step += 1;
        const predicted = best(scores(current, example.features, example.suggested));
        const truth = VERDICTS.indexOf(example.verdict);
        if (predicted === truth) continue;
        for (const feature of example.features) {
          update(feature, truth, 1);
          update(feature, predicted, -1);
        }
      }
    }
    for (const [feature, weights] of current) {
      const total = totals.get(feature)!;
      const stamp = stamps.get(feature)!;
      const averaged = new Float64Array(VERDICTS.length);
      for (let verdict = 0; verdict < VERDICTS.length; verdict += 1) {
        averaged[verdict] = (total[verdict]! + (step - stamp[verdict]!) * weights[verdict]!) / step;
      }
      model.weights.set(feature, averaged);
    }
    return model;
  }

  /** How many features carry a weight: what the case has learned from context, for the Entities screen. */
  get size(): number {
    return this.weights.size;
  }

  /** The verdict for a suggestion: its suggested type unless the examples say otherwise. */
  judge(seen: Seen): Verdict {
    if (this.weights.size === 0) return seen.suggested;
    return VERDICTS[best(scores(this.weights, featuresOf(seen), seen.suggested))]!;
  }
}

function scores(weights: ReadonlyMap<string, Float64Array>, features: readonly string[], suggested: EntityType): Float64Array {
  const result = new Float64Array(VERDICTS.length);
  result[VERDICTS.indexOf(suggested)] = PRIOR;
  for (const feature of features) {
    const found = weights.get(feature);
    if (!found) continue;
    for (let verdict = 0; verdict < VERDICTS.length; verdict += 1) result[verdict]! += found[verdict]!;
  }
  return result;
}

/** The highest score's index; ties go to the earlier verdict. */
function best(values: Float64Array): number {
  let index = 0;
  for (let verdict = 1; verdict < values.length; verdict += 1) if (values[verdict]! > values[index]!) index = verdict;
  return index;
}
