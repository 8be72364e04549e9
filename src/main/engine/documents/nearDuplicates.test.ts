import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import { WORD_PATTERN } from '../../../shared/textFolding';
import { NEAR_DUPLICATE_SIMILARITY, bandKeys, estimateSimilarity, minhashSignature as signatureOfWords } from './nearDuplicates';

const minhashSignature = (text: string) => signatureOfWords(text.match(WORD_PATTERN) ?? []);

const seed = readFileSync(join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt'), 'utf8');

describe('near-duplicate fingerprints', () => {
  it('rate a lightly edited, re-typeset copy as the same story', () => {
    const copy = `${seed.replace('on Wednesday', 'on Wednesday evening').replace('about 40', 'around 40').replace('Pashinián', 'Pashinyan').toUpperCase()}\nShare this: Twitter Facebook`;
    const similarity = estimateSimilarity(minhashSignature(seed)!, minhashSignature(copy)!);
    expect(similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SIMILARITY);
    // And such a copy shares at least one LSH band, so the index finds it.
    const shared = bandKeys(minhashSignature(seed)!).filter((key, band) => bandKeys(minhashSignature(copy)!)[band] === key);
    expect(shared.length).toBeGreaterThan(0);
  });

  it('rate different stories on the same subject apart', () => {
    const other = seed.split('\n\n').reverse().map((paragraph) => paragraph.split(' ').reverse().join(' ')).join('\n\n');
    expect(estimateSimilarity(minhashSignature(seed)!, minhashSignature(other)!)).toBeLessThan(0.2);
  });

  it('leave texts too short to judge without a fingerprint', () => {
    expect(minhashSignature('Oil prices rose on Monday.')).toBeNull();
  });
});
