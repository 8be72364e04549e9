// The wording around place names, read as a careful reader of news would: names cut short, datelines,
// a city's full name written elsewhere, places written with the place they lie in, the sentence's countries.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazetteerDir, loadGazetteer } from './gazetteer';
import type { PlaceMention, ResolvedPlace } from './resolve';
import { resolvePlaces } from './resolve';

const root = join(__dirname, '..', '..', '..', '..');
const gazetteer = loadGazetteer(gazetteerDir(join(root, 'resources')));

/** The mentions a recogniser would hand over: each listed span, at its first occurrence after the previous one. */
function spans(text: string, names: readonly string[]): PlaceMention[] {
  let from = 0;
  return names.map((name) => {
    const start = text.indexOf(name, from);
    if (start < 0) throw new Error(`${name} is not in the text`);
    from = start + name.length;
    return { text: name, start, end: start + name.length };
  });
}

function resolve(text: string, names: readonly string[]): ResolvedPlace[] {
  return resolvePlaces(gazetteer, spans(text, names), text);
}

describe('names a recogniser cut short', () => {
  it('reads the whole name the text writes around the span', () => {
    const text = 'NEW YORK, March 2 - Cases rose in Jammu and Kashmir and in Rio Grande do Sul, officials said.';
    const [york, jammu, rioGrande] = resolve(text, ['YORK', 'Jammu', 'Rio Grande']);
    expect(york?.candidate).toMatchObject({ countryCode: 'US', admin1: 'New York' });
    expect(jammu?.candidate).toMatchObject({ featureCode: 'ADM1', countryCode: 'IN' });
    expect(rioGrande?.candidate).toMatchObject({ featureCode: 'ADM1', countryCode: 'BR', name: 'Rio Grande do Sul' });
    expect(york?.mention.text).toBe('YORK');
  });

  it('does not take a sentence\'s first word, a compass word before it or a firm\'s name for part of the name', () => {
    // "The Hanover" would be a name of its own, voting for the Jamaican parish of Hanover.
    const article = 'Steel from Bochum, West Germany, went to traders in Hanover. The Hanover daily said so.';
    expect(resolve(article, ['Bochum', 'West Germany', 'Hanover', 'Hanover'])[3]?.candidate?.countryCode).toBe('DE');
    const namibia = 'It sells copiers in Namibia (South West Africa) and in Botswana.';
    expect(resolve(namibia, ['Namibia', 'Africa', 'Botswana'])[1]?.candidate?.name).not.toBe('West Africa');
    const firm = 'CHELSEA, Mass., June 1 - Town and Country Jewelry Manufacturing Corp said it would expand.';
    expect(resolve(firm, ['Town'])[0]?.candidate?.name).not.toBe('Town and Country');
  });

  it('takes the regions of a list for one country\'s', () => {
    const article = 'Steel from Bochum, West Germany, went to traders in North Rhine Westphalia and Hanover.';
    const hanover = resolve(article, ['Bochum', 'West Germany', 'North Rhine', 'Westphalia', 'Hanover']);
    expect(hanover[4]?.candidate?.countryCode).toBe('DE');
  });

  it('resolves generic words alone, however many, only in the story\'s countries', () => {
    const court = 'Pittway filed suit in U.S. District Court, Northern District of Illinois, in Chicago.';
    expect(resolve(court, ['U.S.', 'Northern District', 'Illinois', 'Chicago'])[1]?.candidate).toBeUndefined();
    const region = 'Oil prices in the Middle East rose.';
    expect(resolve(region, ['Middle East'])[0]?.candidate?.featureCode).toBe('RGN');
  });
});

describe('datelines', () => {
  it('takes a dateline\'s place for a town inside the region written after it, capitals and all', () => {
    const santaAna = 'SANTA ANA, Calif., March 16 - Techniclone International said it raised its dividend.';
    expect(resolve(santaAna, ['SANTA ANA'])[0]?.candidate).toMatchObject({ featureClass: 'P', countryCode: 'US' });
    const abha = 'ABHA, Saudi Arabia, March 16 - The finance minister said the budget would be cut.';
    expect(resolve(abha, ['ABHA'])[0]?.candidate).toMatchObject({ name: 'Abha', countryCode: 'SA' });
    const sanFrancisco = 'SAN FRANCISCO, March 16 - BankAmerica Corp said its chairman would retire.';
    expect(resolve(sanFrancisco, ['SAN FRANCISCO'])[0]?.candidate).toMatchObject({ featureClass: 'P', countryCode: 'US' });
  });

  it('keeps the dateline apart from what the body means by the name', () => {
    const text = 'NEW YORK, March 18 - The bank operates in most of New York state but not in New York City. New York regulators agreed.';
    const [dateline, , , body] = resolve(text, ['NEW YORK', 'New York', 'New York City', 'New York']);
    expect(dateline?.candidate).toMatchObject({ featureClass: 'P', countryCode: 'US' });
    expect(body?.candidate?.featureCode).toBe('ADM1');
  });
});

