// The committed gazetteer: lookups by folded name and by spelling, and its load.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gazetteerDir, loadGazetteer } from './gazetteer';

const gazetteer = loadGazetteer(gazetteerDir(join(__dirname, '..', '..', '..', '..', 'resources')));

describe('gazetteer', () => {
  it('finds a city under its own name, its diacritics folded, and its spelling skeleton', () => {
    const yerevan = gazetteer.lookup('Yerevan').find((place) => place.featureCode === 'PPLC');
    expect(yerevan).toMatchObject({ countryCode: 'AM', featureClass: 'P' });
    expect(yerevan?.lat).toBeCloseTo(40.18, 1);
    const native = gazetteer.lookup('Kəlbəcər').map((place) => place.id);
    const english = gazetteer.lookup('Kalbajar').map((place) => place.id);
    expect(native.length).toBeGreaterThan(0);
    expect(english.some((id) => native.includes(id))).toBe(true);
    const respelled = gazetteer.lookupBySkeleton('Kelbajar').map((place) => place.id);
    expect(respelled.some((id) => english.includes(id))).toBe(true);
  });

  it('knows countries, first-level regions with their names, and continents', () => {
    expect(gazetteer.lookup('Armenia').find((place) => place.featureCode === 'PCLI')?.id).toBe('country:AM');
    expect(gazetteer.lookup('U.S.').some((place) => place.id === 'country:US')).toBe(true);
    const kalbajarRegion = gazetteer.lookup('Kalbajar District').find((place) => place.featureCode === 'ADM1');
    expect(kalbajarRegion).toMatchObject({ countryCode: 'AZ', admin1: 'Kalbajar' });
    expect(gazetteer.lookup('Syunik').some((place) => place.featureCode === 'ADM1' && place.countryCode === 'AM')).toBe(true);
    expect(gazetteer.lookup('California').some((place) => place.featureCode === 'ADM1' && place.countryCode === 'US')).toBe(true);
    expect(gazetteer.lookup('Europe').some((place) => place.featureCode === 'CONT')).toBe(true);
  });

  it('places first-level regions at Natural Earth\'s label point and knows former ones', () => {
    const queensland = gazetteer.lookup('Queensland').find((place) => place.featureCode === 'ADM1');
    expect(queensland?.lat).toBeCloseTo(-23.14, 1);
    expect(gazetteer.lookup('Menoufia').some((place) => place.featureCode === 'ADM1' && place.countryCode === 'EG')).toBe(true);
    expect(gazetteer.lookup('Hedmark')).toMatchObject([{ featureCode: 'ADM1H', countryCode: 'NO' }]);
    // Listed by GeoNames' admin-1 codes, but no longer used by cities500's places (merged in 2020).
    expect(gazetteer.lookup('Vestfold')).toMatchObject([{ featureCode: 'ADM1H', countryCode: 'NO' }]);
  });

  it('places England and Scotland at the middle of their land, not of their places\' extent', () => {
    const england = gazetteer.lookup('England').find((place) => place.featureCode === 'ADM1');
    expect(england?.countryCode).toBe('GB');
    expect(Math.abs((england?.lat ?? 0) - 52.56)).toBeLessThan(0.3);
    expect(Math.abs((england?.lon ?? 0) + 1.46)).toBeLessThan(0.4);
    const scotland = gazetteer.lookup('Scotland').find((place) => place.featureCode === 'ADM1');
    expect(Math.abs((scotland?.lat ?? 0) - 56.8)).toBeLessThan(0.4);
  });

  it('names and places a country\'s regions by the numbering its places use (Vietnam, renumbered in 2025)', () => {
    const hanoi = gazetteer.lookup('Hanoi').find((place) => place.featureCode === 'PPLC');
    expect(hanoi?.admin1).toMatch(/^Ha ?Noi$/iu);
    const region = gazetteer.lookup(hanoi?.admin1 ?? '').find((place) => place.featureCode === 'ADM1' && place.countryCode === 'VN');
    expect(region?.admin1Code).toBe(hanoi?.admin1Code);
    expect(Math.abs((region?.lat ?? 0) - (hanoi?.lat ?? 0))).toBeLessThan(1);
    const saigon = gazetteer.lookup('Ho Chi Minh City').find((place) => place.featureClass === 'P');
    expect(saigon?.admin1).toMatch(/Ch[ií] Minh/u);
  });

  it('knows oceans, seas, lakes, islands and ranges by their own and short names', () => {
    expect(gazetteer.lookup('Indian Ocean')).toMatchObject([{ featureClass: 'H', featureCode: 'OCN' }]);
    expect(gazetteer.lookup('Mediterranean').some((place) => place.featureCode === 'SEA' && place.primaryName)).toBe(true);
    expect(gazetteer.lookup('Lake Victoria')).toMatchObject([{ featureClass: 'H', featureCode: 'LK' }]);
    expect(gazetteer.lookup('Sumatra')).toMatchObject([{ featureClass: 'T', featureCode: 'ISL', countryCode: 'ID' }]);
    expect(gazetteer.lookup('Himalayas')).toMatchObject([{ featureClass: 'T', featureCode: 'MTS' }]);
  });

  it('places countries where GeoNames does', () => {
    expect(gazetteer.country('US')).toMatchObject({ lat: 39.76, lon: -98.5 });
    expect(gazetteer.country('AZ')).toMatchObject({ lat: 40.5, lon: 47.5 });
  });

  it('tells a town its admin-1 region and population', () => {
    const baku = gazetteer.lookup('Baku').find((place) => place.countryCode === 'AZ' && place.featureCode === 'PPLC');
    expect(baku?.admin1).not.toBe('');
    expect(baku?.population).toBeGreaterThan(1_000_000);
  });

  it('maps demonyms to countries and finds nothing for words that name no place', () => {
    expect(gazetteer.demonymToCountry('Armenian')).toBe('AM');
    expect(gazetteer.demonymToCountry('Azerbaijani')).toBe('AZ');
    expect(gazetteer.demonymToCountry('soldier')).toBeUndefined();
    expect(gazetteer.lookup('Xqzzyvt')).toEqual([]);
    expect(gazetteer.lookup('')).toEqual([]);
  });
});

