import { describe, expect, it } from 'vitest';
import { DossierError } from '../../../../shared/errors';
import { cleanText } from './clean';
import { fixture } from './fixtures';
import { readFile } from './index';
import { hammingDistance, simhash } from './simhash';

const seed = new TextDecoder().decode(fixture('border-incident-article.txt').bytes);

describe('simhash', () => {
  it('gives 16 hex digits, the same for the same text', () => {
    expect(simhash(seed)).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash(seed)).toBe(simhash(seed));
    expect(simhash('')).toBe('0000000000000000');
    expect(simhash('one')).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance(simhash(seed), simhash(seed))).toBe(0);
  });

  it('ignores case, spacing and diacritics', () => {
    expect(simhash('Nikol Pashinián stressed that')).toBe(simhash('NIKOL   pashinian\nstressed that'));
  });

  it('puts syndicated copies of a story within 3 bits', () => {
    const title = 'Azerbaijan denounces an alleged invasion of the Armenian military into its territory';
    const original = simhash(cleanText(seed, title));
    const copies = [
      // Re-typeset: straight quotes, one line per paragraph, the name without its accent, capitals.
      seed.replace(/[“”]/g, '"').replace(/’/g, "'").replace(/\n\n/g, '\n').replace(/Pashinián/g, 'Pashinian').toUpperCase(),
      // Another site's sharing block at the end (the clean-up drops it).
      `${seed}\n\nShare this:\nTwitter\nFacebook\n\nRelated Posts\nAnother story`,
      // An agency dateline in front.
      `BAKU, June 2 (Monitor) — ${seed}`,
      // A one-word edit.
      seed.replace('“about 40”', '“about forty”'),
    ];
    for (const copy of copies) expect(hammingDistance(original, simhash(cleanText(copy, title)))).toBeLessThanOrEqual(3);
  });

  it('keeps unrelated wire stories far apart', async () => {
    const outcome = await readFile(fixture('reuters-sample.sgm'));
    if (outcome.type !== 'documents') throw new Error('expected documents');
    const bodies = outcome.documents.filter((document) => document.meta.textType === 'NORM').map((document) => simhash(document.text));
    expect(bodies.length).toBeGreaterThanOrEqual(5);
    for (let first = 0; first < bodies.length; first++) {
      for (let second = first + 1; second < bodies.length; second++) {
        expect(hammingDistance(bodies[first]!, bodies[second]!)).toBeGreaterThan(10);
      }
    }
    expect(hammingDistance(simhash(seed), bodies[0]!)).toBeGreaterThan(10);
  });

  it('refuses values that are not fingerprints', () => {
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow(DossierError);
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
  });
});
