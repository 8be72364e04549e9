import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFile, projectRoot } from '../../../tests/support/built';
import { useTempDirs } from '../../../tests/support/tempDir';
import { SCHEMA_VERSION } from '../engine/case/migrations';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, runCli } from './program';

const tempDir = useTempDirs();

async function run(...argv: string[]) {
  return runWithInput([], ...argv);
}

async function runWithInput(lines: string[], ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const input = async function* () {
    await Promise.resolve();
    yield* lines;
  };
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text), input });
  return { code, stdout, stderr };
}

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('dossier new / info', () => {
  it('creates a case and reports it as text and JSON', async () => {
    const path = join(tempDir(), 'x.dossier');
    const created = await run('new', path, '--title', 'Border incident');
    expect(created).toMatchObject({ code: EXIT_OK, stderr: '' });
    expect(created.stdout).toContain('"Border incident"');

    const json = await run('info', path, '--json');
    expect(json.code).toBe(EXIT_OK);
    expect(JSON.parse(json.stdout)).toMatchObject({
      title: 'Border incident',
      schemaVersion: SCHEMA_VERSION,
      counts: { documents: 0, entities: 0, links: 0 },
    });
    const text = await run('info', path);
    expect(text.stdout).toMatch(new RegExp(`^Border incident\\n[\\s\\S]*format: +v${SCHEMA_VERSION}`));
  });

  it('takes the title from the file name when none is given', async () => {
    const path = join(tempDir(), 'Kalbajar sector.dossier');
    await run('new', path);
    expect(JSON.parse((await run('info', path, '--json')).stdout)).toMatchObject({ title: 'Kalbajar sector' });
  });

  it.each([
    ['a text file', (dir: string) => {
      const path = join(dir, 'notes.txt');
      writeFileSync(path, 'not a case');
      return path;
    }, /notes\.txt is not a Dossier case file/],
    ["another application's SQLite file", (dir: string) => {
      const path = join(dir, 'other.sqlite');
      const db = new Database(path);
      db.exec('CREATE TABLE t (x)');
      db.close();
      return path;
    }, /other\.sqlite is an SQLite database of another application/],
    ['a case from a newer Dossier', (dir: string) => {
      const path = join(dir, 'future.dossier');
      spawnSync(process.execPath, [join(projectRoot, 'bin', 'dossier.js'), 'new', path]);
      const db = new Database(path);
      db.pragma('user_version = 99');
      db.close();
      return path;
    }, /future\.dossier was written by a newer Dossier \(case format v99/],
  ])('info on %s fails clearly and leaves it byte-for-byte unchanged', async (_label, make, message) => {
    builtFile('main/cli.js');
    const path = make(tempDir());
    const before = hash(path);
    const result = await run('info', path);
    expect(result.code).toBe(EXIT_FAILED);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(hash(path)).toBe(before);
  });

  it('refuses to create over an existing file', async () => {
    const path = join(tempDir(), 'taken.dossier');
    writeFileSync(path, 'keep me');
    const result = await run('new', path);
    expect(result.code).toBe(EXIT_FAILED);
    expect(result.stderr).toMatch(/taken\.dossier already exists/);
    expect(readFileSync(path, 'utf8')).toBe('keep me');
  });

  it('explains usage errors with exit code 2 and has --help for each command', async () => {
    const missing = await run('info');
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.stderr).toMatch(/missing required argument 'case'/);
    expect((await run('frobnicate')).code).toBe(EXIT_USAGE);
    expect((await run('new', 'x.dossier', '--title', '   ')).stderr).toMatch(/a case needs a title/);
    for (const command of ['new', 'info']) {
      const help = await run(command, '--help');
      expect(help.code).toBe(EXIT_OK);
      expect(help.stdout).toContain(`Usage: dossier ${command}`);
    }
  });

  it('runs as the installed `dossier` command with real exit codes', () => {
    builtFile('main/cli.js');
    const dir = tempDir();
    const bin = join(projectRoot, 'bin', 'dossier.js');
    const created = spawnSync(process.execPath, [bin, 'new', 'x.dossier', '--title', 'Border incident'], { cwd: dir, encoding: 'utf8' });
    expect(created.status).toBe(0);
    const info = spawnSync(process.execPath, [bin, 'info', 'x.dossier', '--json'], { cwd: dir, encoding: 'utf8' });
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ title: 'Border incident', schemaVersion: SCHEMA_VERSION });
    const failed = spawnSync(process.execPath, [bin, 'info', 'nope.dossier'], { cwd: dir, encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toBe('dossier: nope.dossier does not exist; check the path, or create a new case.\n');
  });

  it('imports files and folders, searches and tags from the command line', async () => {
    const dir = tempDir();
    const path = join(dir, 'cli.dossier');
    await run('new', path, '--title', 'CLI');
    const fixtures = join(projectRoot, 'tests', 'fixtures');
    const imported = await run('import', path, join(fixtures, 'border-incident-article.txt'), join(fixtures, 'reuters-sample.sgm'), join(fixtures, 'junk.txt'), '--json');
    expect(imported.code).toBe(EXIT_FAILED);
    const report = JSON.parse(imported.stdout) as { imported: unknown[]; duplicates: unknown[]; failed: { file: string; reason: string }[] };
    expect(report.imported.length).toBeGreaterThan(5);
    expect(report.failed).toEqual([{ file: join(fixtures, 'junk.txt'), reason: expect.stringMatching(/^junk\.txt /) as string }]);
    expect(imported.stderr).toMatch(/1 of the files could not be imported/);

    const again = await run('import', path, join(fixtures, 'border-incident-article.txt'), '--no-extract');
    expect(again).toMatchObject({ code: EXIT_OK, stdout: 'Imported 0, duplicates 1, failed 0.\n' });

    const found = await run('search', path, 'pashinian', '--json');
    expect(JSON.parse(found.stdout)).toMatchObject({ total: 1, rows: [{ title: expect.stringMatching(/^Azerbaijan denounces/) as string }] });
    const text = await run('search', path, 'Kelbajar');
    expect(text.stdout).toMatch(/^1 document match\.\n.*Azerbaijan denounces/s);
    expect((await run('search', path, '"unbalanced')).stderr).toMatch(/could not be read: a "phrase" is missing its closing quote/);

    const tagged = await run('tag', path, 'title:denounces', '--add', 'source/media');
    expect(tagged).toMatchObject({ code: EXIT_OK, stdout: 'Tagged 1 document "source/media" (1 now carry it).\n' });
    expect((await run('tag', path, 'oil')).stderr).toMatch(/Say which tag: --add TAG or --remove TAG/);
  });

  it('extracts entities from JSON lines, statelessly, with places resolved', async () => {
    const seed = readFileSync(join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt'), 'utf8');
    const result = await runWithInput(
      [JSON.stringify({ id: 'seed', text: seed, date: '2021-07-28' }), 'not json', JSON.stringify({ id: 'short', text: 'Baku and Yerevan.' })],
      'extract',
      '--jsonl',
    );
    expect(result.code).toBe(EXIT_FAILED);
    expect(result.stderr).toMatch(/line 2 is not \{"id": string, "text": string, "date"\?: "YYYY-MM-DD"\}; skipped/);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; mentions: { start: number; end: number; text: string; type: string; entity?: { name: string }; geo?: { lat: number; lon: number } }[] });
    expect(lines.map((line) => line.id)).toEqual(['seed', 'short']);
    const mentions = lines[0]!.mentions;
    for (const mention of mentions) expect(seed.slice(mention.start, mention.end)).toBe(mention.text);
    const person = (text: string) => mentions.find((mention) => mention.text === text && mention.type === 'person');
    expect(person('Pashinian')?.entity?.name).toBe(person('Nikol Pashinián')?.entity?.name);
    const yerevan = mentions.find((mention) => mention.text === 'Yerevan');
    expect(yerevan?.type).toBe('location');
    expect(yerevan?.geo?.lat).toBeCloseTo(40.18, 0);
    expect(yerevan?.geo?.lon).toBeCloseTo(44.51, 0);
    expect(lines[1]!.mentions.map((mention) => mention.text)).toEqual(['Baku', 'Yerevan']);
  });

  it('reads claims, events and relations from JSON lines, statelessly', async () => {
    const seed = readFileSync(join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt'), 'utf8');
    const result = await runWithInput(
      [JSON.stringify({ id: 'seed', text: seed, date: '2021-06-02' }), '{"id": 3}', JSON.stringify({ id: 'empty', text: '' })],
      'read',
      '--jsonl',
    );
    expect(result.code).toBe(EXIT_FAILED);
    expect(result.stderr).toMatch(/line 2 is not \{"id": string, "text": string, "date"\?: "YYYY-MM-DD"\}; skipped/);
    type Span = { start: number; end: number; text: string };
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as {
      id: string;
      times: unknown[];
      claims: { speaker?: Span & { type: string }; cue: Span; content: { start: number; end: number }; stance: string }[];
      events: { trigger: Span; type: string; place?: Span }[];
      relations: { source: Span & { type: string }; target: Span & { type: string }; type: string; evidence: { start: number; end: number } }[];
    });
    expect(lines.map((line) => line.id)).toEqual(['seed', 'empty']);
    expect(lines[1]).toEqual({ id: 'empty', times: [], claims: [], events: [], relations: [] });
    const { claims, events, relations } = lines[0]!;
    for (const claim of claims) expect(seed.slice(claim.cue.start, claim.cue.end)).toBe(claim.cue.text);
    const ministry = claims.find((claim) => seed.slice(claim.content.start, claim.content.end).includes('about 40'));
    expect(ministry).toMatchObject({ speaker: { text: 'Azerbaijani Ministry of Defense', type: 'organization' }, cue: { text: 'said' }, stance: 'asserts' });
    expect(claims.find((claim) => seed.slice(claim.content.start, claim.content.end).includes('technical work'))?.speaker?.text).toBe('Nikol Pashinián');
    expect(events.find((event) => event.trigger.text === 'entered')).toMatchObject({ type: 'movement', place: { text: 'Armudlu' } });
    expect(relations.find((relation) => relation.type === 'leads')).toMatchObject({ source: { text: 'Ilham Aliyev', type: 'person' }, target: { text: 'Azerbaijan' } });
    expect((await runWithInput([], 'read')).stderr).toMatch(/Say --jsonl/);
  });

  it('lists entities and adds a GeoNames extract to a case\'s gazetteer', async () => {
    const dir = tempDir();
    const path = join(dir, 'places.dossier');
    const fixtures = join(projectRoot, 'tests', 'fixtures');
    await run('new', path);
    await run('import', path, join(fixtures, 'border-incident-article.txt'));
    const listed = await run('entities', path);
    expect(listed.stdout).toMatch(/^person +Nikol Pashinyan \(Nikol Pashinián, Pashinian\) +2 mentions in 1 documents$/m);
    expect(listed.stdout).toMatch(/^location +Armudlu +1 mentions in 1 documents$/m);

    expect((await run('gazetteer', path)).stdout).toBe('No GeoNames extracts in this case; the bundled gazetteer only.\n');
    const added = await run('gazetteer', path, '--add', join(fixtures, 'geonames-AZ-sample.txt'));
    expect(added).toMatchObject({ code: EXIT_OK });
    expect(added.stdout).toMatch(/^Added geonames-AZ-sample\.txt: 7 places; 1 of the case's places placed\.\n +1 {2}geonames-AZ-sample\.txt {2}7 places/);
    const entities = JSON.parse((await run('entities', path, '--json')).stdout) as { name: string; coordinates: { lat: number } | null }[];
    expect(entities.find((entity) => entity.name === 'Armudlu')?.coordinates?.lat).toBeCloseTo(40.17, 2);
    const refused = await run('gazetteer', path, '--add', join(fixtures, 'border-incident-article.txt'));
    expect(refused.code).toBe(EXIT_FAILED);
    expect(refused.stderr).toMatch(/border-incident-article\.txt is not a GeoNames extract: line 1/);
  });
});


