/** Reading exported PDFs as a person would check them: poppler's pdftotext, pdfinfo and pdffonts (Debian package poppler-utils). */
import { spawnSync } from 'node:child_process';

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
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
