#!/usr/bin/env node
// Writes a seeded corpus of hostile files of every kind Dossier reads, for tests/hostile/hostile.test.ts
// and `npm run soak`. The same seed always gives the same bytes.
//   node tests/hostile/generate.mjs OUT_DIR [--seed N] [--slice fast|full]
// Every file is listed in OUT_DIR/manifest.json with its family and the slice it belongs to.
// Each family comes from thinking about what one parser does: what it trusts, where it recurses,
// what it allocates, where its loops could be made long.
import { Deflate, deflateSync } from 'fflate';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------
// Helpers

/** mulberry32: small, fast and seeded. */
function prng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (below) => Math.floor(next() * below),
    pick: (list) => list[Math.floor(next() * list.length)],
    bytes: (length) => {
      const out = new Uint8Array(length);
      for (let index = 0; index < length; index += 1) out[index] = Math.floor(next() * 256);
      return out;
    },
  };
}

const utf8 = (text) => new TextEncoder().encode(text);
const latin1 = (text) => Uint8Array.from(Buffer.from(text, 'latin1'));

function concat(...parts) {
  return concatList(parts);
}

/** `concat` for long lists, which a spread would push onto the stack. */
function concatList(parts) {
  const chunks = parts.map((part) => (typeof part === 'string' ? latin1(part) : part));
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let crc = 0xffffffff;
  for (let index = 0; index < bytes.length; index += 1) crc = CRC_TABLE[(crc ^ bytes[index]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Deflates `total` bytes of `unit` repeated, without holding them all: bombs stay cheap to make. */
function deflateRepeated(unit, total) {
  const chunks = [];
  const deflater = new Deflate({ level: 1 }, (chunk) => chunks.push(chunk));
  const block = new Uint8Array(Math.max(unit.length, Math.floor((1 << 20) / unit.length) * unit.length));
  for (let offset = 0; offset < block.length; offset += unit.length) block.set(unit.subarray(0, Math.min(unit.length, block.length - offset)), offset);
  let left = total;
  while (left > 0) {
    const take = Math.min(left, block.length);
    left -= take;
    deflater.push(block.subarray(0, take), left === 0);
  }
  return concatList(chunks);
}

/**
 * A zip written by hand, so that every field can lie: entries are { name, data, method?, crc?,
 * size?, flags?, raw? (already deflated data), external? }.
 */
function zip(entries, { centralCount, truncateCentral = false, comment = '' } = {}) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? utf8(entry.name) : entry.name;
    const data = typeof entry.data === 'string' ? utf8(entry.data) : (entry.data ?? new Uint8Array(0));
    const method = entry.method ?? 8;
    const packed = entry.raw ?? (method === 8 ? deflateSync(data) : data);
    const crc = entry.crc ?? crc32(data);
    const size = entry.size ?? (entry.raw ? entry.declared ?? 0 : data.length);
    const flags = entry.flags ?? 0x800;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, packed.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    const localOffset = entry.localOffset ?? offset;
    if (entry.localOffset === undefined) {
      locals.push(new Uint8Array(local.buffer), name, packed);
      offset += 30 + name.length + packed.length;
    }
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 0x031e, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, flags, true);
    central.setUint16(10, method, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, packed.length, true);
    central.setUint32(24, size, true);
    central.setUint16(28, name.length, true);
    central.setUint32(38, entry.external ?? 0, true);
    central.setUint32(42, localOffset, true);
    centrals.push(new Uint8Array(central.buffer), name);
  }
  const centralBytes = concatList(centrals);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  const count = centralCount ?? entries.length;
  end.setUint16(8, Math.min(count, 0xffff), true);
  end.setUint16(10, Math.min(count, 0xffff), true);
  end.setUint32(12, centralBytes.length, true);
  end.setUint32(16, offset, true);
  end.setUint16(20, comment.length, true);
  return concatList([...locals, truncateCentral ? centralBytes.subarray(0, centralBytes.length >> 1) : centralBytes, new Uint8Array(end.buffer), comment]);
}

/** A PDF from object bodies (object n is bodies[n - 1]); xref 'good', 'bad' (wrong offsets) or 'none'. */
function pdf(bodies, { xref = 'good', root = 1, trailerExtra = '', tail = '' } = {}) {
  const parts = ['%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'];
  const offsets = [];
  let length = latin1(parts[0]).length;
  bodies.forEach((body, index) => {
    const bytes = concat(`${index + 1} 0 obj\n`, body, '\nendobj\n');
    offsets.push(length);
    parts.push(bytes);
    length += bytes.length;
  });
  const xrefAt = length;
  if (xref !== 'none') {
    let table = `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
    for (const at of offsets) table += `${String(xref === 'bad' ? (at * 7 + 13) % 99999 : at).padStart(10, '0')} 00000 n \n`;
    table += `trailer\n<< /Size ${bodies.length + 1} /Root ${root} 0 R ${trailerExtra}>>\nstartxref\n${xref === 'bad' ? 123456 : xrefAt}\n%%EOF\n`;
    parts.push(table);
  }
  parts.push(tail);
  return concat(...parts);
}

const stream = (dictionary, data, { deflate = false, length } = {}) => {
  const payload = typeof data === 'string' ? latin1(data) : data;
  const packed = deflate ? deflateSync(payload) : payload;
  const filter = deflate ? ' /Filter /FlateDecode' : '';
  return concat(`<< ${dictionary}${filter} /Length ${length ?? packed.length} >>\nstream\n`, packed, '\nendstream');
};
const rawStream = (dictionary, packed) => concat(`<< ${dictionary} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, packed, '\nendstream');

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
/** A plain one-page PDF with `content` as its page's content stream (object 4). */
function onePage(content, options = {}) {
  return pdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      options.raw ? rawStream('', options.raw) : stream('', content, { deflate: options.deflate }),
      FONT,
    ],
    options,
  );
}
const textOps = (lines) => `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((line) => `(${line.replace(/[()\\]/g, '')}) '`).join(' ')} ET`;