describe('dossier check', () => {
  it('finds an original whose bytes were changed inside the case, names its document, and repairs nothing', async () => {
    const path = join(tempDir(), 'check.dossier');
    await run('new', path, '--title', 'Check');
    await run('import', path, join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt'), '--no-extract');
    const sound = await run('check', path);
    expect(sound).toMatchObject({ code: EXIT_OK, stderr: '' });
    expect(sound.stdout).toMatch(/1 original against their SHA-256\.\nNo damage found\./);

    // One byte flipped in the stored original, as a bad disk or a tamperer would.
    const raw = new Database(path);
    raw.prepare("UPDATE document_blobs SET bytes = CAST(replace(CAST(bytes AS TEXT), 'Armudlu', 'Armudlo') AS BLOB)").run();
    raw.close();
    const before = hash(path);
    const damaged = await run('check', path, '--json');
    expect(damaged.code).toBe(EXIT_FAILED);
    const report = JSON.parse(damaged.stdout) as { ok: boolean; damagedOriginals: { documents: { title: string }[] }[] };
    expect(report.ok).toBe(false);
    expect(report.damagedOriginals[0]!.documents[0]!.title).toMatch(/^Azerbaijan denounces/);
    expect(damaged.stderr).toMatch(/"Check" is damaged/);
    const text = await run('check', path);
    expect(text.stdout).toMatch(/damaged original \(stored SHA-256 [0-9a-f]{12}…, now [0-9a-f]{12}…\): #1 "Azerbaijan denounces/);
    expect(hash(path)).toBe(before);
  });
});

describe('dossier claims / timeline', () => {
  it('lists the seed article\'s claims and its events in date order, with the precision of each date', async () => {
    const dir = tempDir();
    const path = join(dir, 'read.dossier');
    // A date in the file name is the document's date, as an analyst's naming often gives it.
    const article = join(dir, 'border-incident-2021-06-02.txt');
    writeFileSync(article, readFileSync(join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt')));
    await run('new', path);
    expect((await run('import', path, article)).code).toBe(EXIT_OK);
    const claims = await run('claims', path);
    expect(claims.code).toBe(EXIT_OK);
    expect(claims.stdout).toMatch(/Azerbaijani Ministry of Defense said \[asserts, suggested\]: “about 40” Armenian soldiers entered/);
    expect(claims.stdout).toMatch(/Nikol Pashinyan stressed \[\w+, suggested\]: the military was “carrying out technical work/);
    const timeline = await run('timeline', path, '--json');
    const { events } = JSON.parse(timeline.stdout) as { events: { label: string; start: string; precision: string; dateSource: string; places: { name: string }[] }[] };
    const entered = events.find((event) => event.label.includes('entered'))!;
    expect(entered).toMatchObject({ start: '2021-06-02', precision: 'day', dateSource: 'document', places: [{ name: 'Armudlu' }] });
    expect(events.find((event) => event.label.includes('withdrawn'))).toMatchObject({ start: '2021-06-01', dateSource: 'text' });
    expect(events.map((event) => event.start)).toEqual([...events.map((event) => event.start)].sort());
  });
});

describe('terminal output', () => {
  it('prints control and bidi characters from a file name as visible escapes', async () => {
    const dir = tempDir();
    const path = join(dir, 'escape.dossier');
    await run('new', path, '--title', 'Escape');
    const hostile = join(dir, 'clear\u001b[2J\u202etxt.exe.txt');
    writeFileSync(hostile, 'Hello from a hostile name.');
    const imported = await run('import', path, hostile, '--no-extract', '--json');
    expect(imported.stdout.includes('\u001b') || imported.stdout.includes('\u202e')).toBe(false);
    expect(imported.stdout).toContain('\\u202e');
    // Escaped inside a JSON string, the name still reads back exactly.
    expect((JSON.parse(imported.stdout) as { imported: { file: string }[] }).imported[0]!.file).toBe(hostile);
  });
});

describe('a read-only case', () => {
  it('can be searched and listed, and a change is refused in one line that says why', async () => {
    const path = join(tempDir(), 'evidence.dossier');
    await run('new', path, '--title', 'Evidence copy');
    await run('import', path, join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt'));
    chmodSync(path, 0o444);
    const before = hash(path);
    const found = await run('search', path, 'Armudlu');
    expect(found).toMatchObject({ code: EXIT_OK, stderr: '' });
    expect(found.stdout).toMatch(/^1 document match/);
    expect((await run('claims', path)).code).toBe(EXIT_OK);
    const tagged = await run('tag', path, 'Armudlu', '--add', 'seen');
    expect(tagged.code).toBe(EXIT_FAILED);
    expect(tagged.stderr).toMatch(/^dossier: the case is open read-only .*nothing in it was changed.*\n$/);
    expect(hash(path)).toBe(before);
  });
});
