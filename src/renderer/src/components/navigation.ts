/**
 * Moving between the workspace's views: open a document (at a mention) from an entity page, open
 * an entity page from the reader, show a place on the map. The workspace provides it; views call it.
 */
import { createContext, useContext } from 'react';

export interface Navigation {
  /** Opens the document in the Documents view, scrolled to the mention when one is given. */
  showDocument(documentId: number, mentionId?: number): void;
  /** Opens the entity's page in the Entities view. */
  showEntity(entityId: number): void;
  /** Opens the Map view on the place (selected, centred, its popup open). */
  showOnMap(entityId: number): void;
}

/** A request a view acts on once; the nonce tells a repeated request from the same one seen again. */
export interface NavigationRequest {
  readonly id: number;
  readonly mentionId?: number;
  readonly nonce: number;
}

export const NavigationContext = createContext<Navigation>({ showDocument: () => undefined, showEntity: () => undefined, showOnMap: () => undefined });

export const useNavigation = (): Navigation => useContext(NavigationContext);
