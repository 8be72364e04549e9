// Resolution by context on the seed article: the places it names land where they are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazetteerDir, loadGazetteer } from './gazetteer';
import type { PlaceMention, ResolvedPlace } from './resolve';
import { createPlaceResolver, demonymToCountry, distanceKm, resolvePlaces } from './resolve';

const root = join(__dirname, '..', '..', '..', '..');
const gazetteer = loadGazetteer(gazetteerDir(join(root, 'resources')));
const article = readFileSync(join(root, 'tests', 'fixtures', 'border-incident-article.txt'), 'utf8');

/** Every whole-word occurrence of the names in the text, as a recogniser would hand them over. */
function mentionsOf(text: string, names: readonly string[]): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  for (const name of names) {
    for (const match of text.matchAll(new RegExp(`(?<![\\p{L}-])${name}(?![\\p{L}-])`, 'gu'))) {
      mentions.push({ text: match[0], start: match.index, end: match.index + match[0].length });
    }
  }
  return mentions;
}

function resolvedAs(results: readonly ResolvedPlace[], name: string): ResolvedPlace[] {
  const found = results.filter((result) => result.mention.text === name);
  expect(found.length, `mentions of ${name}`).toBeGreaterThan(0);
  return found;
}

describe('resolvePlaces on the border-incident article', () => {
  const names = ['Kalbajar', 'Nagorno-Karabakh', 'Yerevan', 'Baku', 'Armenia', 'Azerbaijan', 'Russia', 'Armudlu'];
  const results = resolvePlaces(gazetteer, mentionsOf(article, names), article);

  it.each([
    ['Kalbajar', 40.1, 46.04],
    ['Yerevan', 40.18, 44.51],
    ['Baku', 40.41, 49.87],
    ['Nagorno-Karabakh', 39.9, 46.7],
  ])('puts %s within 50 km of the place', (name, lat, lon) => {
    for (const result of resolvedAs(results, name)) {
      expect(result.candidate, name).toBeDefined();
      expect(distanceKm(lat, lon, result.candidate?.lat ?? 0, result.candidate?.lon ?? 0)).toBeLessThan(50);
      expect(result.candidate?.countryCode === 'AZ' || result.candidate?.countryCode === 'AM').toBe(true);
    }
  });

  it.each([
    ['Armenia', 'country:AM'],
    ['Azerbaijan', 'country:AZ'],
    ['Russia', 'country:RU'],
  ])('takes %s for the country', (name, id) => {
    for (const result of resolvedAs(results, name)) expect(result.candidate?.id).toBe(id);
  });

  it('keeps the mention offsets and ranks the other candidates behind the choice', () => {
    for (const result of results) {
      expect(article.slice(result.mention.start, result.mention.end)).toBe(result.mention.text);
      if (result.candidate) expect(result.candidates[0]).toEqual(result.candidate);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('resolvePlaces with little context', () => {
  it('takes "Turkey" for the country, not a town named Turkey', () => {
    const text = 'Officials in Ankara said Turkey would close the crossing.';
    const [ankara, turkey] = resolvePlaces(gazetteer, mentionsOf(text, ['Ankara', 'Turkey']), text);
    expect(turkey?.candidate?.id).toBe('country:TR');
    expect(ankara?.candidate?.countryCode).toBe('TR');
    const alone = resolvePlaces(gazetteer, mentionsOf('Turkey', ['Turkey']), 'Turkey');
    expect(alone[0]?.candidate?.id).toBe('country:TR');
  });

  it('reads "Georgia" by its neighbours: the country beside Armenia, the state beside Atlanta', () => {
    const caucasus = 'Talks between Armenia, Azerbaijan and Georgia resumed in Tbilisi.';
    const inCaucasus = resolvePlaces(gazetteer, mentionsOf(caucasus, ['Armenia', 'Azerbaijan', 'Georgia', 'Tbilisi']), caucasus);
    expect(inCaucasus.find((result) => result.mention.text === 'Georgia')?.candidate?.id).toBe('country:GE');
    const south = 'Storms hit Atlanta and Savannah, Georgia, on Monday.';
    const inUnitedStates = resolvePlaces(gazetteer, mentionsOf(south, ['Atlanta', 'Savannah', 'Georgia']), south);
    const georgia = inUnitedStates.find((result) => result.mention.text === 'Georgia')?.candidate;
    expect(georgia).toMatchObject({ featureCode: 'ADM1', countryCode: 'US' });
  });

  it('finds a place written with other letters (Kəlbəcər) and leaves unknown names unresolved', () => {
    const text = 'Kəlbəcər and Xqzzyvt';
    const [kalbajar, unknown] = resolvePlaces(gazetteer, mentionsOf(text, ['Kəlbəcər', 'Xqzzyvt']), text);
    expect(distanceKm(40.1, 46.04, kalbajar?.candidate?.lat ?? 0, kalbajar?.candidate?.lon ?? 0)).toBeLessThan(50);
    expect(unknown).toMatchObject({ candidate: undefined, confidence: 0, candidates: [] });
  });

  it('resolves the same way through a resolver bound to the gazetteer', () => {
    const text = 'Officials in Ankara said Turkey would close the crossing.';
    const mentions = mentionsOf(text, ['Ankara', 'Turkey']);
    expect(createPlaceResolver(gazetteer)(mentions, text)).toEqual(resolvePlaces(gazetteer, mentions, text));
  });

  it('spells out "St.", drops a generic region word, and places a part of a place at the whole', () => {
    const text = 'Aid reached St. Marc and Akita Prefecture; rain fell over Western Europe.';
    const [saintMarc, akita, europe] = resolvePlaces(gazetteer, mentionsOf(text, ['St. Marc', 'Akita Prefecture', 'Western Europe']), text);
    expect(saintMarc?.candidate).toMatchObject({ countryCode: 'HT', featureClass: 'P' });
    expect(akita?.candidate).toMatchObject({ countryCode: 'JP', featureCode: 'ADM1' });
    expect(europe?.candidate?.id).toBe('continent:EU');
  });

  it('does not take an acronym for a town whose name folds to its letters', () => {
    const [eu] = resolvePlaces(gazetteer, mentionsOf('EU', ['EU']), 'EU');
    expect(eu?.candidates.some((place) => place.countryCode === 'FR' && place.featureClass === 'P')).toBe(false);
  });

  it("reads an acronym as a country, a first-level region or a big city written so, not a town holding it as an airport's code", () => {
    const text = 'The IMF, the AIM market and the DRC; flights from LA to DC.';
    const [imf, aim, drc, la, dc] = resolvePlaces(gazetteer, mentionsOf(text, ['IMF', 'AIM', 'DRC', 'LA', 'DC']), text);
    expect(imf?.candidate).toBeFalsy();
    expect(aim?.candidate).toBeFalsy();
    expect(drc?.candidate).toMatchObject({ countryCode: 'CD', featureClass: 'A' });
    expect(la?.candidate?.countryCode).toBe('US');
    expect(dc?.candidate).toMatchObject({ countryCode: 'US', featureCode: 'ADM1' });
  });

  it('takes a natural feature over a small town of its name', () => {
    const text = 'Floods on Java and ships in the Indian Ocean.';
    const [java, ocean] = resolvePlaces(gazetteer, mentionsOf(text, ['Java', 'Indian Ocean']), text);
    expect(java?.candidate).toMatchObject({ featureCode: 'ISL', countryCode: 'ID' });
    expect(ocean?.candidate?.featureCode).toBe('OCN');
  });

  it('prefers, within the story\'s country, the namesake near its other places', () => {
    const text = 'West Nile cases rose in Texas. Clinics in Tyler and Dallas were busy, and Fairfield reported two deaths.';
    const results = resolvePlaces(gazetteer, mentionsOf(text, ['Texas', 'Tyler', 'Dallas', 'Fairfield']), text);
    const fairfield = results.find((result) => result.mention.text === 'Fairfield')?.candidate;
    expect(fairfield).toMatchObject({ countryCode: 'US', admin1: 'Texas' });
  });

  it('reads "Austin, in Scott County, Indiana" as a place inside the next, not the larger namesake', () => {
    const text = 'The outbreak began in Austin, in Scott County, Indiana, last winter.';
    const results = resolvePlaces(gazetteer, mentionsOf(text, ['Austin', 'Scott County', 'Indiana']), text);
    expect(results.find((result) => result.mention.text === 'Austin')?.candidate).toMatchObject({ countryCode: 'US', admin1: 'Indiana' });
    expect(results.find((result) => result.mention.text === 'Scott County')?.candidate).toMatchObject({ featureCode: 'ADM2', admin1: 'Indiana' });
  });

  it('takes the names of a list for peers, not for a place and the region it lies in', () => {
    const text = 'Officials are investigating cases in Washington, Pennsylvania and California.';
    const results = resolvePlaces(gazetteer, mentionsOf(text, ['Washington', 'Pennsylvania', 'California']), text);
    expect(results.find((result) => result.mention.text === 'Washington')?.candidate?.featureCode).not.toBe('PPLA2');
    const pair = 'He grew up in Washington, Pennsylvania, near the Ohio line.';
    const [town] = resolvePlaces(gazetteer, mentionsOf(pair, ['Washington', 'Pennsylvania']), pair);
    expect(town?.candidate).toMatchObject({ featureClass: 'P', admin1: 'Pennsylvania' });
  });

  it('finds the place inside a span that also holds a title or a building', () => {
    const text = 'The Queensland Health Minister spoke at Seoul City Hall and at the Hospital of Pittsburgh.';
    const names = ['Queensland Health Minister', 'Seoul City Hall', 'Hospital of Pittsburgh'];
    const [queensland, seoul, pittsburgh] = resolvePlaces(gazetteer, mentionsOf(text, names), text);
    expect(queensland?.candidate).toMatchObject({ featureCode: 'ADM1', countryCode: 'AU', name: 'Queensland' });
    expect(seoul?.candidate).toMatchObject({ featureCode: 'PPLC', countryCode: 'KR' });
    expect(pittsburgh?.candidate).toMatchObject({ name: 'Pittsburgh', countryCode: 'US' });
    // The mention keeps its own span.
    expect(text.slice(seoul!.mention.start, seoul!.mention.end)).toBe('Seoul City Hall');
  });

  it('does not take a generic word, a short word of a firm\'s name or a firm for a place', () => {
    const text = 'The Danube Delta, the Soviet Union, Southern Co and Atlantic Richfield Oil Co.';
    const names = ['Danube Delta', 'Soviet Union', 'Southern Co', 'Atlantic Richfield Oil Co'];
    const results = resolvePlaces(gazetteer, mentionsOf(text, names), text);
    const byName = new Map(results.map((result) => [result.mention.text, result.candidate]));
    expect(byName.get('Danube Delta')?.name).not.toBe('Delta');
    expect(byName.get('Soviet Union')).toBeUndefined();
    expect(byName.get('Southern Co')).toBeUndefined();
    expect(byName.get('Atlantic Richfield Oil Co')).toBeUndefined();
  });

  it('reads on when a recogniser cut a name short and the cut name names nothing', () => {
    const text = 'Cases were reported in the Democratic Republic of the Congo and in Côte d\'Ivoire.';
    const cut = [
      { text: 'Democratic Republic', start: text.indexOf('Democratic'), end: text.indexOf('Democratic') + 'Democratic Republic'.length },
      { text: 'Côte', start: text.indexOf('Côte'), end: text.indexOf('Côte') + 4 },
    ];
    const [congo, ivoryCoast] = resolvePlaces(gazetteer, cut, text);
    expect(congo?.candidate?.id).toBe('country:CD');
    expect(ivoryCoast?.candidate?.id).toBe('country:CI');
    expect(congo?.mention).toEqual(cut[0]);
  });

  it('takes an ocean over a small town named after it, even in a story set in the town\'s country', () => {
    const text = 'Hunters in Virginia, Alaska and Maryland test birds from the Pacific coast and from across the Atlantic.';
    const results = resolvePlaces(gazetteer, mentionsOf(text, ['Virginia', 'Alaska', 'Maryland', 'Pacific', 'Atlantic']), text);
    expect(results.find((result) => result.mention.text === 'Pacific')?.candidate?.featureCode).toBe('OCN');
    expect(results.find((result) => result.mention.text === 'Atlantic')?.candidate?.featureCode).toBe('OCN');
  });

  it('takes the names of one list for places of one kind', () => {
    const provinces = 'Utilities in Ontario, New Brunswick and Newfoundland oppose the sale.';
    const inCanada = resolvePlaces(gazetteer, mentionsOf(provinces, ['Ontario', 'New Brunswick', 'Newfoundland']), provinces);
    expect(inCanada.find((result) => result.mention.text === 'Newfoundland')?.candidate).toMatchObject({ featureCode: 'ADM1', countryCode: 'CA' });
    const cities = 'Trading bank staff in Wellington and Auckland voted to accept the offer.';
    const inNewZealand = resolvePlaces(gazetteer, mentionsOf(cities, ['Wellington', 'Auckland']), cities);
    expect(inNewZealand.find((result) => result.mention.text === 'Auckland')?.candidate).toMatchObject({ featureClass: 'P', countryCode: 'NZ' });
  });

  it('takes a national capital\'s name for the capital, unless the text calls it a state or lists it among states', () => {
    const capital = 'Talks in Washington on Texas and California farm exports ended on Friday.';
    const inCapital = resolvePlaces(gazetteer, mentionsOf(capital, ['Washington', 'Texas', 'California']), capital);
    expect(inCapital[0]?.candidate).toMatchObject({ featureCode: 'PPLC', countryCode: 'US' });
    const marked = 'The cow came from a Washington state farm, a Texas official said.';
    expect(resolvePlaces(gazetteer, mentionsOf(marked, ['Washington', 'Texas']), marked)[0]?.candidate).toMatchObject({ featureCode: 'ADM1', admin1: 'Washington' });
    const plural = 'Talks on the states of Washington and Oregon ended in Boston.';
    expect(resolvePlaces(gazetteer, mentionsOf(plural, ['Washington', 'Oregon', 'Boston']), plural)[0]?.candidate).toMatchObject({ featureCode: 'ADM1', admin1: 'Washington' });
    const listed = 'Nevada, Idaho, Utah, Oregon and Washington also report shortages.';
    const states = resolvePlaces(gazetteer, mentionsOf(listed, ['Nevada', 'Idaho', 'Utah', 'Oregon', 'Washington']), listed);
    expect(states.find((result) => result.mention.text === 'Washington')?.candidate).toMatchObject({ featureCode: 'ADM1', admin1: 'Washington' });
  });

  it('resolves a generic word alone only to a place in the story\'s country', () => {
    const gulf = 'Iran said tankers in the Gulf were safe; Iraq disagreed.';
    expect(resolvePlaces(gazetteer, mentionsOf(gulf, ['Iran', 'Gulf', 'Iraq']), gulf)[1]?.candidate).toBeUndefined();
    const kenya = 'Cholera spread in Kenya, from Nyanza to Western.';
    const western = resolvePlaces(gazetteer, mentionsOf(kenya, ['Kenya', 'Nyanza', 'Western']), kenya)[2]?.candidate;
    expect(western?.countryCode).toBe('KE');
    const letter = 'Senator Levin (D) of Michigan';
    expect(resolvePlaces(gazetteer, mentionsOf(letter, ['D', 'Michigan']), letter)[0]?.candidate).toBeUndefined();
  });

  it('takes "New York" for the city unless the text says the state', () => {
    const city = 'The loan package will be signed in New York tomorrow, bankers in London said.';
    expect(resolvePlaces(gazetteer, mentionsOf(city, ['New York', 'London']), city)[0]?.candidate).toMatchObject({ featureClass: 'P', countryCode: 'US' });
    const pair = 'A girl from Buffalo, New York, died of the flu.';
    expect(resolvePlaces(gazetteer, mentionsOf(pair, ['Buffalo', 'New York']), pair)[1]?.candidate).toMatchObject({ featureCode: 'ADM1', admin1: 'New York' });
    const governor = 'New York Governor Andrew Cuomo declared an emergency.';
    expect(resolvePlaces(gazetteer, mentionsOf(governor, ['New York Governor']), governor)[0]?.candidate).toMatchObject({ featureCode: 'ADM1' });
    const states = 'Cases were found in New Jersey, New York, Ohio and Oregon.';
    const inStates = resolvePlaces(gazetteer, mentionsOf(states, ['New Jersey', 'New York', 'Ohio', 'Oregon']), states);
    expect(inStates.find((result) => result.mention.text === 'New York')?.candidate?.featureCode).toBe('ADM1');
  });

  it('puts a seat of government named for its government where it stands', () => {
    const text = 'The White House said Tennessee and Georgia would get aid; the Kremlin said nothing.';
    const [whiteHouse, , , kremlin] = resolvePlaces(gazetteer, mentionsOf(text, ['White House', 'Tennessee', 'Georgia', 'Kremlin']), text);
    expect(distanceKm(38.8977, -77.0365, whiteHouse?.candidate?.lat ?? 0, whiteHouse?.candidate?.lon ?? 0)).toBeLessThan(5);
    expect(kremlin?.candidate).toMatchObject({ countryCode: 'RU', featureClass: 'S' });
  });

  it('maps a demonym to its country without taking it for a mention', () => {
    expect(demonymToCountry(gazetteer, 'Armenian')).toBe('AM');
    expect(demonymToCountry(gazetteer, 'Russian')).toBe('RU');
  });
});
