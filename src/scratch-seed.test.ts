import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { createEngine } from './main/engine/engine';
import { seedReadingCase } from '../tests/support/seedReading';

it('prints', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-'));
  const engine = createEngine();
  await engine.handlers['cases.create']({ path: join(dir, 'x.dossier'), title: 'x' });
  const seeded = await seedReadingCase(engine);
  console.log('stored', seeded.stored);
  const ents = await engine.handlers['entities.list']({});
  console.log(ents.map((e) => `${e.id} ${e.name} ${e.type}`).join('\n'));
  console.log(JSON.stringify((await engine.handlers['times.list']({ documentId: seeded.documentId })).map((x) => [x.text, x.value, x.precision])));
  const claims = await engine.handlers['claims.list']({});
  console.log(claims.map((c) => `${c.id} ${c.speaker.name}(${c.speaker.entityId}) ${c.cue.text} ${c.stance} ${JSON.stringify(c.date)}`).join('\n'));
  const acc = await engine.handlers['claims.accounts']({});
  console.log(JSON.stringify(acc.map((g) => [g.topic, g.claims.map((c) => c.speaker.name)])));
  console.log(JSON.stringify((await engine.handlers['relations.list']({})).map((x) => [x.source.name, x.relation, x.target.name])));
  const tl = await engine.handlers['timeline.items']({});
  console.log(tl.undated, tl.items.map((i) => `${i.key} ${i.start}..${i.end} ${i.precision} ${i.approximate} ${i.dateSource} ${i.status} [${i.actors.map(a=>a.name)}] | ${i.label}`).join('\n'));
  engine.dispose();
});
