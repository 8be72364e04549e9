// Code the tests run inside the page sees the bridge the harness injects.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DossierBridge } from '../../src/shared/api';

declare global {
  interface Window {
    readonly dossier: DossierBridge;
    /** The Map view's maplibre map, while the view is open. */
    __dossierMap?: MapLibreMap;
  }
}
