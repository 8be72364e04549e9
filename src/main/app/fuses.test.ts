import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script, without types.
import { dossierFuses } from '../../../scripts/fusesConfig.mjs';

describe('Electron fuses of a packaged build', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect, and turn on cookie encryption and ASAR integrity', () => {
    const fuses = (dossierFuses as () => Record<number, boolean>)();
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
  });
});
