/**
 * The case's .pmtiles file for maplibre: a pmtiles Source whose bytes come from the engine by range (the
 * renderer is sandboxed and never reads the disk), registered once under the pmtiles:// protocol.
 */
import { addProtocol } from 'maplibre-gl';
import type { RangeResponse, Source } from 'pmtiles';
import { PMTiles, Protocol } from 'pmtiles';
import { call } from '../../api/client';

let protocol: Protocol | null = null;

function decodeBase64(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes.buffer;
}

/** Reads the case's basemap file through the engine; `key` names it (its path and size, so a new file is a new key). */
export class EngineSource implements Source {
  constructor(private readonly key: string) {}

  getKey(): string {
    return this.key;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const { base64 } = await call('map.readBasemap', { offset, length });
    return { data: decodeBase64(base64) };
  }
}

/** The URL a style uses for the case's basemap file; registers the protocol and the archive on first use. */
export function pmtilesUrl(path: string, bytes: number): string {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  const key = `case-basemap/${encodeURIComponent(path)}/${bytes}`;
  if (!protocol.get(key)) protocol.add(new PMTiles(new EngineSource(key)));
  return `pmtiles://${key}`;
}
