// Guesses a document's language when its source does not say.
import { createRequire } from 'node:module';

type Detect = (text: string) => string;
let detect: Detect | null = null;

// tinyld's language profiles take a tenth of a second to load; a newswire import never needs them.
function detector(): Detect {
  detect ??= (createRequire(__filename)('tinyld') as { detect: Detect }).detect;
  return detect;
}

/** Below this many letters a guess is noise ("OK", a title alone), so the answer is "unknown". */
const MIN_LETTERS = 40;
/** tinyld costs about 10 µs a character; the opening of a text decides as well as all of it. */
const SAMPLE_LENGTH = 2000;

/** An ISO 639-1 code, or null when the text is too short or too mixed to tell. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  const code = detector()(sample);
  return /^[a-z]{2}$/.test(code) ? code : null;
}
