/**
 * One maplibre map in a container: created once, given a new style by diff when the theme, clustering or
 * basemap change, and its case sources refilled after every style change.
 */
import type { GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { RefObject } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';

setWorkerUrl(workerUrl);

/** GeoJSON for each of the case's sources, kept so a new style gets it again. */
export type SourceData = Record<string, GeoJSON.FeatureCollection>;

/** The map the Map view shows, for end-to-end tests and the benchmark (page.evaluate reaches it here). */
declare global {
  interface Window {
    __dossierMap?: MapLibreMap;
  }
}

/** Where the map opens: a centre and zoom, or bounds to fit. */
export type InitialView = { center: [number, number]; zoom: number } | { bounds: [[number, number], [number, number]]; padding: number; maxZoom: number };

/**
 * Creates the map once `initial` is known (null: not yet, e.g. while the case's places load), so that it opens
 * where it will be looked at instead of loading tiles for a view it leaves at once.
 */
export function useMapLibre(container: RefObject<HTMLDivElement | null>, style: StyleSpecification, initial: InitialView | null) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const data = useRef<SourceData>({});
  const firstStyle = useRef(style);
  const firstView = useRef<InitialView | null>(null);

  const refill = (target: MapLibreMap) => {
    for (const [id, collection] of Object.entries(data.current)) void target.getSource<GeoJSONSource>(id)?.setData(collection);
  };

  firstView.current ??= initial;
  const ready = initial !== null;
  useEffect(() => {
    const view = firstView.current;
    if (!container.current || !view) return undefined;
    const created = new MapLibreMap({
      container: container.current,
      style: firstStyle.current,
      ...('bounds' in view ? { bounds: view.bounds, fitBoundsOptions: { padding: view.padding, maxZoom: view.maxZoom } } : view),
      attributionControl: { compact: true },
      maxZoom: 16,
    });
    created.on('style.load', () => refill(created));
    created.on('idle', () => created.getContainer().setAttribute('data-idle', 'true'));
    created.on('movestart', () => created.getContainer().setAttribute('data-idle', 'false'));
    created.once('load', () => setMap(created));
    window.__dossierMap = created;
    return () => {
      if (window.__dossierMap === created) delete window.__dossierMap;
      created.remove();
    };
  }, [container, ready]);

  useEffect(() => {
    if (!map || style === firstStyle.current) return;
    firstStyle.current = style;
    map.setStyle(style, { diff: true });
    refill(map);
  }, [map, style]);

  /** Replaces one case source's data (kept for the next style). */
  const setData = useCallback(
    (id: string, collection: GeoJSON.FeatureCollection) => {
      data.current[id] = collection;
      void map?.getSource<GeoJSONSource>(id)?.setData(collection);
    },
    [map],
  );

  return { map, setData };
}
