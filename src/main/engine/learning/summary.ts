/** What the case has learned, as the Entities screen shows it, and forgetting it (undoable). */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { LearningSummary } from '../../../shared/learning';
import { DossierError } from '../../../shared/errors';
import { statement } from '../case/statements';
import { record, registerReversibles } from '../case/undo';
import { Decisions, examplesInEffect } from './examples';
import { buildLearnedLayer, hasSettledType, isStopped, redrawingOf } from './layer';

/** How many names of each kind the summary lists at most (the most taught first). */
const LISTED = 200;

const LearningReset = z.object({ at: z.string(), upTo: z.number(), examples: z.number() });

declare module '../case/undo' {
  interface OperationPayloads {
    'learning.reset': z.infer<typeof LearningReset>;
  }
}

registerReversibles({
  'learning.reset': {
    payload: LearningReset,
    describe: (p) => `forget what ${p.examples} review${p.examples === 1 ? '' : 's'} taught`,
    undo: (db, p) => void statement(db, 'UPDATE learning_examples SET forgotten_at = NULL WHERE forgotten_at = ?').run(p.at),
    redo: (db, p) => void statement(db, 'UPDATE learning_examples SET forgotten_at = ? WHERE id <= ? AND forgotten_at IS NULL').run(p.at, p.upTo),
  },
});

export function learningSummary(db: Database): LearningSummary {
  const examples = examplesInEffect(db);
  const layer = buildLearnedLayer(examples, redrawingOf(db, examples));
  const counts = Object.fromEntries(Decisions.map((decision) => [decision, examples.filter((example) => example.decision === decision).length])) as LearningSummary['counts'];
  const names = [...layer.names.values()];
  const byTimes = <T extends { times: number; name: string }>(list: T[]): T[] => list.sort((left, right) => right.times - left.times || left.name.localeCompare(right.name)).slice(0, LISTED);
  const { unreviewed } = statement(db, "SELECT count(*) AS unreviewed FROM mentions WHERE status = 'suggested' AND origin = 'auto'").get() as { unreviewed: number };
  return {
    examples: examples.length,
    counts,
    stopped: byTimes(names.filter(isStopped).map((name) => ({ name: name.text, times: name.rejections }))),
    rejectedOnce: byTimes(names.filter((name) => name.rejections === 1 && name.acceptances === 0).map((name) => ({ name: name.text, times: 1 }))),
    corrected: names
      .filter((name) => name.correctedFrom !== null && hasSettledType(name) && !isStopped(name))
      .map((name) => ({ name: name.text, from: name.correctedFrom!, to: name.type! }))
      .sort((left, right) => left.name.localeCompare(right.name))
      .slice(0, LISTED),
    added: names
      .filter((name) => name.marked && name.type !== null && !isStopped(name))
      .map((name) => ({ name: name.text, type: name.type!, found: layer.lookedFor.has(name.folded) }))
      .sort((left, right) => left.name.localeCompare(right.name))
      .slice(0, LISTED),
    patterns: layer.patterns.rules
      .slice(0, LISTED)
      .map((rule) => ({ kind: rule.kind, value: rule.value, suggested: rule.suggested, verdict: rule.verdict, names: rule.names, of: rule.of })),
    edges: [...layer.boundaries],
    accepted: names.filter((name) => name.acceptances > name.rejections).length,
    contextFeatures: layer.context.size,
    contextInUse: layer.context.size > 0 && layer.context.threshold <= 1,
    unreviewed,
  };
}

/** Sets aside every example in effect, as one undoable change; reviewed mentions stay as they are. */
export function resetLearning(db: Database): LearningSummary {
  db.transaction(() => {
    const { upTo, examples } = statement(db, 'SELECT coalesce(max(id), 0) AS upTo, count(*) AS examples FROM learning_examples WHERE forgotten_at IS NULL').get() as {
      upTo: number;
      examples: number;
    };
    if (examples === 0) throw new DossierError('invalid-input', 'This case has learned nothing from review yet, so there is nothing to reset.');
    const at = new Date().toISOString();
    statement(db, 'UPDATE learning_examples SET forgotten_at = ? WHERE id <= ? AND forgotten_at IS NULL').run(at, upTo);
    record(db, 'learning.reset', { at, upTo, examples });
  })();
  return learningSummary(db);
}