describe('a place and the names around it', () => {
  it('takes "New York" for the state where the text writes New York City for the city, or a governor', () => {
    const text = 'Cases were reported in New York City. New York has confirmed 28 cases.';
    expect(resolve(text, ['New York City', 'New York'])[1]?.candidate?.featureCode).toBe('ADM1');
    // "New York city" in lower case is the mention itself going on, not the city's full name written elsewhere.
    const lower = 'The bank conducted operations in New York city but failed to register.';
    expect(resolve(lower, ['New York'])[0]?.candidate?.featureClass).toBe('P');
    const governor = 'New York Governor Andrew Cuomo declared an emergency.';
    expect(resolve(governor, ['New York'])[0]?.candidate?.featureCode).toBe('ADM1');
  });

  it('does not take a town named after a country or region abroad for it, even where the story is set', () => {
    const text = 'Cows were tested in Texas, Kansas and Ohio in 2005. The later case was diagnosed in England after samples were sent.';
    expect(resolve(text, ['Texas', 'Kansas', 'Ohio', 'England'])[3]?.candidate).toMatchObject({ featureCode: 'ADM1', countryCode: 'GB' });
  });

  it('does not take a small namesake for a capital on its country\'s support alone, with nothing near it named', () => {
    const text = 'Treasury Secretary James Baker said the agreement among industrial nations in Paris last month is only a start. In Washington, U.S. officials agreed.';
    expect(resolve(text, ['Paris', 'Washington', 'U.S.'])[0]?.candidate).toMatchObject({ featureCode: 'PPLC', countryCode: 'FR' });
    const local = 'The fair opened in Paris, near Sulphur Springs and Clarksville in northeast Texas.';
    expect(resolve(local, ['Paris', 'Sulphur Springs', 'Clarksville', 'Texas'])[0]?.candidate).toMatchObject({ countryCode: 'US', admin1: 'Texas' });
  });

  it('takes a city over a small district of its name elsewhere', () => {
    const text = 'The company moved to San Francisco last year.';
    expect(resolve(text, ['San Francisco'])[0]?.candidate).toMatchObject({ featureClass: 'P', countryCode: 'US' });
  });

  it('reads a name by the country named in its sentence or the one before, in a story that moves between countries', () => {
    const text = 'Brazil reported cases in Rio Grande do Sul, Santa Catarina, Parana and Sao Paulo. Chile confirmed 400 cases. The Institute of Public Health in Santiago reported new cases.';
    const results = resolve(text, ['Brazil', 'Rio Grande do Sul', 'Santa Catarina', 'Parana', 'Sao Paulo', 'Chile', 'Santiago']);
    expect(results[6]?.candidate).toMatchObject({ featureCode: 'PPLC', countryCode: 'CL' });
    const county = 'Swans in Michigan near Lake Erie died in Monroe County. Samples went to Ames, Iowa.';
    expect(resolve(county, ['Michigan', 'Lake Erie', 'Monroe County', 'Ames', 'Iowa'])[2]?.candidate).toMatchObject({ featureCode: 'ADM2', admin1: 'Michigan' });
  });

  it('places a name the gazetteer lacks, or a small town none of whose namesakes is there, where the text says it lies', () => {
    const suburb = 'He ate at a restaurant in Greenlane, Auckland, New Zealand.';
    expect(resolve(suburb, ['Greenlane', 'Auckland', 'New Zealand'])[0]?.candidate).toMatchObject({ name: 'Auckland', countryCode: 'NZ' });
    const town = 'He was stopped on Highway 11 in Stroud, Ontario, Canada.';
    expect(resolve(town, ['Stroud', 'Ontario', 'Canada'])[0]?.candidate).toMatchObject({ featureCode: 'ADM1', countryCode: 'CA' });
    const railway = 'It will sell the line to the Chicago, Missouri and Western Railway.';
    expect(resolve(railway, ['Chicago', 'Missouri'])[0]?.candidate).toMatchObject({ featureClass: 'P', admin1: 'Illinois' });
    const airline = 'Results for Alitalia, Italy\'s national airline, were better.';
    expect(resolve(airline, ['Alitalia', 'Italy'])[0]?.candidate).toBeUndefined();
  });
});
