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
  /** Opens the document in the reader with a passage selected (a link's evidence). */
  showPassage(documentId: number, start: number, end: number): void;
  /** Opens the Graph view focused on a node ("entity:12", "document:7"). */
  showInGraph(nodeKey: string): void;
  /** Opens the Map view on the place (selected, centred, its popup open). */
  showOnMap(entityId: number): void;
}

/** A request a view acts on once; the nonce tells a repeated request from the same one seen again. */
export interface NavigationRequest {
  readonly id: number;
  readonly mentionId?: number;
  readonly passage?: { readonly start: number; readonly end: number };
  readonly nonce: number;
}

/** A node the Graph view is asked to focus, once. */
export interface GraphRequest {
  readonly nodeKey: string;
  readonly nonce: number;
}

export const NavigationContext = createContext<Navigation>({
  showDocument: () => undefined,
  showEntity: () => undefined,
  showPassage: () => undefined,
  showInGraph: () => undefined,
  showOnMap: () => undefined,
});

export const useNavigation = (): Navigation => useContext(NavigationContext);
