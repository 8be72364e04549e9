// Entity extraction on the seed article, with the committed model in resources/ner.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexiconMatcher } from './lexiconMatcher';
import { prepareTokens } from './prepare';
import { loadExtractor } from './index';
import { createEntityPipeline, namesKnownPlace } from './pipeline';
import { gazetteerDir, loadGazetteer } from '../geo/gazetteer';
import type { ExtractedMention, MentionType } from './index';
import { tokenize } from './tokenize';

const root = join(__dirname, '..', '..', '..', '..');
const article = readFileSync(join(root, 'tests', 'fixtures', 'border-incident-article.txt'), 'utf8');
const extractor = loadExtractor(join(root, 'resources', 'ner'));
const mentions = extractor.extract(article);

function found(text: string, type: MentionType): ExtractedMention[] {
  return mentions.filter((mention) => mention.text === text && mention.type === type);
}

describe('extract on the seed article', () => {
  it('slices the text exactly at every offset', () => {
    expect(mentions.length).toBeGreaterThan(10);
    for (const mention of mentions) expect(article.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it('finds the people, without their titles', () => {
    expect(found('Nikol Pashinián', 'person')).toHaveLength(1);
    expect(found('Nikol Pashinián', 'person')[0]?.role).toBe('Prime Minister');
    expect(found('Pashinian', 'person').length).toBeGreaterThan(0);
    expect(found('Ilham Aliyev', 'person')).toHaveLength(1);
  });

  it('finds the Ministry of Defense as an organisation', () => {
    const ministry = mentions.filter((mention) => mention.type === 'organization' && mention.text.endsWith('Ministry of Defense'));
    expect(ministry.length).toBeGreaterThan(0);
  });

  it('finds the places', () => {
    for (const place of ['Armenia', 'Azerbaijan', 'Russia', 'Kalbajar', 'Nagorno-Karabakh', 'Yerevan']) {
      expect(found(place, 'location').length, place).toBeGreaterThan(0);
    }
  });

  it('does not offer demonyms as places', () => {
    expect(mentions.filter((mention) => ['Armenian', 'Azerbaijani'].includes(mention.text))).toHaveLength(0);
  });
});

describe('extract on short texts', () => {
  it('leaves the possessive and the closing quote out of a mention', () => {
    const text = 'Officials said “Russia’s position” was clear after Russia\'s statement.';
    for (const mention of extractor.extract(text)) {
      expect(mention.text.endsWith('’s') || mention.text.endsWith("'s") || mention.text.endsWith('”')).toBe(false);
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    }
  });

  it('finds the committed model without being told where it is', () => {
    expect(loadExtractor().extract('Pashinian met Aliyev in Moscow.').map((mention) => mention.text)).toContain('Moscow');
  });

  it('keeps UTF-16 offsets right after emoji and Windows line ends', () => {
    const text = '😀😀 Reuters reported.\r\nThe Ministry of Defense in Baku said 🇦🇿 Russia’s troops left Yerevan.';
    const mentions = extractor.extract(text);
    expect(mentions.map((mention) => mention.text)).toEqual(expect.arrayContaining(['Baku', 'Russia', 'Yerevan']));
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it('returns nothing for an empty text', () => {
    expect(extractor.extract('')).toEqual([]);
  });
});

describe('tokenize', () => {
  it('keeps initials, abbreviations and hyphenated names whole and splits possessives', () => {
    const text = 'The U.S. envoy met J. Smith of Acme Inc. in Nagorno-Karabakh; Baku’s reply came.';
    const { words, starts, ends } = tokenize(text);
    expect(words).toEqual(['The', 'U.S.', 'envoy', 'met', 'J.', 'Smith', 'of', 'Acme', 'Inc.', 'in', 'Nagorno-Karabakh', ';', 'Baku', '’s', 'reply', 'came', '.']);
    words.forEach((word, index) => expect(text.slice(starts[index], ends[index])).toBe(word));
  });

  it('splits sentences at full stops and newlines', () => {
    expect(tokenize('He left. She stayed\nThen it rained').sentenceStarts).toEqual([0, 3, 5]);
  });
});

describe('places the text calls places', () => {
  it('takes "X, a village in …" and "the village of X" as places, whatever the tagger thought', () => {
    const text = 'Shelling was reported near Zar, a village in the Kalbajar district, and in the village of Armudlu.';
    const places = extractor.extract(text).filter((mention) => mention.type === 'location').map((mention) => mention.text);
    expect(places).toEqual(expect.arrayContaining(['Zar', 'Kalbajar', 'Armudlu']));
  });
});

describe('names headed by an organisation word', () => {
  it('types "San Francisco Bulletin" and "Court of Appeal" names as organisations, and leaves "Soviet Union" alone', () => {
    const text = 'He was the editor of the San Francisco Bulletin. The Newfoundland and Labrador Court of Appeal ruled. He left the Soviet Union.';
    const typeOf = (name: string): string | undefined => extractor.extract(text).find((mention) => mention.text.includes(name))?.type;
    expect(typeOf('San Francisco Bulletin')).toBe('organization');
    expect(typeOf('Court of Appeal')).toBe('organization');
    expect(typeOf('Soviet Union')).toBe('location');
  });
});

describe('how English writes names', () => {
  it('reads a long organisation name as one name, and ends a name at its last capitalised word', () => {
    const text = 'Officials of the Azerbaijan National Agency for Mine Action said more work remains.';
    const mentions = extractor.extract(text).filter((mention) => mention.type !== 'other');
    expect(mentions.map(({ text: name, type }) => [name, type])).toEqual([['Azerbaijan National Agency for Mine Action', 'organization']]);
  });
});

describe('letters and messages', () => {
  it('leaves the greeting out of the name it opens', () => {
    const people = extractor.extract('Hi Helena,\n\nAs promised on the phone, here are the notes from Goris.').filter((mention) => mention.type === 'person');
    expect(people.map((mention) => mention.text)).not.toContain('Hi Helena');
  });
});

describe('towns with their state, as newspapers write them', () => {
  it('reads the state abbreviation after a town as a place', () => {
    const places = (text: string): string[] => extractor.extract(text).filter((mention) => mention.type === 'location').map((mention) => mention.text);
    expect(places('The council of Portland, Ore., voted on Tuesday.')).toEqual(['Portland', 'Ore']);
    expect(places('The plant in Springfield, Ill., will close.')).toEqual(['Springfield', 'Ill']);
    // Not without the full stop, nor after a word that is not a place.
    expect(places('Portland, Ore deposits are rich.')).not.toContain('Ore');
  });
});

describe('word clusters', () => {
  // Lines sorted by word as the trainer writes them (scripts/train/clusters.ts); ids fine to coarse.
  const clusters = ['beatles\t7\t3\t1', 'nirvana\t7\t3\t1', 'paris\t12\t5\t2', 'the\t1\t1\t1'].join('\n');
  const matcher = lexiconMatcher('', '', clusters, '');

  it('gives each word its ids at every level, by the word or in small letters, and 0 to a word without', () => {
    const { words, sentenceStarts } = tokenize('The Beatles played in Paris and Zzyzx.');
    const tokens = prepareTokens(words, sentenceStarts, matcher);
    expect(tokens.clusterLevels).toBe(3);
    const idsOf = (word: string): number[] => [...tokens.cluster.subarray(words.indexOf(word) * 3, words.indexOf(word) * 3 + 3)];
    expect(idsOf('Beatles')).toEqual([7, 3, 1]);
    expect(idsOf('Paris')).toEqual([12, 5, 2]);
    expect(idsOf('The')).toEqual([1, 1, 1]);
    expect(idsOf('Zzyzx')).toEqual([0, 0, 0]);
    expect(idsOf('played')).toEqual([0, 0, 0]);
  });

  it('reads a model without clusters as none', () => {
    const tokens = prepareTokens(['Paris'], [0], lexiconMatcher('', '', '', ''));
    expect(tokens.clusterLevels).toBe(0);
    expect(tokens.cluster).toHaveLength(0);
  });
});

describe('one person, one name in a text', () => {
  it('takes a surname alone and a given name alone for the one full name they belong to', () => {
    const pipeline = createEntityPipeline(join(root, 'resources'));
    const text = 'Colonel Samvel Grigoryan met the press in Vardenis. Later, Samvel said the road was open. Grigoryan left at noon.';
    const people = pipeline.analyze(text).filter((mention) => mention.type === 'person');
    expect(people.map((mention) => mention.entity.name)).toEqual(['Samvel Grigoryan', 'Samvel Grigoryan', 'Samvel Grigoryan']);
  });
});

describe('organisations that are places', () => {
  it('reads a name of two words the rules made an organisation as the region or town it names, unless it ends in an organisation word', () => {
    const gazetteer = loadGazetteer(gazetteerDir(join(root, 'resources')));
    const organization = (text: string): ExtractedMention => ({ start: 0, end: text.length, text, type: 'organization' });
    expect(namesKnownPlace(gazetteer, organization('Kasai Occidental'))).toBe(true);
    expect(namesKnownPlace(gazetteer, organization('Republic of Congo'))).toBe(true);
    expect(namesKnownPlace(gazetteer, organization('Boston Red Sox'))).toBe(false);
    expect(namesKnownPlace(gazetteer, organization('Texas Board'))).toBe(false);
    expect(namesKnownPlace(gazetteer, organization('White House'))).toBe(false);
    expect(namesKnownPlace(gazetteer, organization('Rio Tinto'))).toBe(false);
    expect(namesKnownPlace(gazetteer, organization('Kalbajar'))).toBe(false);
    // An acronym a country goes by is the country; other acronyms stay bodies.
    expect(namesKnownPlace(gazetteer, organization('DRC'))).toBe(true);
    expect(namesKnownPlace(gazetteer, organization('UAE'))).toBe(true);
    expect(namesKnownPlace(gazetteer, organization('IMF'))).toBe(false);
    expect(namesKnownPlace(gazetteer, organization('NATO'))).toBe(false);
  });
});

describe('places the text says are places', () => {
  it('reads each name after "the villages of", and the name after "the mayor of" or "north of", as a place', () => {
    const text = 'Troops marched towards the villages of Lougou, Tougana and Birni. The mayor of Brampton spoke 40 km north of Harrison.';
    const places = extractor.extract(text).filter((mention) => mention.type === 'location').map((mention) => mention.text);
    expect(places).toEqual(expect.arrayContaining(['Lougou', 'Tougana', 'Birni', 'Brampton', 'Harrison']));
  });
});

describe('the dirt of real reports', () => {
  it('reads a title before "of the Republic of", stops a place before a clock time, and strips a rank', () => {
    const text =
      'The President of the Republic of Azerbaijan Ilham Aliyev spoke on Monday. Patrol left Martuni 17:30 local time. ' +
      'Junior Sergeant Arman Hovhannisyan was wounded.';
    const found = extractor.extract(text).map((mention) => `${mention.type} ${mention.text}${mention.role ? ` (${mention.role})` : ''}`);
    expect(found).toEqual(expect.arrayContaining(['location Azerbaijan', 'person Ilham Aliyev', 'person Arman Hovhannisyan (Junior Sergeant)']));
    expect(found.some((mention) => mention.includes('17:30'))).toBe(false);
    expect(found.some((mention) => /^\w+ (Junior Sergeant|Minister)$/.test(mention))).toBe(false);
  });
});

describe('extract on the words around documents', () => {
  it('never makes an actor of a file format or an e-mail header name', () => {
    const extractor = loadExtractor();
    const names = (text: string) => extractor.extract(text).map((mention) => mention.text);
    // Constructed from the shape of the demo case's e-mail and reports.
    expect(names('Please find the report attached as a DOCX and an HTML version from the Ministry of Defense.')).toEqual(['Ministry of Defense']);
    const mail = names('From: Anna Petrosyan\nTo: Desk\nSubject: Sotk shelling\n\nThe MD file and the PDF came from Baku.');
    expect(mail).toContain('Anna Petrosyan');
    expect(mail).toContain('Baku');
    expect(mail.some((name) => /^(From|To|Subject|MD|PDF)$/.test(name))).toBe(false);
  });
});

describe('demonyms with a compass word', () => {
  it('reads "West German" and "South Korean" as words that describe, not places, and keeps "North Eastern" and "South Africa"', () => {
    const names = extractor.extract('West German residents and South Korean officials met in South Africa and in North Eastern Province.').map((mention) => mention.text);
    expect(names).not.toContain('West German');
    expect(names).not.toContain('South Korean');
    expect(names).toContain('South Africa');
  });
});

describe('countries joined by a hyphen, and bodies with a lone head word', () => {
  it('reads each country of "the Iran-Iraq war" as a place, at its own offsets, and "Middle East experts" as a place', () => {
    const text = 'He feared the Iran-Iraq war, said defense and Middle East experts.';
    const found = extractor.extract(text);
    const places = found.filter((mention) => mention.type === 'location').map((mention) => [mention.text, text.slice(mention.start, mention.end)]);
    expect(places).toEqual(expect.arrayContaining([['Iran', 'Iran'], ['Iraq', 'Iraq'], ['Middle East', 'Middle East']]));
    expect(found.some((mention) => mention.type === 'person')).toBe(false);
  });

  it('joins a head word the tagger took for a person to the body before it, and reads "Co" as a body\'s head', () => {
    const names = extractor.extract('"It is hard," Todd Domer of the Kansas Livestock Association said. Rival Ford Motor Co said sales rose.');
    expect(names.filter((mention) => mention.type === 'organization').map((mention) => mention.text)).toEqual(['Kansas Livestock Association', 'Ford Motor Co']);
  });
});

describe('organisations named head first', () => {
  it('reads a name that begins with a Romance language\'s word for a body as an organisation', () => {
    const found = extractor.extract('She studied at the Universidad Nacional de Educación a Distancia and banked with Banco Santander in Madrid.');
    const organizations = found.filter((mention) => mention.type === 'organization').map((mention) => mention.text);
    expect(organizations).toEqual(expect.arrayContaining(['Banco Santander']));
    expect(organizations.some((name) => name.startsWith('Universidad Nacional'))).toBe(true);
    expect(found.find((mention) => mention.text === 'Madrid')?.type).toBe('location');
  });
});

describe('datelines', () => {
  it('reads the place in capitals that opens a wire story, and its region, as places', () => {
    const names = (text: string): string[] => extractor.extract(text).map((mention) => `${mention.type}:${mention.text}`);
    expect(names('NEW YORK, March 3 - Shares of Acme Corp rose.')).toContain('location:NEW YORK');
    expect(names('GREENWICH, Conn., March 3 - UST Inc said it will buy shares.')).toEqual(expect.arrayContaining(['location:GREENWICH', 'location:Conn']));
    expect(names('WASHINGTON (Reuters) - Treasury Secretary James Baker said.')).toContain('location:WASHINGTON');
    expect(names('NEW YORK, March 3 - Shares rose.').some((name) => name.startsWith('organization:'))).toBe(false);
  });
});

describe('titles after places', () => {
  it('does not end a place in a title ("Quezon City Mayor said")', () => {
    const names = extractor.extract('The Quezon City Mayor said the roads were closed.').map((mention) => mention.text);
    expect(names).toContain('Quezon City');
    expect(names).not.toContain('Quezon City Mayor');
  });
});

describe('sentences after an initialism', () => {
  it('ends a sentence at "U.S." when a word that opens sentences follows, and keeps "U.S. Army" whole', () => {
    const names = extractor.extract('Japan leads, followed by the U.S. With 22 banks, Britain is third. He met U.S. Army officers.').map((mention) => mention.text);
    expect(names).toEqual(expect.arrayContaining(['U.S.', 'U.S. Army', 'Britain']));
    expect(names.some((name) => name.startsWith('U.S. With'))).toBe(false);
  });
});

describe('hard-wrapped text', () => {
  it('reads a name broken over two lines of a wrapped paragraph as one name, written on one line', () => {
    const wire = [
      'Applied DNA Systems Inc said on Monday that its board had named Kenneth',
      'Blackman vice president and chief operating officer, and that Donald',
      'Bachmann, its chairman, was named to the additional post of chief',
      'executive officer of the company, which is based in Rio de',
      'Janeiro and trades on the London Stock Exchange and elsewhere too.',
    ].join('\n');
    const people = extractor.extract(wire);
    expect(people.filter((mention) => mention.type === 'person').map((mention) => mention.text)).toEqual(['Kenneth Blackman', 'Donald Bachmann']);
    const blackman = people.find((mention) => mention.text === 'Kenneth Blackman')!;
    expect(wire.slice(blackman.start, blackman.end)).toBe('Kenneth\nBlackman');
    expect(people.some((mention) => mention.text === 'Rio de Janeiro' && mention.type === 'location')).toBe(true);
  });

  it('still ends a name at a short line, a blank line or an indented line', () => {
    const lines = ['Contacts', 'Anna Petrosyan', 'Armen Sargsyan', 'Baku office', '', 'Giorgi Beridze', '    Tbilisi'].join('\n');
    const names = extractor.extract(lines).map((mention) => mention.text);
    expect(names).toEqual(expect.arrayContaining(['Anna Petrosyan', 'Armen Sargsyan', 'Giorgi Beridze', 'Tbilisi']));
    expect(names.some((name) => name.includes(' Armen') || name.includes('Beridze Tbilisi'))).toBe(false);
  });
});
