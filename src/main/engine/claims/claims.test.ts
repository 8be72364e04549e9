import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../shared/rpc';
import { projectRoot } from '../../../../tests/support/built';
import { useTempDirs } from '../../../../tests/support/tempDir';
import { createEngine } from '../engine';

const tempDir = useTempDirs();
const seedPath = join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt');

async function seedCase() {
  const engine = createEngine();
  const path = join(tempDir(), 'reading.dossier');
  await engine.handlers['cases.create'](parseInput('cases.create', { path, title: 'Reading' }));
  const report = await engine.startImport([{ path: seedPath }]).finished;
  const documentId = report.imported[0]!.documentId;
  return { engine, documentId, text: readFileSync(seedPath, 'utf8') };
}

describe('reading a case', () => {
  it('finds the times of an undated document, and resolves them when the analyst sets its date; undo un-resolves them', async () => {
    const { engine, documentId } = await seedCase();
    const before = await engine.handlers['times.list']({ documentId });
    const wednesday = before.find((time) => time.text.includes('Wednesday'))!;
    expect(wednesday).toMatchObject({ value: null, anchor: 'document' });
    expect(before.find((time) => time.text === '2020')).toMatchObject({ value: '2020', precision: 'year' });

    await engine.handlers['documents.update'](parseInput('documents.update', { id: documentId, publishedAt: '2021-06-02' }));
    const after = await engine.handlers['times.list']({ documentId });
    expect(after.find((time) => time.text.includes('Wednesday'))).toMatchObject({ value: '2021-06-02', precision: 'day' });
    expect(after.find((time) => time.text.includes('Tuesday'))).toMatchObject({ value: '2021-06-01', precision: 'day' });
    expect(after.find((time) => time.text.includes('November 10'))).toMatchObject({ value: '2020-11-10' });
    expect(after.find((time) => /mid-May/.test(time.text))).toMatchObject({ value: '2021-05', precision: 'month', approximate: true });

    await engine.handlers['history.undo']({});
    const undone = await engine.handlers['times.list']({ documentId });
    expect(undone.find((time) => time.text.includes('Wednesday'))).toMatchObject({ value: null });
    engine.dispose();
  });
});
