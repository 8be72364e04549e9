import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFile } from '../../../tests/support/built';
import { useTempDirs } from '../../../tests/support/tempDir';
import { startEngineHost } from './engineHost';

const tempDir = useTempDirs();

describe('the engine worker', () => {
  it('answers calls from a real worker thread, in order, with typed errors', async () => {
    const dir = tempDir();
    const host = startEngineHost(builtFile('main/worker.js'), { stateDir: dir });
    try {
      const path = join(dir, 'worker.dossier');
      const [created, renamed, current] = await Promise.all([
        host.call('cases.create', { path, title: 'Border incident' }),
        host.call('cases.update', { title: 'Renamed' }),
        host.call('cases.current', {}),
      ]);
      expect(created).toMatchObject({ ok: true, value: { title: 'Border incident' } });
      expect(renamed).toMatchObject({ ok: true, value: { title: 'Renamed' } });
      expect(current).toMatchObject({ ok: true, value: { title: 'Renamed', path } });
      expect(await host.call('cases.open', { path: 7 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await host.call('cases.open', { path: join(dir, 'none.dossier') })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    } finally {
      await host.stop();
    }
  });
});
