import { describe, expect, it } from 'vitest';
import { fixture, readOne, refusal } from './fixtures';

describe('DOCX', () => {
  it('reads the text, sanitized HTML and core properties', async () => {
    const document = await readOne(fixture('memo.docx'));
    expect(document.kind).toBe('docx');
    expect(document.title).toBe('Situation report & outlook');
    expect(document.author).toBe('Field Office');
    expect(document.publishedAt).toBe('2021-05-13T08:00:00Z');
    expect(document.text).toBe('Situation report\n\nPatrols observed new positions near Armudlu on 12 May.\n\nThe commission will meet again in June.');
    expect(document.html).toContain('<strong>new positions</strong>');
    expect(document.language).toBe('en');
  });

  it('recognises a DOCX by its content when it has no extension', async () => {
    const { bytes } = fixture('memo.docx');
    expect((await readOne({ name: 'memo', bytes })).kind).toBe('docx');
  });

  it('refuses a DOCX zip bomb before mammoth sees it', async () => {
    const { bytes } = fixture('bomb.docx');
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const error = await refusal({ name: 'bomb.docx', bytes });
    expect(error.message).toBe(
      'bomb.docx expands more than 200 times its packed size (word/media/padding.bin); Dossier stopped reading it (possible zip bomb)',
    );
  });

  it('refuses a .docx that is not a Word document', async () => {
    const { bytes } = fixture('bundle.zip');
    expect((await refusal({ name: 'report.docx', bytes })).message).toBe(
      'report.docx is not a Word document (it has no word/document.xml); check the file',
    );
  });
});
