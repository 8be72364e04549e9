/**
 * The STIX export checked against the STIX 2.1 specification (OASIS Committee Specification 02):
 * identifiers (§2.9), common properties (§3.2), timestamps (§3.2, RFC 3339 in UTC with "Z"),
 * custom properties (§11.1), the bundle (§8), and the required properties of the object types we
 * write (identity §4.5, location §4.11, note §4.12, report §4.15, relationship §5.1).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../shared/rpc';
import { seedLinkCase } from '../../../tests/support/seedCase';
import { useTempDirs } from '../../../tests/support/tempDir';
import { runCli } from './program';
import { periodBound, relationshipType } from '../engine/exchange/stix';

const tempDir = useTempDirs();

type Json = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const COMMON = ['type', 'spec_version', 'id', 'created_by_ref', 'created', 'modified', 'revoked', 'labels', 'confidence', 'lang', 'external_references', 'object_marking_refs', 'granular_markings', 'extensions'];
/** Each type's own properties: [required, optional]. */
const TYPES: Record<string, [string[], string[]]> = {
  identity: [['name'], ['description', 'roles', 'identity_class', 'sectors', 'contact_information']],
  location: [[], ['name', 'description', 'latitude', 'longitude', 'precision', 'region', 'country', 'administrative_area', 'city', 'street_address', 'postal_code']],
  note: [['content', 'object_refs'], ['abstract', 'authors']],
  report: [['name', 'published', 'object_refs'], ['description', 'report_types']],
  relationship: [['relationship_type', 'source_ref', 'target_ref'], ['description', 'start_time', 'stop_time']],
};
const HASH_ALGORITHMS = new Set(['MD5', 'SHA-1', 'SHA-256', 'SHA-512', 'SHA3-256', 'SHA3-512', 'SSDEEP', 'TLSH']);

