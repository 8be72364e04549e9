// Code the tests run inside the page sees the bridge the harness injects.
import type { DossierBridge } from '../../src/shared/api';

declare global {
  interface Window {
    readonly dossier: DossierBridge;
  }
}
