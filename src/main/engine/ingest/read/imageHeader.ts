// What an image file says about itself in its first bytes: format, size in pixels and (TIFF) page
// count. Read before any decoder runs, so an image bomb or a 10,000-page fax is refused up front.

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'tiff';

export interface ImageHeader {
  readonly format: ImageFormat;
  /** The pages' sizes, first page first (one for every format but TIFF). */
  readonly pages: readonly { readonly width: number; readonly height: number }[];
  /** True when a TIFF has more pages than were counted (`pages` stops at the limit plus one). */
  readonly truncated: boolean;
}

export const IMAGE_FORMAT_NAMES: Readonly<Record<ImageFormat, string>> = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP', tiff: 'TIFF' };

/** The image format the first bytes announce, or null. */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  const starts = (...magic: number[]): boolean => magic.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x52, 0x49, 0x46, 0x46) && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  // BigTIFF (version 43) is a TIFF too, but one the decoder cannot read; it is refused by name.
  if (starts(0x49, 0x49, 0x2b, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2b)) return 'tiff';
  return null;
}

/**
 * Reads the header of an image of `format`; throws a plain Error saying what is wrong when the
 * bytes end early or contradict themselves (the caller names the file). Counts at most
 * `maxPages + 1` TIFF pages.
 */
export function readImageHeader(format: ImageFormat, bytes: Uint8Array, maxPages: number): ImageHeader {
  switch (format) {
    case 'png':
      return single(format, pngSize(bytes));
    case 'jpeg':
      return single(format, jpegSize(bytes));
    case 'webp':
      return single(format, webpSize(bytes));
    case 'tiff':
      return tiffPages(bytes, maxPages);
  }
}

function single(format: ImageFormat, size: { width: number; height: number }): ImageHeader {
  if (size.width <= 0 || size.height <= 0) throw new Error(`its ${IMAGE_FORMAT_NAMES[format]} header gives a size of ${size.width} × ${size.height} pixels`);
  return { format, pages: [size], truncated: false };
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function need(bytes: Uint8Array, end: number): void {
  if (end > bytes.length) throw new Error('the file ends inside its header (truncated?)');
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  need(bytes, 24);
  if (ascii(bytes, 12, 4) !== 'IHDR') throw new Error('its PNG header has no IHDR chunk where it must be');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) throw new Error('its JPEG markers are out of step');
    const marker = bytes[offset + 1]!;
    // Fill bytes and the markers that carry no length.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    const length = view.getUint16(offset + 2);
    if (length < 2) throw new Error('its JPEG segment lengths are broken');
    // Start of frame (any kind but DHT, JPG extension and DAC, which share the range).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      need(bytes, offset + 9);
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + length;
  }
  throw new Error('its JPEG data has no frame header (truncated?)');
}

function webpSize(bytes: Uint8Array): { width: number; height: number } {
  need(bytes, 30);
  const chunk = ascii(bytes, 12, 4);
  const at = (offset: number): number => bytes[offset]!;
  if (chunk === 'VP8 ') {
    return { width: (at(26) | (at(27) << 8)) & 0x3fff, height: (at(28) | (at(29) << 8)) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    const bits = at(21) | (at(22) << 8) | (at(23) << 16) | (at(24) << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    return { width: (at(24) | (at(25) << 8) | (at(26) << 16)) + 1, height: (at(27) | (at(28) << 8) | (at(29) << 16)) + 1 };
  }
  throw new Error(`its WebP data starts with an unknown chunk ("${chunk}")`);
}

function tiffPages(bytes: Uint8Array, maxPages: number): ImageHeader {
  need(bytes, 8);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  if (view.getUint16(2, little) === 43) throw new Error('it is a BigTIFF, which Dossier cannot decode; save it as an ordinary TIFF, PNG or PDF');
  const pages: { width: number; height: number }[] = [];
  const seen = new Set<number>();
  let offset = view.getUint32(4, little);
  while (offset !== 0) {
    if (seen.has(offset)) throw new Error('its TIFF directories point back at one another (damaged or hostile)');
    seen.add(offset);
    if (pages.length > maxPages) return { format: 'tiff', pages, truncated: true };
    need(bytes, offset + 2);
    const entries = view.getUint16(offset, little);
    need(bytes, offset + 2 + entries * 12 + 4);
    let width = 0;
    let height = 0;
    let subfileType = 0;
    for (let entry = 0; entry < entries; entry++) {
      const at = offset + 2 + entry * 12;
      const tag = view.getUint16(at, little);
      if (tag === 254) subfileType = view.getUint32(at + 8, little);
      if (tag !== 256 && tag !== 257) continue;
      const type = view.getUint16(at + 2, little);
      // SHORT values sit in the first two bytes of the value field, LONG in all four.
      const value = type === 3 ? view.getUint16(at + 8, little) : view.getUint32(at + 8, little);
      if (tag === 256) width = value;
      else height = value;
    }
    // A reduced-resolution copy (a thumbnail; NewSubfileType bit 0) is not a page.
    if ((subfileType & 1) === 0) {
      if (width <= 0 || height <= 0) throw new Error(`its TIFF page ${pages.length + 1} has no size`);
      pages.push({ width, height });
    }
    offset = view.getUint32(offset + 2 + entries * 12, little);
  }
  if (pages.length === 0) throw new Error('its TIFF data has no pages');
  return { format: 'tiff', pages, truncated: false };
}
