/** What the time finder's tests expect of a mention, and the mentions found put in that form. */
import type { TimeMention } from '../../src/main/engine/reading/time';

/** What a test expects of one mention: its text, value, end value, precision, and whether approximate. */
export type Expected = [text: string, value: string | undefined, endValue: string | undefined, precision: TimeMention['precision'], approximate?: boolean];

export function summary(mentions: TimeMention[]): Expected[] {
  return mentions.map((mention) => [mention.text, mention.value, mention.endValue, mention.precision, mention.approximate]);
}

/** Fills in `approximate: false` where an expectation leaves it out. */
export function expected(items: Expected[]): Expected[] {
  return items.map(([text, value, endValue, precision, approximate = false]) => [text, value, endValue, precision, approximate]);
}
