/** Reading exported PDFs as a person would check them: poppler's pdftotext, pdfinfo, pdffonts and pdftoppm (Debian package poppler-utils). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${command} is missing: install poppler-utils (apt-get install -y poppler-utils); .ci/run does.`);
  }
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** The text of a PDF, or of one page of it (1-based). */
export function pdfText(path: string, page?: number): string {
  return run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', path, '-']);
}

/** Page count and the first page's size in points. */
export function pdfInfo(path: string): { pages: number; width: number; height: number } {
  const info = run('pdfinfo', [path]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** The names of the fonts a PDF embeds (pdffonts' first column, without the subset prefix). */
export function pdfFonts(path: string): string[] {
  return run('pdffonts', [path])
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '') ?? '')
    .filter(Boolean);
}

/** One page rendered as RGB pixels, three bytes a pixel, row by row (pdftoppm's PPM output). */
export interface PageImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Buffer;
}

/** Renders one page (1-based) at `dpi`; with `png`, also writes it there as a PNG to look at. */
export function pdfPageImage(path: string, page: number, dpi: number, png?: string): PageImage {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-page-'));
  try {
    const base = join(dir, 'page');
    const range = ['-f', String(page), '-l', String(page), '-r', String(dpi), '-singlefile'];
    run('pdftoppm', [...range, path, base]);
    if (png) run('pdftoppm', [...range, '-png', path, png.replace(/\.png$/, '')]);
    const ppm = readFileSync(`${base}.ppm`);
    // "P6\n<width> <height>\n255\n" then the pixels.
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error(`pdftoppm wrote no PPM image for page ${page} of ${path}`);
    return { width: Number(header[1]), height: Number(header[2]), pixels: ppm.subarray(header[0].length) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
