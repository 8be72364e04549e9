import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../../tests/support/built';
import type { PageImage } from '../../../../tests/support/poppler';
import { pdfFonts, pdfInfo, pdfPageImage, pdfText } from '../../../../tests/support/poppler';
import { useTempDirs } from '../../../../tests/support/tempDir';
import type { DrawingFields } from '../../../shared/map';
import { parseInput } from '../../../shared/rpc';
import { createEngine } from '../engine';
import { mapPanel, PIN_LABEL } from './panels';

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

/** Pixels within `tolerance` (per channel) of `color`, given as #rrggbb. */
function countColour(image: PageImage, color: string, tolerance: number): number {
  const [red, green, blue] = [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16)) as [number, number, number];
  let count = 0;
  for (let at = 0; at + 2 < image.pixels.length; at += 3) {
    const [r, g, b] = [image.pixels[at]!, image.pixels[at + 1]!, image.pixels[at + 2]!];
    if (Math.abs(r - red) <= tolerance && Math.abs(g - green) <= tolerance && Math.abs(b - blue) <= tolerance) count += 1;
  }
  return count;
}

describe('briefing PDF export', () => {
  it('keeps web and mail links of the Markdown as links, and javascript: or file: links as plain text', async () => {
    const { dir, handlers } = await seedCase();
    const draft = await handlers['briefings.draft']({});
    const summary = '[the ministry](https://mod.gov.az/en/news) · [run me](javascript:alert(1)) · [a file](file:///etc/passwd) · [write](mailto:desk@example.org)';
    const path = join(dir, 'links.pdf');
    await handlers['briefings.export']({ spec: { ...draft, summary, sections: [] }, path });
    const raw = readFileSync(path, 'latin1');
    expect(raw).toContain('https://mod.gov.az/en/news');
    expect(raw).toContain('mailto:desk@example.org');
    expect(raw).not.toMatch(/javascript:|file:\/\//);
    expect(pdfText(path)).toMatch(/run me/);
  });

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

  it("draws the analyst's polygon, line and point on the map with their labels, the map widened to take them in", async () => {
    const { dir, engine, handlers } = await seedCase();
    const drawing = { note: '', entityIds: [], documentIds: [] };
    const drawings: DrawingFields[] = [
      // Anticlockwise, as GeoJSON and the Map view have it: drawn the other way round, it would cover the rest of the world.
      { ...drawing, label: 'Border sector 7', color: '#e64980', geometry: { type: 'Polygon', coordinates: [[[45.9, 40], [46.3, 40], [46.3, 40.3], [45.9, 40.3], [45.9, 40]]] } },
      { ...drawing, label: 'Incursion route', color: '#5f3dc4', geometry: { type: 'LineString', coordinates: [[45.5, 40.4], [45.8, 40.2], [46, 40.1]] } },
      // Far north of every place in the case: only on the map when the map takes the drawings in.
      { ...drawing, label: 'Staging area Нальчик', color: '#1c7ed6', geometry: { type: 'Point', coordinates: [43.6, 43.5] } },
    ];
    for (const fields of drawings) await handlers['map.createDrawing'](fields);
    const path = join(dir, 'drawings.pdf');
    const draft = await handlers['briefings.draft']({});
    await handlers['briefings.export']({ spec: { ...draft, sections: [{ kind: 'places' }] }, path });
    // Cover, contents, then the places.
    const text = pdfText(path, 3).replace(/\s+/g, ' ');
    expect(text).toContain('In colour: the analyst\'s 3 drawings.');
    for (const { label } of drawings) expect(text).toContain(label);

    const image = pdfPageImage(path, 3, 100);
    // The polygon's outline in its colour, and inside it the colour at 18% over the land (#f4f1ea)…
    expect(countColour(image, '#e64980', 24)).toBeGreaterThan(100);
    const inside = countColour(image, '#f1d3d7', 6);
    expect(inside).toBeGreaterThan(300);
    // …over a few square centimetres, not over the rest of the world.
    expect(inside).toBeLessThan(image.width * image.height * 0.02);
    expect(countColour(image, '#5f3dc4', 24)).toBeGreaterThan(80);
    expect(countColour(image, '#1c7ed6', 24)).toBeGreaterThan(40);
    engine.dispose();
  });
});


describe('sources', () => {
  it('cites in the text every document the Sources list gives, the relations graph\'s included', async () => {
    const { dir, engine, handlers } = await seedCase();
    const second = join(dir, 'statement.txt');
    writeFileSync(second, 'Statement\n\nIlham Aliyev and Nikol Pashinyan spoke by telephone about Kalbajar on Friday.\n');
    await engine.startImport([{ path: second }]).finished;
    const draft = await handlers['briefings.draft']({});
    const path = join(dir, 'relations.pdf');
    await handlers['briefings.export']({ spec: { ...draft, sections: [{ kind: 'relationships' }] }, path });
    const text = pdfText(path).replace(/\s+/g, ' ');
    const [body = '', sources = ''] = text.split(/ Sources (?=\[1\])/);
    const listed = [...sources.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    expect(listed).toEqual([1, 2]);
    for (const note of listed) expect(body).toContain(`[${note}]`);
    expect(body).toMatch(/named together, within a sentence or two in \[1\]\[2\]/);
    engine.dispose();
  });
});

describe('the map panel', () => {
  it('moves a country\'s name off the place names it would cover ("ARMENIA" over "Yerevan")', () => {
    const pin = (name: string, lat: number, lon: number) => ({ name, lat, lon, confirmed: false, mentions: 1, subtype: 'city' });
    const pins = [pin('Yerevan', 40.18, 44.51), pin('Baku', 40.38, 49.89), pin('Kalbajar', 40.1, 46.04), pin('Gyumri', 40.79, 43.85)];
    const panel = mapPanel(pins, [], join(projectRoot, 'resources', 'basemap'), 480, 374);
    const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
    const overlaps = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    // The country's name in bold capitals (about 0.65 em a letter), centred; a place's name starts right of its pin.
    const countryBoxes = panel.countries.map((country) => box(country.x - country.name.length * 3.4, country.y - 8, country.name.length * 6.8, 10));
    const pinNameBoxes = panel.pins.map((placed) => box(placed.x + PIN_LABEL.dx, placed.y + PIN_LABEL.dy - 6, placed.name.length * 4.4, 7.5));
    expect(panel.countries.map((country) => country.name)).toEqual(expect.arrayContaining(['Armenia', 'Azerbaijan']));
    for (const country of countryBoxes) for (const name of pinNameBoxes) expect(overlaps(country, name)).toBe(false);
  });
});
