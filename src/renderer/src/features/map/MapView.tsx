/**
 * The Map view: the offline basemap (or the case's .pmtiles detail), every located place as a pin, and the
 * analyst's drawings. Pins are selected, moved by dragging, the arrow keys or by picking another candidate; places
 * are added by clicking; points, lines and polygons are drawn, moved by dragging (whole or a vertex at a time) or the
 * arrow keys, edited, imported and exported; filters narrow the pins.
 */
import { ActionIcon, EmptyState, Group, Kbd, Paper, ScrollArea, Text, Tooltip, useComputedColorScheme } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFocus2, IconLine, IconMapPin, IconMapPinPlus, IconPointer, IconPolygon } from '@tabler/icons-react';
import type { GeoJSONSource, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { DrawingGeometry, Position } from '../../../../shared/map';
import type { NavigationRequest } from '../../components/navigation';
import { usePeriod } from '../../components/period';
import { notifyError } from '../../api/notify';
import { basemapData, fontUrl } from './assets';
import { BasemapConfirmation } from './BasemapConfirmation';
import { positionsOf } from './drawingGeometry';
import { DrawingInspector, DrawingList, drawingColors, Legend, PlaceInspector } from './MapInspector';
import type { Filter } from './MapFilters';
import { filterCount, MapFilters, noFilter, toQuery } from './MapFilters';
import { boundsOf, placesToGeoJson, sketchToGeoJson } from './mapGeoJson';
import { MapMenus } from './MapMenus';
import { buildMapStyle, caseLayers, caseSources } from './mapStyle';
import { NewPlaceModal } from './NewPlaceModal';
import { PlacePopup } from './PlacePopup';
import { pmtilesUrl } from './pmtilesSource';
import { useBasemap, useCreateDrawing, useDrawings, useMapPlaces, useUpdateDrawing } from './queries';
import { movedName, saveMove } from './saveMove';
import { useDrawingDrag } from './useDrawingDrag';
import { useKeyboardMove } from './useKeyboardMove';
import type { Mode } from './useMapEditor';
import { useMapEditor } from './useMapEditor';
import type { InitialView } from './useMapLibre';
import { useMapLibre } from './useMapLibre';
import { useSelectedPin } from './useSelectedPin';
import viewLayout from '../../components/ViewLayout.module.css';
import classes from './map.module.css';

const modeHints: Record<Exclude<Mode, 'select'>, string> = {
  point: 'Click the map to put a point',
  line: 'Click to add points · Enter or double-click to finish · Backspace removes the last · Esc cancels',
  polygon: 'Click to add corners · Enter or double-click to close the polygon · Backspace removes the last · Esc cancels',
  place: 'Click where the place is, then name it',
};

export function MapView({ request = null }: { request?: NavigationRequest | null }) {
  const theme = useComputedColorScheme('light');
  const container = useRef<HTMLDivElement>(null);
  // The view mounts when shown, so the period brushed on the timeline is its date filter's start.
  const { period } = usePeriod();
  const [filter, setFilter] = useState<Filter>(() => (period ? { ...noFilter, from: period.from, to: period.to } : noFilter));
  const [cluster, setCluster] = useState(true);
  const [editor, dispatch] = useMapEditor();
  const { mode, sketch, pointer, selection } = editor;
  const query = useMemo(() => toQuery(filter), [filter]);
  const places = useMapPlaces(query);
  const drawings = useDrawings();
  const basemap = useBasemap();
  const createDrawing = useCreateDrawing();
  const updateDrawing = useUpdateDrawing();

  const data = useMemo(() => basemapData(), []);
  const pmtiles = basemap.data && !basemap.data.problem && !basemap.data.needsConfirmation ? { basemap: basemap.data, url: pmtilesUrl(basemap.data.path, basemap.data.bytes) } : null;
  const pmtilesKey = pmtiles?.url ?? null;
  // Rebuilt only when what it depends on changes; the map applies the difference.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- pmtiles is a new object each render; its URL says when it changed.
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

  useEffect(() => setData(caseSources.places, placesToGeoJson(placeList)), [setData, placeList]);
  // The drawings source (and the selected drawing's handles) show a drag in progress: the drag fills them.
  const drawingDrag = useDrawingDrag({
    map,
    drawings: drawingList,
    selectedId: selection?.kind === 'drawing' ? selection.id : null,
    enabled: mode === 'select',
    setData,
    save: (drawing, geometry, grab) => saveMove(updateDrawing.mutateAsync({ id: drawing.id, geometry }), movedName(drawing, grab)),
  });
  useEffect(() => setData(caseSources.sketch, sketchToGeoJson(mode, sketch, pointer)), [setData, mode, sketch, pointer]);
  useEffect(
    () =>
      setData(caseSources.selection, {
        type: 'FeatureCollection',
        features: selectedPlace ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [selectedPlace.lon, selectedPlace.lat] }, properties: {} }] : [],
      }),
    [setData, selectedPlace],
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
    dispatch({ type: 'select', selection: { kind: 'place', id: place.id } });
    map.jumpTo({ center: [place.lon, place.lat], zoom: Math.max(map.getZoom(), 8) });
  }, [map, request, places.data, dispatch]);

  // Clicks go to whatever the mode says; the handlers read the latest state through a ref.
  const latest = useRef(editor);
  latest.current = editor;
  const finishSketch = async () => {
    const { mode: current, sketch: points } = latest.current;
    if (current !== 'line' && current !== 'polygon') return;
    const needed = current === 'line' ? 2 : 3;
    if (points.length < needed) {
      notifications.show({ color: 'gray', message: `A ${current} needs at least ${needed} points; keep clicking, or Esc to cancel.` });
      return;
    }
    const geometry: DrawingGeometry = current === 'line' ? { type: 'LineString', coordinates: [...points] } : { type: 'Polygon', coordinates: [[...points, points[0]!]] };
    await saveDrawing(geometry);
  };
  const saveDrawing = async (geometry: DrawingGeometry) => {
    try {
      const drawn = await createDrawing.mutateAsync({ geometry, label: '', color: drawingColors[0]!, note: '', entityIds: [], documentIds: [] });
      dispatch({ type: 'drawn', id: drawn.id });
    } catch (error) {
      notifyError('Could not save the drawing', error);
    }
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
        dispatch({ type: 'addPoint', position });
        return;
      }
      if (current === 'place') {
        dispatch({ type: 'placeAt', lat: event.lngLat.lat, lon: event.lngLat.lng });
        return;
      }
      const feature = featureAt(event);
      if (!feature) {
        dispatch({ type: 'select', selection: null });
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
      dispatch({ type: 'select', selection: { kind: feature.layer.id === caseLayers.pins ? 'place' : 'drawing', id } });
    };
    const onDoubleClick = (event: MapMouseEvent) => {
      const { mode: current } = latest.current;
      if (current === 'line' || current === 'polygon') {
        event.preventDefault();
        // The double click's second click added a point where the first did.
        dispatch({ type: 'dropLastPoint' });
        setTimeout(() => void finishSketch(), 0);
      }
    };
    const onMove = (event: MapMouseEvent) => {
      const { mode: current } = latest.current;
      if (current === 'line' || current === 'polygon') dispatch({ type: 'pointer', position: [event.lngLat.lng, event.lngLat.lat] });
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- registered once a map: the handlers read the latest state through `latest`, and saveDrawing and drawingDrag only through it.
  }, [map]);

  useEffect(() => {
    if (!map) return;
    if (mode === 'line' || mode === 'polygon') map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
  }, [map, mode]);

  const { popupNode, movePin } = useSelectedPin(map, selectedPlace, dispatch);

  useKeyboardMove({
    map,
    enabled: mode === 'select',
    selectionKey: selection ? `${selection.kind}:${selection.id}` : null,
    start: () => (latest.current.selection?.kind === 'place' ? movePin.current() : drawingDrag.moveSelected()),
  });

  const chooseMode = (next: Mode) => dispatch({ type: 'mode', mode: next });
  useHotkeys([
    ['v', () => chooseMode('select')],
    ['p', () => chooseMode('point')],
    ['l', () => chooseMode('line')],
    ['g', () => chooseMode('polygon')],
    ['n', () => chooseMode('place')],
    ['f', () => fitToCase(true)],
    ['Escape', () => (mode === 'select' ? dispatch({ type: 'select', selection: null }) : chooseMode('select'))],
    ['Enter', () => void finishSketch()],
    ['Backspace', () => dispatch({ type: 'dropLastPoint' })],
  ]);

  const count = filterCount(filter);
  const tool = (value: Mode, label: string, key: string, Icon: typeof IconPointer) => (
    <Tooltip label={`${label} (${key})`}>
      <ActionIcon variant={mode === value ? 'filled' : 'default'} size="lg" aria-label={label} aria-pressed={mode === value} onClick={() => chooseMode(value)}>
        <Icon size={18} />
      </ActionIcon>
    </Tooltip>
  );

  return (
    <div className={viewLayout.view}>
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
            <MapFilters filter={filter} setFilter={setFilter} />
            <MapMenus map={map} cluster={cluster} setCluster={setCluster} />
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
              title={count > 0 ? 'No places match the filters' : 'No places on the map yet'}
              description={
                count > 0
                  ? 'Clear the filters to see every place.'
                  : 'Places appear when imported documents name them. You can also add a place by clicking the map (N) or draw points, lines and polygons.'
              }
            />
          </Paper>
        ) : null}
        <BasemapConfirmation />
        <Legend />
      </div>
      <aside className={classes.inspector} aria-label="Map inspector">
        <ScrollArea style={{ flex: 1 }}>
          {selection?.kind === 'place' ? <PlaceInspector placeId={selection.id} onClose={() => dispatch({ type: 'select', selection: null })} /> : null}
          {selectedDrawing ? <DrawingInspector drawing={selectedDrawing} onClose={() => dispatch({ type: 'select', selection: null })} /> : null}
          {selection === null ? (
            <>
              <Text size="xs" c="dimmed" px="sm" pt="sm" data-testid="map-counts">
                {placeList.length.toLocaleString()} place{placeList.length === 1 ? '' : 's'} on the map · {drawingList.length} drawing{drawingList.length === 1 ? '' : 's'}
              </Text>
              <DrawingList
                drawings={drawingList}
                onSelect={(drawing) => {
                  dispatch({ type: 'select', selection: { kind: 'drawing', id: drawing.id } });
                  const bounds = boundsOf(positionsOf(drawing.geometry));
                  if (bounds && map) map.fitBounds(bounds, { padding: 80, maxZoom: 10 });
                }}
              />
            </>
          ) : null}
        </ScrollArea>
      </aside>
      {selectedPlace ? createPortal(<PlacePopup placeId={selectedPlace.id} />, popupNode) : null}
      <NewPlaceModal newPlace={editor.newPlace} dispatch={dispatch} />
    </div>
  );
}
