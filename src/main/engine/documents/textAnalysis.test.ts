import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import { WORD_PATTERN } from '../../../shared/textFolding';
import { minhashSignature } from './nearDuplicates';
import { analyzeText, searchNamesOf } from './textAnalysis';

/** analyzeText as it is defined: every word as a string, for any text. */
function byWords(title: string, text: string) {
  const words = text.match(WORD_PATTERN) ?? [];
  return { searchNames: searchNamesOf(title, words), fingerprint: minhashSignature(words) };
}

const fixture = (name: string, encoding: BufferEncoding = 'utf8') => readFileSync(join(projectRoot, 'tests', 'fixtures', name), encoding);

describe('analyzeText', () => {
  it('gives for ASCII text (read without a string a word) what it gives word by word', () => {
    // Seven Reuters stories, tags and all: ASCII, capitals, digits, "U.S.", 'A' and 'AN' too short to be names.
    const reuters = fixture('reuters-sample.sgm', 'latin1');
    // eslint-disable-next-line no-control-regex -- ASCII is exactly the range meant here
    expect(/[^\x00-\x7f]/.test(reuters)).toBe(false);
    const analysis = analyzeText('Bahia cocoa review', reuters);
    expect(analysis.fingerprint).not.toBeNull();
    expect(analysis.searchNames).toContain('bahia');
    expect(analysis).toEqual(byWords('Bahia cocoa review', reuters));
    // A title beyond ASCII over an ASCII text; a text too short for a fingerprint.
    expect(analyzeText('Kəlbəcər', reuters)).toEqual(byWords('Kəlbəcər', reuters));
    expect(analyzeText('Oil', 'Oil prices rose on Monday, said OPEC.')).toEqual(byWords('Oil', 'Oil prices rose on Monday, said OPEC.'));
    expect(analyzeText('', '')).toEqual(byWords('', ''));
  });

  it('reads text beyond ASCII word by word', () => {
    const article = fixture('border-incident-article.txt');
    expect(analyzeText('Border incident', article)).toEqual(byWords('Border incident', article));
  });
});
