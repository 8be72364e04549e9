/** react-query hooks over the engine's map channels. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MapPlaceQuery } from '../../../../shared/map';
import { call } from '../../api/client';
import { useCaseMutation } from '../../api/queries';

// Pins and popups sit under 'entities', so every entity change (merge, retype, place) refreshes them too.
export const mapKeys = {
  places: (query: MapPlaceQuery) => ['entities', 'map-places', query] as const,
  place: (id: number) => ['entities', 'map-place', id] as const,
  drawings: ['map', 'drawings'] as const,
  basemap: ['map', 'basemap'] as const,
};

export function useMapPlaces(query: MapPlaceQuery) {
  return useQuery({ queryKey: mapKeys.places(query), queryFn: () => call('map.places', query), placeholderData: keepPreviousData });
}

export function useMapPlace(id: number | null) {
  return useQuery({ queryKey: mapKeys.place(id ?? 0), queryFn: () => call('map.place', { id: id ?? 0 }), enabled: id !== null });
}

export function useDrawings() {
  return useQuery({ queryKey: mapKeys.drawings, queryFn: () => call('map.drawings', {}) });
}

export function useBasemap() {
  return useQuery({ queryKey: mapKeys.basemap, queryFn: () => call('map.basemap', {}) });
}

/** A change on the map: afterwards the case's data (pins, drawings, entities, documents) is refetched. */
function useMapMutation<C extends 'map.addPlace' | 'map.createDrawing' | 'map.updateDrawing' | 'map.deleteDrawing' | 'map.import' | 'map.setBasemap' | 'entities.setPlace'>(channel: C) {
  return useCaseMutation(channel);
}

export const useAddPlace = () => useMapMutation('map.addPlace');
export const useCreateDrawing = () => useMapMutation('map.createDrawing');
export const useUpdateDrawing = () => useMapMutation('map.updateDrawing');
export const useDeleteDrawing = () => useMapMutation('map.deleteDrawing');
export const useImportMapFile = () => useMapMutation('map.import');
export const useSetBasemap = () => useMapMutation('map.setBasemap');
export const useMovePlace = () => useMapMutation('entities.setPlace');
