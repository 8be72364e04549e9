/**
 * The Map view: the offline basemap (or the case's .pmtiles detail), every located place as a pin, and the
 * analyst's drawings. Pins are selected, moved by dragging, the arrow keys or by picking another candidate; places
 * are added by clicking; points, lines and polygons are drawn, moved by dragging (whole or a vertex at a time) or the
 * arrow keys, edited, imported and exported; filters narrow the pins.
 */
import {
  ActionIcon,
  Button,
  Chip,
  EmptyState,
  Group,
  Kbd,
  Menu,
  Modal,
  MultiSelect,
  Paper,
  Popover,
  ScrollArea,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
  useComputedColorScheme,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconDownload,
  IconFilter,
  IconFocus2,
  IconLayersSubtract,
  IconLine,
  IconMapPin,
  IconMapPinPlus,
  IconPointer,
  IconPolygon,
  IconUpload,
} from '@tabler/icons-react';
import type { GeoJSONSource, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { LngLatBounds, Marker, Popup } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Drawing, DrawingGeometry, MapPlace, MapPlaceQuery, Position } from '../../../../shared/map';
import { call } from '../../api/client';
import { modKey } from '../../components/format';
import type { NavigationRequest } from '../../components/navigation';
import { usePeriod } from '../../components/period';
import { notifyError } from '../cases/useCaseCommands';
import { useTags } from '../documents/queries';
import { basemapData, fontUrl } from './assets';
import type { Grab } from './drawingGeometry';
import { positionsOf } from './drawingGeometry';
import type { Move } from './keyboardMove';
import { DrawingInspector, DrawingList, drawingColors, Legend, PlaceInspector } from './MapInspector';
import { buildMapStyle, caseLayers, caseSources, placeKinds } from './mapStyle';
import { PlacePopup } from './PlacePopup';
import { pmtilesUrl } from './pmtilesSource';
import { useAddPlace, useBasemap, useCreateDrawing, useDrawings, useImportMapFile, useMapPlaces, useMovePlace, useSetBasemap, useUpdateDrawing } from './queries';
import { useDrawingDrag } from './useDrawingDrag';
import { useKeyboardMove } from './useKeyboardMove';
import type { InitialView } from './useMapLibre';
import { useMapLibre } from './useMapLibre';
import classes from './map.module.css';

type Mode = 'select' | 'point' | 'line' | 'polygon' | 'place';
type Selection = { kind: 'place'; id: number } | { kind: 'drawing'; id: number } | null;

interface Filter {
  tagIds: string[];
  from: string;
  to: string;
  subtypes: string[];
  status: 'all' | 'confirmed' | 'suggested';
}
const noFilter: Filter = { tagIds: [], from: '', to: '', subtypes: [], status: 'all' };

const modeHints: Record<Exclude<Mode, 'select'>, string> = {
  point: 'Click the map to put a point',
  line: 'Click to add points · Enter or double-click to finish · Backspace removes the last · Esc cancels',
  polygon: 'Click to add corners · Enter or double-click to close the polygon · Backspace removes the last · Esc cancels',
  place: 'Click where the place is, then name it',
};

function toQuery(filter: Filter): MapPlaceQuery {
  return {
    ...(filter.tagIds.length > 0 ? { tagIds: filter.tagIds.map(Number) } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(filter.from) ? { publishedFrom: filter.from } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(filter.to) ? { publishedTo: filter.to } : {}),
    ...(filter.subtypes.length > 0 ? { subtypes: filter.subtypes } : {}),
    ...(filter.status === 'all' ? {} : { status: filter.status }),
  };
}

function placesToGeoJson(places: readonly MapPlace[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: places.map((place) => ({
      type: 'Feature',
      id: place.id,
      geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
      properties: { id: place.id, name: place.name, subtype: place.subtype, status: place.status, mentions: place.mentions },
    })),
  };
}

