/** The engine's handlers for what a case learns from review: its summary, resetting it, and re-scoring suggestions with it. */
import type { Handlers } from '../../../shared/api';
import type { learningChannels } from '../../../shared/learning';
import type { Session } from '../case/session';
import { learningSummary, resetLearning } from './summary';

export function learningHandlers(session: Session): Handlers<keyof typeof learningChannels> {
  const { db } = session;
  return {
    'learning.summary': () => learningSummary(db()),
    'learning.reset': () => resetLearning(db()),
    'learning.rescore': () => {
      const job = session.requireCase().rescorer.start();
      job.finished.catch(() => undefined);
      return { jobId: job.jobId };
    },
    'learning.cancelRescore': ({ jobId }) => {
      session.requireCase().rescorer.cancel(jobId);
      return null;
    },
  };
}
