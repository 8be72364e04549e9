// The reading layer on the seed article and on real sentences from permissively licensed sources,
// each named beside it: re3d (dstl/re3d; CENTCOM and US State Department texts are public domain,
// UK government texts Open Government Licence v3.0) and GeoVirus (Wikinews, CC BY 2.5).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import type { Extractor } from '../extract/index';
import { loadExtractor } from '../extract/index';
import type { MentionInput, Reading } from './index';
import { readText } from './index';
import { findTimes } from './time';

let extractor: Extractor;
beforeAll(() => {
  extractor = loadExtractor(join(projectRoot, 'resources', 'ner'));
});

const read = (text: string, mentions?: MentionInput[]): Reading => readText(text, mentions ? { mentions } : { extractor });

/**
 * Mentions given by hand, for sentences where the entity tagger misses a name ("the WHO", "SDF"):
 * those cases test the reading rules, not the tagger. Each name is found at its first occurrence, or at the one numbered.
 */
function given(text: string, names: Array<[string, MentionInput['type'], number?]>): MentionInput[] {
  return names.map(([name, type, occurrence = 1]) => {
    let start = -1;
    for (let seen = 0; seen < occurrence; seen += 1) start = text.indexOf(name, start + 1);
    if (start < 0) throw new Error(`${name} is not in the text`);
    return { start, end: start + name.length, text: name, type };
  });
}
const slice = (text: string, span: { start: number; end: number }): string => text.slice(span.start, span.end);

function claimsOf(text: string, mentions?: MentionInput[]) {
  return read(text, mentions).claims.map((claim) => ({ speaker: claim.speaker?.text, name: claim.speaker?.name, cue: claim.cue.text, stance: claim.stance, content: slice(text, claim.content), quoted: claim.quoted, resolved: claim.resolved }));
}

function relationsOf(text: string, mentions?: MentionInput[]) {
  return read(text, mentions).relations.map((relation) => `${relation.source.text} ${relation.type} ${relation.target.text}`);
}

function eventsOf(text: string, mentions?: MentionInput[]) {
  return read(text, mentions).events.map((event) => ({
    type: event.type,
    trigger: event.trigger.text,
    agent: event.agent?.text,
    patient: event.patient?.text,
    place: event.place?.text,
    claim: event.claim,
  }));
}

