/** The map's menus: the basemap (an analyst's .pmtiles, clustering) and GeoJSON / KML import and export. */
import { Button, Menu, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconLayersSubtract, IconUpload } from '@tabler/icons-react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { call } from '../../api/client';
import { notifyError } from '../../api/notify';
import { useBasemap, useImportMapFile, useSetBasemap } from './queries';
import { useReadOnly } from '../../api/queries';

export function MapMenus({ map, cluster, setCluster }: { map: MapLibreMap | null; cluster: boolean; setCluster: (on: boolean) => void }) {
  const readOnly = useReadOnly();
  const basemap = useBasemap();
  const importFile = useImportMapFile();
  const setBasemap = useSetBasemap();

  const importDrawings = async () => {
    try {
      const path = await call('shell.chooseMapFile', { purpose: 'import' });
      if (!path) return;
      const report = await importFile.mutateAsync({ path });
      notifications.show({
        color: report.imported > 0 ? 'indigo' : 'gray',
        title: `Imported ${report.imported} drawing${report.imported === 1 ? '' : 's'} from ${report.fileName}`,
        message: report.skipped.length > 0 ? `Left out ${report.skipped.length}: ${report.skipped.slice(0, 3).join('; ')}${report.skipped.length > 3 ? '…' : ''}` : 'Undo with Ctrl+Z.',
        autoClose: 6000,
      });
    } catch (error) {
      notifyError('Could not import the file', error);
    }
  };
  const exportMap = async (format: 'geojson' | 'kml') => {
    try {
      const info = await call('cases.current', {});
      const path = await call('shell.chooseMapExportPath', { format, suggestedName: info?.title ?? 'map' });
      if (!path) return;
      const written = await call('map.export', { path, format, overwrite: true });
      notifications.show({ color: 'indigo', message: `Exported ${written.places} places and ${written.drawings} drawings to ${written.path}`, autoClose: 5000 });
    } catch (error) {
      notifyError('Could not export the map', error);
    }
  };
  const chooseBasemap = async (clear: boolean) => {
    try {
      const path = clear ? null : await call('shell.chooseMapFile', { purpose: 'basemap' });
      if (!clear && !path) return;
      const chosen = await setBasemap.mutateAsync({ path });
      if (chosen && map) map.fitBounds([[chosen.bounds[0], chosen.bounds[1]], [chosen.bounds[2], chosen.bounds[3]]], { padding: 20, animate: false });
    } catch (error) {
      notifyError('Could not use that basemap', error);
    }
  };

  return (
    <>
      <Menu position="bottom-start" shadow="md" width={260}>
        <Menu.Target>
          <Button size="sm" variant="default" leftSection={<IconLayersSubtract size={16} />}>
            Basemap
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{basemap.data ? `Detail: ${basemap.data.fileName}` : 'Built in: Natural Earth and GeoNames'}</Menu.Label>
          {basemap.data?.problem ? (
            <Text size="xs" c="red" px="sm" pb={4}>
              {basemap.data.problem}
            </Text>
          ) : null}
          <Menu.Item disabled={readOnly} onClick={() => void chooseBasemap(false)}>Open a .pmtiles file…</Menu.Item>
          <Menu.Item disabled={!basemap.data} onClick={() => void chooseBasemap(true)}>
            Built-in basemap only
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item closeMenuOnClick={false}>
            <Switch size="xs" label="Cluster dense pins" checked={cluster} onChange={(event) => setCluster(event.currentTarget.checked)} />
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Menu position="bottom-start" shadow="md">
        <Menu.Target>
          <Button size="sm" variant="default" leftSection={<IconDownload size={16} />}>
            GeoJSON / KML
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconUpload size={14} />} disabled={readOnly} onClick={() => void importDrawings()}>
            Import drawings…
          </Menu.Item>
          <Menu.Item leftSection={<IconDownload size={14} />} onClick={() => void exportMap('geojson')}>
            Export as GeoJSON…
          </Menu.Item>
          <Menu.Item leftSection={<IconDownload size={14} />} onClick={() => void exportMap('kml')}>
            Export as KML…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}
