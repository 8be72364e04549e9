/**
 * FollowTheMoney out and in, checked with the FtM model itself (@alephdata/followthemoney): every
 * entity's schema exists and is not abstract, every property belongs to its schema, required
 * properties are there, values fit their property types, and every entity reference resolves to an
 * entity of the file whose schema fits the property's range.
 */
import { Model, defaultModel } from '@alephdata/followthemoney';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../shared/rpc';
import { createEngine } from '../engine/engine';
import { seedLinkCase } from '../../../tests/support/seedCase';
import { useTempDirs } from '../../../tests/support/tempDir';
import { runCli } from './program';

const tempDir = useTempDirs();
const model = new Model(defaultModel);

type Raw = { id: string; schema: string; properties: Record<string, string[]> };

const TYPE_RULES: Record<string, (value: string) => boolean> = {
  date: (value) => /^\d{4}(-\d{2}(-\d{2}(T[\d:.]+Z?)?)?)?$/.test(value),
  number: (value) => Number.isFinite(Number(value)),
  country: (value) => /^[a-z]{2}(-[a-z0-9]+)?$/.test(value),
  url: (value) => /^https?:\/\/\S+$/.test(value),
  mimetype: (value) => /^[a-z]+\/[a-z0-9.+-]+$/.test(value),
  language: (value) => /^[a-z]{3}$/.test(value),
};

/** Problems with FtM entity lines under the model; empty when every line fits. */
function ftmProblems(lines: readonly Raw[]): string[] {
  const problems: string[] = [];
  const schemaOf = new Map<string, string>();
  for (const raw of lines) {
    if (schemaOf.has(raw.id)) problems.push(`${raw.id}: id used twice`);
    schemaOf.set(raw.id, raw.schema);
  }
  for (const raw of lines) {
    const where = `${raw.schema} ${raw.id}`;
    if (!model.schemata[raw.schema]) {
      problems.push(`${where}: no such schema`);
      continue;
    }
    let entity;
    try {
      entity = model.getEntity(raw);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
      continue;
    }
    const schema = entity.schema;
    if (schema.abstract) problems.push(`${where}: abstract schema`);
    for (const required of schema.required) if (entity.getProperty(required).length === 0) problems.push(`${where}: required ${required} missing`);
    for (const [name, values] of Object.entries(raw.properties)) {
      const property = schema.getProperty(name);
      if (!Array.isArray(values) || values.some((value) => typeof value !== 'string')) problems.push(`${where}: ${name} is not a list of strings`);
      for (const value of values) {
        if (property.type.maxLength && value.length > property.type.maxLength && property.type.name !== 'text') problems.push(`${where}: ${name} longer than ${property.type.maxLength}`);
        const rule = TYPE_RULES[property.type.name];
        if (rule && !rule(value)) problems.push(`${where}: ${name} "${value}" is not a ${property.type.name}`);
        if (property.type.isEntity) {
          const target = schemaOf.get(value);
          if (!target) problems.push(`${where}: ${name} refers to ${value}, which is not in the file`);
          else if (!model.getSchema(target).isA(property.getRange())) problems.push(`${where}: ${name} refers to a ${target}, not a ${property.getRange().name}`);
        }
      }
    }
  }
  return problems;
}

function readLines(path: string): Raw[] {
  return readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Raw);
}