describe('the seed article (tests/fixtures/border-incident-article.txt)', () => {
  const seed = readFileSync(join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt'), 'utf8');
  let reading: Reading;
  beforeAll(() => {
    reading = read(seed);
  });

  it('finds the Ministry of Defense\'s account, with "about 40" soldiers', () => {
    const claim = reading.claims.find((candidate) => /Ministry of Defense/.test(candidate.speaker?.text ?? '') && slice(seed, candidate.content).includes('about 40'));
    expect(claim).toBeDefined();
    expect(['asserts', 'accuses']).toContain(claim!.stance);
    expect(claim!.speaker!.type).toBe('organization');
    expect(claim!.cue.text).toBe('said');
  });

  it('finds Pashinyan\'s account, "technical work", and resolves "He stressed" back to him', () => {
    const claim = reading.claims.find((candidate) => slice(seed, candidate.content).includes('technical work'));
    expect(claim?.speaker?.text).toBe('Nikol Pashinián');
    expect(['asserts', 'denies']).toContain(claim!.stance);
    const he = reading.claims.find((candidate) => slice(seed, candidate.content).includes('totally unacceptable'));
    expect(he).toMatchObject({ speaker: { text: 'Nikol Pashinián', type: 'person' }, speakerText: { text: 'He' }, resolved: true });
    // The clause stops where he goes on to a second statement.
    expect(slice(seed, he!.content)).not.toContain('before stressing');
  });

  it('attaches a quotation before "he said" to its speaker, and reads "urged" as a demand', () => {
    const quoted = reading.claims.find((candidate) => slice(seed, candidate.content).startsWith('The entry of the Armenian armed forces'));
    expect(quoted).toMatchObject({ quoted: true, speakerText: { text: 'he' } });
    expect(reading.claims.find((candidate) => candidate.cue.text === 'urged')?.stance).toBe('demands');
    expect(reading.claims.find((candidate) => candidate.cue.text === 'denounced')?.stance).toBe('accuses');
  });

  it('finds the soldiers entering near Armudlu, inside the ministry\'s account', () => {
    const entered = reading.events.find((event) => event.trigger.text === 'entered');
    expect(entered).toMatchObject({ type: 'movement', place: { text: 'Armudlu' } });
    expect(entered!.agent!.text).toMatch(/soldiers$/);
    expect(reading.claims[entered!.claim!]!.speaker!.text).toBe('Azerbaijani Ministry of Defense');
  });

  it('finds the capture of six Armenian soldiers, claimed by Azerbaijan', () => {
    const captured = reading.events.find((event) => event.type === 'capture' && event.patient?.text === 'six Armenian soldiers');
    expect(captured).toBeDefined();
    expect(captured!.agent).toMatchObject({ text: 'it', entity: { text: 'Azerbaijan' } });
    expect(reading.claims[captured!.claim!]!.cue.text).toBe('claimed');
  });

  it('reads the same with its times found beforehand (an import finds them in the main thread)', () => {
    const documentDate = '2021-05-14';
    const times = findTimes(seed, { documentDate });
    expect(times.length).toBeGreaterThan(0);
    expect(readText(seed, { extractor, documentDate, times })).toEqual(readText(seed, { extractor, documentDate }));
  });

  it('suggests the links the article states', () => {
    const links = reading.relations.map((relation) => `${relation.source.text} ${relation.type} ${relation.target.text}`);
    expect(links).toContain('Armudlu located_in Kalbajar');
    expect(links).toContain('Ilham Aliyev leads Azerbaijan');
    for (const relation of reading.relations) expect(seed.slice(relation.evidence.start, relation.evidence.end)).toContain(relation.source.text);
  });
});

describe('attribution in real sentences', () => {
  it('reads an unnamed speaker and the clause without "that" (GeoVirus, Wikinews CC BY 2.5)', () => {
    expect(claimsOf('Officials said the outbreak originated with coots in water reservoirs at the west of the region.')).toEqual([
      expect.objectContaining({ speaker: 'Officials', cue: 'said', stance: 'asserts', content: 'the outbreak originated with coots in water reservoirs at the west of the region', resolved: false }),
    ]);
  });

  it('skips an apposition between the speaker and the cue (GeoVirus, Wikinews CC BY 2.5)', () => {
    const [claim] = claimsOf('The Krasnodar leading veterinary physician, George Gzhailidi, said the bird flu outbreak originated with coots in the Temryuk and Anapa.');
    expect(claim).toMatchObject({ speaker: 'George Gzhailidi', cue: 'said', stance: 'asserts' });
    expect(claim!.content).toMatch(/^the bird flu outbreak originated/);
  });

  it('reads "said that" after a titled speaker (GeoVirus, Wikinews CC BY 2.5)', () => {
    const text = 'Julia Peters, the clinical director of Auckland Regional Public Health Service, said that at least 22 have shown flu-like symptoms.';
    expect(claimsOf(text)[0]).toMatchObject({ speaker: 'Julia Peters', content: 'at least 22 have shown flu-like symptoms' });
  });

  it('reads "according to" at the end of a sentence (GeoVirus, Wikinews CC BY 2.5)', () => {
    const text = 'Two men and a woman in their seventies and a seventeen-year-old girl have died, according to the Health Ministry.';
    const [claim] = claimsOf(text);
    expect(claim).toMatchObject({ cue: 'according to', stance: 'asserts' });
    expect(claim!.speaker).toMatch(/Health Ministry/);
    expect(claim!.content).toMatch(/have died$/);
    expect(eventsOf(text)).toContainEqual(expect.objectContaining({ type: 'casualties', trigger: 'died', claim: 0 }));
  });

  it('attaches a quotation over three sentences to the speaker after it (GeoVirus, Wikinews CC BY 2.5)', () => {
    const text = '"And hospitals and health centres will be overwhelmed. Last year we were not on this scale. The problem is getting worse," Mulangu said.';
    expect(claimsOf(text)).toEqual([
      expect.objectContaining({ speaker: 'Mulangu', cue: 'said', quoted: true, content: 'And hospitals and health centres will be overwhelmed. Last year we were not on this scale. The problem is getting worse' }),
    ]);
  });

  it('attaches a quotation followed by "Carter said in a … statement" (re3d CENTCOM, public domain)', () => {
    const text = '“I am deeply saddened by the news on this Thanksgiving Day that one of our brave service members has been killed in Syria while protecting us from the evil of ISIL,” Carter said in a Nov. 24 statement.';
    const [claim] = claimsOf(text);
    expect(claim).toMatchObject({ speaker: 'Carter', quoted: true, stance: 'asserts' });
    expect(claim!.content).toMatch(/^I am deeply saddened .* the evil of ISIL$/);
    expect(eventsOf(text)).toContainEqual(expect.objectContaining({ type: 'casualties', trigger: 'killed', place: 'Syria', claim: 0 }));
  });

  it('reads a denial that continues the speaker after "but" (GeoVirus, Wikinews CC BY 2.5)', () => {
    const text = 'The Washington Times reported, on September 23, 2005, that a spokeswoman for the U.S. Department of Agriculture confirmed that the food was being held at the facility but denied any plans to incinerate the rations donated by Britain.';
    const claims = claimsOf(text);
    expect(claims.find((claim) => claim.cue === 'confirmed')?.content).toBe('the food was being held at the facility');
    expect(claims.find((claim) => claim.cue === 'denied')).toMatchObject({ stance: 'denies', content: 'any plans to incinerate the rations donated by Britain' });
  });

  it('reads a rejection as a denial (GeoVirus, Wikinews CC BY 2.5)', () => {
    const text = "Lezana said that his centre had informed a regional branch of the WHO of a sharp increase in sicknesses on April 16, but the WHO had not taken any action for eight days. The WHO rejected the accusations.";
    const claims = claimsOf(text, given(text, [['Lezana', 'person'], ['WHO', 'organization'], ['WHO', 'organization', 2], ['WHO', 'organization', 3]]));
    expect(claims[0]).toMatchObject({ speaker: 'Lezana', stance: 'asserts' });
    expect(claims[1]).toMatchObject({ speaker: 'WHO', stance: 'denies', content: 'the accusations' });
  });

  it('reads a condemnation as an accusation (re3d US State Department, public domain)', () => {
    const text = 'The United States strongly condemns today’s brutal, senseless terrorist attack on Camp Hurriya that killed and injured camp residents.';
    expect(claimsOf(text)[0]).toMatchObject({ speaker: 'United States', cue: 'condemns', stance: 'accuses' });
  });

  it('reads an agentless "it was also said that" (GeoVirus, Wikinews CC BY 2.5)', () => {
    const text = 'It was also said that the number of inpatients taken into hospitals in the area was 95 from this Wednesday onwards.';
    const [claim] = read(text).claims;
    expect(claim).toMatchObject({ resolved: false, stance: 'asserts' });
    expect(claim!.speaker).toBeUndefined();
    expect(slice(text, claim!.content)).toMatch(/^the number of inpatients/);
  });

  it('reads "X, a senior official for the WHO, said that …" as a claim and a membership (GeoVirus, Wikinews CC BY 2.5)', () => {
    const text = 'Mahmoud Daher, a senior official for the WHO, said that Gaza has around 1,000 vaccine doses for the 8,000 medical workers in the territory.';
    expect(claimsOf(text)[0]).toMatchObject({ speaker: 'Mahmoud Daher' });
    expect(claimsOf(text)[0]!.content).toMatch(/^Gaza has around 1,000 vaccine doses/);
    expect(relationsOf(text, given(text, [['Mahmoud Daher', 'person'], ['WHO', 'organization'], ['Gaza', 'location']]))).toContain('Mahmoud Daher member_of WHO');
  });
});

describe('events in real sentences', () => {
  it('reads a passive killing with its agent after "by" and its place (re3d CENTCOM, public domain)', () => {
    const text = 'On Monday, Dec. 26, Abu Jandal al-Kuwaiti, an ISIL gang leader in Raqqah was struck and killed by a coalition airstrike near Tabqa Dam, Syria.';
    const killed = eventsOf(text).find((event) => event.trigger === 'killed');
    expect(killed).toMatchObject({ type: 'casualties', patient: 'Raqqah', agent: 'a coalition airstrike', place: 'Tabqa Dam' });
    const mentions = given(text, [['Abu Jandal al-Kuwaiti', 'person'], ['ISIL', 'organization'], ['Raqqah', 'location'], ['Tabqa Dam', 'location'], ['Syria', 'location']]);
    expect(relationsOf(text, mentions)).toEqual(expect.arrayContaining(['Abu Jandal al-Kuwaiti member_of ISIL', 'Tabqa Dam located_in Syria']));
  });

  it('reads who killed how many, where (re3d UK government, OGL v3.0)', () => {
    const text = 'The UN have confirmed reports that ISIL has killed 70 members of the Al bu Nimr tribe in Anbar, Iraq.';
    expect(eventsOf(text)).toContainEqual(expect.objectContaining({ type: 'casualties', agent: 'ISIL', patient: '70 members', place: 'Anbar', claim: 0 }));
    expect(relationsOf(text)).toContain('Anbar located_in Iraq');
  });

  it('reads a meeting with its place (re3d CENTCOM, public domain)', () => {
    const text = 'Defense Secretary Ash Carter today met with Iraqi Prime Minister Haider al-Abadi in Baghdad, where the two leaders discussed the campaign to liberate the Iraqi city of Mosul from Islamic State of Iraq and the Levant terrorists.';
    const mentions = given(text, [['Ash Carter', 'person'], ['Haider al-Abadi', 'person'], ['Baghdad', 'location'], ['Mosul', 'location']]);
    expect(eventsOf(text, mentions)).toContainEqual(expect.objectContaining({ type: 'meeting', agent: 'Ash Carter', place: 'Baghdad' }));
    expect(relationsOf(text, mentions)).toContain('Ash Carter communicates_with Haider al-Abadi');
  });

  it('reads a signing by two parties (re3d US State Department, public domain)', () => {
    const text = 'Today, the United States and Iraq signed a loan guarantee agreement that, once entered into force, will enable Iraq to access up to $1 billion in low-cost financing from international capital markets.';
    expect(eventsOf(text)).toContainEqual(expect.objectContaining({ type: 'agreement', trigger: 'signed', patient: 'a loan guarantee agreement' }));
    expect(relationsOf(text)).toContain('United States communicates_with Iraq');
  });

  it('reads attacks that killed, without taking "attacks" for a verb (re3d US State Department, public domain)', () => {
    const text = 'On Saturday, Dae’sh claimed dual attacks in the commercial area of the Al-Sinek neighborhood in Baghdad which killed at least 28 people.';
    const events = eventsOf(text, given(text, [['Dae’sh', 'organization'], ['Al-Sinek', 'location'], ['Baghdad', 'location']]));
    expect(events.map((event) => event.trigger)).toEqual(['killed']);
    expect(events[0]).toMatchObject({ type: 'casualties', patient: 'at least 28 people' });
  });
});

describe('relations in real sentences', () => {
  it('reads "X, commander of Y" as leadership (re3d CENTCOM, public domain)', () => {
    const text = "CTF 50 is currently led by Commodore Andrew Burns, commander of the Amphibious Task Group, embarked on the U.K.'s large-deck amphibious assault ship HMS Ocean.";
    expect(relationsOf(text, given(text, [['CTF 50', 'organization'], ['Andrew Burns', 'person'], ['Amphibious Task Group', 'organization'], ['HMS Ocean', 'other']]))).toContain('Andrew Burns leads Amphibious Task Group');
  });

  it('reads a posting and a unit inside a larger one as memberships (re3d CENTCOM, public domain)', () => {
    const text = 'Booker was assigned to 2nd Battalion, 5th Special Forces Group, Fort Campbell, Kentucky.';
    const mentions = given(text, [['Booker', 'person'], ['2nd Battalion', 'organization'], ['5th Special Forces Group', 'organization'], ['Fort Campbell', 'location'], ['Kentucky', 'location']]);
    expect(relationsOf(text, mentions)).toEqual(expect.arrayContaining(['Booker member_of 2nd Battalion', '2nd Battalion member_of 5th Special Forces Group']));
  });

  it('reads support as an alliance (re3d CENTCOM, public domain)', () => {
    const text = 'The Coalition is supporting the SDF by providing air and advise and assist support, as well as training and equipping local forces.';
    expect(relationsOf(text, given(text, [['Coalition', 'organization'], ['SDF', 'organization']]))).toContain('Coalition allied_with SDF');
  });

  it('reads strikes against a group, and the group placed in each of two countries (re3d CENTCOM, public domain)', () => {
    const text = 'On Jan. 8, Coalition military forces conducted 34 strikes against ISIL terrorists in Syria and Iraq.';
    expect(relationsOf(text)).toEqual(expect.arrayContaining(['ISIL located_in Syria', 'ISIL located_in Iraq']));
    expect(relationsOf(text).some((link) => /opposes ISIL$/.test(link))).toBe(true);
  });

  it('reads a meeting in Turkey as contact and a place (re3d UK government, OGL v3.0)', () => {
    const text = 'In Turkey Minister Ellwood met with the Syrian National Coalition, as well as local Turkish and UK organisations focused on supporting refugees, and preventing sexual violence in conflict.';
    expect(relationsOf(text)).toContain('Ellwood communicates_with Syrian National Coalition');
  });

  it('does not link a list of countries as places in one another (re3d CENTCOM, public domain)', () => {
    const text = 'Coalition nations which have conducted strikes in Iraq include Australia, Belgium, Canada, Denmark, France, Jordan, the Netherlands, the United Kingdom, and the United States.';
    expect(relationsOf(text).filter((link) => link.includes('located_in') && !link.endsWith('Iraq'))).toEqual([]);
  });

  it('reads a place and its country, "Palmyra, Syria" (re3d CENTCOM, public domain)', () => {
    const text = 'ISIL seized the tanks and other military hardware from Tiyas Military Airfield near Palmyra, Syria, between 11-13 Dec.';
    const mentions = given(text, [['ISIL', 'organization'], ['Tiyas Military Airfield', 'location'], ['Palmyra', 'location'], ['Syria', 'location']]);
    expect(relationsOf(text, mentions)).toContain('Palmyra located_in Syria');
    expect(relationsOf(text, mentions)).toContain('Tiyas Military Airfield located_in Palmyra');
    expect(eventsOf(text, mentions)).toContainEqual(expect.objectContaining({ type: 'capture', agent: 'ISIL', patient: 'the tanks' }));
  });
});

describe('readText', () => {
  it('takes mentions given to it instead of the extractor\'s, and keeps their names', () => {
    const text = 'Pashinyan met Aliyev in Brussels.';
    const reading = readText(text, {
      mentions: [
        { start: 0, end: 9, text: 'Pashinyan', type: 'person', entity: { name: 'Nikol Pashinyan' } },
        { start: 14, end: 20, text: 'Aliyev', type: 'person' },
        { start: 24, end: 32, text: 'Brussels', type: 'location' },
      ],
    });
    expect(reading.relations[0]).toMatchObject({ type: 'communicates_with', source: { name: 'Nikol Pashinyan' }, target: { name: 'Aliyev' }, cue: { text: 'met' } });
    expect(reading.events[0]).toMatchObject({ type: 'meeting', agent: { entity: { name: 'Nikol Pashinyan' } }, place: { text: 'Brussels' } });
  });

  it('reads the tagger\'s own tokens the same as a second tokenization (seed article; re3d CENTCOM, public domain)', () => {
    const seed = readFileSync(join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt'), 'utf8');
    const centcom =
      'On Monday, Dec. 26, Abu Jandal al-Kuwaiti, an ISIL gang leader in Raqqah was struck and killed by a coalition airstrike near Tabqa Dam, Syria. ' +
      'Coalition military forces continued to attack the Islamic State of Iraq and the Levant terrorists in Syria and Iraq.';
    for (const text of [seed, centcom]) {
      const tagged = extractor.extractTokenized!(text);
      expect(tagged.mentions).toEqual(extractor.extract(text));
      expect(readText(text, { extractor, documentDate: '2021-06-02' })).toEqual(readText(text, { mentions: extractor.extract(text), documentDate: '2021-06-02' }));
    }
  });

  it('reads with an extractor that gives no tokens (it tokenizes the text itself)', () => {
    const text = 'Pashinyan met Aliyev in Brussels.';
    const mentions = extractor.extract(text);
    expect(readText(text, { extractor: { extract: () => mentions } })).toEqual(readText(text, { extractor }));
  });

  it('reads an empty text', () => {
    expect(readText('', { extractor: { extract: () => [] } })).toEqual({ times: [], claims: [], events: [], relations: [] });
  });
});
