// GeoNames extracts: parsing, refusing other files, and resolving their villages beside the bundled places.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGeoNamesExtract, withExtraPlaces } from './extraPlaces';
import { gazetteerDir, loadGazetteer } from './gazetteer';
import { distanceKm, resolvePlaces } from './resolve';
import type { PlaceMention } from './resolve';

const root = join(__dirname, '..', '..', '..', '..');
const gazetteer = loadGazetteer(gazetteerDir(join(root, 'resources')));
const sample = readFileSync(join(root, 'tests', 'fixtures', 'geonames-AZ-sample.txt'), 'utf8');
const article = readFileSync(join(root, 'tests', 'fixtures', 'border-incident-article.txt'), 'utf8');

function mentionsOf(text: string, names: readonly string[]): PlaceMention[] {
  return names.flatMap((name) => [...text.matchAll(new RegExp(`(?<![\\p{L}-])${name}(?![\\p{L}-])`, 'gu'))]
    .map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length })));
}

describe('parseGeoNamesExtract', () => {
  it('reads the rows of a GeoNames table and leaves out roads', () => {
    const entries = parseGeoNamesExtract(sample, 'geonames-AZ-sample.txt');
    expect(entries.map((entry) => entry.name)).toEqual(['Armudlu', 'Zar', 'Başlıbel', 'İstisu', 'Murovdağ', 'Tərtərçay', 'Republic of Azerbaijan']);
    expect(entries[0]).toEqual({
      geonameId: '9900001', name: 'Armudlu', asciiName: 'Armudlu', alternateNames: ['Armutlu', 'Армудлу'], lat: 40.17, lon: 45.81,
      featureClass: 'P', featureCode: 'PPL', countryCode: 'AZ', admin1Code: '26', admin2Code: '', population: 0,
    });
  });

  it('accepts Windows line ends, a byte order mark and blank lines', () => {
    const windows = `\ufeff${sample.split('\n').join('\r\n')}\r\n\r\n`;
    expect(parseGeoNamesExtract(windows)).toEqual(parseGeoNamesExtract(sample));
  });

  it('names the line and the format expected when the file is not a GeoNames table', () => {
    const csv = `${sample.split('\n')[0]}\nname,lat,lon\nArmudlu,40.17,45.81\n`;
    expect(() => parseGeoNamesExtract(csv, 'places.csv')).toThrow(/^places\.csv is not a GeoNames extract: line 2 has 1 tab-separated column where 19 were expected; a GeoNames table has 19 tab-separated columns \(geonameid, name, asciiname/);
    const shifted = sample.split('\n')[0]?.split('\t').slice(1).concat('') .join('\t') ?? '';
    expect(() => parseGeoNamesExtract(shifted, 'AZ.txt')).toThrow(/AZ\.txt is not a GeoNames extract: line 1 starts with "Armudlu" where a numeric geonameid was expected/);
    expect(() => parseGeoNamesExtract('PK\u0003\u0004...', 'AZ.zip')).toThrow(/AZ\.zip is a zip archive; unzip it/);
  });

  it('parses a country-sized file quickly enough to do while the analyst waits', () => {
    const rows = sample.split('\n').filter(Boolean);
    const big = Array.from({ length: 40_000 }, (_, index) => (rows[index % rows.length] ?? '').replace(/^\d+/, String(10_000_000 + index))).join('\n');
    expect(big.length).toBeGreaterThan(3_000_000);
    expect(parseGeoNamesExtract(big)).toHaveLength(35_000);
  });
});

describe('withExtraPlaces', () => {
  const extended = withExtraPlaces(gazetteer, parseGeoNamesExtract(sample));

  it('finds the extract\'s places under their names, ASCII names, alternate names and skeletons', () => {
    expect(gazetteer.lookup('Armudlu')).toEqual([]);
    expect(extended.lookup('Armudlu')).toMatchObject([{ id: 'geonames:9900001', countryCode: 'AZ', admin1: 'Kalbajar', primaryName: true }]);
    expect(extended.lookup('Baslibel').map((place) => place.id)).toContain('geonames:9900003');
    expect(extended.lookup('Bashlibel').find((place) => place.id === 'geonames:9900003')?.primaryName).toBe(false);
    expect(extended.lookupBySkeleton('Tartarcay').map((place) => place.id)).toContain('geonames:9900005');
    expect(extended.size).toBe(gazetteer.size + 5);
    const big = parseGeoNamesExtract(sample.split('\n').filter(Boolean).flatMap((row) => Array.from({ length: 2_000 }, (_, copy) => row.replace(/^\d+/, (id) => id === '147969' ? id : String(20_000_000 + copy * 10 + Number(id) % 10)))).join('\n'));
    expect(withExtraPlaces(gazetteer, big).size).toBe(gazetteer.size + 10_000);
  });

  it('keeps a bundled place given again by the extract once, and the bundled country', () => {
    const istisu = extended.lookup('İstisu').filter((place) => place.id === 'geonames:147969');
    expect(istisu).toHaveLength(1);
    expect(extended.lookup('Istisu kurortu').map((place) => place.id)).toEqual(['geonames:147969']);
    expect(extended.lookup('Azerbaijan').filter((place) => place.featureCode.startsWith('PCL')).map((place) => place.id)).toEqual(['country:AZ']);
  });

  it('leaves the bundled lookups as they were', () => {
    for (const name of ['Yerevan', 'Kalbajar', 'Kəlbəcər', 'Turkey', 'U.S.', 'Georgia', 'Armutlu', 'Xqzzyvt']) {
      const bundled = gazetteer.lookup(name);
      expect(extended.lookup(name).slice(0, bundled.length).filter((place) => place.primaryName === true)).toEqual(bundled.filter((place) => place.primaryName));
      expect(extended.lookup(name).filter((place) => !place.id.startsWith('geonames:99'))).toEqual(bundled);
    }
    expect(extended.lookupBySkeleton('Kelbajar')).toEqual(gazetteer.lookupBySkeleton('Kelbajar'));
    expect(extended.country('AZ')).toEqual(gazetteer.country('AZ'));
    expect(extended.demonymToCountry('Armenian')).toBe('AM');
  });

  it('takes an extract\'s village over the stream beside it that bears its name', () => {
    const row = (id: string, name: string, lat: string, lon: string, featureClass: string, featureCode: string): string =>
      [id, name, name, '', lat, lon, featureClass, featureCode, 'AZ', '', '26', '', '', '', '0', '', '2000', 'Asia/Baku', '2024-01-01'].join('\t');
    const extract = [row('9900101', 'Qozlucay', '40.10', '46.00', 'P', 'PPL'), row('9900102', 'Qozlucay', '40.12', '46.02', 'H', 'STM')].join('\n');
    const withStream = withExtraPlaces(gazetteer, parseGeoNamesExtract(extract));
    const text = 'Shelling hit Qozlucay in Kalbajar, Azerbaijan.';
    const [village] = resolvePlaces(withStream, mentionsOf(text, ['Qozlucay', 'Kalbajar', 'Azerbaijan']), text);
    expect(village?.candidate?.id).toBe('geonames:9900101');
  });

  it('resolves Armudlu in the Kalbajar article to the extract\'s village', () => {
    const results = resolvePlaces(extended, mentionsOf(article, ['Armudlu', 'Kalbajar', 'Armenia', 'Azerbaijan']), article);
    const armudlu = results.filter((result) => result.mention.text === 'Armudlu');
    expect(armudlu.length).toBeGreaterThan(0);
    for (const result of armudlu) {
      expect(result.candidate?.id).toBe('geonames:9900001');
      expect(distanceKm(40.17, 45.81, result.candidate?.lat ?? 0, result.candidate?.lon ?? 0)).toBeLessThan(3);
    }
    const kalbajar = results.find((result) => result.mention.text === 'Kalbajar')?.candidate;
    expect(kalbajar?.countryCode).toBe('AZ');
  });
});
