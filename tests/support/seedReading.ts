/**
 * The seed article read as the reading layer will read it once it runs on import: its times, the
 * two competing accounts (the Ministry of Defense accusing, Pashinyan denying), the events they
 * carry and the typed links the text suggests. Import reads documents itself, but what it finds
 * moves as the reading layer improves; tests of the timeline and of review seed this fixed reading
 * over it (storing a reading replaces the document's suggestions), so they test the UI, not the heuristics.
 */
import type { Engine } from '../../src/main/engine/engine';
import type { DocumentReading, FoundActor, FoundClaim, FoundEvent, FoundRelation, FoundSpan } from '../../src/main/engine/claims/store';
import { storeReading } from '../../src/main/engine/claims/store';
import { findTimes } from '../../src/main/engine/reading/time';
import type { EntityType } from '../../src/shared/entities';
import { SEED_ARTICLE } from './seedCase';

/** The seed article's date (it was published on Wednesday 2 June 2021). */
export const SEED_DATE = '2021-06-02';

/** Finds `text` in the document (after `after` when given), as a span; throws when the article changed. */
function spanIn(documentText: string, text: string, after?: string): FoundSpan {
  const from = after === undefined ? 0 : documentText.indexOf(after);
  const start = documentText.indexOf(text, Math.max(0, from));
  if (from < 0 || start < 0) throw new Error(`"${text}" is not in the seed article (after "${after ?? ''}")`);
  return { start, end: start + text.length, text };
}

const actor = (span: FoundSpan, type: EntityType): FoundActor => ({ ...span, type });

/** What the reading layer finds in the seed article's text. */
export function seedArticleReading(text: string): DocumentReading {
  const at = (wanted: string, after?: string) => spanIn(text, wanted, after);
  const content = (wanted: string, after?: string) => {
    const { start, end } = at(wanted, after);
    return { start, end };
  };
  const times = findTimes(text, { documentDate: SEED_DATE });
  const sentenceOf = (inner: string): { start: number; end: number } => {
    const span = at(inner);
    const start = Math.max(text.lastIndexOf('. ', span.start) + 2, text.lastIndexOf('\n', span.start) + 1);
    const stop = text.indexOf('.', span.end);
    return { start, end: stop < 0 ? text.length : stop + 1 };
  };

  const claims: FoundClaim[] = [
    {
      speaker: actor(at('Ministry of Defense'), 'organization'),
      cue: at('said', 'Ministry of Defense'),
      content: content('“about 40” Armenian soldiers entered the country near the village of Armudlu in the Kalbajar region'),
      stance: 'accuses',
    },
    {
      speaker: actor(at('Azerbaijan', 'tripartite'), 'location'),
      cue: at('claimed', 'tripartite'),
      content: content('it captured six Armenian soldiers who were “trying to install mines in the supply routes “'),
      stance: 'asserts',
    },
    {
      speaker: actor(at('Nikol Pashinián'), 'person'),
      cue: at('stressed', 'Nikol Pashinián'),
      content: content('carrying out technical work on sovereign Armenian territory'),
      stance: 'denies',
    },
    {
      // "He" points back to the last named speaker, Pashinyan.
      speaker: actor({ ...at('He stressed'), end: at('He stressed').start + 2, text: 'He' }, 'person'),
      cue: at('stressed', 'He stressed'),
      content: content('what happened was “totally unacceptable”'),
      stance: 'accuses',
    },
  ];
  const claimAbout40 = 0;
  const claimCaptured = 1;

  const events: FoundEvent[] = [
    {
      trigger: at('entered', 'about 40'),
      type: 'movement',
      agent: at('Armenian soldiers', 'about 40'),
      place: at('Armudlu'),
      time: at('Tuesday'),
      claim: claimAbout40,
    },
    {
      trigger: at('captured', 'claimed'),
      type: 'capture',
      agent: at('Azerbaijan', 'tripartite'),
      patient: at('six Armenian soldiers'),
      claim: claimCaptured,
    },
    {
      trigger: at('increased', 'Tensions'),
      type: 'escalation',
      place: at('Nagorno-Karabakh', 'Tensions'),
      time: at('mid-May'),
    },
    {
      trigger: at('fighting', 'relative calm'),
      type: 'attack',
      time: at('2020', 'relative calm'),
    },
    {
      trigger: at('agreed', 'Pashinian'),
      type: 'agreement',
      agent: at('Pashinian', 'relative calm'),
      patient: at('Ilham Aliyev'),
      time: at('November 10th'),
    },
  ];

  const relations: FoundRelation[] = [
    {
      source: actor(at('Pashinian', 'relative calm'), 'person'),
      target: actor(at('Ilham Aliyev'), 'person'),
      type: 'communicates_with',
      cue: at('agreed with'),
      evidence: sentenceOf('agreed with'),
    },
    {
      source: actor(at('Armudlu'), 'location'),
      target: actor(at('Kalbajar'), 'location'),
      type: 'located_in',
      cue: at('in the', 'Armudlu'),
      evidence: sentenceOf('Armudlu'),
    },
  ];
  return { times, claims, events, relations };
}

export interface SeededReading {
  readonly documentId: number;
  readonly text: string;
  readonly stored: number;
  /** Timeline keys ("event:3") of what tests look for; ids depend on what import stored before. */
  readonly keys: {
    readonly entered: string;
    readonly midMay: string;
    readonly ministryClaim: string;
    readonly technicalWorkClaim: string;
  };
}

/**
 * Imports the seed article into the engine's open case, dates it 2 June 2021 and stores its
 * reading, as import will once the reading layer runs there.
 */
export async function seedReadingCase(engine: Engine): Promise<SeededReading> {
  const report = await engine.startImport([{ path: SEED_ARTICLE }]).finished;
  const page = await engine.handlers['documents.list']({ sort: 'importedAt', direction: 'desc', offset: 0, limit: 10 });
  const row = page.rows.find((candidate) => candidate.title.startsWith('Azerbaijan denounces'));
  if (!row) throw new Error(`The seed article was not imported: ${JSON.stringify(report)}`);
  await engine.handlers['documents.update']({ id: row.id, publishedAt: SEED_DATE });
  const { text } = await engine.handlers['documents.get']({ id: row.id });
  const db = engine.currentCase()!.db;
  const stored = db.transaction(() => storeReading(db, row.id, seedArticleReading(text)))();
  const { items } = await engine.handlers['timeline.items']({});
  const keyOf = (kind: 'event' | 'claim', words: string): string => {
    const found = items.find((item) => item.kind === kind && item.label.includes(words));
    if (!found) throw new Error(`The seeded timeline has no ${kind} with "${words}"`);
    return found.key;
  };
  const keys = {
    entered: keyOf('event', 'entered'),
    midMay: keyOf('event', 'increased'),
    ministryClaim: keyOf('claim', 'about 40'),
    technicalWorkClaim: keyOf('claim', 'technical work'),
  };
  return { documentId: row.id, text, stored, keys };
}