/** A minimal DOCX around a document.xml body (or whole parts given). */
function docx(documentXml, { extraEntries = [], core, contentTypes, rels, method } = {}) {
  const types =
    contentTypes ??
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rootRels =
    rels ??
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const entries = [
    { name: '[Content_Types].xml', data: types, method },
    { name: '_rels/.rels', data: rootRels, method },
    { name: 'word/document.xml', data: documentXml, method },
    ...(core ? [{ name: 'docProps/core.xml', data: core, method }] : []),
    ...extraEntries,
  ];
  return zip(entries);
}
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const wordBody = (inner) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${inner}</w:body></w:document>`;
const para = (text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** An e-mail message from headers and a body. */
const mail = (headers, body) => `${headers.join('\r\n')}\r\n\r\n${body}`;
const BASIC_HEADERS = ['From: Anna Petrosyan <anna@example.org>', 'To: desk@example.org', 'Date: Tue, 14 May 2021 09:31:02 +0400', 'Message-ID: <x@example.org>'];

const STORY = 'Armenian and Azerbaijani forces exchanged fire near Sotk on Tuesday, the Defence Ministry in Yerevan said. ' +
  'Prime Minister Nikol Pashinyan told parliament in Yerevan that the shelling began at dawn. ' +
  'Baku denied the account and accused Armenia of provocation near Lachin.';

const reutersStory = (id, body, extra = '') =>
  `<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="${id}" NEWID="${id}">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TOPICS><D>cocoa</D></TOPICS>\n<PLACES><D>el-salvador</D></PLACES>${extra}\n<TEXT>&#2;\n<TITLE>STORY ${id}</TITLE>\n<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>${body}\n&#3;</BODY></TEXT>\n</REUTERS>\n`;
const REUTERS_HEAD = '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n';

// ---------------------------------------------------------------------------------------------
// Families. Each adds files with add(name, bytes | () => bytes, { slice }); `fast` files are the
// slice `npm test` runs: small, quick, and one or more from every family.

