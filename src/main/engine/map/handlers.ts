/** The engine's handlers for the map's channels, over the open case's database. */
import type { Handlers } from '../../../shared/api';
import { DossierError } from '../../../shared/errors';
import type { mapChannels } from '../../../shared/map';
import { getCaseMeta } from '../case/meta';
import type { Session } from '../case/session';
import { addPlaceByHand } from '../entities/curation';
import { caseUid } from '../exchange/identity';
import { currentBasemap, readRange, savedBasemapPath, setBasemap } from './basemap';
import { createDrawings, deleteDrawing, getDrawing, listDrawings, updateDrawing } from './drawings';
import { exportMapFile, importMapFile } from './exchange';
import { listMapPlaces, mapPlaceDetail } from './places';

export function mapHandlers(session: Session): Handlers<keyof typeof mapChannels> {
  const { db } = session;
  const confirmed = (path: string): boolean => session.confirmedPaths.has(caseUid(db()), path);
  const confirm = (path: string | null): void => {
    if (path) session.confirmedPaths.confirm(caseUid(db()), path);
  };
  return {
    'map.places': (query) => listMapPlaces(db(), query),
    'map.place': ({ id }) => mapPlaceDetail(db(), id),
    'map.addPlace': ({ name, lat, lon, subtype }) => {
      const id = addPlaceByHand(db(), name, lat, lon, subtype);
      const { aliases: _aliases, country: _country, documentCount: _count, documents: _documents, actors: _actors, ...pin } = mapPlaceDetail(db(), id);
      return pin;
    },
    'map.drawings': () => listDrawings(db()),
    'map.createDrawing': (fields) => getDrawing(db(), createDrawings(db(), [fields])[0]!),
    'map.updateDrawing': ({ id, ...patch }) => {
      updateDrawing(db(), id, patch);
      return getDrawing(db(), id);
    },
    'map.deleteDrawing': ({ id }) => {
      deleteDrawing(db(), id);
      return null;
    },
    'map.import': ({ path }) => importMapFile(db(), path),
    'map.export': ({ path, format, overwrite }) => exportMapFile(db(), path, format, getCaseMeta(db()).title, overwrite ?? false),
    'map.basemap': () => currentBasemap(db(), confirmed),
    'map.confirmBasemap': () => {
      confirm(savedBasemapPath(db()));
      return currentBasemap(db(), confirmed);
    },
    'map.setBasemap': async ({ path }) => {
      const chosen = await setBasemap(db(), path);
      confirm(path);
      return chosen;
    },
    'map.readBasemap': ({ offset, length }) => {
      const path = savedBasemapPath(db());
      if (!path) throw new DossierError('not-found', 'This case has no .pmtiles basemap; choose one from the map\'s basemap menu.');
      if (!confirmed(path)) throw new DossierError('invalid-input', `The case's basemap ${path} has not been confirmed on this machine; confirm it on the map first.`);
      return { base64: readRange(path, offset, length).toString('base64') };
    },
  };
}
