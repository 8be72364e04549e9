/**
 * Where the renderer finds the offline basemap and its fonts: files of resources/ that Vite copies into the
 * renderer's build (assets/…), so the page loads them from its own origin — http://127.0.0.1 in the browser
 * harness, file:// in the app — under the CSP's 'self', with no IPC round trip and no network.
 */
import type { BasemapData, BasemapSourceId } from './basemapStyle';
import { basemapFiles } from './basemapStyle';

const basemapUrls = import.meta.glob<string>('../../../../../resources/basemap/*.geojson', { query: '?url', import: 'default', eager: true });
// The italic faces are for the briefing PDF only: the map draws no italics, so the page need not ship them.
const fontUrls = import.meta.glob<string>(['../../../../../resources/fonts/*.woff', '!../../../../../resources/fonts/*-italic.woff'], {
  query: '?url',
  import: 'default',
  eager: true,
});

/** An absolute URL, so that maplibre's workers resolve it as the page does. */
const absolute = (url: string): string => new URL(url, document.baseURI).href;

/** The basemap's GeoJSON files as URLs maplibre loads in its workers. */
export function basemapData(): BasemapData {
  const entries = Object.entries(basemapFiles).map(([id, file]) => {
    const url = basemapUrls[`../../../../../resources/basemap/${file}`];
    if (url === undefined) throw new Error(`The basemap file ${file} is missing from this build of Dossier.`);
    return [id, absolute(url)];
  });
  return Object.fromEntries(entries) as BasemapData;
}

/** A font file of resources/fonts/ as a URL for the style's `font-faces`. */
export function fontUrl(file: string): string {
  const url = fontUrls[`../../../../../resources/fonts/${file}`];
  if (url === undefined) throw new Error(`The font ${file} is missing from this build of Dossier.`);
  return absolute(url);
}

export type { BasemapSourceId };