function families(add, random, full) {
  const big = (megabytes) => Math.round(megabytes * 1024 * 1024);

  // --- Plain text: encodings, sizes and shapes that decoders, cleaners and the extractor meet.
  add('text/utf8-bom.txt', concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(STORY)), { fast: true });
  add('text/utf16le-bom.txt', concat(new Uint8Array([0xff, 0xfe]), Buffer.from(STORY, 'utf16le')), { fast: true });
  add('text/utf16be-no-bom.txt', Buffer.from(STORY, 'utf16le').swap16());
  add('text/utf16le-odd-length.txt', concat(Buffer.from(STORY, 'utf16le'), new Uint8Array([0x41])));
  add('text/utf16-lone-surrogates.txt', concat(new Uint8Array([0xff, 0xfe]), ...Array.from({ length: 2000 }, () => new Uint8Array([0x00, 0xd8, 0x41, 0x00]))));
  add('text/utf32le-bom.txt', concat(new Uint8Array([0xff, 0xfe, 0, 0]), ...Array.from(STORY, (character) => new Uint8Array([character.charCodeAt(0), 0, 0, 0]))));
  add('text/cesu8-surrogates.txt', concat(utf8('Before '), new Uint8Array([0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80]), utf8(' after. ' + STORY)));
  add('text/overlong-utf8.txt', concat(utf8(STORY), new Uint8Array([0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0xf8, 0x88, 0x80, 0x80, 0xaf])));
  add('text/windows-1252.txt', latin1(`\x93Quoted\x94 \x96 dash \x80 euro. ${STORY}`), { fast: true });
  add('text/koi8r.txt', new Uint8Array(Array.from({ length: 3000 }, (_, index) => (index % 7 === 0 ? 0x20 : 0xc0 + (index % 32)))));
  add('text/shift-jis-like.txt', new Uint8Array(Array.from({ length: 4000 }, (_, index) => (index % 2 ? 0x40 + (index % 60) : 0x82 + (index % 10)))));
  add('text/mixed-encodings.txt', concat(utf8('Ünïcödé line. '), latin1('L\xe4tin line. '), new Uint8Array([0xff, 0xfe]), utf8(STORY)));
  add('text/nul-sprinkled.txt', concat(...Array.from({ length: 200 }, () => concat(utf8('word '), new Uint8Array([0])))));
  add('text/controls-only.txt', new Uint8Array(Array.from({ length: 5000 }, (_, index) => 1 + (index % 8))), { fast: true });
  add('text/whitespace-only.txt', utf8(' \t\n\r\u00a0\u2003'.repeat(2000)), { fast: true });
  add('text/bidi-and-zero-width.txt', utf8(`\u202eevil\u202c \u200b\u200b\u2066${STORY}\u2069 \u061c \u200f`.repeat(50)), { fast: true });
  add('text/zalgo.txt', utf8(Array.from({ length: 2000 }, () => 'a' + '\u0301\u0302\u0303\u0304\u0305'.repeat(20)).join(' ')));
  add('text/emoji-zwj.txt', utf8('👩‍👩‍👧‍👦 🏳️‍🌈 '.repeat(20000) + STORY));
  add('text/astral-only.txt', utf8('𝔄𝔅ℭ𝔇 '.repeat(50000)));
  add('text/many-short-lines.txt', utf8('a\n'.repeat(full ? 2_000_000 : 200_000)), { fast: !full });
  add('text/crlf-cr-mix.txt', utf8(`${STORY}\r\n\r\r\n\n\r`.repeat(2000)));
  add('text/form-feeds.txt', utf8(`${STORY}\f`.repeat(2000)));
  add('text/one-long-line.txt', () => utf8(`${STORY} `.repeat(full ? 30_000 : 3_000)), { fast: true });
  add('text/one-long-word-1mb.txt', () => utf8('x'.repeat(big(1))), { fast: true });
  add('text/one-long-word-10mb.txt', () => utf8('Ab'.repeat(big(5))), { slice: 'full' });
  add('text/capitalised-run.txt', utf8(Array.from({ length: 50000 }, (_, index) => `Name${index % 97}`).join(' ')), { fast: true });
  add('text/the-of-run.txt', utf8(`President ${'of the '.repeat(50000)}Azerbaijan said.`));
  add('text/dots-and-quotes.txt', utf8(`${'.'.repeat(100000)} “${'“'.repeat(5000)} said ${'”'.repeat(5000)} ${'"'.repeat(20000)}`), { fast: true });
  add('text/unbalanced-quotes-said.txt', utf8(Array.from({ length: 5000 }, (_, index) => `“He said ${index}, said the minister, “said”`).join(' ')));
  add('text/dates-storm.txt', utf8(Array.from({ length: 20000 }, (_, index) => `${1 + (index % 28)} Jan ${1900 + (index % 120)}, last Tuesday, ${index} days ago`).join('; ')));
  add('text/numbers-storm.txt', utf8(Array.from({ length: 200000 }, (_, index) => String(index * 7919)).join(' ')));
  add('text/percent-pdf-text.txt', utf8(`%PDF-1.7 is how files begin.\n${STORY}`), { fast: true });
  add('text/looks-like-email.txt', utf8(mail(BASIC_HEADERS, STORY)));
  add('text/looks-like-html.txt', utf8(`<html><body><script>alert(1)</script>${STORY}</body></html>`));
  add('text/front-matter-huge.md', utf8(`---\ntitle: ${'T'.repeat(100000)}\n${'key: value\n'.repeat(20000)}---\n${STORY}`), { fast: true });
  add('text/front-matter-unterminated.md', utf8(`---\ntitle: x\n${'a: b\n'.repeat(50000)}${STORY}`));
  add('text/markdown-deep-quotes.md', utf8(`${'>'.repeat(20000)} ${STORY}\n${'- '.repeat(10000)}item\n${'#'.repeat(5000)} heading`), { fast: true });
  add('text/markdown-links.md', utf8(`[x](javascript:alert(1)) [y](file:///etc/passwd) ![img](http://example.com/a.png) ${STORY}`));
  add('text/title-line-5mb.txt', () => utf8(`${'T'.repeat(big(0.5))}\n${STORY}`));
  add('text/huge-newswire-60mb.txt', () => utf8(`${STORY}\n\n`.repeat(Math.ceil(big(60) / (STORY.length + 2)))), { slice: 'full' });
  add('text/huge-220mb.txt', () => utf8(`${STORY}\n`.repeat(Math.ceil(big(220) / (STORY.length + 1)))), { slice: 'full' });
  for (let index = 0; index < (full ? 12 : 3); index += 1) {
    add(`text/random-utf8-${index}.txt`, utf8(Array.from({ length: 3000 }, () => String.fromCodePoint(random.pick([0x20, 0x41 + random.int(26), 0x430 + random.int(32), 0x531 + random.int(38), 0x4e00 + random.int(500), 0x1f600 + random.int(50), 0x0a]))).join('')));
  }

  // --- Binary junk under every name Dossier reads, and real binary formats under text names.
  const extensions = ['.txt', '.md', '.html', '.pdf', '.docx', '.eml', '.mbox', '.zip', '.sgm', '.htm', '.markdown', '.text', '.xhtml', '.sgml'];
  for (const extension of extensions) {
    add(`junk/random${extension}`, random.bytes(4096 + random.int(60000)), { fast: extension === '.txt' || extension === '.eml' || extension === '.zip' });
    add(`junk/empty${extension}`, new Uint8Array(0), { fast: extension === '.pdf' || extension === '.docx' });
    add(`junk/one-byte${extension}`, new Uint8Array([random.int(256)]));
  }
  add('junk/elf.txt', concat(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), random.bytes(8000)));
  add('junk/png.txt', concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), random.bytes(5000)));
  add('junk/gzip.eml', concat(new Uint8Array([0x1f, 0x8b, 8, 0]), random.bytes(5000)));
  add('junk/ole.docx', concat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), random.bytes(5000)));
  add('junk/sqlite.txt', concat(utf8('SQLite format 3\0'), random.bytes(8000)));
  add('junk/pdf-magic-only.pdf', utf8('%PDF-'), { fast: true });
  add('junk/zip-magic-only.zip', new Uint8Array([0x50, 0x4b, 3, 4]), { fast: true });
  add('junk/no-extension', utf8(STORY));
  add('junk/dot-only.', utf8(STORY));
  add('junk/unknown.xyz', utf8(STORY));
  add('junk/weird name \u202e\u0007\u001b[2J.txt', utf8(STORY), { fast: true });

  // --- HTML: what jsdom, Readability, DOMPurify and the text walker recurse or loop over.
  const page = (body, head = '') => utf8(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Page</title>${head}</head><body>${body}</body></html>`);
  add('html/scripts-everywhere.html', page(`<script>fetch('http://evil/')</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><iframe srcdoc="<script>alert(1)</script>"></iframe><svg onload=alert(1)><script>alert(2)</script></svg><math><mi xlink:href="javascript:alert(1)">x</mi></math><p>${STORY}</p>`), { fast: true });
  add('html/deep-divs-20000.html', () => page(`${'<div>'.repeat(20000)}${STORY}${'</div>'.repeat(20000)}`), { fast: true });
  add('html/deep-divs-unclosed-100000.html', () => page(`${'<div>'.repeat(100000)}${STORY}`), { slice: 'full' });
  add('html/deep-inline-20000.html', () => page(`<p>${'<b><i>'.repeat(10000)}${STORY}</p>`), { fast: true });
  add('html/deep-tables-3000.html', () => page(`${'<table><tr><td>'.repeat(3000)}${STORY}${'</td></tr></table>'.repeat(3000)}`));
  add('html/deep-lists-10000.html', () => page(`${'<ul><li>'.repeat(10000)}${STORY}`));
  add('html/unclosed-p-50000.html', () => page(`${'<p>para '.repeat(50000)}${STORY}`));
  add('html/huge-attribute-10mb.html', () => page(`<p title="${'a'.repeat(big(full ? 10 : 2))}">${STORY}</p>`), { fast: true });
  add('html/many-attributes.html', () => page(`<p ${Array.from({ length: 50000 }, (_, index) => `a${index}="${index}"`).join(' ')}>${STORY}</p>`));
  add('html/huge-title.html', () => utf8(`<html><head><title>${'Title '.repeat(200000)}</title></head><body><p>${STORY}</p></body></html>`));
  add('html/huge-comment.html', () => page(`<!--${'-'.repeat(big(2))}--><p>${STORY}</p>`));
  add('html/unterminated-comment.html', page(`<p>${STORY}</p><!-- never closed ${'x'.repeat(100000)}`));
  add('html/word-10mb.html', () => page(`<p>${'W'.repeat(big(full ? 10 : 1))}</p><p>${STORY}</p>`), { fast: !full });
  add('html/pre-5mb.html', () => page(`<pre>${`${STORY}\n`.repeat(big(full ? 5 : 0.5) / STORY.length)}</pre>`));
  add('html/entity-storm.html', () => page(`<p>${'&amp;&#x41;&lt;&#0;&#x110000;&bogus;&#99999999999;'.repeat(100000)}</p>`), { fast: true });
  add('html/charset-lies-utf16.html', utf8(`<html><head><meta charset="utf-16"></head><body><p>${STORY}</p></body></html>`), { fast: true });
  add('html/charset-bogus.html', utf8(`<html><head><meta charset="x-evil-charset"></head><body><p>${STORY}</p></body></html>`));
  add('html/charset-utf7.html', utf8(`<html><head><meta charset="utf-7"></head><body>+ADw-script+AD4-alert(1)+ADw-/script+AD4-<p>${STORY}</p></body></html>`));
  add('html/jsonld-deep.html', () => page(`<p>${STORY}</p>`, `<script type="application/ld+json">${'['.repeat(50000)}${']'.repeat(50000)}</script>`), { fast: true });
  add('html/jsonld-wide.html', () => page(`<p>${STORY}</p>`, `<script type="application/ld+json">{"@graph":[${Array.from({ length: 100000 }, () => '{"@type":"X"}').join(',')}]}</script>`));
  add('html/base-and-refresh.html', page(`<p>${STORY}</p>`, '<base href="http://evil.example/"><meta http-equiv="refresh" content="0;url=http://evil.example/"><link rel="stylesheet" href="http://evil.example/a.css">'));
  add('html/remote-images-10000.html', () => page(Array.from({ length: 10000 }, (_, index) => `<img src="http://tracker.example/${index}.png" srcset="http://x/${index} 2x">`).join('') + `<p>${STORY}</p>`));
  add('html/100k-paragraphs.html', () => page(Array.from({ length: full ? 100000 : 20000 }, (_, index) => `<p>Paragraph ${index}.</p>`).join('')));
  add('html/svg-foreign.html', page(`<svg><foreignObject><div><p>${STORY}</p></div></foreignObject><desc><script>alert(1)</script></desc></svg>`));
  add('html/xhtml-doctype-entities.xhtml', utf8(`<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&b;&xxe;${STORY}</p></body></html>`), { fast: true });
  add('html/noscript-template.html', page(`<noscript><p>${STORY}</p></noscript><template><script>alert(1)</script></template><p>${STORY}</p>`));
  add('html/no-body-text.html', page('<img src="x.png"><div></div>'));
  add('html/null-bytes.html', concat(page(`<p>${STORY}</p>`), new Uint8Array(200).fill(0)));
  add('html/utf16le.html', concat(new Uint8Array([0xff, 0xfe]), Buffer.from(`<html><body><p>${STORY}</p></body></html>`, 'utf16le')));
  for (let index = 0; index < (full ? 10 : 2); index += 1) {
    const tags = ['div', 'p', 'b', 'table', 'td', 'tr', 'ul', 'li', 'span', 'a', 'pre', 'br', 'img', 'script', 'svg', 'math', 'select', 'option', 'form', 'template'];
    let body = '';
    for (let step = 0; step < 5000; step += 1) {
      const tag = random.pick(tags);
      body += random.next() < 0.55 ? `<${tag} x="${random.int(1000)}">` : random.next() < 0.5 ? `</${tag}>` : `word${random.int(500)} `;
    }
    add(`html/random-tag-soup-${index}.html`, page(body + STORY));
  }

  // --- PDF: what pdf.js parses (xref, object graph, page tree, content streams) and what it decodes.
  const goodPdf = onePage(textOps([STORY.slice(0, 90), STORY.slice(90, 180), 'Baku, 14 May 2021.']));
  add('pdf/good-one-page.pdf', goodPdf, { fast: true });
  add('pdf/bad-xref.pdf', onePage(textOps([STORY.slice(0, 90)]), { xref: 'bad' }), { fast: true });
  add('pdf/no-xref.pdf', onePage(textOps([STORY.slice(0, 90)]), { xref: 'none' }));
  add('pdf/truncated-half.pdf', goodPdf.subarray(0, goodPdf.length >> 1), { fast: true });
  add('pdf/garbage-after-header.pdf', concat('%PDF-1.4\n', random.bytes(30000)), { fast: true });
  add('pdf/no-text-layer.pdf', onePage('0 0 m 100 100 l S'));
  add('pdf/zero-pages.pdf', pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']), { fast: true });
  add('pdf/count-lies-1e9.pdf', pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>', '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>', stream('', textOps(['Only page.'])), FONT]), { fast: true });
  add('pdf/pages-cycle.pdf', pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 5 >>', '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>', stream('', textOps(['Cycle.'])), FONT]), { fast: true });
  add('pdf/pages-deep-tree.pdf', () => {
    const depth = 3000;
    const bodies = ['<< /Type /Catalog /Pages 2 0 R >>'];
    for (let level = 0; level < depth; level += 1) bodies.push(`<< /Type /Pages /Kids [${level + 3} 0 R] /Count 1 >>`);
    bodies.push(`<< /Type /Page /Resources << /Font << /F1 ${depth + 4} 0 R >> >> /Contents ${depth + 3} 0 R >>`);
    bodies.push(stream('', textOps(['Deep.'])), FONT);
    return pdf(bodies);
  }, { fast: true });
  const manyPages = (count) => () => {
    // One content stream shared by every page: a small file that declares a huge document.
    const kids = Array.from({ length: count }, (_, index) => `${index + 5} 0 R`).join(' ');
    const bodies = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`, stream('', textOps(['Page text.'])), FONT];
    for (let index = 0; index < count; index += 1) bodies.push('<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>');
    return pdf(bodies);
  };
  add('pdf/pages-8000.pdf', manyPages(8000), { fast: false });
  add('pdf/pages-100000.pdf', manyPages(100000), { slice: 'full' });
  add('pdf/text-operators-50mb.pdf', () => onePage('', { raw: deflateRepeated(latin1('(Lorem ipsum dolor sit amet Baku Yerevan) Tj T* '), big(full ? 200 : 20)) }), { fast: false });
  add('pdf/zero-stream-512mb.pdf', () => onePage('', { raw: deflateRepeated(new Uint8Array(1), big(full ? 512 : 48)) }), { fast: true });
  add('pdf/endless-stream.pdf', concat('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Length 999999999 >>\nstream\n', random.bytes(50000)), { fast: true });
  add('pdf/length-lies.pdf', pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>', stream('', textOps([STORY.slice(0, 60)]), { length: 5 }), FONT]));
  add('pdf/deep-arrays.pdf', onePage(`${'['.repeat(100000)}${']'.repeat(100000)} ${textOps(['Arrays.'])}`), { fast: true });
  add('pdf/deep-dicts.pdf', pdf([`<< /Type /Catalog /Pages 2 0 R /X ${'<< /A '.repeat(50000)}1${' >>'.repeat(50000)} >>`, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>', stream('', textOps(['Dicts.'])), FONT]), { fast: true });
  add('pdf/deep-q-nesting.pdf', onePage(`${'q '.repeat(200000)}${textOps(['Saved states.'])}${' Q'.repeat(200000)}`), { fast: true });
  add('pdf/reference-chain.pdf', () => {
    const bodies = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /MediaBox 6 0 R >>', stream('', textOps(['Chain.'])), FONT];
    for (let index = 0; index < 20000; index += 1) bodies.push(`${index + 7} 0 R`);
    bodies.push('[0 0 612 792]');
    return pdf(bodies);
  });
  add('pdf/self-reference.pdf', pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /Resources 3 0 R /Contents 4 0 R /MediaBox 6 0 R >>', stream('', textOps(['Self.'])), FONT, '6 0 R']));
  add('pdf/encrypted-dict.pdf', onePage(textOps(['Secret.']), { trailerExtra: '/Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >> /ID [<00><00>] ' }), { fast: true });
  add('pdf/javascript-actions.pdf', pdf(['<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> /AA << /WC << /S /Launch /F (calc.exe) >> >> >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [<< /Subtype /Link /A << /S /URI /URI (http://evil.example/) >> >>] >>', stream('', textOps([STORY.slice(0, 80)])), FONT]), { fast: true });
  add('pdf/bad-font.pdf', pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>', stream('', textOps(['Font.'])), `<< /Type /Font /Subtype /TrueType /BaseFont /Evil /FontDescriptor 6 0 R >>`, `<< /Type /FontDescriptor /FontFile2 7 0 R >>`, stream('/Length1 999999999', random.bytes(20000))]));
  add('pdf/lzw-and-unknown-filters.pdf', pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>', stream('/Filter [/LZWDecode /RunLengthDecode /Evil]', random.bytes(5000)), FONT]));
  add('pdf/object-stream-garbage.pdf', pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', stream('/Type /ObjStm /N 1000000 /First 5', random.bytes(5000), { deflate: true })]));
  add('pdf/pdf-in-text.txt', goodPdf);
  add('pdf/many-small-pages-300.pdf', () => {
    const count = 300;
    const bodies = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${Array.from({ length: count }, (_, index) => `${5 + index * 2} 0 R`).join(' ')}] /Count ${count} >>`, '', FONT];
    bodies[2] = '<< >>';
    for (let index = 0; index < count; index += 1) {
      bodies.push(`<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents ${6 + index * 2} 0 R >>`);
      bodies.push(stream('', textOps([`Page ${index + 1}: ${STORY.slice(0, 100)}`])));
    }
    return pdf(bodies);
  });
  for (let index = 0; index < (full ? 30 : 6); index += 1) {
    const mutated = Uint8Array.from(goodPdf);
    for (let flips = 0; flips < 1 + random.int(20); flips += 1) mutated[random.int(mutated.length)] = random.int(256);
    add(`pdf/mutated-${index}.pdf`, random.next() < 0.3 ? mutated.subarray(0, random.int(mutated.length)) : mutated, { fast: index < 2 });
  }

  // --- DOCX: the zip around it, the XML mammoth parses, and the HTML it becomes.
  add('docx/good.docx', docx(wordBody(para(STORY) + para('Second paragraph.')), { core: '<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>Memo</dc:title></cp:coreProperties>' }), { fast: true });
  add('docx/xxe.docx', docx(`<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body>${para('&xxe;')}${para(STORY)}</w:body></w:document>`), { fast: true });
  add('docx/billion-laughs.docx', docx(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index || ''};`.repeat(10)}">`).join('')}]><w:document ${W}><w:body>${para('&lol9;')}${para(STORY)}</w:body></w:document>`), { fast: true });
  add('docx/zip-bomb-document.docx', () => zip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'word/document.xml', raw: deflateRepeated(utf8(' '), big(full ? 1024 : 64)), declared: 0xfffffff0 },
  ]), { fast: true });
  add('docx/deep-xml-100000.docx', () => docx(wordBody(`${'<w:sdt><w:sdtContent>'.repeat(full ? 100000 : 20000)}${para(STORY)}${'</w:sdtContent></w:sdt>'.repeat(full ? 100000 : 20000)}`)), { fast: true });
  add('docx/nested-tables-2000.docx', () => docx(wordBody(`${'<w:tbl><w:tr><w:tc>'.repeat(2000)}${para(STORY)}${'</w:tc></w:tr></w:tbl>'.repeat(2000)}`)));
  add('docx/xml-12mb-tiny-runs.docx', () => docx(wordBody(Array.from({ length: full ? 400 : 40 }, () => `<w:p>${Array.from({ length: 1000 }, (_, index) => `<w:r><w:rPr><w:b/></w:rPr><w:t>w${index} </w:t></w:r>`).join('')}</w:p>`).join(''))), { fast: false });
  add('docx/xml-40mb.docx', () => docx(wordBody(para(`${STORY} `.repeat(big(40) / STORY.length)))), { slice: 'full' });
  add('docx/missing-document-xml.docx', zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/other.xml', data: '<x/>' }]), { fast: true });
  add('docx/document-not-xml.docx', docx('this is not xml <<<< &&& \0\0'), { fast: true });
  add('docx/huge-core-title.docx', () => docx(wordBody(para(STORY)), { core: `<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>${'T'.repeat(big(2))}</dc:title><dc:creator>${'<'.repeat(1000)}</dc:creator></cp:coreProperties>` }));
  add('docx/external-relationships.docx', docx(wordBody(para(STORY)), { extraEntries: [{ name: 'word/_rels/document.xml.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///etc/passwd" TargetMode="External"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../../../../etc/passwd"/></Relationships>' }] }), { fast: true });
  add('docx/image-to-passwd.docx', docx(wordBody(`<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId8" r:link="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>${para(STORY)}`), { extraEntries: [{ name: 'word/_rels/document.xml.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///etc/passwd" TargetMode="External"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../../../../etc/passwd"/></Relationships>' }] }));
  add('docx/encrypted-entry.docx', zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: wordBody(para(STORY)), flags: 0x801 }]), { fast: true });
  add('docx/crc-wrong.docx', zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: wordBody(para(STORY)), crc: 0xdeadbeef }]), { fast: true });
  add('docx/traversal-names.docx', zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: '../../word/document.xml', data: wordBody(para(STORY)) }, { name: '/etc/passwd', data: 'root:x:0:0' }]));
  add('docx/script-in-hyperlink.docx', docx(wordBody(`<w:p><w:hyperlink w:anchor="x" r:id="rId5" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>click</w:t></w:r></w:hyperlink></w:p>${para('&lt;script&gt;alert(1)&lt;/script&gt;')}${para(STORY)}`), { extraEntries: [{ name: 'word/_rels/document.xml.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(1)" TargetMode="External"/></Relationships>' }] }));
  add('docx/many-footnotes.docx', () => docx(wordBody(para(STORY)), { extraEntries: [{ name: 'word/footnotes.xml', data: `<w:footnotes ${W}>${Array.from({ length: 20000 }, (_, index) => `<w:footnote w:id="${index}">${para(`Note ${index}`)}</w:footnote>`).join('')}</w:footnotes>` }] }));
  add('docx/empty-body.docx', docx(wordBody('')));
  const goodDocx = docx(wordBody(para(STORY) + para('Another paragraph, in Baku.')));
  for (let index = 0; index < (full ? 20 : 4); index += 1) {
    const mutated = Uint8Array.from(goodDocx);
    for (let flips = 0; flips < 1 + random.int(8); flips += 1) mutated[random.int(mutated.length)] = random.int(256);
    add(`docx/mutated-${index}.docx`, mutated, { fast: index < 2 });
  }

  // --- E-mail (.eml, .mbox): mailparser's MIME tree, headers, encodings, attachments, mbox splitting.
  add('email/good.eml', utf8(mail([...BASIC_HEADERS, 'Subject: Shelling near Sotk'], STORY)), { fast: true });
  const nestedMultipart = (depth) => {
    let body = `Content-Type: text/plain\r\n\r\n${STORY}\r\n`;
    for (let level = depth; level > 0; level -= 1) body = `Content-Type: multipart/mixed; boundary="b${level}"\r\n\r\n--b${level}\r\n${body}\r\n--b${level}--\r\n`;
    return utf8(`${BASIC_HEADERS.join('\r\n')}\r\nSubject: nested\r\nMIME-Version: 1.0\r\n${body}`);
  };
  add('email/nested-multipart-200.eml', nestedMultipart(200), { fast: true });
  add('email/nested-multipart-5000.eml', () => nestedMultipart(5000));
  add('email/parts-20000.eml', () => utf8(`${BASIC_HEADERS.join('\r\n')}\r\nSubject: parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n${Array.from({ length: 20000 }, (_, index) => `--x\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="p${index}.txt"\r\n\r\npart ${index}\r\n`).join('')}--x--\r\n`), { fast: false });
  add('email/huge-subject.eml', () => utf8(mail([...BASIC_HEADERS, `Subject: ${'S'.repeat(big(1))}`], STORY)), { fast: true });
  add('email/folded-header-storm.eml', () => utf8(mail([...BASIC_HEADERS, `Subject: x${'\r\n y'.repeat(200000)}`], STORY)));
  add('email/100k-headers.eml', () => utf8(mail([...BASIC_HEADERS, ...Array.from({ length: 100000 }, (_, index) => `X-H${index}: v`), 'Subject: many'], STORY)));
  add('email/encoded-word-storm.eml', () => utf8(mail([...BASIC_HEADERS, `Subject: ${'=?utf-8?B?w6nDqMOq?= =?iso-8859-1?Q?=E9=E8?= =?evil?X?zz?= '.repeat(20000)}`], STORY)), { fast: true });
  add('email/boundary-never-closed.eml', utf8(`${BASIC_HEADERS.join('\r\n')}\r\nSubject: open\r\nContent-Type: multipart/mixed; boundary="never"\r\n\r\n--never\r\nContent-Type: text/plain\r\n\r\n${STORY}\r\n--never\r\nContent-Type: text/html\r\n\r\n<p>${'x'.repeat(10000)}`), { fast: true });
  add('email/broken-base64.eml', utf8(mail([...BASIC_HEADERS, 'Subject: b64', 'Content-Type: text/plain', 'Content-Transfer-Encoding: base64'], '!!!!@@@@####' + 'QUJD'.repeat(1000) + '====')));
  add('email/broken-qp.eml', utf8(mail([...BASIC_HEADERS, 'Subject: qp', 'Content-Type: text/plain', 'Content-Transfer-Encoding: quoted-printable'], `=ZZ=\r\n=${'=4'.repeat(10000)} ${STORY}`)));
  add('email/unknown-charset.eml', utf8(mail([...BASIC_HEADERS, 'Subject: cs', 'Content-Type: text/plain; charset=x-unknown-evil'], STORY)));
  add('email/control-bidi-subject.eml', utf8(mail([...BASIC_HEADERS, 'Subject: \u001b[2J\u001b]0;pwned\u0007 \u202egnp.exe\u202c'], STORY)), { fast: true });
  add('email/traversal-attachment.eml', utf8(`${BASIC_HEADERS.join('\r\n')}\r\nSubject: att\r\nContent-Type: multipart/mixed; boundary="a"\r\n\r\n--a\r\nContent-Type: text/plain\r\n\r\n${STORY}\r\n--a\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="../../../../etc/passwd"\r\n\r\nroot:x:0:0\r\n--a\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="\u202eexe.txt"\r\n\r\n${STORY}\r\n--a--\r\n`), { fast: true });
  add('email/rfc822-nested-60.eml', () => {
    let message = mail([...BASIC_HEADERS, 'Subject: innermost'], STORY);
    for (let level = 0; level < 60; level += 1) {
      message = `${BASIC_HEADERS.join('\r\n')}\r\nSubject: level ${level}\r\nContent-Type: multipart/mixed; boundary="l${level}"\r\n\r\n--l${level}\r\nContent-Type: text/plain\r\n\r\nWrapper ${level}\r\n--l${level}\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename="inner${level}.eml"\r\n\r\n${message}\r\n--l${level}--\r\n`;
    }
    return utf8(message);
  });
  add('email/html-script-body.eml', utf8(mail([...BASIC_HEADERS, 'Subject: html', 'Content-Type: text/html'], `<script>alert(1)</script><img src="http://tracker.example/p.png"><p onclick="x()">${STORY}</p>${'<div>'.repeat(20000)}deep${'</div>'.repeat(20000)}`)), { fast: true });
  add('email/attachment-40mb.eml', () => {
    const attachment = Buffer.from(`${STORY}\n`.repeat(Math.ceil(big(40) / STORY.length))).toString('base64').replace(/.{76}/g, '$&\r\n');
    return utf8(`${BASIC_HEADERS.join('\r\n')}\r\nSubject: big\r\nContent-Type: multipart/mixed; boundary="z"\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--z\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="big.txt"\r\n\r\n${attachment}\r\n--z--\r\n`);
  }, { slice: 'full' });
  add('email/message-121mb.eml', () => {
    const attachment = Buffer.from(`${STORY}\n`.repeat(Math.ceil(big(90) / STORY.length))).toString('base64').replace(/.{76}/g, '$&\r\n');
    return utf8(`${BASIC_HEADERS.join('\r\n')}\r\nSubject: bigger\r\nContent-Type: multipart/mixed; boundary="z"\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--z\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="huge.txt"\r\n\r\n${attachment}\r\n--z--\r\n`);
  }, { slice: 'full' });
  add('email/zip-attachment-bomb.eml', () => {
    const bomb = Buffer.from(zip([{ name: 'zeros.txt', raw: deflateRepeated(utf8('a'), big(300)), declared: big(300) }])).toString('base64').replace(/.{76}/g, '$&\r\n');
    return utf8(`${BASIC_HEADERS.join('\r\n')}\r\nSubject: bomb\r\nContent-Type: multipart/mixed; boundary="q"\r\n\r\n--q\r\nContent-Type: text/plain\r\n\r\n${STORY}\r\n--q\r\nContent-Type: application/zip\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="bomb.zip"\r\n\r\n${bomb}\r\n--q--\r\n`);
  });
  add('email/headers-only.eml', utf8(BASIC_HEADERS.join('\r\n') + '\r\nSubject: nothing\r\n'));
  add('email/bad-date.eml', utf8(mail(['From: x@y', 'Date: Someday 99 Foo 99999 99:99:99 +9999', 'Received: from a by b; Thu, 31 Feb 2021 25:61:61 +0000', 'Subject: date'], STORY)));
  add('mbox/many-tiny-10000.mbox', () => utf8(Array.from({ length: full ? 10000 : 1500 }, (_, index) => `From sender${index}@example.org Mon Jan  1 00:00:00 2001\nFrom: s${index}@example.org\nSubject: m${index}\n\nBody ${index} in Baku.\n`).join('\n')), { fast: !full });
  add('mbox/from-lines-in-bodies.mbox', utf8(`From a@b Mon Jan  1 00:00:00 2001\nSubject: one\n\n${'From here on, nothing.\n>From quoted\n>>From doubly\n'.repeat(5000)}\nFrom c@d Tue Jan  2 00:00:00 2001\nSubject: two\n\n${STORY}\n`), { fast: true });
  add('mbox/no-separators.mbox', utf8(mail(BASIC_HEADERS, STORY)), { fast: true });
  add('mbox/one-huge-message.mbox', () => utf8(`From a@b Mon Jan  1 00:00:00 2001\nSubject: huge\n\n${`${STORY}\n`.repeat(big(full ? 30 : 3) / STORY.length)}`));
  add('mbox/binary.mbox', concat('From a@b Mon Jan  1 00:00:00 2001\n', random.bytes(50000)));
  add('mbox/separators-only.mbox', utf8('From a@b Mon Jan  1 00:00:00 2001\n'.repeat(50000)));
  add('mbox/cr-only.mbox', utf8(`From a@b Mon Jan  1 00:00:00 2001\rSubject: cr\r\r${STORY}\rFrom c@d Mon Jan  1 00:00:00 2001\rSubject: cr2\r\r${STORY}`));
  const goodMail = utf8(mail([...BASIC_HEADERS, 'Subject: base', 'Content-Type: multipart/alternative; boundary="m"'], `--m\r\nContent-Type: text/plain\r\n\r\n${STORY}\r\n--m\r\nContent-Type: text/html\r\n\r\n<p>${STORY}</p>\r\n--m--\r\n`));
  for (let index = 0; index < (full ? 25 : 4); index += 1) {
    const mutated = Uint8Array.from(goodMail);
    for (let flips = 0; flips < 1 + random.int(30); flips += 1) mutated[random.int(mutated.length)] = random.pick([0x0a, 0x0d, 0x2d, 0x3a, 0x3d, 0x22, random.int(256)]);
    add(`email/mutated-${index}.eml`, mutated, { fast: index < 2 });
  }

  // --- ZIP: names, counts, sizes, checksums and methods that the unpacker has to doubt.
  add('zip/good.zip', zip([{ name: 'a.txt', data: STORY }, { name: 'b/c.md', data: `# Note\n${STORY}` }]), { fast: true });
  add('zip/traversal-names.zip', zip([{ name: '../../../../tmp/evil.txt', data: STORY }, { name: '/etc/passwd.txt', data: 'root' }, { name: 'C:\\Windows\\evil.txt', data: STORY }, { name: '..\\..\\evil2.txt', data: STORY }, { name: './././x.txt', data: STORY }]), { fast: true });
  add('zip/long-name.zip', zip([{ name: `${'n'.repeat(65000)}.txt`, data: STORY }]), { fast: true });
  add('zip/control-names.zip', zip([{ name: '\u001b[2J\u202etxt.exe.txt', data: STORY }, { name: 'nul\u0000byte.txt', data: STORY }]), { fast: true });
  add('zip/duplicate-names.zip', zip(Array.from({ length: 50 }, () => ({ name: 'same.txt', data: STORY }))));
  add('zip/ratio-bomb-1gb.zip', () => zip([{ name: 'zeros.txt', raw: deflateRepeated(utf8('a'), big(full ? 1024 : 64)), declared: big(full ? 1024 : 64) }]), { fast: true });
  add('zip/size-lies-small.zip', () => zip([{ name: 'liar.txt', raw: deflateRepeated(utf8('b'), big(full ? 50 : 5)), declared: 100 }]), { fast: true });
  add('zip/overlapping-entries.zip', () => {
    // Many directory entries pointing at one local file: a non-recursive bomb.
    const data = deflateRepeated(utf8('c'), big(5));
    const first = { name: 'o0.txt', raw: data, declared: big(5) };
    return zip([first, ...Array.from({ length: 300 }, (_, index) => ({ name: `o${index + 1}.txt`, raw: data, declared: big(5), localOffset: 0 }))]);
  }, { fast: true });
  add('zip/crc-wrong.zip', zip([{ name: 'good.txt', data: STORY }, { name: 'bad.txt', data: `${STORY} changed`, crc: 0x12345678 }]), { fast: true });
  add('zip/crc-wrong-stored.zip', zip([{ name: 'bad.txt', data: STORY, method: 0, crc: 1 }]), { fast: true });
  add('zip/encrypted-flag.zip', zip([{ name: 'secret.txt', data: STORY, flags: 0x801 }]), { fast: true });
  add('zip/method-lzma.zip', zip([{ name: 'lz.txt', data: STORY, method: 14, raw: random.bytes(200), declared: 1000 }]));
  add('zip/method-bzip2.zip', zip([{ name: 'bz.txt', data: STORY, method: 12, raw: random.bytes(200), declared: 1000 }]));
  add('zip/truncated-central.zip', zip([{ name: 'a.txt', data: STORY }, { name: 'b.txt', data: STORY }], { truncateCentral: true }), { fast: true });
  add('zip/count-lies-65535.zip', zip([{ name: 'a.txt', data: STORY }], { centralCount: 65535 }), { fast: true });
  add('zip/cut-in-half.zip', () => {
    const whole = zip([{ name: 'a.txt', data: STORY.repeat(50) }, { name: 'b.txt', data: STORY.repeat(50) }]);
    return whole.subarray(0, whole.length >> 1);
  });
  add('zip/nested-10-deep.zip', () => {
    let inner = zip([{ name: 'core.txt', data: STORY }]);
    for (let level = 0; level < 10; level += 1) inner = zip([{ name: `level${level}.zip`, data: inner }]);
    return inner;
  }, { fast: true });
  add('zip/nested-bomb-42.zip', () => {
    let layer = zip([{ name: 'z.txt', raw: deflateRepeated(utf8('z'), big(100)), declared: big(100) }]);
    for (let level = 0; level < 3; level += 1) layer = zip(Array.from({ length: 8 }, (_, index) => ({ name: `l${level}-${index}.zip`, data: layer })));
    return layer;
  });
  add('zip/entries-60000.zip', () => zip(Array.from({ length: 60000 }, (_, index) => ({ name: `e${index}.txt`, data: 'x', method: 0 }))), { fast: false });
  add('zip/symlink-entry.zip', zip([{ name: 'link.txt', data: '/etc/passwd', method: 0, external: (0o120777 << 16) >>> 0 }, { name: 'real.txt', data: STORY }]), { fast: true });
  add('zip/junk-members.zip', zip([{ name: '__MACOSX/._a.txt', data: 'x' }, { name: '.DS_Store', data: random.bytes(100) }, { name: 'ok.txt', data: STORY }, { name: 'devnull', data: '' }]));
  add('zip/hostile-mix.zip', () => zip([
    { name: 'deep.html', data: `${'<div>'.repeat(20000)}${STORY}` },
    { name: 'junk.pdf', data: random.bytes(3000) },
    { name: 'inner.docx', data: goodDocx },
    { name: 'mail.eml', data: goodMail },
    { name: 'empty.txt', data: '' },
  ]), { fast: true });
  add('zip/comment-only.zip', zip([], { comment: 'just a comment' }));
  add('zip/zip64-garbage.zip', concat(zip([{ name: 'a.txt', data: STORY }]).subarray(0, -22), (() => {
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, 0xffff, true);
    end.setUint16(10, 0xffff, true);
    end.setUint32(16, 0xffffffff, true);
    return new Uint8Array(end.buffer);
  })()));
  const goodZip = zip([{ name: 'a.txt', data: STORY }, { name: 'b.html', data: `<p>${STORY}</p>` }]);
  for (let index = 0; index < (full ? 25 : 4); index += 1) {
    const mutated = Uint8Array.from(goodZip);
    for (let flips = 0; flips < 1 + random.int(10); flips += 1) mutated[random.int(mutated.length)] = random.int(256);
    add(`zip/mutated-${index}.zip`, mutated, { fast: index < 2 });
  }

  // --- Reuters-21578 SGML: the newswire reader's own tag matching.
  add('reuters/good.sgm', utf8(REUTERS_HEAD + reutersStory(1, STORY) + reutersStory(2, 'Cocoa prices rose in Salvador.')), { fast: true });
  add('reuters/unclosed-reuters.sgm', utf8(REUTERS_HEAD + reutersStory(1, STORY).replace('</REUTERS>', '') + '<REUTERS NEWID="2"><TEXT><BODY>open'), { fast: true });
  add('reuters/no-body.sgm', utf8(REUTERS_HEAD + '<REUTERS NEWID="1"><DATE>bad</DATE><TEXT><TITLE>x</TITLE></TEXT></REUTERS>\n'), { fast: true });
  add('reuters/nested-reuters.sgm', utf8(REUTERS_HEAD + '<REUTERS NEWID="1">'.repeat(5000) + `<TEXT><BODY>${STORY}</BODY></TEXT>` + '</REUTERS>'.repeat(5000)), { fast: true });
  add('reuters/empty-stories-50000.sgm', () => utf8(REUTERS_HEAD + '<REUTERS NEWID="1"></REUTERS>\n'.repeat(50000)));
  add('reuters/many-stories-3000.sgm', () => utf8(REUTERS_HEAD + Array.from({ length: 3000 }, (_, index) => reutersStory(index + 1, `${STORY} Story ${index}.`)).join('')), { fast: false });
  add('reuters/huge-date.sgm', utf8(REUTERS_HEAD + reutersStory(1, STORY).replace('26-FEB-1987 15:01:01.79', '9'.repeat(100000))));
  add('reuters/entity-garbage.sgm', utf8(REUTERS_HEAD + reutersStory(1, `&#99999999; &#x; &bogus; &#0; ${'&lt;'.repeat(10000)} ${STORY}`)), { fast: true });
  add('reuters/binary-middle.sgm', concat(REUTERS_HEAD + reutersStory(1, STORY), random.bytes(20000), reutersStory(2, STORY)), { fast: true });
  add('reuters/truncated.sgm', utf8((REUTERS_HEAD + reutersStory(1, STORY) + reutersStory(2, STORY)).slice(0, 900)));
  add('reuters/huge-body-30mb.sgm', () => utf8(REUTERS_HEAD + reutersStory(1, `${STORY}\n`.repeat(big(30) / STORY.length))), { slice: 'full' });
  add('reuters/attributes-storm.sgm', utf8(REUTERS_HEAD + reutersStory(1, STORY).replace('<REUTERS ', `<REUTERS ${'A="1" '.repeat(20000)}`)));
  add('reuters/places-storm.sgm', utf8(REUTERS_HEAD + reutersStory(1, STORY, `<PEOPLE>${'<D>x</D>'.repeat(50000)}</PEOPLE>`)));
  const goodReuters = utf8(REUTERS_HEAD + reutersStory(1, STORY) + reutersStory(2, STORY.toUpperCase()));
  for (let index = 0; index < (full ? 15 : 3); index += 1) {
    const mutated = Uint8Array.from(goodReuters);
    for (let flips = 0; flips < 1 + random.int(15); flips += 1) mutated[random.int(mutated.length)] = random.pick([0x3c, 0x3e, 0x2f, 0x26, 0x00, random.int(256)]);
    add(`reuters/mutated-${index}.sgm`, mutated, { fast: index < 1 });
  }

  // --- Random mixes: random bytes behind the right magic of every format.
  const magics = [['%PDF-1.4\n', '.pdf'], ['PK\x03\x04', '.zip'], ['PK\x03\x04', '.docx'], ['From a@b Mon Jan  1 00:00:00 2001\n', '.mbox'], ['Received: from x\r\n', '.eml'], ['<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS', '.sgm'], ['<html><body>', '.html']];
  for (let index = 0; index < (full ? 42 : 7); index += 1) {
    const [magic, extension] = magics[index % magics.length];
    add(`magic/random-${index}${extension}`, concat(magic, random.bytes(2000 + random.int(30000))), { fast: index < 3 });
  }
}

