// Decides how to read a file: by its content (magic bytes, the shape of its first lines) first,
// then by its extension, since names lie more often than bytes do.
import { displayName, extensionOf, refuse } from './common';
import { sniffImage } from './imageHeader';
import { looksLikeReuters } from './reuters';
import { listZipPaths, looksLikeZip } from './zip';

export type Format = 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'email' | 'mbox' | 'zip' | 'reuters' | 'image';

export const SUPPORTED_TYPES = '.txt, .md, .html, .htm, .pdf, .docx, .eml, .mbox, .zip, Reuters-21578 .sgm and images (.png, .jpg, .tif, .webp)';

/** Extensions of the images read by OCR; a file so named whose bytes are no such image is damaged. */
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.jpe', '.tif', '.tiff', '.webp']);

const BY_EXTENSION: Readonly<Record<string, Format>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.eml': 'email',
  '.mbox': 'mbox',
  '.zip': 'zip',
  '.sgm': 'reuters',
  '.sgml': 'reuters',
};

/** Zip-based formats that are not archives of documents; unpacking them would only give XML parts. */
const OTHER_ZIP_FORMATS = new Set(['.xlsx', '.pptx', '.odt', '.ods', '.odp', '.epub', '.jar', '.apk', '.xpi', '.vsdx', '.dotx', '.docm']);

/** Formats recognised by their first bytes that Dossier cannot read yet, with what to do instead. */
const KNOWN_BINARY: readonly { readonly magic: readonly number[]; readonly what: string }[] = [
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Microsoft Office file (.doc, .xls or .msg); save it as .docx or .pdf' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image; save it as PNG to read its text' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive; unpack it or re-pack it as .zip' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive; unpack it or re-pack it as .zip' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive; unpack it or re-pack it as .zip' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document; save it as .docx or .pdf' },
  { magic: [0x4d, 0x5a], what: 'a Windows program' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)' },
];

/** The format to read a file as; throws for formats Dossier does not read. */
export function detectFormat(name: string, bytes: Uint8Array): Format {
  const label = displayName(name);
  const extension = extensionOf(name);

  if (looksLikePdf(bytes, extension)) return 'pdf';
  if (sniffImage(bytes) !== null) return 'image';
  if (IMAGE_EXTENSIONS.has(extension)) {
    throw refuse(`${label} is named ${extension} but is not a readable image (its first bytes are no PNG, JPEG, TIFF or WebP header); it is damaged or another kind of file`);
  }
  if (looksLikeZip(bytes)) {
    if (extension === '.docx') return 'docx';
    if (OTHER_ZIP_FORMATS.has(extension)) throw unsupported(label, extension);
    try {
      return isDocxPaths(listZipPaths(name, bytes)) ? 'docx' : 'zip';
    } catch {
      // A damaged directory is reported by the zip reader, which says what is wrong.
      return 'zip';
    }
  }
  // Office encrypts a .docx by wrapping it in the old compound-file format.
  if (extension === '.docx' && KNOWN_BINARY[0]?.magic.every((byte, index) => bytes[index] === byte)) {
    throw refuse(`${label} is encrypted; remove the password in Word and import it again`);
  }
  for (const known of KNOWN_BINARY) {
    if (known.magic.every((byte, index) => bytes[index] === byte)) {
      throw refuse(`${label} is ${known.what}; Dossier imports ${SUPPORTED_TYPES}`);
    }
  }

  // latin1 decodes any bytes, enough to see the shape of the first lines whatever the encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024)).replace(/^(\u00ef\u00bb\u00bf|\u00ff\u00fe|\u00fe\u00ff)/, '');
  const start = head.trimStart();
  if (looksLikeReuters(start) || (extension === '.sgm' && head.includes('<REUTERS'))) return 'reuters';
  if (looksLikeMbox(start)) return 'mbox';
  if (extension !== '.mbox' && looksLikeEmail(start)) return 'email';
  if (/^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(start)) return 'html';

  const byExtension = BY_EXTENSION[extension];
  // A message starts with a header line; bytes that do not are not an e-mail, whatever the name says.
  if (byExtension === 'email' && !/^[A-Za-z][A-Za-z0-9-]*:/.test(start)) {
    throw refuse(`${label} is named .eml but does not start with e-mail headers (From:, Date:, Subject: …); it is damaged or another kind of file`);
  }
  if (byExtension) return byExtension;
  // A file without an extension ("README", "notes") is read as text; binary data is refused there.
  if (extension === '') return 'text';
  throw unsupported(label, extension);
}

function unsupported(label: string, extension: string): Error {
  return refuse(`${label} has a type Dossier cannot import yet (${extension}); supported: ${SUPPORTED_TYPES}`);
}

/** An mbox starts with a "From " envelope line followed by a message's header lines. */
function looksLikeMbox(start: string): boolean {
  if (!start.startsWith('From ')) return false;
  const afterFirstLine = start.slice(start.indexOf('\n') + 1);
  return looksLikeEmail(afterFirstLine);
}

/** A message starts with header lines and has a From: header plus at least one other mail header. */
function looksLikeEmail(start: string): boolean {
  const end = start.search(/\r?\n\r?\n/);
  const block = start.slice(0, end < 0 ? Math.min(start.length, 16 * 1024) : end);
  const lines = block.split(/\r?\n/);
  if (!/^[A-Za-z][A-Za-z0-9-]*:/.test(lines[0] ?? '')) return false;
  // Every line of a header block is a header or the folded continuation of one.
  if (!lines.every((line) => /^[A-Za-z][A-Za-z0-9-]*:/.test(line) || /^[ \t]/.test(line))) return false;
  const names = new Set(lines.map((line) => /^([A-Za-z][A-Za-z0-9-]*):/.exec(line)?.[1]?.toLowerCase()).filter(Boolean));
  return names.has('from') && ['date', 'subject', 'message-id', 'received', 'mime-version', 'to'].some((header) => names.has(header));
}

// These two live here, not beside their readers, so that telling formats apart never loads
// mammoth, jsdom or pdf.js.

/** A zip that is a Word document. */
export function isDocxPaths(paths: readonly string[]): boolean {
  return paths.includes('word/document.xml');
}

/**
 * A PDF starts with its header; readers also accept it anywhere in the first kilobyte, so a file
 * named .pdf is read as one then. A text that merely mentions "%PDF-1.7" is still a text.
 */
export function looksLikePdf(bytes: Uint8Array, extension = '.pdf'): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (/^(?:\u00ef\u00bb\u00bf)?\s*%PDF-/.test(head)) return true;
  return extension === '.pdf' && head.includes('%PDF-');
}
