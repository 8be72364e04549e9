// Every limit of engine/limits.ts met by a file made to cross it: each refusal names the file and the
// limit and says what to do; each truncation keeps what fits and says so in the document.
import { deflateSync, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../limits';
import type { ExtractOutcome, IngestFile } from '../types';
import { readOne, refusal } from './fixtures';
import { htmlNestingDepth } from './html';
import { readFile } from './index';
import { crc32 } from './zip';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const STORY = 'Armenian and Azerbaijani forces exchanged fire near Sotk on Tuesday, the Defence Ministry in Yerevan said. ';

function members(outcome: ExtractOutcome): readonly IngestFile[] {
  if (outcome.type !== 'container') throw new Error('expected an archive');
  return outcome.members;
}

async function pdfWithPages(count: number, text: (page: number) => string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= count; page += 1) document.addPage().drawText(text(page), { x: 50, y: 700, size: 10, font });
  return document.save();
}

/** A one-page PDF whose content stream is `packed` (Flate data), written by hand. */
function pdfWithStream(packed: Uint8Array): Uint8Array {
  const head = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n' +
    `4 0 obj\n<< /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`;
  const tail = '\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
  return new Uint8Array([...utf8(head), ...packed, ...utf8(tail)]);
}

describe('limits', () => {
  it('cuts a text past maxDocumentCharacters at a paragraph, with a note naming the file and the limit', async () => {
    const text = Array.from({ length: 200 }, (_, index) => `${index}. ${STORY}\n\n`).join('');
    const document = await readOne({ name: 'long.txt', bytes: utf8(text) }, { ...DEFAULT_LIMITS, maxDocumentCharacters: 5_000 });
    expect(document.text.length).toBeLessThan(5_400);
    expect(document.text).toContain('30. Armenian');
    expect(document.text).toMatch(/\[Dossier kept the first 5,000 characters at most of long\.txt \(the limit maxDocumentCharacters\); the rest is not in the case\. Split the file/);
    expect(document.meta.truncated).toMatch(/maxDocumentCharacters/);
    // Cut where a paragraph ends, not inside a word.
    expect(document.text.split('\n\n[')[0]).toMatch(/said\.$/);
  });

  it('decodes no more of a huge text than the limit needs, and never splits a character', async () => {
    const bytes = utf8('ə'.repeat(30_000));
    const document = await readOne({ name: 'schwa.txt', bytes }, { ...DEFAULT_LIMITS, maxDocumentCharacters: 10_001 });
    const kept = document.text.split('\n\n[')[0]!;
    expect(kept).toMatch(/^ə+$/);
    expect(kept.length).toBeLessThanOrEqual(10_001);
  });

  it('reads the first maxPdfPages pages of a PDF that declares more, and says so', async () => {
    const bytes = await pdfWithPages(12, (page) => `Page ${page} text.`);
    const document = await readOne({ name: 'many.pdf', bytes }, { ...DEFAULT_LIMITS, maxPdfPages: 5 });
    expect(document.pageStarts).toHaveLength(5);
    expect(document.text).toContain('Page 5 text.');
    expect(document.text).not.toContain('Page 6 text.');
    expect(document.text).toMatch(/\[Dossier kept the first 5 of its 12 pages of many\.pdf \(the limit maxPdfPages\)/);
  });

  it('stops reading a PDF page past maxPdfPageCharacters', async () => {
    const bytes = await pdfWithPages(2, () => 'x'.repeat(300));
    const document = await readOne({ name: 'wide.pdf', bytes }, { ...DEFAULT_LIMITS, maxPdfPageCharacters: 100 });
    expect(document.text).toMatch(/Dossier kept the text of pages 1 to 1 only, and of page 1 the first 100 characters of wide\.pdf \(the limit maxPdfPageCharacters\)/);
    expect(document.text.split('\n\n[')[0]!.replace(/\s/g, '').length).toBeLessThanOrEqual(100);
  });

  it('refuses a PDF whose stream expands past maxPdfStreamBytes before pdf.js decodes it', async () => {
    const zeros = deflateSync(new Uint8Array(3 * 1024 * 1024));
    const error = await refusal({ name: 'zeros.pdf', bytes: pdfWithStream(zeros) }, { ...DEFAULT_LIMITS, maxPdfStreamBytes: 1024 * 1024 });
    expect(error.message).toMatch(/^zeros\.pdf has a stream that expands to more than 1 MB \(the limit maxPdfStreamBytes/);
  });

  it('refuses a PDF whose graphics states nest past maxPdfGraphicsNesting, which pdf.js would take hours over', async () => {
    const content = utf8(`${'q '.repeat(50_000)}BT (deep) Tj ET${' Q'.repeat(10)}`);
    const error = await refusal({ name: 'nested.pdf', bytes: pdfWithStream(deflateSync(content)) });
    expect(error.message).toMatch(/^nested\.pdf nests graphics states 50,000 deep; Dossier reads PDFs nested up to 1,000 deep \(the limit maxPdfGraphicsNesting/);
  });

  it('refuses a web page over maxHtmlBytes', async () => {
    const error = await refusal({ name: 'page.html', bytes: utf8(`<html><body><p>${STORY.repeat(100)}</p></body></html>`) }, { ...DEFAULT_LIMITS, maxHtmlBytes: 4096 });
    expect(error.message).toMatch(/^page\.html is a web page of \d+ KB; Dossier reads pages of up to 4 KB \(the limit maxHtmlBytes\); save the page as plain text/);
  });

  it('refuses HTML nested past maxHtmlDepth with a message, not a stack overflow', async () => {
    const html = `<html><body>${'<div>'.repeat(20_000)}${STORY}${'</div>'.repeat(20_000)}</body></html>`;
    const error = await refusal({ name: 'deep.html', bytes: utf8(html) });
    expect(error.message).toMatch(/^deep\.html cannot be read: its HTML nests elements \d+ deep, and Dossier reads HTML nested up to 500 deep \(maxHtmlDepth\); save the page as plain text/);
    // Elements whose end the parser implies, comments and scripts do not count.
    expect(htmlNestingDepth(`${'<p>x'.repeat(5000)}<!--${'<div>'.repeat(900)}--><script>${'<div>'.repeat(900)}</script>`)).toBe(0);
  });

  it('keeps the words of an e-mail whose HTML body is too deep to read as a page', async () => {
    const message = `From: a@example.org\r\nSubject: deep\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>${'<div>'.repeat(5_000)}${STORY}${'</div>'.repeat(5_000)}`;
    const document = await readOne({ name: 'deep.eml', bytes: utf8(message) });
    expect(document.text).toContain('Armenian and Azerbaijani forces');
    expect(document.text).not.toContain('alert');
    expect(document.html).toBeNull();
  });

  it('refuses an e-mail message over maxMessageBytes, saying how to get at its parts', async () => {
    const message = `From: a@example.org\r\nSubject: big\r\n\r\n${STORY.repeat(100)}`;
    const error = await refusal({ name: 'big.eml', bytes: utf8(message) }, { ...DEFAULT_LIMITS, maxMessageBytes: 2_000 });
    expect(error.message).toMatch(/^big\.eml is a message of \d+ KB; Dossier reads messages of up to 2 KB \(the limit maxMessageBytes\); save its attachments/);
  });

  it('refuses a Word document with more XML than maxDocxXmlBytes or maxDocxXmlElements, or nested past maxHtmlDepth', async () => {
    const word = (body: string): Uint8Array =>
      zipSync({
        '[Content_Types].xml': utf8('<Types/>'),
        'word/document.xml': utf8(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
      });
    const big = await refusal({ name: 'big.docx', bytes: word(`<w:p><w:r><w:t>${STORY.repeat(100)}</w:t></w:r></w:p>`) }, { ...DEFAULT_LIMITS, maxDocxXmlBytes: 4096 });
    expect(big.message).toMatch(/^big\.docx holds \d+ KB of Word XML; Dossier reads Word documents with up to 4 KB \(maxDocxXmlBytes\)/);
    const deep = await refusal({ name: 'deep.docx', bytes: word(`${'<w:sdt><w:sdtContent>'.repeat(3000)}<w:p/>${'</w:sdtContent></w:sdt>'.repeat(3000)}`) });
    expect(deep.message).toMatch(/^deep\.docx nests its XML 6002 deep \(word\/document\.xml\); Dossier reads Word documents nested up to 500 deep \(maxHtmlDepth\)/);
    // Tiny runs: few bytes, but an object in the Word reader for every element.
    const runs = await refusal({ name: 'runs.docx', bytes: word(`<w:p>${'<w:r><w:t>a</w:t></w:r>'.repeat(100)}</w:p>`) }, { ...DEFAULT_LIMITS, maxDocxXmlElements: 150 });
    expect(runs.message).toMatch(/^runs\.docx holds more than 150 XML elements \(word\/document\.xml\); .*\(maxDocxXmlElements/);
  });

  it('checks every zip member against its CRC-32: a damaged member fails alone, a damaged Word document is refused', async () => {
    const archive = zipSync({ 'good.txt': utf8(STORY), 'bad.txt': utf8(`${STORY} and more`) }, { level: 0 });
    // Flip one byte of bad.txt's stored data: its recorded checksum no longer matches.
    const text = new TextDecoder('latin1').decode(archive);
    const at = text.indexOf('and more') + 2;
    archive[at] = archive[at]! ^ 0x20;
    const found = members(await readFile({ name: 'pack.zip', bytes: archive }));
    expect(found.find((member) => member.name === 'pack.zip/good.txt')?.problem).toBeUndefined();
    expect(found.find((member) => member.name === 'pack.zip/bad.txt')?.problem).toMatch(
      /^pack\.zip\/bad\.txt is damaged \(its CRC-32 checksum does not match the archive's\); get a sound copy of pack\.zip$/,
    );
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
  });
});
