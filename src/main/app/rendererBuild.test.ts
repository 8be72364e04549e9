import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtFile } from '../../../tests/support/built';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

describe('the built renderer', () => {
  it('carries the strict Content-Security-Policy and loads nothing from elsewhere', () => {
    const html = readFileSync(builtFile('renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]?.replaceAll('&#39;', "'")).toBe(CONTENT_SECURITY_POLICY);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
