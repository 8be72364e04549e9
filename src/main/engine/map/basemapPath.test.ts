import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBasemapPath } from './basemap';

describe('a basemap path saved in a case', () => {
  it('must name a regular file on this machine: no network share, no device, no pipe', () => {
    expect(() => checkBasemapPath('\\\\evil-host\\share\\tiles.pmtiles')).toThrow(/on a network share .*only from this machine's disks/);
    expect(() => checkBasemapPath('//evil-host/share/tiles.pmtiles')).toThrow(/on a network share/);
    expect(() => checkBasemapPath('\\\\.\\PhysicalDrive0')).toThrow(/is a device/);
    expect(() => checkBasemapPath('/dev/zero')).toThrow(/is a device/);
    const fifo = join(mkdtempSync(join(tmpdir(), 'dossier-basemap-')), 'tiles.pmtiles');
    execFileSync('mkfifo', [fifo]);
    expect(() => checkBasemapPath(fifo)).toThrow(/tiles\.pmtiles is not a regular file/);
  });
});
