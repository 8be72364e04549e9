import { FuseV1Options } from '@electron/fuses';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../tests/support/built';
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

  it('are the ones the packaging config (electron-builder.json) flips, with the app data unpacked beside the archive', () => {
    const config = JSON.parse(readFileSync(join(projectRoot, 'electron-builder.json'), 'utf8')) as { electronFuses: Record<string, boolean>; asar: boolean; asarUnpack: string[] };
    const fuses = (dossierFuses as () => Record<number, boolean>)();
    const names: Record<string, FuseV1Options> = {
      runAsNode: FuseV1Options.RunAsNode,
      enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
      enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
      enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
      enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
      onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
      grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
    };
    expect(Object.keys(config.electronFuses).sort()).toEqual(Object.keys(names).sort());
    for (const [name, option] of Object.entries(names)) expect(config.electronFuses[name], name).toBe(fuses[option]);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('resources/**');
  });
});
