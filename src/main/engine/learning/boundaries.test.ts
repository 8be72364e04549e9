import { describe, expect, it } from 'vitest';
import { reach } from './boundaries';
import { learnPatterns, namesWithHeads } from './patterns';

describe("the edges of names, as the analyst's conventions draw them", () => {
  const title = { side: 'before', change: 'add', words: 'a title' } as const;

  it('takes in the titles (and demonyms) just before a name, never a leading "of" or a lower-case word', () => {
    const at = (before: string): string => before.slice(before.length - reach(title, { text: 'Blinken', before, after: '' }));
    expect(at('said Deputy Secretary of State ')).toBe('Deputy Secretary of State ');
    expect(at('met the Iraqi President ')).toBe('Iraqi President ');
    expect(at('the Department of State ')).toBe('');
    expect(at('the president ')).toBe('');
    expect(at('Iraqi ')).toBe('');
  });

  it('takes in "the" only as a word of its own, and drops a demonym only from a longer name', () => {
    expect(reach({ side: 'before', change: 'add', words: 'the' }, { text: 'Government', before: 'said the ', after: '' })).toBe(4);
    expect(reach({ side: 'before', change: 'add', words: 'the' }, { text: 'Government', before: 'breathe ', after: '' })).toBe(0);
    expect(reach({ side: 'before', change: 'drop', words: 'a demonym' }, { text: 'French Voulet-Chanoine Mission', before: '', after: '' })).toBe('French '.length);
    expect(reach({ side: 'before', change: 'drop', words: 'a demonym' }, { text: 'French', before: '', after: '' })).toBe(0);
    expect(reach({ side: 'after', change: 'add', words: 'a number' }, { text: 'Fox', before: '', after: ' 7 news at nine' })).toBe(2);
  });
});

describe('patterns across names', () => {
  const example = (text: string, verdict: 'other' | 'location' | 'organization' | 'reject', suggested: 'location' | 'organization' | null = 'location') => ({
    documentId: text.length,
    text,
    before: `${text.length} `,
    suggested,
    verdict,
  });

  it('becomes a rule only when several different names agree', () => {
    // One name retyped many times is a name, not a pattern.
    expect(learnPatterns([example('Dutch', 'other'), example('Dutch', 'other'), example('Dutch', 'other'), example('Dutch', 'other')])).toEqual([]);
    const rules = learnPatterns([example('Dutch', 'other'), example('French', 'other'), example('Swedish', 'other')]);
    expect(rules.map(({ kind, value, verdict, names, of }) => ({ kind, value, verdict, names, of }))).toEqual([{ kind: 'class', value: 'demonym', verdict: 'other', names: 3, of: 3 }]);
    // Names of one document only are no habit; names that disagree make no rule.
    expect(learnPatterns([example('Dutch', 'other'), example('Dutch', 'other'), example('Swiss', 'other'), example('Czech', 'other')].map((lesson) => ({ ...lesson, documentId: 1 })))).toEqual([]);
    expect(learnPatterns([example('Dutch', 'other'), example('French', 'other'), example('Swedish', 'other'), example('Danish', 'location'), example('Polish', 'location')])).toEqual([]);
  });

  it("finds names written with a head word the analyst's marks typed", () => {
    const rules = learnPatterns([
      example('Reading Railroad', 'location', null),
      example('West Jersey Railroad', 'location', null),
      example('Atlantic City Railroad', 'location', 'organization'),
    ]);
    expect(namesWithHeads('The Sandy River Railroad ran to Farmington. The railroad closed.', rules)).toEqual([{ start: 4, end: 24, text: 'Sandy River Railroad', type: 'location' }]);
  });
});