/** Problems with a bundle under the rules above; empty when it conforms. */
function stixProblems(bundle: Json): string[] {
  const problems: string[] = [];
  const check = (condition: boolean, problem: string) => {
    if (!condition) problems.push(problem);
  };
  const isIdentifier = (value: unknown, type?: string): boolean => {
    if (typeof value !== 'string') return false;
    const [prefix, uuid, ...rest] = value.split('--');
    return rest.length === 0 && /^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/.test(prefix ?? '') && UUID.test(uuid ?? '') && (!type || prefix === type);
  };
  check(bundle['type'] === 'bundle', 'bundle type');
  check(isIdentifier(bundle['id'], 'bundle'), 'bundle id');
  check(!('spec_version' in bundle), 'a 2.1 bundle has no spec_version');
  const objects = bundle['objects'] as Json[];
  check(Array.isArray(objects) && objects.length > 0, 'bundle objects');
  const ids = new Set<string>();
  for (const object of objects) {
    const type = object['type'] as string;
    const where = `${type} ${String(object['id'])}`;
    check(isIdentifier(object['id'], type), `${where}: id is not "${type}--<UUID>"`);
    check(!ids.has(object['id'] as string), `${where}: id used twice`);
    ids.add(object['id'] as string);
    check(object['spec_version'] === '2.1', `${where}: spec_version`);
    check(typeof object['created'] === 'string' && TIMESTAMP.test(object['created']), `${where}: created is not an RFC 3339 UTC timestamp`);
    check(typeof object['modified'] === 'string' && TIMESTAMP.test(object['modified']), `${where}: modified`);
    check(String(object['modified']) >= String(object['created']), `${where}: modified before created`);
    const own = TYPES[type];
    check(own !== undefined, `${where}: a type this exporter should not write`);
    if (!own) continue;
    for (const name of own[0]) check(object[name] !== undefined, `${where}: required ${name} missing`);
    for (const [name, value] of Object.entries(object)) {
      const known = COMMON.includes(name) || own[0].includes(name) || own[1].includes(name);
      // Custom property names: ASCII letters, digits and underscore, 3 to 250 long; ours start x_.
      check(known || /^x_[a-z0-9_]{1,248}$/.test(name), `${where}: ${name} is neither a ${type} property nor a custom x_ property`);
      check(value !== null && !(Array.isArray(value) && value.length === 0), `${where}: ${name} is empty`);
      if (name.endsWith('_time') || name === 'published') check(typeof value === 'string' && TIMESTAMP.test(value), `${where}: ${name} timestamp`);
    }
    if (object['confidence'] !== undefined) check(Number.isInteger(object['confidence']) && (object['confidence'] as number) >= 0 && (object['confidence'] as number) <= 100, `${where}: confidence`);
    for (const reference of (object['external_references'] as Json[] | undefined) ?? []) {
      check(typeof reference['source_name'] === 'string', `${where}: external reference without source_name`);
      for (const [algorithm, hash] of Object.entries((reference['hashes'] as Json | undefined) ?? {})) {
        check(HASH_ALGORITHMS.has(algorithm) && typeof hash === 'string', `${where}: hash ${algorithm}`);
      }
    }
    if (type === 'location') {
      const hasPoint = object['latitude'] !== undefined && object['longitude'] !== undefined;
      check(hasPoint || object['region'] !== undefined || object['country'] !== undefined, `${where}: a location needs region, country or latitude and longitude`);
      check((object['latitude'] === undefined) === (object['longitude'] === undefined), `${where}: latitude without longitude`);
      if (hasPoint) check(Math.abs(object['latitude'] as number) <= 90 && Math.abs(object['longitude'] as number) <= 180, `${where}: coordinates out of range`);
    }
    if (type === 'relationship') {
      check(/^[a-z0-9-]+$/.test(String(object['relationship_type'])), `${where}: relationship_type`);
      const [start, stop] = [object['start_time'], object['stop_time']];
      if (typeof start === 'string' && typeof stop === 'string') check(stop > start, `${where}: stop_time not after start_time`);
    }
  }
  // Every reference points at an object of the bundle, and of the right type.
  for (const object of objects) {
    for (const [name, value] of Object.entries(object)) {
      const references = name.endsWith('_ref') ? [value] : name.endsWith('_refs') ? (value as unknown[]) : [];
      for (const reference of references) check(typeof reference === 'string' && ids.has(reference), `${String(object['id'])}: ${name} ${String(reference)} is not in the bundle`);
    }
  }
  return problems;
}

async function exportStix() {
  const seeded = await seedLinkCase(tempDir());
  const { dir, path, engine, pashinyan, azerbaijan, documentId, start, end } = seeded;
  await engine.handlers['links.create'](
    parseInput('links.create', {
      from: `entity:${pashinyan!.id}`,
      to: `entity:${azerbaijan!.id}`,
      relation: 'accuses',
      evidence: [{ documentId, start, end }],
      dateStart: '2024-03',
      reliability: 'B',
      credibility: 2,
    }),
  );
  await engine.handlers['links.create'](parseInput('links.create', { from: `document:${documentId}`, to: `entity:${pashinyan!.id}`, relation: 'quotes' }));
  await engine.handlers['notes.create'](parseInput('notes.create', { documentId, start, end, body: 'Strongest wording so far.' }));
  engine.dispose();
  const out = join(dir, 'case.stix.json');
  const lines: string[] = [];
  expect(await runCli(['export', path, '--format', 'stix', '--out', out], { out: (text) => lines.push(text), err: (text) => lines.push(text) })).toBe(0);
  return { ...seeded, out, message: lines.join(''), bundle: JSON.parse(readFileSync(out, 'utf8')) as Json };
}

