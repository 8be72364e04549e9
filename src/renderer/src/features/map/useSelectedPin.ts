/** The selected place on the map: a pin to drag or move with the arrow keys, and its popup (rendered into `popupNode`). */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { Marker, Popup } from 'maplibre-gl';
import type { Dispatch } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { MapPlace, Position } from '../../../../shared/map';
import type { Move } from './keyboardMove';
import { useMovePlace } from './queries';
import { saveMove } from './saveMove';
import type { MapEditorAction } from './useMapEditor';
import classes from './map.module.css';

export function useSelectedPin(map: MapLibreMap | null, selectedPlace: MapPlace | null, dispatch: Dispatch<MapEditorAction>) {
  const movePlace = useMovePlace();
  const [popupNode] = useState(() => document.createElement('div'));
  const movePin = useRef<() => Move | null>(() => null);
  useEffect(() => {
    if (!map || !selectedPlace) return undefined;
    const marker = new Marker({ draggable: true, color: '#fab005', scale: 0.8 }).setLngLat([selectedPlace.lon, selectedPlace.lat]).addTo(map);
    marker.getElement().setAttribute('data-testid', 'selected-pin');
    marker.getElement().setAttribute('aria-label', `Drag to move ${selectedPlace.name}`);
    const popup = new Popup({ offset: 30, closeButton: true, closeOnClick: false, maxWidth: '320px', className: classes.popup })
      .setLngLat([selectedPlace.lon, selectedPlace.lat])
      .setDOMContent(popupNode)
      .addTo(map);
    const deselect = () => dispatch({ type: 'deselect', selection: { kind: 'place', id: selectedPlace.id } });
    popup.on('close', deselect);
    // Closing the popup deselects the place; taking it away for a drag, or to show the place where it moved, does not
    // (maplibre fires 'close' on remove() too, which used to end a drag as it began and deselect a moved pin).
    const hidePopup = () => {
      popup.off('close', deselect);
      popup.remove();
    };
    const save = ([lon, lat]: Position) =>
      void saveMove(movePlace.mutateAsync({ id: selectedPlace.id, lat, lon }), selectedPlace.name).then((saved) => {
        if (!saved) marker.setLngLat([selectedPlace.lon, selectedPlace.lat]);
      });
    marker.on('dragstart', hidePopup);
    marker.on('dragend', () => save(marker.getLngLat().toArray()));
    // The arrow keys move the marker, and the popup with it; the places source shows the saved pin, as in a drag.
    movePin.current = () => {
      const from = marker.getLngLat().toArray();
      let to = from;
      const place = (position: Position) => {
        marker.setLngLat(position);
        if (popup.isOpen()) popup.setLngLat(position);
      };
      return {
        from,
        update: (dLon, dLat) => {
          to = [from[0] + dLon, from[1] + dLat];
          place(to);
        },
        end: (keep) => {
          if (to === from) return;
          if (keep) save(to);
          else place(from);
        },
      };
    };
    return () => {
      movePin.current = () => null;
      marker.remove();
      hidePopup();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the marker is rebuilt when the place or where it stands changes, not when a refetch hands an equal place over as a new object (that would end a drag); movePlace and dispatch are only called later, from its events.
  }, [map, selectedPlace?.id, selectedPlace?.lat, selectedPlace?.lon]);
  return { popupNode, movePin };
}