describe('gazetteer tables in blocks', () => {
  it('finds the same places in a gazetteer built before the tables had block indexes (one block each)', () => {
    const source = gazetteerDir(join(__dirname, '..', '..', '..', '..', 'resources'));
    const older = mkdtempSync(join(tmpdir(), 'dossier-gazetteer-'));
    try {
      for (const file of ['places.tsv.gz', 'names.tsv.gz', 'skeletons.tsv.gz']) copyFileSync(join(source, file), join(older, file));
      // No .idx files, and no country list in names.json: both found the old way.
      const names = JSON.parse(readFileSync(join(source, 'names.json'), 'utf8')) as Record<string, unknown>;
      delete names.countryPlaces;
      writeFileSync(join(older, 'names.json'), JSON.stringify(names));
      const unblocked = loadGazetteer(older);
      expect(unblocked.size).toBe(gazetteer.size);
      for (const name of ['Yerevan', 'Kalbajar District', 'Queensland', 'Springfield', 'Zürich', '魏豪森']) {
        expect(unblocked.lookup(name).map((place) => place.id)).toEqual(gazetteer.lookup(name).map((place) => place.id));
      }
      expect(unblocked.lookupBySkeleton('Kelbajar').map((place) => place.id)).toEqual(gazetteer.lookupBySkeleton('Kelbajar').map((place) => place.id));
      for (const code of ['AM', 'US', 'AZ']) expect(unblocked.country(code)?.id).toBe(`country:${code}`);
      expect(gazetteer.country('am')?.id).toBe('country:AM');
    } finally {
      rmSync(older, { recursive: true, force: true });
    }
  });

  it('reads the first and the last place of the table', () => {
    // Lines at block edges: the first key of the names table and a place near the end.
    expect(gazetteer.lookup('Soldeu')[0]?.countryCode).toBe('AD');
    expect(gazetteer.lookup('魏豪森').length).toBeGreaterThan(0);
  });
});

describe('demonyms', () => {
  it('names the country of a demonym, and none for a word that is not one (nor a property of every object)', () => {
    expect(gazetteer.demonymToCountry('Armenian')).toBe('AM');
    expect(gazetteer.demonymToCountry('Armenian')).toBe('AM');
    expect(gazetteer.demonymToCountry('Constructor')).toBeUndefined();
    expect(gazetteer.demonymToCountry('Table')).toBeUndefined();
  });
});