function sketchToGeoJson(mode: Mode, points: readonly Position[], pointer: Position | null): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = points.map((position) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: {} }));
  const path = pointer ? [...points, pointer] : [...points];
  if (mode === 'polygon' && path.length >= 3) {
    features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...path, path[0]!]] }, properties: {} });
  } else if ((mode === 'line' || mode === 'polygon') && path.length >= 2) {
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: path }, properties: {} });
  }
  return { type: 'FeatureCollection', features };
}

function boundsOf(positions: readonly Position[]): LngLatBounds | null {
  if (positions.length === 0) return null;
  const bounds = new LngLatBounds(positions[0], positions[0]);
  for (const position of positions) bounds.extend(position);
  return bounds;
}

/** Saves what a drag or the arrow keys moved (a pin, a drawing) and says how to take it back; resolves false when it could not be saved. */
function saveMove(saving: Promise<unknown>, name: string): Promise<boolean> {
  return saving.then(
    () => {
      notifications.show({ color: 'indigo', message: `Moved ${name} — ${modKey}+Z undoes it`, autoClose: 3000 });
      return true;
    },
    (error: unknown) => {
      notifyError(`Could not move ${name}`, error);
      return false;
    },
  );
}

/** How a move of a drawing is named in its notification. */
function movedName(drawing: Drawing, grab: Grab): string {
  const name = drawing.label || `the ${drawing.kind}`;
  return grab.part === 'vertex' ? `a vertex of ${name}` : name;
}