/**
 * Writes the corpus and returns its manifest. `slice` 'fast' writes only the files marked fast
 * (the slice npm test runs); 'full' writes every file, the large ones included.
 */
export function generateCorpus(outDir, { seed = 17, slice = 'full' } = {}) {
  const random = prng(seed);
  const full = slice === 'full';
  const manifest = [];
  mkdirSync(outDir, { recursive: true });
  families((name, content, options = {}) => {
    const inSlice = options.slice === 'full' ? full : full || options.fast === true;
    // The generator always draws the same numbers, whichever files are written, so a seed names one corpus.
    const bytes = typeof content === 'function' ? (inSlice ? content() : null) : content;
    if (!inSlice) return;
    const path = join(outDir, ...name.split('/'));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, bytes);
    manifest.push({ name, family: name.split('/')[0], bytes: bytes.length });
  }, random, full);
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = args.indexOf(name);
    return index >= 0 ? args.splice(index, 2)[1] : fallback;
  };
  const seed = Number(option('--seed', '17'));
  const slice = option('--slice', 'full');
  const out = args[0];
  if (!out) {
    console.error('usage: node tests/hostile/generate.mjs OUT_DIR [--seed N] [--slice fast|full]');
    process.exit(2);
  }
  const manifest = generateCorpus(out, { seed, slice });
  const total = manifest.reduce((sum, entry) => sum + entry.bytes, 0);
  console.log(`${manifest.length} hostile files, ${(total / 1024 / 1024).toFixed(1)} MB, in ${out}`);
}
