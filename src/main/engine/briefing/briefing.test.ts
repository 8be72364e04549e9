import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import { pdfFonts, pdfInfo, pdfText } from '../../../../tests/support/poppler';
import { useTempDirs } from '../../../../tests/support/tempDir';
import { parseInput } from '../../../shared/rpc';
import { createEngine } from '../engine';

const tempDir = useTempDirs();
const seedPath = join(projectRoot, 'tests', 'fixtures', 'border-incident-article.txt');
const ARTICLE_TITLE = 'Azerbaijan denounces an alleged invasion of the Armenian military into its territory';

async function seedCase() {
  const dir = tempDir();
  const engine = createEngine();
  await engine.handlers['cases.create']({ path: join(dir, 'seed.dossier'), title: 'Kalbajar border incident' });
  await engine.startImport([{ path: seedPath }]).finished;
  const document = await engine.handlers['documents.get']({ id: 1 });
  const at = document.text.indexOf('totally unacceptable');
  await engine.handlers['notes.create']({ documentId: 1, start: at, end: at + 'totally unacceptable'.length, body: 'Pashinyan on the capture of six soldiers.' });
  return { dir, engine, handlers: engine.handlers };
}

describe('briefing PDF export', () => {
  it('exports the seed case: title, marking on every page, places, actors, cited excerpt and numbered sources', async () => {
    const { dir, engine, handlers } = await seedCase();
    const draft = await handlers['briefings.draft']({});
    const spec = {
      ...draft,
      marking: 'RESTRICTED // TRAINING',
      author: 'Desk analyst',
      summary: '**Bottom line:** Azerbaijan accuses Armenia of an incursion near *Kəlbəcər*; Armenia denies it.\n\n- Armudlu\n- Yerevan',
      sections: [...draft.sections, { kind: 'notes' as const, title: 'Assessment', text: 'Ağdərə and Kəlbəcər; Армения; Հայաստան.' }],
    };
    const path = join(dir, 'briefing.pdf');
    const result = await handlers['briefings.export']({ spec, path });
    expect(existsSync(path)).toBe(true);
    const info = pdfInfo(path);
    expect(result.pages).toBe(info.pages);
    expect(info.pages).toBeGreaterThanOrEqual(7);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 842]);
    for (let page = 1; page <= info.pages; page += 1) {
      const text = pdfText(path, page);
      expect(text.match(/RESTRICTED \/\/ TRAINING/g)?.length, `page ${page}: header and footer`).toBe(2);
      expect(text).toContain(`Page ${page} of ${info.pages}`);
    }
    const text = pdfText(path);
    expect(text).toContain('Kalbajar border incident');
    expect(text).toContain('Kəlbəcər');
    expect(text).toContain('Ağdərə');
    expect(text).toContain('Армения');
    expect(text).toContain('Հայաստան');
    expect(text).toContain('Nikol Pashinyan');
    expect(text).toMatch(/Prime Minister, Armenia/);
    expect(text).toMatch(/“totally unacceptable” \[1\]/);
    expect(text).toMatch(new RegExp(`\\[1\\]\\s+${ARTICLE_TITLE.slice(0, 40)}`));
    expect(text).toContain('border-incident-article.txt');
    // The contents give each section's page.
    expect(text).toMatch(/Key actors\s+\d+/);
    // *Kəlbəcər* in the summary is set in italics, not in another colour.
    expect(pdfFonts(path)).toContain('NotoSans-Italic');
    engine.dispose();
  });

  it('saves briefings in the case (undoable), exports US Letter, and refuses a path that is not a PDF', async () => {
    const { dir, engine, handlers } = await seedCase();
    const draft = await handlers['briefings.draft']({});
    const saved = await handlers['briefings.save']({ spec: { ...draft, title: 'Weekly', pageSize: 'LETTER', sections: [{ kind: 'actors' }] } });
    expect(await handlers['briefings.list']({})).toEqual([expect.objectContaining({ id: saved.id, title: 'Weekly' })]);
    await handlers['briefings.save']({ id: saved.id, spec: { ...draft, title: 'Weekly 2', pageSize: 'LETTER', sections: [] } });
    expect(await handlers['history.undo']({})).toMatchObject({ operation: 'briefings.change', description: 'edit briefing "Weekly 2"' });
    const { id: _id, updatedAt: _updatedAt, ...spec } = await handlers['briefings.get']({ id: saved.id });
    expect(spec).toMatchObject({ title: 'Weekly', sections: [{ kind: 'actors' }] });

    const path = join(dir, 'weekly.pdf');
    await handlers['briefings.export']({ spec, path });
    const info = pdfInfo(path);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([612, 792]);
    await expect(async () => handlers['briefings.export']({ spec, path: join(dir, 'weekly.txt') })).rejects.toThrow(/does not end in \.pdf/);
    await handlers['briefings.delete']({ id: saved.id });
    expect(await handlers['briefings.list']({})).toEqual([]);
    await handlers['history.undo']({});
    expect(await handlers['briefings.list']({})).toHaveLength(1);
    engine.dispose();
  });

  it('shows the analyst\'s asserted link with its grading and evidence, and puts a dated link in the chronology', async () => {
    const { dir, engine, handlers } = await seedCase();
    const [pashinyan] = await handlers['entities.list']({ search: 'Pashinyan' });
    const azerbaijan = (await handlers['entities.list']({ search: 'Azerbaijan' })).find((entity) => entity.name === 'Azerbaijan')!;
    const document = await handlers['documents.get']({ id: 1 });
    const at = document.text.indexOf('totally unacceptable');
    await handlers['links.create'](
      parseInput('links.create', {
        from: `entity:${pashinyan!.id}`,
        to: `entity:${azerbaijan.id}`,
        relation: 'accuses',
        dateStart: '2021-05-27',
        reliability: 'B',
        credibility: 2,
        evidence: [{ documentId: 1, start: at, end: at + 'totally unacceptable'.length }],
      }),
    );
    const path = join(dir, 'links.pdf');
    await handlers['briefings.export']({ spec: await handlers['briefings.draft']({}), path });
    const text = pdfText(path).replace(/\s+/g, ' ');
    expect(text).toContain('Nikol Pashinyan accuses Azerbaijan (graded B2) [1]');
    expect(text).toMatch(/2021-05-27 Nikol Pashinyan accuses Azerbaijan \(graded B2\) \[1\]/);
    expect(text).toMatch(/\[1\] Azerbaijan denounces an alleged invasion of the Armenian military into its territory\. border-incident-article\.txt/);
    engine.dispose();
  });
});

