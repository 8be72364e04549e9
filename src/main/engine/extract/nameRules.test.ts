// The rules about how English writes names, on real tokens (tokenize) and spans as the tagger gives them.
import { describe, expect, it } from 'vitest';
import { LexiconClass } from './lexicon';
import {
  abbreviatedOrganizations,
  addRegionAbbreviations,
  bracketedAbbreviations,
  dropNonNameWords,
  dropTermAbbreviations,
  headedRuns,
  joinSplitOrganizations,
  organizationPurposes,
  organizationsOfPlaces,
  titlesBeforeNames,
  trimSmallEnds,
} from './nameRules';
import {
  definedNames,
  dropDescriptionsBeforeGivenNames,
  headedEvents,
  headedPlaces,
  peopleOfBodies,
  placesInTheirRegion,
  splitJoinedPeople,
  organizationsAfterPlaces,
  namedShips,
} from './nameKinds';
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

  it('reads an untagged run ending in an organisation head word as an organisation, with a unit number before it', () => {
    const text = 'The Defamation Action League was started. Later the 65th Fighter Wing and the Olympic Games met Bomber Command.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    // The tagger found "Fighter Wing" but not its number; the rest it left untagged.
    const spans: Span[] = [{ first: at('Fighter'), end: at('Wing') + 1, type: 'organization' }];
    expect(headedRuns(tokens, spans).map((span) => [spanText(text, span), span.type])).toEqual([
      ['Defamation Action League', 'organization'],
      ['65th Fighter Wing', 'organization'],
      // "Games" also heads events: no rule for it; "Bomber Command" is a formation.
      ['Bomber Command', 'organization'],
    ]);
  });

  it("gives an abbreviation in brackets its name's type, and only when its capitals are the name's initials", () => {
    const text = 'The National Aeronautics and Space Administration (NASA) and Acme Corporation (FBI) met.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const spans: Span[] = [
      { first: at('National'), end: at('Administration') + 1, type: 'organization' },
      { first: at('Acme'), end: at('Corporation') + 1, type: 'organization' },
      { first: at('FBI'), end: at('FBI') + 1, type: 'person' },
    ];
    expect(bracketedAbbreviations(tokens, spans).map((span) => [spanText(text, span), span.type])).toEqual([
      ['National Aeronautics and Space Administration', 'organization'],
      ['NASA', 'organization'],
      ['Acme Corporation', 'organization'],
      ['FBI', 'person'],
    ]);
  });

  it('gives an abbreviation between commas after a name that name\'s type', () => {
    const text = 'Members of the Association of Tin Producing Countries, ATPC, met.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const spans: Span[] = [
      { first: at('Association'), end: at('Countries') + 1, type: 'organization' },
      { first: at('ATPC'), end: at('ATPC') + 1, type: 'location' },
    ];
    expect(bracketedAbbreviations(tokens, spans).map((span) => [spanText(text, span), span.type])).toEqual([
      ['Association of Tin Producing Countries', 'organization'],
      ['ATPC', 'organization'],
    ]);
  });

  it('reads a town followed by words that name no place as an organisation named after it, not a harbour or an arena', () => {
    const text = 'The Boston Red Sox played at Volgograd Arena near Boston Harbor.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const lexicon = new Uint8Array(tokens.words.length);
    for (const town of ['Boston', 'Volgograd']) for (let index = 0; index < tokens.words.length; index += 1) if (tokens.words[index] === town) lexicon[index] = LexiconClass.place * 2 + 1;
    const spans: Span[] = [
      { first: at('Boston'), end: at('Sox') + 1, type: 'location' },
      { first: at('Volgograd'), end: at('Arena') + 1, type: 'location' },
      { first: at('Harbor') - 1, end: at('Harbor') + 1, type: 'location' },
    ];
    organizationsAfterPlaces(tokens, spans, lexicon, new Set([LexiconClass.place]));
    expect(spans.map((span) => [spanText(text, span), span.type])).toEqual([
      ['Boston Red Sox', 'organization'],
      ['Volgograd Arena', 'location'],
      ['Boston Harbor', 'location'],
    ]);
  });

  it('keeps a place whose next words open a sentence the tokenizer missed, or name an administrative division', () => {
    const text = 'Aid reached the U.S. We waited in Akita Prefecture.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const lexicon = new Uint8Array(tokens.words.length);
    lexicon[at('U.S.')] = LexiconClass.country * 2 + 1;
    lexicon[at('Akita')] = LexiconClass.place * 2 + 1;
    const spans: Span[] = [
      { first: at('U.S.'), end: at('We') + 1, type: 'location' },
      { first: at('Akita'), end: at('Prefecture') + 1, type: 'location' },
    ];
    organizationsAfterPlaces(tokens, spans, lexicon, new Set([LexiconClass.country, LexiconClass.place]));
    expect(spans.map((span) => span.type)).toEqual(['location', 'location']);
  });

  it('reads a name the text defines as an organisation or a place as one, but not a group of islands or a sentence opener', () => {
    const text = 'Bilka is a Danish retailer . They toured with Velvet Revolver , an American hard rock band , in May . Vava’u is a group of islands . It is a company . Boultham is a village in Lincolnshire .';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const tags = new Uint8Array(tokens.words.length);
    const spans: Span[] = [{ first: at('Velvet'), end: at('Revolver') + 1, type: 'location' }];
    expect(definedNames(tokens, tags, spans).map((span) => [spanText(text, span), span.type])).toEqual([
      ['Bilka', 'organization'],
      ['Velvet Revolver', 'organization'],
      ['Boultham', 'location'],
    ]);
  });

  it('reads a name headed by a word for an event or an award as that, not an organisation, person or place', () => {
    const text = 'At the NAACP Image Awards after the Battle of Hulao, Bank of America met Davis Cup.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const spans: Span[] = [
      { first: at('NAACP'), end: at('Awards') + 1, type: 'organization' },
      { first: at('Battle'), end: at('Hulao') + 1, type: 'location' },
      { first: at('Bank'), end: at('America') + 1, type: 'organization' },
      { first: at('Davis'), end: at('Cup') + 1, type: 'person' },
    ];
    headedEvents(tokens, spans);
    expect(spans.map((span) => span.type)).toEqual(['other', 'other', 'organization', 'other']);
  });

  it('parts a person from the organisation after "of the", but keeps a byname and a title alone whole', () => {
    const text = 'Professor Amos Frumkin of the Hebrew University met Louis XV of France and the Duke of Edinburgh Trust.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const spans: Span[] = [
      { first: at('Amos'), end: at('University') + 1, type: 'person' },
      { first: at('Louis'), end: at('France') + 1, type: 'person' },
      { first: at('Duke'), end: at('Trust') + 1, type: 'person' },
    ];
    expect(peopleOfBodies(tokens, spans, new Set(['duke'])).map((span) => [spanText(text, span), span.type])).toEqual([
      ['Amos Frumkin', 'person'],
      ['Hebrew University', 'organization'],
      ['Louis XV of France', 'person'],
      ['Duke of Edinburgh Trust', 'person'],
    ]);
  });

  it('parts two people joined by "&" or "and", and drops a describing word before a given name', () => {
    const text = 'Glen Jakovich & Shane Woewodin thanked Engineer John Greiner.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const spans = splitJoinedPeople(tokens, [
      { first: at('Glen'), end: at('Woewodin') + 1, type: 'person' },
      { first: at('Engineer'), end: at('Greiner') + 1, type: 'person' },
    ]);
    dropDescriptionsBeforeGivenNames(tokens, spans, (lowered) => lowered === 'engineer', (lowered) => ['glen', 'shane', 'john'].includes(lowered));
    expect(spans.map((span) => spanText(text, span))).toEqual(['Glen Jakovich', 'Shane Woewodin', 'John Greiner']);
  });

  it('reads a name with a comma and a state or country after it as a town there, not in a list, a possessive or after a title', () => {
    const text = 'Friends from Salem, New Jersey, met Pashinyan, Armenia and Azerbaijan, then Jones, Britain\'s envoy, and Governor Abbott, Texas.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const spans: Span[] = [
      { first: at('Salem'), end: at('Salem') + 1, type: 'person' },
      { first: at('New'), end: at('Jersey') + 1, type: 'location' },
      { first: at('Pashinyan'), end: at('Pashinyan') + 1, type: 'person' },
      { first: at('Armenia'), end: at('Armenia') + 1, type: 'location' },
      { first: at('Jones'), end: at('Jones') + 1, type: 'person' },
      { first: at('Britain'), end: at('Britain') + 1, type: 'location' },
      { first: at('Abbott'), end: at('Abbott') + 1, type: 'person' },
      { first: at('Texas'), end: at('Texas') + 1, type: 'location' },
    ];
    const regions = new Set(['New Jersey', 'Armenia', 'Britain', 'Texas']);
    placesInTheirRegion(tokens, spans, new Set(['governor']), (first, end) => regions.has(tokens.words.slice(first, end).join(' ')));
    expect(spans.filter((span) => span.type === 'person').map((span) => spanText(text, span))).toEqual(['Pashinyan', 'Jones', 'Abbott']);
    expect(spans.find((span) => spanText(text, span) === 'Salem')?.type).toBe('location');
  });

  it('reads an untagged name after "in" or "at" written with its state as a town there', () => {
    const text = 'He was born in Little Falls, Minnesota, and worked at Smith, Texas and Ohio.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const spans: Span[] = [
      { first: at('Minnesota'), end: at('Minnesota') + 1, type: 'location' },
      { first: at('Texas'), end: at('Texas') + 1, type: 'location' },
      { first: at('Ohio'), end: at('Ohio') + 1, type: 'location' },
    ];
    const regions = new Set(['Minnesota', 'Texas', 'Ohio']);
    const found = placesInTheirRegion(tokens, spans, new Set(), (first, end) => regions.has(tokens.words.slice(first, end).join(' ')));
    expect(found.map((span) => spanText(text, span))).toEqual(['Little Falls', 'Minnesota', 'Texas', 'Ohio']);
  });

  it('continues an organisation over "for the" and the run that names its purpose', () => {
    const text = 'The Andy Warhol Foundation for the Visual Arts gave, and Smith for the Visual Arts spoke.';
    const tokens = tokenize(text);
    const at = (word: string, from = 0): number => tokens.words.indexOf(word, from);
    const spans: Span[] = [
      { first: at('Andy'), end: at('Foundation') + 1, type: 'organization' },
      { first: at('Visual'), end: at('Arts') + 1, type: 'other' },
      { first: at('Smith'), end: at('Smith') + 1, type: 'person' },
    ];
    expect(organizationPurposes(tokens, spans).map((span) => [spanText(text, span), span.type])).toEqual([
      ['Andy Warhol Foundation for the Visual Arts', 'organization'],
      ['Smith', 'person'],
    ]);
  });

  it('joins a name to the one right after it when that one ends in an organisation head word, whatever its type', () => {
    const text = 'He joined U.S. Naval Forces Central Command in May.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const spans: Span[] = [
      { first: at('U.S.'), end: at('Forces') + 1, type: 'organization' },
      { first: at('Central'), end: at('Command') + 1, type: 'location' },
    ];
    expect(joinSplitOrganizations(tokens, spans).map((span) => [spanText(text, span), span.type])).toEqual([['U.S. Naval Forces Central Command', 'organization']]);
  });

  it('reads a name in capitals typed as a person as an organisation, except in a headline written in capitals', () => {
    const text = "USI's gallery opened. REAGAN SAYS HE WILL VETO BILL";
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const spans: Span[] = [
      { first: at('USI'), end: at('USI') + 1, type: 'person' },
      { first: at('REAGAN'), end: at('REAGAN') + 1, type: 'person' },
    ];
    abbreviatedOrganizations(tokens, spans);
    expect(spans.map((span) => [spanText(text, span), span.type])).toEqual([
      ['USI', 'organization'],
      ['REAGAN', 'person'],
    ]);
  });

  it('drops an abbreviation that words in small letters define in brackets, everywhere in the document', () => {
    const text = 'We measure sea surface salinity (SSS) and ground reaction force (GRF). SSS rose. The World Health Organization (WHO) and WHO agreed.';
    const tokens = tokenize(text);
    const every = (word: string): Span[] => tokens.words.flatMap((token, index) => (token === word ? [{ first: index, end: index + 1, type: 'organization' as const }] : []));
    const spans = [...every('SSS'), ...every('GRF'), ...every('WHO')].sort((a, b) => a.first - b.first);
    expect(dropTermAbbreviations(tokens, spans).map((span) => spanText(text, span))).toEqual(['WHO', 'WHO']);
  });

  it('leaves the title between a body or place and a person out of the body or place', () => {
    const text = 'Critics of U.S. President Donald Trump and NASA Administrator Charles Bolden met the Prime Minister.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const spans: Span[] = [
      { first: at('U.S.'), end: at('President') + 1, type: 'person' },
      { first: at('Donald'), end: at('Trump') + 1, type: 'person' },
      { first: at('NASA'), end: at('Administrator') + 1, type: 'organization' },
      { first: at('Charles'), end: at('Bolden') + 1, type: 'person' },
    ];
    const titles = new Set(['president', 'administrator', 'prime', 'minister']);
    const isPlace = (first: number): boolean => tokens.words[first] === 'U.S.';
    expect(titlesBeforeNames(tokens, spans, titles, isPlace).map((span) => [spanText(text, span), span.type])).toEqual([
      ['U.S.', 'location'],
      ['Donald Trump', 'person'],
      ['NASA', 'organization'],
      ['Charles Bolden', 'person'],
    ]);
  });

  it('reads a person ending in a word for a place or building as that place, but not a surname like Hall', () => {
    const text = 'They visited Ali Qapu Palace with Arsenio Hall, then George Washington Bridge with Grace Park.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const spans: Span[] = [
      { first: at('Ali'), end: at('Palace') + 1, type: 'person' },
      { first: at('Arsenio'), end: at('Hall') + 1, type: 'person' },
      { first: at('George'), end: at('Bridge') + 1, type: 'person' },
      { first: at('Grace'), end: at('Park') + 1, type: 'person' },
    ];
    headedPlaces(tokens, spans);
    expect(spans.map((span) => span.type)).toEqual(['location', 'person', 'location', 'person']);
  });

  it('reads an organisation ending in a word for land, water or a country’s division as that place, but not a team named after a bay or a forest', () => {
    const text = 'Between the Niger River and Bov Parish, Tampa Bay met Nottingham Forest.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const spans: Span[] = [
      { first: at('Niger'), end: at('River') + 1, type: 'organization' },
      { first: at('Bov'), end: at('Parish') + 1, type: 'organization' },
      { first: at('Tampa'), end: at('Bay') + 1, type: 'organization' },
      { first: at('Nottingham'), end: at('Forest') + 1, type: 'organization' },
    ];
    headedPlaces(tokens, spans);
    expect(spans.map((span) => span.type)).toEqual(['location', 'location', 'organization', 'organization']);
  });

  it('reads a name after a ship prefix as the ship, found or not by the tagger, and leaves "INS agents" alone', () => {
    const text = 'The frigate FS Forbin joined USS Carl Vinson. INS agents met Smith.';
    const tokens = tokenize(text);
    const at = (word: string): number => tokens.words.indexOf(word);
    const spans: Span[] = [
      { first: at('Carl'), end: at('Vinson') + 1, type: 'person' },
      { first: at('INS'), end: at('INS') + 1, type: 'organization' },
      { first: at('Smith'), end: at('Smith') + 1, type: 'person' },
    ];
    expect(namedShips(tokens, spans).map((span) => [spanText(text, span), span.type])).toEqual([
      ['FS Forbin', 'other'],
      ['USS Carl Vinson', 'other'],
      ['INS', 'organization'],
      ['Smith', 'person'],
    ]);
  });
});
