import { describe, expect, it } from 'vitest';
import { combineChannelMaps } from './api';
import { DossierError } from './errors';
import { createDispatcher, parseInput } from './rpc';

const info = {
  path: '/cases/x.dossier',
  title: 'X',
  description: '',
  schemaVersion: 1,
  readOnly: false,
  createdAt: 'now',
  updatedAt: 'now',
  counts: { documents: 0, entities: 0, links: 0 },
};

describe('createDispatcher', () => {
  const calls: unknown[] = [];
  const dispatch = createDispatcher({
    'cases.open': (input) => {
      calls.push(input);
      if (input.path.endsWith('.txt')) throw new DossierError('not-a-case', `${input.path} is not a Dossier case file`);
      if (input.path === 'boom') throw new Error('disk on fire');
      if (input.path === 'bad-output') return { title: 'missing fields' } as never;
      return { ...info, path: input.path };
    },
  });

  it('answers a valid call with its value', async () => {
    expect(await dispatch('cases.open', { path: ' /cases/x.dossier ' })).toEqual({ ok: true, value: info });
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['a missing field', {}],
    ['a wrong type', { path: 7 }],
    ['an extra field', { path: 'x.dossier', evil: true }],
    ['an empty path', { path: '   ' }],
    ['a huge path', { path: 'x'.repeat(5000) }],
  ])('refuses %s as input before the handler runs', async (_label, input) => {
    calls.length = 0;
    const result = await dispatch('cases.open', input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toMatch(/^cases\.open was called with bad input: /);
    }
    expect(calls).toEqual([]);
  });

  it('refuses channels that do not exist or that it does not serve', async () => {
    for (const channel of ['cases.delete', 'cases.create', '__proto__', 42]) {
      const result = await dispatch(channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('passes a DossierError through as a typed error', async () => {
    expect(await dispatch('cases.open', { path: 'notes.txt' })).toEqual({
      ok: false,
      error: { code: 'not-a-case', message: 'notes.txt is not a Dossier case file' },
    });
  });

  it('reports unexpected failures and output the contract does not allow as internal errors', async () => {
    expect(await dispatch('cases.open', { path: 'boom' })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'cases.open failed unexpectedly: disk on fire' },
    });
    const bad = await dispatch('cases.open', { path: 'bad-output' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('combineChannelMaps', () => {
  it('throws when a channel is registered twice', () => {
    expect(() => combineChannelMaps({ 'a.b': 1 }, { 'a.b': 2 })).toThrow(/a\.b is registered twice/);
  });
});

describe('parseInput on a flood', () => {
  it('refuses 200,000 bad list items before the schema sees them, and lists only the first few problems of a bad payload', () => {
    const flood = Array.from({ length: 200_000 }, () => 'not a number');
    expect(() => parseInput('tags.apply', { tag: { name: 'x' }, documentIds: flood, action: 'add' })).toThrow(/too much data \(a list of 200,000 items; at most 100,000\)/);
    let nested: unknown = 1;
    for (let depth = 0; depth < 100; depth += 1) nested = [nested];
    expect(() => parseInput('tags.apply', { tag: { name: 'x' }, documentIds: nested, action: 'add' })).toThrow(/nested more than 32 levels/);
    const many = Array.from({ length: 50 }, () => 'x');
    expect(() => parseInput('tags.apply', { tag: { name: 'x' }, documentIds: many, action: 'add' })).toThrow(/; and 45 more$/);
  });
});