describe('FollowTheMoney export', () => {
  it('writes entity lines that the FtM model accepts in every schema, property and reference, with stable ids', async () => {
    const { dir, path, engine, pashinyan, azerbaijan, documentId, start, end } = await seedLinkCase(tempDir());
    await engine.handlers['links.create'](
      parseInput('links.create', { from: `entity:${pashinyan!.id}`, to: `entity:${azerbaijan!.id}`, relation: 'accuses', evidence: [{ documentId, start, end }], dateStart: '2024-03', reliability: 'B', credibility: 2 }),
    );
    await engine.handlers['notes.create'](parseInput('notes.create', { documentId, start, end, body: 'Strongest wording so far.' }));
    engine.dispose();
    const out = join(dir, 'case.ftm.json');
    expect(await runCli(['export', path, '--format', 'ftm', '--out', out], { out: () => undefined, err: () => undefined })).toBe(0);
    const lines = readLines(out);
    expect(ftmProblems(lines)).toEqual([]);

    const schemata = new Set(lines.map((line) => line.schema));
    for (const schema of ['Person', 'Address', 'Mention', 'UnknownLink', 'Documentation', 'Note']) expect(schemata).toContain(schema);
    const person = lines.find((line) => line.schema === 'Person' && line.properties['name']?.includes('Nikol Pashinyan'))!;
    const document = lines.find((line) => model.getSchema(line.schema).isA('Document'))!;
    expect(document.properties['bodyText']![0]).toContain('totally unacceptable');
    expect(person.properties['proof']).toEqual([document.id]);
    const link = lines.find((line) => line.schema === 'UnknownLink')!;
    expect(link.properties).toMatchObject({ subject: [person.id], role: ['accuses'], startDate: ['2024-03'], summary: ['Grading B2'] });
    expect(link.properties['description']![0]).toContain('totally unacceptable');
    expect(lines.some((line) => line.schema === 'Mention' && line.properties['resolved']?.[0] === person.id && line.properties['document']?.[0] === document.id)).toBe(true);
    const located = lines.filter((line) => line.schema === 'Address' && line.properties['latitude']);
    expect(located.length).toBeGreaterThan(0);

    // Exported again: the same ids.
    const again = join(dir, 'again.ijson');
    expect(await runCli(['export', path, '--format', 'ftm', '--out', again], { out: () => undefined, err: () => undefined })).toBe(0);
    expect(readLines(again).map((line) => line.id)).toEqual(lines.map((line) => line.id));
  });

  it('the validator catches an unknown property, a missing requirement and a dangling reference', () => {
    expect(ftmProblems([{ id: 'a', schema: 'Person', properties: { name: ['A'], shoeSize: ['44'] } }]).join()).toMatch(/shoeSize/);
    expect(ftmProblems([{ id: 'm', schema: 'Mention', properties: { name: ['A'] } }]).join()).toMatch(/required document missing/);
    expect(ftmProblems([{ id: 'm', schema: 'Mention', properties: { name: ['A'], document: ['nowhere'] } }]).join()).toMatch(/not in the file/);
    expect(ftmProblems([{ id: 'x', schema: 'Ghost', properties: {} }]).join()).toMatch(/no such schema/);
  });
});

describe('FollowTheMoney import', () => {
  it('brings entities, documents and mentions of an FtM file into another case, all suggested, and reports bad lines by number', async () => {
    const { dir, path, engine } = await seedLinkCase(tempDir());
    engine.dispose();
    const exported = join(dir, 'case.ftm.json');
    expect(await runCli(['export', path, '--format', 'ftm', '--out', exported], { out: () => undefined, err: () => undefined })).toBe(0);
    const lines = readFileSync(exported, 'utf8').trim().split('\n');
    const withErrors = join(dir, 'aleph.jsonl');
    writeFileSync(withErrors, [...lines, '{"id": "x", "schema": "Person", "properties": {"shoeSize": ["44"]}}', 'not json', ''].join('\n'));

    const other = join(dir, 'colleague.dossier');
    expect(await runCli(['new', other], { out: () => undefined, err: () => undefined })).toBe(0);
    const out: string[] = [];
    const code = await runCli(['import', other, withErrors], { out: (text) => out.push(text), err: (text) => out.push(text) });
    expect(code).toBe(1);
    const text = out.join('');
    expect(text).toMatch(/FollowTheMoney aleph\.jsonl: \d+ entities added/);
    expect(text).toMatch(new RegExp(`line ${lines.length + 1}: .*shoeSize`));
    expect(text).toMatch(new RegExp(`line ${lines.length + 2}: not a FollowTheMoney entity`));

    const check = createEngine();
    await check.handlers['cases.open']({ path: other });
    const entities = await check.handlers['entities.list']({});
    const pashinyan = entities.find((entity) => entity.name === 'Nikol Pashinyan')!;
    expect(pashinyan.status).toBe('suggested');
    expect(pashinyan.mentions).toBeGreaterThan(0);
    expect(entities.some((entity) => entity.type === 'location' && entity.coordinates !== null)).toBe(true);
    const documents = await check.handlers['documents.list']({ sort: 'importedAt', direction: 'desc', offset: 0, limit: 10 });
    expect(documents.total).toBe(1);
    check.dispose();

    // The same file again joins everything and adds nothing.
    out.length = 0;
    await runCli(['import', other, exported], { out: (line) => out.push(line), err: (line) => out.push(line) });
    expect(out.join('')).toMatch(/: 0 entities added and \d+ joined .* 0 documents added and 1 already here/);
  });
});
