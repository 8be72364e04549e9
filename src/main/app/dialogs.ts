/** Shell channels: native dialogs for choosing case files, documents, gazetteer extracts, map files, and cases or lists to bring in. */
import type { BrowserWindow, Dialog, Shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers, ShellChannel } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import { CASE_FILE_EXTENSION } from '../engine/case/format';

const caseFilter = { name: 'Dossier case', extensions: [CASE_FILE_EXTENSION.slice(1)] };

export function createShellHandlers(
  dialog: Dialog,
  window: () => BrowserWindow | null,
  documentsFolder: string,
  shell: Pick<Shell, 'openPath'>,
): Handlers<Exclude<ShellChannel, 'shell.takeLaunchCase'>> {
  // The PDF paths the analyst chose in the briefing's save dialog: the only files the renderer may ask the system to open.
  const chosenBriefings = new Set<string>();
  return {
    'shell.openPath': async ({ path }) => {
      // Only files Dossier wrote (PDF exports the analyst chose a place for) are opened, and only ones that exist.
      if (!chosenBriefings.has(path) || !path.toLowerCase().endsWith('.pdf') || !existsSync(path)) {
        throw new DossierError('not-found', `${path} is not an exported PDF that exists; export the briefing again.`);
      }
      const failure = await shell.openPath(path);
      if (failure) throw new DossierError('internal', `The system could not open ${path}: ${failure}`);
      return null;
    },
    'shell.chooseNewCasePath': async ({ suggestedName }) => {
      const owner = window();
      const options = {
        title: 'Create case file',
        buttonLabel: 'Create',
        defaultPath: join(documentsFolder, `${safeFileName(suggestedName)}${CASE_FILE_EXTENSION}`),
        filters: [caseFilter],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return result.filePath.endsWith(CASE_FILE_EXTENSION) ? result.filePath : `${result.filePath}${CASE_FILE_EXTENSION}`;
    },
    'shell.chooseCaseToOpen': async () => {
      const owner = window();
      const options = {
        title: 'Open case file',
        filters: [caseFilter],
        properties: ['openFile'] as 'openFile'[],
      };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    'shell.chooseBriefingPath': async ({ suggestedName }) => {
      const owner = window();
      const options = {
        title: 'Export briefing',
        buttonLabel: 'Export',
        defaultPath: join(documentsFolder, `${safeFileName(suggestedName)}.pdf`),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      const chosen = result.filePath.toLowerCase().endsWith('.pdf') ? result.filePath : `${result.filePath}.pdf`;
      chosenBriefings.add(chosen);
      return chosen;
    },
    'shell.chooseGazetteerExtract': async () => {
      const owner = window();
      const options = {
        title: 'Add a GeoNames country extract',
        buttonLabel: 'Add to gazetteer',
        filters: [
          { name: 'GeoNames table', extensions: ['txt', 'tsv'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile'] as 'openFile'[],
      };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    'shell.chooseFilesToImport': async ({ folders }) => {
      const owner = window();
      const options = {
        title: folders ? 'Import a folder' : 'Import documents',
        buttonLabel: 'Import',
        filters: folders
          ? []
          : [
              { name: 'Documents', extensions: ['txt', 'md', 'html', 'htm', 'pdf', 'docx', 'eml', 'mbox', 'zip', 'sgm', 'png', 'jpg', 'jpeg', 'tif', 'tiff', 'webp'] },
              { name: 'All files', extensions: ['*'] },
            ],
        properties: (folders ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections']) as (
          | 'openFile'
          | 'openDirectory'
          | 'multiSelections'
        )[],
      };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    'shell.chooseCaseToMerge': async () => {
      const owner = window();
      const options = { title: 'Merge a case into this one', buttonLabel: 'Merge', filters: [caseFilter], properties: ['openFile'] as 'openFile'[] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    'shell.chooseCsvList': async () => {
      const owner = window();
      const options = {
        title: 'Import a list of entities or links',
        buttonLabel: 'Choose',
        filters: [
          { name: 'CSV list', extensions: ['csv', 'tsv', 'txt'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile'] as 'openFile'[],
      };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    'shell.chooseMapFile': async ({ purpose }) => {
      const owner = window();
      const options = {
        title: purpose === 'basemap' ? 'Choose a .pmtiles basemap' : 'Import drawings (GeoJSON or KML)',
        buttonLabel: purpose === 'basemap' ? 'Use as basemap' : 'Import',
        filters:
          purpose === 'basemap'
            ? [{ name: 'PMTiles', extensions: ['pmtiles'] }]
            : [
                { name: 'GeoJSON or KML', extensions: ['geojson', 'json', 'kml'] },
                { name: 'All files', extensions: ['*'] },
              ],
        properties: ['openFile'] as 'openFile'[],
      };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    'shell.chooseMapExportPath': async ({ format, suggestedName }) => {
      const owner = window();
      const extension = format === 'kml' ? 'kml' : 'geojson';
      const options = {
        title: format === 'kml' ? 'Export the map as KML' : 'Export the map as GeoJSON',
        buttonLabel: 'Export',
        defaultPath: join(documentsFolder, `${safeFileName(suggestedName)}.${extension}`),
        filters: [{ name: format === 'kml' ? 'KML' : 'GeoJSON', extensions: [extension] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return result.filePath.endsWith(`.${extension}`) ? result.filePath : `${result.filePath}.${extension}`;
    },
  };
}

/** A file name from a case title: no path separators or characters Windows refuses. */
export function safeFileName(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what file names may not hold
  const cleaned = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.slice(0, 120) || 'Untitled case';
}
