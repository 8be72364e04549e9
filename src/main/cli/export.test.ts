import { JSDOM } from 'jsdom';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../shared/rpc';
import { seedLinkCase } from '../../../tests/support/seedCase';
import { useTempDirs } from '../../../tests/support/tempDir';
import { runCli } from './program';

const tempDir = useTempDirs();
/** The seed article in a new case, with the ids the tests need. */
async function seedCase() {
  const seeded = await seedLinkCase(tempDir());
  const { pashinyan, azerbaijan, ...rest } = seeded;
  return { ...rest, pashinyanId: pashinyan!.id, azerbaijanId: azerbaijan!.id };
}

describe('export', () => {
  it('writes GraphML that parses, with documents, suggested entities and the asserted edge with its relation', async () => {
    const { dir, path, engine, pashinyanId, azerbaijanId, documentId, start, end } = await seedCase();
    await engine.handlers['links.create'](
      parseInput('links.create', { from: `entity:${pashinyanId}`, to: `entity:${azerbaijanId}`, relation: 'accuses', evidence: [{ documentId, start, end }] }),
    );
    engine.dispose();

    const out: string[] = [];
    const err: string[] = [];
    const graphmlPath = join(dir, 'border.graphml');
    const code = await runCli(['export', path, '--format', 'graphml', '--out', graphmlPath], { out: (text) => out.push(text), err: (text) => err.push(text) });
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/Wrote .*border\.graphml: \d+ nodes, \d+ edges/);

    const dom = new JSDOM(readFileSync(graphmlPath, 'utf8'), { contentType: 'application/xml' });
    const xml = dom.window.document;
    expect(xml.getElementsByTagName('parsererror')).toHaveLength(0);
    const data = (element: Element, key: string) => [...element.getElementsByTagName('data')].find((item) => item.getAttribute('key') === key)?.textContent;
    const nodes = [...xml.getElementsByTagName('node')];
    const node = (id: string) => nodes.find((candidate) => candidate.getAttribute('id') === id);
    expect(data(node(`entity:${pashinyanId}`)!, 'n_label')).toBe('Nikol Pashinyan');
    expect(data(node(`document:${documentId}`)!, 'n_kind')).toBe('document');
    expect(nodes.some((candidate) => data(candidate, 'n_status') === 'suggested')).toBe(true);
    const edges = [...xml.getElementsByTagName('edge')];
    const asserted = edges.find((edge) => data(edge, 'e_status') === 'asserted')!;
    expect(asserted.getAttribute('source')).toBe(`entity:${pashinyanId}`);
    expect(asserted.getAttribute('target')).toBe(`entity:${azerbaijanId}`);
    expect(data(asserted, 'e_relation')).toBe('accuses');
    expect(data(asserted, 'e_type')).toBe('link');
    expect(new Set(edges.map((edge) => data(edge, 'e_type')))).toEqual(new Set(['mention', 'cooccurrence', 'link']));

    // CSV: a nodes file and an edges file beside the name given.
    const csvPath = join(dir, 'border.csv');
    expect(await runCli(['export', path, '--format', 'csv', '--out', csvPath], { out: () => undefined, err: (text) => err.push(text) })).toBe(0);
    const edgesCsv = readFileSync(join(dir, 'border-edges.csv'), 'utf8').split('\r\n');
    expect(edgesCsv[0]).toBe('id,source,target,type,status,weight,relation,directed,evidence,reliability,credibility,date_start,date_end');
    expect(edgesCsv.some((line) => line.includes(',link,asserted,1,accuses,true,1,'))).toBe(true);
    expect(readFileSync(join(dir, 'border-nodes.csv'), 'utf8')).toContain(`entity:${pashinyanId},Nikol Pashinyan,person,`);

    // A format it does not know is a usage error that names the ones it does.
    expect(await runCli(['export', path, '--format', 'svg', '--out', csvPath], { out: () => undefined, err: (text) => err.push(text) })).toBe(2);
    expect(err.join('')).toMatch(/graphml, gexf, csv/);
  });
});

describe('export never destroys a file', () => {
  it('refuses to write over the case itself, another case, or an existing file without --force, and leaves each whole', async () => {
    const { dir, path, engine } = await seedCase();
    engine.dispose();
    const before = readFileSync(path);
    const err: string[] = [];
    const run = (argv: string[]) => runCli(argv, { out: () => undefined, err: (text) => err.push(text) });

    // The case itself, under any format and even with --force.
    for (const format of ['graphml', 'csv', 'geojson', 'kml']) {
      expect(await run(['export', path, '--format', format, '--out', path, '--force'])).toBe(1);
    }
    expect(err.join('')).toMatch(/never writes over a case/);
    expect(readFileSync(path).equals(before)).toBe(true);

    // Another case file renamed so its name does not say so: its header does.
    const other = join(dir, 'colleague.graphml');
    copyFileSync(path, other);
    err.length = 0;
    expect(await run(['export', path, '--format', 'graphml', '--out', other, '--force'])).toBe(1);
    expect(err.join('')).toMatch(/colleague\.graphml is a database/);
    expect(readFileSync(other).equals(before)).toBe(true);

    // An ordinary existing file: refused without --force, replaced with it.
    const notes = join(dir, 'notes.graphml');
    writeFileSync(notes, 'keep me');
    err.length = 0;
    expect(await run(['export', path, '--format', 'graphml', '--out', notes])).toBe(1);
    expect(err.join('')).toMatch(/notes\.graphml already exists; .*--force/);
    expect(readFileSync(notes, 'utf8')).toBe('keep me');
    expect(await run(['export', path, '--format', 'graphml', '--out', notes, '--force'])).toBe(0);
    expect(readFileSync(notes, 'utf8')).toMatch(/^<\?xml/);

    // A name that does not fit the format, and a briefing over the case.
    err.length = 0;
    expect(await run(['export', path, '--format', 'kml', '--out', join(dir, 'places.txt')])).toBe(1);
    expect(err.join('')).toMatch(/places\.txt does not end in \.kml/);
    expect(await run(['brief', path, '--out', path, '--force'])).toBe(1);
    expect(readFileSync(path).equals(before)).toBe(true);
    // No temporary file is left behind by any refusal.
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
  });
});
