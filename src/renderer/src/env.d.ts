/// <reference types="vite/client" />
import type { DossierBridge } from '../../shared/api';

declare global {
  interface Window {
    /** The engine, through the preload (in the app) or the test harness (in the browser). */
    readonly dossier: DossierBridge;
  }
}
