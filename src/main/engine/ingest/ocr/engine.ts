/**
 * Text recognition with tesseract.js (Tesseract compiled to WebAssembly) in a worker thread, from
 * language data shipped in resources/ocr. Nothing is fetched: the models are read from that folder,
 * the core from node_modules, and the worker runs with its network closed (offline-worker.cjs).
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Worker as TesseractWorker } from 'tesseract.js';
import { DossierError } from '../../../../shared/errors';

/** One recognised word: its text, its box in the page image's pixels, and Tesseract's confidence (0–100). */
export interface RecognizedWord {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly confidence: number;
}

/** A page as Tesseract read it: paragraphs of lines of words, in reading order. */
export interface RecognizedPage {
  readonly width: number;
  readonly height: number;
  readonly paragraphs: readonly (readonly (readonly RecognizedWord[])[])[];
}

/** Reads the text of page images; `recognize` takes PNG, JPEG, WebP, BMP or PNM bytes. */
export interface OcrEngine {
  recognize(image: Uint8Array, languages: readonly string[]): Promise<RecognizedPage>;
  /** Stops the worker: a recognition in flight rejects. The next `recognize` starts a new one. */
  terminate(): Promise<void>;
}

/** Tesseract's own "automatic page segmentation" (its command line's default; the library's is one block). */
const PAGE_SEGMENTATION_AUTO = '3';
/** LSTM only: the fast models carry no legacy engine data. */
const OEM_LSTM_ONLY = 1;

/** The folder of the shipped language data: the one given, else resources/ocr above this module or the working directory. */
export function locateOcrData(dataDir?: string): string {
  if (dataDir) return dataDir;
  for (const start of [__dirname, process.cwd()]) {
    for (let folder = start; ; folder = dirname(folder)) {
      const candidate = join(folder, 'resources', 'ocr');
      if (existsSync(join(candidate, 'eng.traineddata.gz'))) return candidate;
      if (dirname(folder) === folder) break;
    }
  }
  throw new DossierError('not-found', "Dossier's OCR language data (resources/ocr) was not found; reinstall Dossier, or run scripts/build-ocr-data.mjs.");
}

/** The language codes with data in `dataDir` (eng, rus …), sorted. */
export function availableLanguages(dataDir: string): string[] {
  return readdirSync(dataDir)
    .map((name) => /^([a-z_]+)\.traineddata\.gz$/.exec(name)?.[1])
    .filter((code): code is string => code !== undefined)
    .sort();
}

/**
 * "eng+rus" (or "eng,rus") as a list of codes, checked against the shipped data; throws a
 * sentence naming what is available otherwise.
 */
export function parseLanguages(spec: string, available: readonly string[]): string[] {
  const codes = spec
    .split(/[+,\s]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
  if (codes.length === 0) throw new DossierError('invalid-input', `No OCR language given; choose from ${available.join(', ')} (combine with +, e.g. eng+rus).`);
  const unknown = codes.filter((code) => !available.includes(code));
  if (unknown.length > 0) {
    throw new DossierError('invalid-input', `Dossier has no OCR data for ${unknown.join(', ')}; choose from ${available.join(', ')} (combine with +, e.g. eng+rus).`);
  }
  return [...new Set(codes)];
}

/** The languages as given, checked against the shipped OCR data (which is looked for only then). */
export function checkLanguages(languages: readonly string[]): readonly string[] {
  if (languages.length === 1 && languages[0] === 'eng') return languages;
  return parseLanguages(languages.join('+'), availableLanguages(locateOcrData()));
}

/** A worker started on first use and kept for the languages it was started with. */
export function createOcrEngine(dataDir?: string): OcrEngine {
  const folder = locateOcrData(dataDir);
  let worker: Promise<TesseractWorker> | null = null;
  let workerLanguages = '';

  const start = async (languages: string): Promise<TesseractWorker> => {
    const { createWorker } = await import('tesseract.js');
    // tesseract.js never settles createWorker when a language fails to load; it only calls the
    // error handler, which then settles this instead.
    let failed: (error: Error) => void = () => undefined;
    const failure = new Promise<never>((_, reject) => (failed = reject));
    const created = await Promise.race([
      createWorker(languages, OEM_LSTM_ONLY, {
        langPath: folder,
        workerPath: join(folder, 'offline-worker.cjs'),
        // Never write a copy of the models anywhere (tesseract.js's default caches them in the working directory).
        cacheMethod: 'none',
        gzip: true,
        workerBlobURL: false,
        // A failed job also rejects its own promise; without a handler tesseract.js throws it again, uncaught.
        errorHandler: (error: unknown) => failed(new Error(String(error))),
      }),
      failure,
    ]);
    await created.setParameters({ tessedit_pageseg_mode: PAGE_SEGMENTATION_AUTO as never, preserve_interword_spaces: '0' });
    return created;
  };

  const terminate = async (): Promise<void> => {
    const stopping = worker;
    worker = null;
    workerLanguages = '';
    if (stopping) await stopping.then((running) => running.terminate()).catch(() => undefined);
  };

  return {
    async recognize(image, languages) {
      const wanted = languages.join('+');
      if (worker && workerLanguages !== wanted) await terminate();
      if (!worker) {
        workerLanguages = wanted;
        worker = start(wanted);
        worker.catch(() => {
          worker = null;
          workerLanguages = '';
        });
      }
      const running = await worker;
      // TSV is the compact form of the layout: one line per word with its box and confidence.
      const { data } = await running.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { text: false, tsv: true });
      return parseTsv(data.tsv ?? '');
    },
    terminate,
  };
}

/**
 * Tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height, conf, text.
 * Level 1 is the page (its size), level 5 a word.
 */
export function parseTsv(tsv: string): RecognizedPage {
  let width = 0;
  let height = 0;
  const paragraphs: RecognizedWord[][][] = [];
  let paragraphKey = '';
  let lineKey = '';
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    const [level, , block, paragraph, line, , left, top, boxWidth, boxHeight, confidence] = cells.map(Number);
    if (level === 1) {
      width = boxWidth ?? 0;
      height = boxHeight ?? 0;
      continue;
    }
    if (level !== 5) continue;
    const text = cells.slice(11).join('\t').trim();
    if (text === '') continue;
    const thisParagraph = `${block}.${paragraph}`;
    const thisLine = `${thisParagraph}.${line}`;
    if (thisParagraph !== paragraphKey) {
      paragraphs.push([]);
      paragraphKey = thisParagraph;
      lineKey = '';
    }
    const lines = paragraphs[paragraphs.length - 1]!;
    if (thisLine !== lineKey) {
      lines.push([]);
      lineKey = thisLine;
    }
    lines[lines.length - 1]!.push({
      text,
      x0: left!,
      y0: top!,
      x1: left! + boxWidth!,
      y1: top! + boxHeight!,
      confidence: Math.max(0, Math.min(100, confidence!)),
    });
  }
  return { width, height, paragraphs };
}
