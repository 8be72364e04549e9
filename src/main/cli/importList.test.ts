/** Analysts' own CSV lists of entities and links, with a line-numbered error for every row that cannot be used. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine';
import { parseCsv } from '../engine/exchange/csvImport';
import { useTempDirs } from '../../../tests/support/tempDir';
import { runCli } from './program';

const tempDir = useTempDirs();

async function run(argv: string[]): Promise<{ code: number; text: string }> {
  const out: string[] = [];
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => out.push(text) });
  return { code, text: out.join('') };
}

describe('dossier import-list', () => {
  it('imports entities and links, reports each bad row by line, and joins what is already there', async () => {
    const dir = tempDir();
    const path = join(dir, 'list.dossier');
    expect((await run(['new', path])).code).toBe(0);
    const entities = join(dir, 'entities.csv');
    writeFileSync(
      entities,
      [
        'Name,Type,Aliases,Lat,Lon,Notes',
        'Nikol Pashinyan,person,Pashinyan;N. Pashinyan,,,Prime minister',
        '"Ministry of Defence, Azerbaijan",organisation,MoD,,,',
        'Kalbajar,place,Kəlbəcər,40.1,46.04,"Town, ""district"" seat"',
        ',person,,,,',
        'Ghost,spirit,,,,',
        'Lachin,location,,91,46,',
        'Shusha,location,,39.76,,',
        'Nikol Pashinyan,person,Nikol,,,',
      ].join('\r\n'),
    );
    const first = await run(['import-list', path, entities, '--kind', 'entities']);
    expect(first.code).toBe(1);
    expect(first.text).toContain('entities.csv: 8 rows; 3 entities added, 1 already in the case, 4 not imported.');
    expect(first.text).toContain('line 5: no name');
    expect(first.text).toContain('line 6: type "spirit" is not one of person, organization, location, other');
    expect(first.text).toContain('line 7: lat "91" is not a latitude (-90 to 90)');
    expect(first.text).toContain('line 8: give both lat and lon, or neither');

    const links = join(dir, 'links.csv');
    writeFileSync(
      links,
      [
        'source;target;relation;date;grading',
        'Pashinyan;MoD;accuses;2024-03/2024-04;B2',
        'Kalbajar;Nobody;located in;;',
        'Pashinyan;Kalbajar;visited;March 2024;',
        'Pashinyan;Kalbajar;visited;2024;G9',
        'N. Pashinyan;Kəlbəcər;visited;2024-05-01;C',
      ].join('\n'),
    );
    const second = await run(['import-list', path, links, '--kind', 'links']);
    expect(second.text).toContain('links.csv: 5 rows; 2 links added, 0 already in the case, 3 not imported.');
    expect(second.text).toContain('line 3: target: no entity is called "Nobody"; add it to the entity list first');
    expect(second.text).toContain('line 4: date "March 2024" is not YYYY, YYYY-MM, YYYY-MM-DD or START/END');
    expect(second.text).toContain('line 5: grading "G9" is not Admiralty');

    const engine = createEngine();
    await engine.handlers['cases.open']({ path });
    const listed = await engine.handlers['entities.list']({});
    const pashinyan = listed.find((entity) => entity.name === 'Nikol Pashinyan')!;
    expect(pashinyan).toMatchObject({ type: 'person', status: 'confirmed' });
    expect(pashinyan.aliases).toEqual(expect.arrayContaining(['Pashinyan', 'N. Pashinyan', 'Nikol']));
    expect(listed.find((entity) => entity.name === 'Kalbajar')!.coordinates).toMatchObject({ lat: 40.1, lon: 46.04 });
    const created = await engine.handlers['links.list']({});
    expect(created.find((link) => link.relation === 'accuses')).toMatchObject({ toLabel: 'Ministry of Defence, Azerbaijan', dateStart: '2024-03', dateEnd: '2024-04', reliability: 'B', credibility: 2 });
    expect(created.find((link) => link.relation === 'visited')).toMatchObject({ dateStart: '2024-05-01', dateEnd: null, reliability: 'C', credibility: null });
    engine.dispose();
  });

  it('maps the analyst\'s own headers and names a missing column with the fix', async () => {
    const dir = tempDir();
    const path = join(dir, 'list.dossier');
    await run(['new', path]);
    const file = join(dir, 'people.csv');
    writeFileSync(file, 'Full name,Kind\nIlham Aliyev,person\n');
    expect((await run(['import-list', path, file, '--kind', 'entities'])).text).toMatch(/people\.csv has no column "name"; its header is "Full name, Kind".*--map name=YOUR_HEADER/);
    const mapped = await run(['import-list', path, file, '--kind', 'entities', '--map', 'name="Full name",type=Kind']);
    expect(mapped.code).toBe(0);
    expect(mapped.text).toContain('1 entities added');
  });

  it('parses quoted cells with separators, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"\nthere'] },
    ]);
  });
});
