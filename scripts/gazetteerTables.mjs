// Writes the gazetteer's tables (resources/gazetteer/*.tsv.gz) as blocks: each a gzip member of whole lines, about
// 32 KB unpacked, so that the app unpacks only the blocks a lookup touches (src/main/engine/geo/gazetteer.ts). The
// file stays one valid gzip stream (members concatenated); TABLE.idx lists each block's byte offset, first line
// number and first key, then a last line with the file's length and line count.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const blockBytes = 32 * 1024;

/** Writes `text` (lines; a sorted table's lines start with their key and a tab) to `path` and `path` less .gz plus .idx. */
export function writeBlockedTable(path, text) {
  const lines = text.split('\n');
  const members = [];
  const index = [];
  let offset = 0;
  for (let line = 0; line < lines.length; ) {
    let end = line;
    let size = 0;
    while (end < lines.length && (end === line || size < blockBytes)) {
      size += Buffer.byteLength(lines[end], 'utf8') + 1;
      end += 1;
    }
    const chunk = lines.slice(line, end).join('\n') + (end < lines.length ? '\n' : '');
    const body = gzipSync(Buffer.from(chunk, 'utf8'), { level: 9 });
    index.push(`${offset}\t${line}\t${lines[line].split('\t')[0]}`);
    members.push(body);
    offset += body.length;
    line = end;
  }
  index.push(`${offset}\t${lines.length}\t`);
  writeFileSync(path, Buffer.concat(members));
  writeFileSync(path.replace(/\.gz$/, '.idx'), `${index.join('\n')}\n`);
  return offset;
}

/** Each country's place index ("AM" → its line in places.tsv), so that the app finds countries without a lookup at start. */
export function countryPlaces(countryNames, placeKey, keyLines, placeLines) {
  const byKey = new Map(keyLines.map((line) => [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)]));
  const result = {};
  for (const [code, name] of Object.entries(countryNames)) {
    for (const value of (byKey.get(placeKey(name)) ?? '').split(',').filter(Boolean).map(Number)) {
      if (value >= 0 && placeLines[value]?.startsWith(`country:${code}\t`)) {
        result[code] = value;
        break;
      }
    }
  }
  return result;
}