export function MapView({ request = null }: { request?: NavigationRequest | null }) {
  const theme = useComputedColorScheme('light');
  const container = useRef<HTMLDivElement>(null);
  // The view mounts when shown, so the period brushed on the timeline is its date filter's start.
  const { period } = usePeriod();
  const [filter, setFilter] = useState<Filter>(() => (period ? { ...noFilter, from: period.from, to: period.to } : noFilter));
  const [cluster, setCluster] = useState(true);
  const [mode, setMode] = useState<Mode>('select');
  const [sketch, setSketch] = useState<Position[]>([]);
  const [pointer, setPointer] = useState<Position | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [newPlace, setNewPlace] = useState<{ lat: number; lon: number; name: string } | null>(null);
  const query = useMemo(() => toQuery(filter), [filter]);
  const places = useMapPlaces(query);
  const drawings = useDrawings();
  const basemap = useBasemap();
  const tags = useTags();
  const addPlace = useAddPlace();
  const createDrawing = useCreateDrawing();
  const movePlace = useMovePlace();
  const updateDrawing = useUpdateDrawing();
  const importFile = useImportMapFile();
  const setBasemap = useSetBasemap();

  const data = useMemo(() => basemapData(), []);
  const pmtiles = basemap.data && !basemap.data.problem ? { basemap: basemap.data, url: pmtilesUrl(basemap.data.path, basemap.data.bytes) } : null;
  const pmtilesKey = pmtiles?.url ?? null;
  // Rebuilt only when what it depends on changes; the map applies the difference.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- pmtiles is keyed by its URL
  const style = useMemo(() => buildMapStyle({ data, fontUrl, theme, cluster, pmtiles }), [data, theme, cluster, pmtilesKey]);
  const placeList = useMemo(() => places.data ?? [], [places.data]);
  const drawingList = useMemo(() => drawings.data ?? [], [drawings.data]);
  // The map opens on the case: fitted to its places and drawings (the South Caucasus when it has none).
  const initialView = useMemo((): InitialView | null => {
    if (!places.data || !drawings.data) return null;
    const bounds = boundsOf([...places.data.map((place): Position => [place.lon, place.lat]), ...drawings.data.flatMap((drawing) => positionsOf(drawing.geometry))]);
    return bounds ? { bounds: bounds.toArray(), padding: 60, maxZoom: 9 } : { center: [45.5, 40.5], zoom: 5 };
  }, [places.data, drawings.data]);
  const { map, setData } = useMapLibre(container, style, initialView);
  const selectedPlace = selection?.kind === 'place' ? (placeList.find((place) => place.id === selection.id) ?? null) : null;
  const selectedDrawing = selection?.kind === 'drawing' ? (drawingList.find((drawing) => drawing.id === selection.id) ?? null) : null;

  useEffect(() => setData(caseSources.places, placesToGeoJson(placeList)), [map, placeList]); // eslint-disable-line react-hooks/exhaustive-deps
  // The drawings source (and the selected drawing's handles) show a drag in progress: the drag fills them.
  const drawingDrag = useDrawingDrag({
    map,
    drawings: drawingList,
    selectedId: selection?.kind === 'drawing' ? selection.id : null,
    enabled: mode === 'select',
    setData,
    save: (drawing, geometry, grab) => saveMove(updateDrawing.mutateAsync({ id: drawing.id, geometry }), movedName(drawing, grab)),
  });
  useEffect(() => setData(caseSources.sketch, sketchToGeoJson(mode, sketch, pointer)), [map, mode, sketch, pointer]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(
    () =>
      setData(caseSources.selection, {
        type: 'FeatureCollection',
        features: selectedPlace ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [selectedPlace.lon, selectedPlace.lat] }, properties: {} }] : [],
      }),
    [map, selectedPlace], // eslint-disable-line react-hooks/exhaustive-deps
  );

  // Fit the case's places once, when they first arrive.
  const fitted = useRef(false);
  const fitToCase = (animate: boolean) => {
    if (!map) return;
    const positions: Position[] = [...placeList.map((place): Position => [place.lon, place.lat]), ...drawingList.flatMap((drawing) => positionsOf(drawing.geometry))];
    const bounds = boundsOf(positions);
    if (bounds) map.fitBounds(bounds, { padding: 60, maxZoom: 9, animate });
  };
  useEffect(() => {
    if (fitted.current || !map) return;
    fitted.current = true;
    map.getContainer().setAttribute('data-fitted', 'true');
  }, [map]);

  // "Show on map" from elsewhere: select the place and centre it.
  const handledRequest = useRef<number | null>(null);
  useEffect(() => {
    if (!map || !request || !places.data || handledRequest.current === request.nonce) return;
    handledRequest.current = request.nonce;
    const place = places.data.find((candidate) => candidate.id === request.id);
    if (!place) {
      notifications.show({ color: 'gray', message: 'That place has no coordinates yet (or the filters hide it); place it from its entity page.' });
      return;
    }
    setSelection({ kind: 'place', id: place.id });
    map.jumpTo({ center: [place.lon, place.lat], zoom: Math.max(map.getZoom(), 8) });
  }, [map, request, places.data]);

  // Clicks go to whatever the mode says; the handlers read the latest state through a ref.
  const latest = useRef({ mode, sketch, selection });
  latest.current = { mode, sketch, selection };
  const finishSketch = async () => {
    const { mode: current, sketch: points } = latest.current;
    if (current !== 'line' && current !== 'polygon') return;
    const needed = current === 'line' ? 2 : 3;
    if (points.length < needed) {
      notifications.show({ color: 'gray', message: `A ${current} needs at least ${needed} points; keep clicking, or Esc to cancel.` });
      return;
    }
    const geometry: DrawingGeometry = current === 'line' ? { type: 'LineString', coordinates: points } : { type: 'Polygon', coordinates: [[...points, points[0]!]] };
    await saveDrawing(geometry);
  };
  const saveDrawing = async (geometry: DrawingGeometry) => {
    try {
      const drawn = await createDrawing.mutateAsync({ geometry, label: '', color: drawingColors[0]!, note: '', entityIds: [], documentIds: [] });
      setSketch([]);
      setPointer(null);
      setMode('select');
      setSelection({ kind: 'drawing', id: drawn.id });
    } catch (error) {
      notifyError('Could not save the drawing', error);
    }
  };
  const cancelSketch = () => {
    setSketch([]);
    setPointer(null);
    setMode('select');
  };

  useEffect(() => {
    if (!map) return undefined;
    const interactive = [caseLayers.clusters, caseLayers.pins, caseLayers.drawingPoints, caseLayers.drawingLines, caseLayers.drawingFills];
    const featureAt = (event: MapMouseEvent): MapGeoJSONFeature | undefined => {
      const present = interactive.filter((id) => map.getLayer(id));
      return map.queryRenderedFeatures(event.point, { layers: present })[0];
    };
    const onClick = (event: MapMouseEvent) => {
      const { mode: current } = latest.current;
      const position: Position = [event.lngLat.lng, event.lngLat.lat];
      if (current === 'point') {
        void saveDrawing({ type: 'Point', coordinates: position });
        return;
      }
      if (current === 'line' || current === 'polygon') {
        setSketch((points) => [...points, position]);
        return;
      }
      if (current === 'place') {
        setNewPlace({ lat: event.lngLat.lat, lon: event.lngLat.lng, name: '' });
        return;
      }
      const feature = featureAt(event);
      if (!feature) {
        setSelection(null);
        return;
      }
      if (feature.layer.id === caseLayers.clusters) {
        const clusterId = feature.properties['cluster_id'] as number;
        const source = map.getSource(caseSources.places) as GeoJSONSource;
        void source.getClusterExpansionZoom(clusterId).then((zoom) => {
          map.easeTo({ center: (feature.geometry as GeoJSON.Point).coordinates as [number, number], zoom: zoom + 0.5 });
        });
        return;
      }
      const id = feature.properties['id'] as number;
      setSelection({ kind: feature.layer.id === caseLayers.pins ? 'place' : 'drawing', id });
    };
    const onDoubleClick = (event: MapMouseEvent) => {
      const { mode: current } = latest.current;
      if (current === 'line' || current === 'polygon') {
        event.preventDefault();
        // The double click's second click added a point where the first did.
        setSketch((points) => points.slice(0, -1));
        setTimeout(() => void finishSketch(), 0);
      }
    };
    const onMove = (event: MapMouseEvent) => {
      const { mode: current } = latest.current;
      if (current === 'line' || current === 'polygon') setPointer([event.lngLat.lng, event.lngLat.lat]);
      if (current === 'select') map.getCanvas().style.cursor = drawingDrag.cursorAt(event.point) ?? (featureAt(event) ? 'pointer' : '');
    };
    map.on('click', onClick);
    map.on('dblclick', onDoubleClick);
    map.on('mousemove', onMove);
    return () => {
      map.off('click', onClick);
      map.off('dblclick', onDoubleClick);
      map.off('mousemove', onMove);
    };
  }, [map]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!map) return;
    if (mode === 'line' || mode === 'polygon') map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
  }, [map, mode]);

  // The selected place: a pin to drag (or move with the arrow keys), and its popup.
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
    const deselect = () => setSelection((current) => (current?.kind === 'place' && current.id === selectedPlace.id ? null : current));
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
  }, [map, selectedPlace?.id, selectedPlace?.lat, selectedPlace?.lon]); // eslint-disable-line react-hooks/exhaustive-deps

  useKeyboardMove({
    map,
    enabled: mode === 'select',
    selectionKey: selection ? `${selection.kind}:${selection.id}` : null,
    start: () => (latest.current.selection?.kind === 'place' ? movePin.current() : drawingDrag.moveSelected()),
  });

  const chooseMode = (next: Mode) => {
    setSketch([]);
    setPointer(null);
    setMode(next);
  };
  useHotkeys([
    ['v', () => chooseMode('select')],
    ['p', () => chooseMode('point')],
    ['l', () => chooseMode('line')],
    ['g', () => chooseMode('polygon')],
    ['n', () => chooseMode('place')],
    ['f', () => fitToCase(true)],
    ['Escape', () => (mode === 'select' ? setSelection(null) : cancelSketch())],
    ['Enter', () => void finishSketch()],
    ['Backspace', () => setSketch((points) => points.slice(0, -1))],
  ]);

  const submitPlace = async () => {
    if (!newPlace?.name.trim()) return;
    try {
      const pin = await addPlace.mutateAsync({ name: newPlace.name.trim(), lat: newPlace.lat, lon: newPlace.lon, subtype: null });
      setNewPlace(null);
      setMode('select');
      setSelection({ kind: 'place', id: pin.id });
      notifications.show({ color: 'indigo', message: `Added ${pin.name} — ${modKey}+Z undoes it`, autoClose: 3000 });
    } catch (error) {
      notifyError('Could not add the place', error);
    }
  };

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

  const filterCount = filter.tagIds.length + (filter.from ? 1 : 0) + (filter.to ? 1 : 0) + filter.subtypes.length + (filter.status === 'all' ? 0 : 1);
  const tool = (value: Mode, label: string, key: string, Icon: typeof IconPointer) => (
    <Tooltip label={`${label} (${key})`}>
      <ActionIcon variant={mode === value ? 'filled' : 'default'} size="lg" aria-label={label} aria-pressed={mode === value} onClick={() => chooseMode(value)}>
        <Icon size={18} />
      </ActionIcon>
    </Tooltip>
  );

  return (
    <div className={classes.root}>
      <div className={classes.canvasArea}>
        <div ref={container} className={classes.canvas} style={{ position: 'absolute', inset: 0 }} data-testid="map" data-mode={mode === 'select' ? undefined : mode} aria-label="Map" role="application" />
        <Group className={classes.toolbar} gap={6} justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap={4} wrap="nowrap">
            <ActionIcon.Group>
              {tool('select', 'Select', 'V', IconPointer)}
              {tool('point', 'Draw a point', 'P', IconMapPin)}
              {tool('line', 'Draw a line', 'L', IconLine)}
              {tool('polygon', 'Draw a polygon', 'G', IconPolygon)}
              {tool('place', 'Add a place by clicking', 'N', IconMapPinPlus)}
            </ActionIcon.Group>
            <Popover width={320} position="bottom-start" shadow="md">
              <Popover.Target>
                <Button size="sm" variant={filterCount > 0 ? 'light' : 'default'} leftSection={<IconFilter size={16} />}>
                  Filters{filterCount > 0 ? ` (${filterCount})` : ''}
                </Button>
              </Popover.Target>
              <Popover.Dropdown>
                <Stack gap="xs" data-testid="map-filters">
                  <MultiSelect
                    size="xs"
                    label="Mentioned in documents tagged"
                    data={(tags.data ?? []).map((tag) => ({ value: String(tag.id), label: tag.name }))}
                    value={filter.tagIds}
                    onChange={(tagIds) => setFilter((current) => ({ ...current, tagIds }))}
                    searchable
                    clearable
                    comboboxProps={{ withinPortal: false }}
                  />
                  <Group grow gap="xs">
                    <TextInput size="xs" type="date" label="Published from" value={filter.from} onChange={(event) => setFilter({ ...filter, from: event.currentTarget.value })} />
                    <TextInput size="xs" type="date" label="to" value={filter.to} onChange={(event) => setFilter({ ...filter, to: event.currentTarget.value })} />
                  </Group>
                  <Text size="xs" fw={500}>
                    Type
                  </Text>
                  <Chip.Group multiple value={filter.subtypes} onChange={(subtypes) => setFilter({ ...filter, subtypes })}>
                    <Group gap={4}>
                      {placeKinds.map((kind) => (
                        <Chip key={kind.subtype} size="xs" value={kind.subtype}>
                          {kind.label}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  <SegmentedControl
                    size="xs"
                    value={filter.status}
                    onChange={(status) => setFilter({ ...filter, status })}
                    data={[
                      { value: 'all', label: 'All' },
                      { value: 'confirmed', label: 'Confirmed' },
                      { value: 'suggested', label: 'Suggested' },
                    ]}
                  />
                  <Button size="xs" variant="subtle" disabled={filterCount === 0} onClick={() => setFilter(noFilter)}>
                    Clear filters
                  </Button>
                </Stack>
              </Popover.Dropdown>
            </Popover>
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
                <Menu.Item onClick={() => void chooseBasemap(false)}>Open a .pmtiles file…</Menu.Item>
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
                <Menu.Item leftSection={<IconUpload size={14} />} onClick={() => void importDrawings()}>
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
          </Group>
          <Tooltip label="Fit the case's places (F)">
            <ActionIcon variant="default" size="lg" aria-label="Fit the case's places" onClick={() => fitToCase(true)}>
              <IconFocus2 size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        {mode !== 'select' ? (
          <Paper className={classes.hint} withBorder shadow="sm" px="sm" py={4} data-testid="map-hint">
            <Text size="xs">
              {modeHints[mode]} · <Kbd size="xs">Esc</Kbd>
            </Text>
          </Paper>
        ) : null}
        {places.data && places.data.length === 0 && drawingList.length === 0 ? (
          <Paper className={classes.empty} withBorder shadow="sm" p="sm" data-testid="map-empty">
            <EmptyState
              size="sm"
              title={filterCount > 0 ? 'No places match the filters' : 'No places on the map yet'}
              description={
                filterCount > 0
                  ? 'Clear the filters to see every place.'
                  : 'Places appear when imported documents name them. You can also add a place by clicking the map (N) or draw points, lines and polygons.'
              }
            />
          </Paper>
        ) : null}
        <Legend />
      </div>
      <aside className={classes.inspector} aria-label="Map inspector">
        <ScrollArea style={{ flex: 1 }}>
          {selection?.kind === 'place' ? <PlaceInspector placeId={selection.id} onClose={() => setSelection(null)} /> : null}
          {selectedDrawing ? <DrawingInspector drawing={selectedDrawing} onClose={() => setSelection(null)} /> : null}
          {selection === null ? (
            <>
              <Text size="xs" c="dimmed" px="sm" pt="sm" data-testid="map-counts">
                {placeList.length.toLocaleString()} place{placeList.length === 1 ? '' : 's'} on the map · {drawingList.length} drawing{drawingList.length === 1 ? '' : 's'}
              </Text>
              <DrawingList
                drawings={drawingList}
                onSelect={(drawing) => {
                  setSelection({ kind: 'drawing', id: drawing.id });
                  const bounds = boundsOf(positionsOf(drawing.geometry));
                  if (bounds && map) map.fitBounds(bounds, { padding: 80, maxZoom: 10 });
                }}
              />
            </>
          ) : null}
        </ScrollArea>
      </aside>
      {selectedPlace ? createPortal(<PlacePopup placeId={selectedPlace.id} />, popupNode) : null}
      <Modal opened={newPlace !== null} onClose={() => setNewPlace(null)} title="Add a place here" size="sm">
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {newPlace ? `${newPlace.lat.toFixed(4)}, ${newPlace.lon.toFixed(4)}` : ''} — a place the gazetteer does not know. A place of that name already in the case moves here.
          </Text>
          <TextInput
            label="Name"
            placeholder="e.g. Armudlu"
            data-autofocus
            value={newPlace?.name ?? ''}
            onChange={(event) => {
              const name = event.currentTarget.value;
              setNewPlace((current) => (current ? { ...current, name } : current));
            }}
            onKeyDown={(event) => event.key === 'Enter' && void submitPlace()}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setNewPlace(null)}>
              Cancel
            </Button>
            <Button onClick={() => void submitPlace()} disabled={!newPlace?.name.trim()} loading={addPlace.isPending}>
              Add place
            </Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  );
}
