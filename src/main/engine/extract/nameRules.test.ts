// The rules about how English writes names, on real tokens (tokenize) and spans as the tagger gives them.
import { describe, expect, it } from 'vitest';
import { addRegionAbbreviations, dropNonNameWords, joinSplitOrganizations, organizationsOfPlaces, trimSmallEnds } from './nameRules';
import type { Span } from './nameRules';
import { tokenize } from './tokenize';

const spanText = (text: string, span: Span): string => {
  const tokens = tokenize(text);
  return text.slice(tokens.starts[span.first], tokens.ends[span.end - 1]);
};

describe('name rules', () => {
  it('drops greetings before a name and spans of closed-class words, but not abbreviations written in capitals', () => {
    const text = 'Hi Helena, the US said. The report';
    const tokens = tokenize(text);
    const index = (word: string): number => tokens.words.indexOf(word);
    const spans: Span[] = [
      { first: index('Hi'), end: index('Helena') + 1, type: 'person' },
      { first: index('US'), end: index('US') + 1, type: 'location' },
      { first: index('The'), end: index('The') + 1, type: 'person' },
    ];
    expect(dropNonNameWords(tokens, spans).map((span) => [spanText(text, span), span.type])).toEqual([
      ['Helena', 'person'],
      ['US', 'location'],
    ]);
  });

  it('ends a name at its last capitalised word and joins a place to the organisation right after it', () => {
    const text = 'The Azerbaijan National Agency for Mine Action said so.';
    const tokens = tokenize(text);
    const spans: Span[] = [
      { first: 1, end: 3, type: 'location' },
      { first: 3, end: 8, type: 'organization' },
    ];
    trimSmallEnds(tokens, spans);
    expect(joinSplitOrganizations(tokens, spans).map((span) => [spanText(text, span), span.type])).toEqual([['Azerbaijan National Agency for Mine Action', 'organization']]);
  });

  it('reads a state abbreviation after a town and a comma as a place, only with its full stop', () => {
    const text = 'In Portland, Ore., and in Salem, Ore the vote';
    const tokens = tokenize(text);
    const town = (word: string, from = 0): Span => ({ first: tokens.words.indexOf(word, from), end: tokens.words.indexOf(word, from) + 1, type: 'location' });
    const found = addRegionAbbreviations(tokens, [town('Portland'), town('Salem')]);
    expect(found.map((span) => spanText(text, span))).toEqual(['Portland', 'Ore', 'Salem']);
  });

  it('reads a place after "of" and a head word as the end of an organisation, and drops a legal form alone', () => {
    const text = 'She joined the Central Bank of the Netherlands and Acme Corporation, Inc. in Leiden, north of Leiden.';
    const tokens = tokenize(text);
    const at = (word: string, from = 0): number => tokens.words.indexOf(word, from);
    const spans: Span[] = [
      { first: at('Netherlands'), end: at('Netherlands') + 1, type: 'location' },
      { first: at('Acme'), end: at('Corporation') + 1, type: 'organization' },
      { first: at('Inc.'), end: at('Inc.') + 1, type: 'organization' },
      { first: at('Leiden'), end: at('Leiden') + 1, type: 'location' },
      // "north of Leiden": "north" is no organisation's head.
      { first: at('Leiden', at('Leiden') + 1), end: at('Leiden', at('Leiden') + 1) + 1, type: 'location' },
    ];
    expect(organizationsOfPlaces(tokens, spans).map((span) => [spanText(text, span), span.type])).toEqual([
      ['Central Bank of the Netherlands', 'organization'],
      ['Acme Corporation', 'organization'],
      ['Leiden', 'location'],
      ['Leiden', 'location'],
    ]);
  });
});