describe('STIX 2.1 export', () => {
  it('writes one bundle that follows the specification, with identities, locations, the graded link, the note and the case report', async () => {
    const { bundle, message, pashinyan, azerbaijan, documentId, path, dir } = await exportStix();
    expect(stixProblems(bundle)).toEqual([]);
    const objects = bundle['objects'] as Json[];
    const byDossierId = (key: string) => objects.find((object) => object['x_dossier_id'] === key);
    expect(byDossierId(`entity:${pashinyan!.id}`)).toMatchObject({ type: 'identity', name: 'Nikol Pashinyan', identity_class: 'individual' });
    const located = objects.filter((object) => object['type'] === 'location');
    expect(located.length).toBeGreaterThan(0);
    expect(located.every((object) => typeof object['latitude'] === 'number')).toBe(true);
    const target = byDossierId(`entity:${azerbaijan!.id}`)!;

    const relationship = objects.find((object) => object['type'] === 'relationship')!;
    expect(relationship).toMatchObject({
      relationship_type: 'accuses',
      source_ref: byDossierId(`entity:${pashinyan!.id}`)!['id'],
      target_ref: target['id'],
      x_dossier_grading: 'B2',
      confidence: 70,
      start_time: '2024-03-01T00:00:00.000Z',
      stop_time: '2024-03-31T23:59:59.999Z',
      x_dossier_directed: true,
    });
    expect(relationship['description']).toContain('totally unacceptable');
    const cited = (relationship['external_references'] as Json[])[0]!;
    expect(cited['external_id']).toBe(`document:${documentId}`);
    expect((cited['hashes'] as Json)['SHA-256']).toMatch(/^[0-9a-f]{64}$/);
    // A link to a document has no STIX relationship; the message says so.
    expect(objects.filter((object) => object['type'] === 'relationship')).toHaveLength(1);
    expect(message).toMatch(/Left out: .*1 link to documents/);

    const note = objects.find((object) => object['type'] === 'note')!;
    expect(note['content']).toBe('Strongest wording so far.');
    const report = objects.find((object) => object['type'] === 'report')!;
    expect(report['name']).toBe('Border graph');
    expect(note['object_refs']).toEqual([report['id']]);
    expect((report['object_refs'] as string[]).length).toBe(objects.length - 1);
    expect((report['external_references'] as Json[]).map((reference) => reference['external_id'])).toEqual([`document:${documentId}`]);

    // Exported again, every id is the same.
    const again = join(dir, 'again.json');
    expect(await runCli(['export', path, '--format', 'stix', '--out', again], { out: () => undefined, err: () => undefined })).toBe(0);
    const second = JSON.parse(readFileSync(again, 'utf8')) as Json;
    expect(second['id']).toBe(bundle['id']);
    expect((second['objects'] as Json[]).map((object) => object['id'])).toEqual(objects.map((object) => object['id']));
  });

  it('the validator catches what the specification forbids', () => {
    const good = { type: 'identity', spec_version: '2.1', id: 'identity--6ba7b811-9dad-51d1-80b4-00c04fd430c8', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', name: 'A' };
    const bundle = (object: Json) => ({ type: 'bundle', id: 'bundle--6ba7b811-9dad-51d1-80b4-00c04fd430c8', objects: [object] });
    expect(stixProblems(bundle(good))).toEqual([]);
    expect(stixProblems(bundle({ ...good, id: 'person--6ba7b811-9dad-51d1-80b4-00c04fd430c8' }))).toContain(`identity person--6ba7b811-9dad-51d1-80b4-00c04fd430c8: id is not "identity--<UUID>"`);
    expect(stixProblems(bundle({ ...good, created: '2024-01-01T00:00:00+02:00' })).join()).toMatch(/created is not/);
    expect(stixProblems(bundle({ ...good, grading: 'B2' })).join()).toMatch(/grading is neither/);
    expect(stixProblems(bundle({ ...good, created_by_ref: 'identity--00000000-0000-4000-8000-000000000000' })).join()).toMatch(/not in the bundle/);
    expect(stixProblems(bundle({ ...good, name: undefined })).join()).toMatch(/required name missing/);
  });

  it('names relations and periods the STIX way', () => {
    expect(relationshipType('Negotiates with')).toBe('negotiates-with');
    expect(relationshipType('İçişləri nazirliyinə tabedir')).toMatch(/^[a-z0-9-]+$/);
    expect(relationshipType('…')).toBe('related-to');
    expect(periodBound('2024', true)).toBe('2024-12-31T23:59:59.999Z');
    expect(periodBound('2024-02-29', false)).toBe('2024-02-29T00:00:00.000Z');
  });
});
