import { describe, expect, it } from 'vitest';
import { registerReversibles } from './undo';
import '../documents/actions';

describe('the undo registry', () => {
  it('refuses an operation registered twice', () => {
    expect(() => registerReversibles({ 'tags.create': { payload: { parse: () => ({}) } as never, describe: () => '', undo: () => undefined, redo: () => undefined } })).toThrow(
      /tags.create is registered twice/,
    );
  });
});
