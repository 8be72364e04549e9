/** Telling exchange files (FollowTheMoney entity lines) from documents to import. */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** True for a FollowTheMoney file: named .ftm.json or .ijson, or JSON lines whose first line is an FtM entity. */
export function isFtmFile(path: string): boolean {
  const lower = path.toLowerCase();
  try {
    if (!statSync(path).isFile()) return false;
  } catch {
    return false;
  }
  if (lower.endsWith('.ftm.json') || lower.endsWith('.ijson')) return true;
  if (!lower.endsWith('.jsonl') && !lower.endsWith('.json')) return false;
  const head = Buffer.alloc(64 * 1024);
  const descriptor = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(descriptor, head, 0, head.length, 0);
  } finally {
    closeSync(descriptor);
  }
  const firstLine = head.subarray(0, length).toString('utf8').split('\n')[0] ?? '';
  try {
    const parsed = JSON.parse(firstLine) as unknown;
    return typeof parsed === 'object' && parsed !== null && 'schema' in parsed && 'properties' in parsed;
  } catch {
    return false;
  }
}
