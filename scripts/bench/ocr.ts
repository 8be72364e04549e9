// The OCR benchmark (run through scripts/bench-ocr.mjs). Renders the pages of a real text PDF at
// 300 dpi, reassembles them into an image-only PDF, imports that through the PDF reader with OCR
// (the code path of a scanned PDF), and compares the recognised text of each page with the text
// layer of the original: character error rate, and pages per second on the one OCR thread.
// With a Russian text file it also draws that text on an A4 page at 300 dpi and reads it with rus.
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { createOcrEngine } from '../../src/main/engine/ingest/ocr/engine';
import { pageText } from '../../src/main/engine/ingest/ocr/layout';
import { readPdf } from '../../src/main/engine/ingest/read/pdf';
import type { OcrContext } from '../../src/main/engine/ingest/types';
import { DEFAULT_LIMITS } from '../../src/main/engine/ingest/types';

const [pdfPath, russianPath, fontsDir] = process.argv.slice(2);
const DPI = 300;

/** Levenshtein distance over UTF-16 units, two rows. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** White space of any kind counts as one space: CER is about characters, not layout. */
const spaces = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** Also fold what a reader cannot see either: typographic quotes and dashes, ligatures. */
const typography = (text: string): string =>
  spaces(text.normalize('NFKC').replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"').replace(/[‐‑‒–—―−]/g, '-'));

function cer(recognized: string, truth: string, fold: (text: string) => string): number {
  const reference = fold(truth);
  return editDistance(fold(recognized), reference) / Math.max(1, reference.length);
}

const engine = createOcrEngine();
let ocrSeconds = 0;
let ocrCpu = 0;
let pagesRead = 0;
const context = (languages: string[]): OcrContext => ({
  languages,
  beforePage: () => undefined,
  recognize: async (image) => {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const page = await engine.recognize(image, languages);
    ocrSeconds += Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    ocrCpu += (used.user + used.system) / 1e6;
    pagesRead += 1;
    return page;
  },
});

async function main(): Promise<void> {
  // ---- English: the demo's EU mission report, every page.
  const original = new Uint8Array(readFileSync(pdfPath!));
  const truth = await readPdf('original.pdf', original);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const source = await pdfjs.getDocument({ data: original.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const scanned = await PDFDocument.create();
  for (let number = 1; number <= source.numPages; number++) {
    const page = await source.getPage(number);
    const viewport = page.getViewport({ scale: DPI / 72 });
    const canvas = createCanvas(Math.floor(viewport.width), Math.floor(viewport.height));
    const context2d = canvas.getContext('2d');
    await page.render({ canvas: canvas as never, canvasContext: context2d as never, viewport, background: 'white' }).promise;
    const image = await scanned.embedPng(canvas.toBuffer('image/png'));
    const natural = page.getViewport({ scale: 1 });
    scanned.addPage([natural.width, natural.height]).drawImage(image, { x: 0, y: 0, width: natural.width, height: natural.height });
  }
  await source.destroy();
  const scannedBytes = await scanned.save();

  // Warm-up: the first page pays for starting the worker and loading the model.
  await engine.recognize(new Uint8Array(createCanvas(200, 60).toBuffer('image/png')), ['eng']);
  const started = process.hrtime.bigint();
  const document = await readPdf('scanned.pdf', scannedBytes, DEFAULT_LIMITS, context(['eng']));
  const wall = Number(process.hrtime.bigint() - started) / 1e9;

  const pagesOf = (text: string, starts: readonly number[]): string[] => starts.map((start, index) => text.slice(start, starts[index + 1] ?? text.length));
  const truthPages = pagesOf(truth.text, truth.pageStarts!);
  const ocrPages = pagesOf(document.text, document.pageStarts!);
  console.log(`English: ${pdfPath} rendered at ${DPI} dpi (${truthPages.length} A4 pages) into an image-only PDF, read with eng`);
  let errors = 0;
  let errorsFolded = 0;
  let characters = 0;
  truthPages.forEach((page, index) => {
    const reference = spaces(page);
    const raw = cer(ocrPages[index] ?? '', page, spaces);
    const folded = cer(ocrPages[index] ?? '', page, typography);
    errors += raw * reference.length;
    errorsFolded += folded * typography(page).length;
    characters += reference.length;
    console.log(`  page ${index + 1}: ${reference.length} characters, CER ${(raw * 100).toFixed(2)}% (quotes and dashes folded: ${(folded * 100).toFixed(2)}%)`);
  });
  console.log(`  all pages: CER ${((errors / characters) * 100).toFixed(2)}% (folded: ${((errorsFolded / characters) * 100).toFixed(2)}%), mean confidence ${String(document.meta.ocrConfidence)}`);
  console.log(
    `  speed: ${(pagesRead / ocrSeconds).toFixed(2)} pages/s in OCR (${(ocrSeconds / pagesRead).toFixed(2)} s a page wall, ${(ocrCpu / pagesRead).toFixed(2)} s CPU), ` +
      `${(pagesRead / wall).toFixed(2)} pages/s with rendering, on one OCR thread`,
  );

  // ---- Russian: a page of the demo's Russian MFA comment drawn at 300 dpi in Noto Sans.
  if (russianPath && fontsDir) {
    GlobalFonts.registerFromPath(join(fontsDir, 'noto-sans-cyrillic-400.woff'), 'Bench Cyrillic');
    GlobalFonts.registerFromPath(join(fontsDir, 'noto-sans-latin-400.woff'), 'Bench Cyrillic');
    const text = readFileSync(russianPath, 'utf8');
    const width = Math.round(8.27 * DPI);
    const height = Math.round(11.69 * DPI);
    const canvas = createCanvas(width, height);
    const context2d = canvas.getContext('2d');
    context2d.fillStyle = '#fff';
    context2d.fillRect(0, 0, width, height);
    context2d.fillStyle = '#000';
    const fontSize = Math.round((11 * DPI) / 72);
    context2d.font = `${fontSize}px "Bench Cyrillic"`;
    context2d.textBaseline = 'top';
    const margin = Math.round(DPI * 0.9);
    const drawn: string[] = [];
    let y = margin;
    outer: for (const paragraph of text.split(/\n/)) {
      let line = '';
      const flush = (): boolean => {
        if (y + fontSize * 1.5 > height - margin) return false;
        context2d.fillText(line, margin, y);
        drawn.push(line);
        y += Math.round(fontSize * 1.45);
        line = '';
        return true;
      };
      for (const word of paragraph.split(' ').filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (context2d.measureText(candidate).width > width - 2 * margin && line) {
          if (!flush()) break outer;
          line = word;
        } else {
          line = candidate;
        }
      }
      if (line && !flush()) break;
      y += Math.round(fontSize * 0.6);
    }
    pagesRead = 0;
    ocrSeconds = 0;
    ocrCpu = 0;
    const russian = context(['rus']);
    const page = await russian.recognize(new Uint8Array(canvas.toBuffer('image/png')));
    const recognized = pageText(page).text;
    const reference = drawn.join('\n');
    console.log(`Russian: ${russianPath}, ${drawn.length} lines drawn on an A4 page at ${DPI} dpi in Noto Sans 11 pt, read with rus`);
    console.log(
      `  CER ${(cer(recognized, reference, spaces) * 100).toFixed(2)}% (folded: ${(cer(recognized, reference, typography) * 100).toFixed(2)}%) over ${spaces(reference).length} characters, ` +
        `${ocrSeconds.toFixed(2)} s (${ocrCpu.toFixed(2)} s CPU)`,
    );
  }
  await engine.terminate();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
