/**
 * The time axis: lanes of events, claims, dated links and documents, each drawn as precisely as it
 * is dated (a day is a mark, a month or a year a bar across it, an approximate date fades at its
 * edges; suggestions dashed and muted, reviewed items solid). Wheel zooms, dragging pans, dragging
 * on the axis band (or Shift+dragging anywhere) brushes a period.
 *
 * Why d3-scale + d3-zoom + d3-brush rather than a timeline library: vis-timeline (the well-kept
 * one) owns its DOM, which fights React's, and has no brushing; the React timeline packages are
 * Gantt-like (one bar per row, day precision) or unmaintained. The d3 modules are small, standard
 * and do only the maths and the gestures: React draws every lane and item, so Mantine's colours,
 * the dark theme and our roles for tests and assistive technology apply as everywhere else.
 * This file holds the gestures and the frame; axisLayout.ts places the items, TimelineMark.tsx draws one.
 */
import { useComputedColorScheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { BrushBehavior, D3BrushEvent } from 'd3-brush';
import { brushX } from 'd3-brush';
import type { ScaleTime } from 'd3-scale';
import { scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import type { D3ZoomEvent, ZoomBehavior, ZoomTransform } from 'd3-zoom';
import { zoom, zoomIdentity } from 'd3-zoom';
import type { PointerEvent as ReactPointerEvent, Ref } from 'react';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { TimelineItem } from '../../../../shared/timeline';
import type { Period } from '../../components/period';
import { entityColors } from '../entities/entityColors';
import { AXIS_HEIGHT, GUTTER, LANE_PADDING, ROW_HEIGHT, TRAIL, layoutLanes } from './axisLayout';
import { TimelineMark } from './TimelineMark';
import type { Lane } from './timelineModel';
import { fitDomain, itemInterval, periodBetween, periodInterval } from './timelineModel';
import classes from './timeline.module.css';

/** What the toolbar and the keyboard ask of the axis. */
export interface TimelineAxisHandle {
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  /** Pans so the item is in view, when it is not. */
  reveal(key: string): void;
}

/** Where the analyst last looked, per case, so going to the reader and back keeps the zoom. */
const lastViews = new Map<string, ZoomTransform>();

export function TimelineAxis({
  lanes,
  allItems,
  selected,
  onSelect,
  onOpen,
  period,
  onPeriod,
  handle,
  memoryKey,
}: {
  /** Names the case: the zoom is remembered per case while the app runs. */
  memoryKey: string;
  lanes: readonly Lane[];
  /** Every item of the case (whatever the filters), so fitting does not jump when a kind is hidden. */
  allItems: readonly TimelineItem[];
  selected: string | null;
  onSelect: (key: string) => void;
  onOpen: (key: string) => void;
  period: Period | null;
  onPeriod: (period: Period | null) => void;
  handle: Ref<TimelineAxisHandle>;
}) {
  const dark = useComputedColorScheme('light') === 'dark';
  const { ref: sizeRef, width } = useElementSize<HTMLDivElement>();
  const root = useRef<HTMLDivElement | null>(null);
  const brushLayer = useRef<SVGGElement>(null);
  const [transform, setTransform] = useState<ZoomTransform>(() => lastViews.get(memoryKey) ?? zoomIdentity);
  const [draft, setDraft] = useState<{ from: number; to: number } | null>(null);
  const plotWidth = Math.max(width, GUTTER + 100);

  const domain = useMemo(() => fitDomain(allItems), [allItems]);
  const base = useMemo(() => scaleUtc().domain(domain).range([GUTTER + 8, Math.max(GUTTER + 60, plotWidth - TRAIL)]), [domain, plotWidth]);
  const x: ScaleTime<number, number> = useMemo(() => transform.rescaleX(base), [transform, base]);
  const current = useRef({ x, onPeriod });
  current.current = { x, onPeriod };

  // Zoom and pan by wheel and drag; Shift+drag is left for brushing, clicks for items.
  const zoomBehavior = useMemo<ZoomBehavior<HTMLDivElement, unknown>>(
    () =>
      zoom<HTMLDivElement, unknown>()
        .scaleExtent([0.02, 50_000])
        // d3-brush lets its mousedown bubble, so a drag on the axis band must not pan as well.
        .filter(
          (event: MouseEvent | WheelEvent) =>
            event.type === 'wheel' || (!event.shiftKey && !event.ctrlKey && !event.button && !(event.target instanceof Element && event.target.closest('[data-period-band]'))),
        )
        .on('zoom', (event: D3ZoomEvent<HTMLDivElement, unknown>) => {
          lastViews.set(memoryKey, event.transform);
          setTransform(event.transform);
        }),
    [memoryKey],
  );
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const selection = select(element);
    selection.call(zoomBehavior).on('dblclick.zoom', null);
    const remembered = lastViews.get(memoryKey);
    if (remembered) zoomBehavior.transform(selection, remembered);
    return () => void selection.on('.zoom', null);
  }, [zoomBehavior, memoryKey]);

  // The period brush lives on the axis band; React leaves the band's brush layer to d3-brush.
  const brushBehavior = useMemo<BrushBehavior<unknown>>(
    () =>
      brushX<unknown>().on('end', (event: D3BrushEvent<unknown>) => {
        if (!event.sourceEvent) return; // moved by us, to show the period
        const pixels = event.selection as [number, number] | null;
        if (!pixels || pixels[1] - pixels[0] < 2) {
          current.current.onPeriod(null);
          return;
        }
        const scale = current.current.x;
        current.current.onPeriod(periodBetween(scale.invert(pixels[0]), scale.invert(pixels[1])));
      }),
    [],
  );
  useEffect(() => {
    const layer = brushLayer.current;
    if (!layer) return;
    brushBehavior.extent([
      [GUTTER, 2],
      [plotWidth, AXIS_HEIGHT - 2],
    ]);
    const selection = select<SVGGElement, unknown>(layer);
    selection.call(brushBehavior);
    if (period) {
      const [from, to] = periodInterval(period);
      const pixels: [number, number] = [Math.max(GUTTER, x(from)), Math.min(plotWidth, x(to))];
      brushBehavior.move(selection, pixels[1] > pixels[0] ? pixels : null);
    } else {
      brushBehavior.move(selection, null);
    }
  }, [brushBehavior, period, x, plotWidth]);

  useImperativeHandle(
    handle,
    () => {
      const run = (act: (selection: ReturnType<typeof select<HTMLDivElement, unknown>>) => void) => {
        if (root.current) act(select<HTMLDivElement, unknown>(root.current));
      };
      const centre: [number, number] = [(GUTTER + plotWidth) / 2, 0];
      return {
        zoomIn: () => run((selection) => zoomBehavior.scaleBy(selection, 1.6, centre)),
        zoomOut: () => run((selection) => zoomBehavior.scaleBy(selection, 1 / 1.6, centre)),
        fit: () => run((selection) => zoomBehavior.transform(selection, zoomIdentity)),
        reveal: (key) => {
          const item = lanes.flatMap((lane) => lane.items).find((candidate) => candidate.key === key);
          if (!item) return;
          const [start, end] = itemInterval(item);
          if (x(end) >= GUTTER && x(start) <= plotWidth) return;
          const middle = new Date((start.getTime() + end.getTime()) / 2);
          run((selection) => zoomBehavior.translateBy(selection, (centre[0] - x(middle)) / transform.k, 0));
        },
      };
    },
    [zoomBehavior, plotWidth, lanes, x, transform.k],
  );

  // Lanes, rows and where each item is drawn.
  const layout = useMemo(() => layoutLanes(lanes, x, plotWidth), [lanes, x, plotWidth]);

  const ticks = useMemo(() => x.ticks(Math.max(2, Math.floor((plotWidth - GUTTER) / 110))), [x, plotWidth]);
  const tickFormat = useMemo(() => x.tickFormat(), [x]);

  const setRoot = useCallback(
    (element: HTMLDivElement | null) => {
      root.current = element;
      sizeRef(element);
    },
    [sizeRef],
  );

  const fromPointer = useCallback((event: ReactPointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return Math.max(GUTTER, Math.min(box.width, event.clientX - box.left));
  }, []);

  const periodBox = period ? periodInterval(period).map((date) => x(date)) : null;

  return (
    <div
      ref={setRoot}
      className={classes.axisRoot}
      data-testid="timeline-axis"
    >
      <svg className={classes.axisBand} width={plotWidth} height={AXIS_HEIGHT} data-period-band data-testid="timeline-axis-band" aria-label="Time axis: drag to choose a period">
        <rect x={GUTTER} y={0} width={plotWidth - GUTTER} height={AXIS_HEIGHT} className={classes.bandBackground} />
        <text x={10} y={AXIS_HEIGHT / 2 + 4} className={classes.gutterHint}>
          Drag here for a period
        </text>
        {ticks.map((tick) => (
          <g key={tick.getTime()} transform={`translate(${x(tick)},0)`}>
            <line y1={AXIS_HEIGHT - 8} y2={AXIS_HEIGHT} className={classes.tick} />
            <text y={AXIS_HEIGHT - 13} textAnchor="middle" className={classes.tickLabel}>
              {tickFormat(tick)}
            </text>
          </g>
        ))}
        <g ref={brushLayer} className={classes.brush} />
      </svg>
      <div className={classes.lanesScroll}>
        <svg
          width={plotWidth}
          height={layout.height}
          className={classes.lanes}
          onPointerDown={(event) => {
            if (!event.shiftKey || event.button !== 0) return;
            event.currentTarget.setPointerCapture(event.pointerId);
            const at = fromPointer(event);
            setDraft({ from: at, to: at });
          }}
          onPointerMove={(event) => {
            if (draft) setDraft({ ...draft, to: fromPointer(event) });
          }}
          onPointerUp={() => {
            if (!draft) return;
            setDraft(null);
            if (Math.abs(draft.to - draft.from) >= 3) onPeriod(periodBetween(x.invert(draft.from), x.invert(draft.to)));
          }}
        >
          <defs>
            <clipPath id="timeline-plot">
              <rect x={GUTTER} y={0} width={plotWidth - GUTTER} height={layout.height} />
            </clipPath>
            {/* An approximate date fades out at both ends: it is not known where it starts or stops. */}
            <linearGradient id="timeline-soft" x1="0" x2="1" y1="0" y2="0">
              <stop offset="0" stopColor="white" stopOpacity="0.1" />
              <stop offset="0.22" stopColor="white" stopOpacity="1" />
              <stop offset="0.78" stopColor="white" stopOpacity="1" />
              <stop offset="1" stopColor="white" stopOpacity="0.1" />
            </linearGradient>
            <mask id="timeline-soft-mask" maskContentUnits="objectBoundingBox">
              <rect width="1" height="1" fill="url(#timeline-soft)" />
            </mask>
          </defs>
          {layout.bands.map(({ lane, y, height }, index) => (
            <g key={lane.key} data-testid="timeline-lane" data-lane={lane.label}>
              <rect x={0} y={y} width={plotWidth} height={height} className={index % 2 ? classes.laneOdd : classes.laneEven} />
              <line x1={0} x2={plotWidth} y1={y + height} y2={y + height} className={classes.laneRule} />
              <text x={10} y={y + LANE_PADDING + ROW_HEIGHT / 2 + 4} className={classes.laneLabel} style={lane.type ? { fill: `var(--mantine-color-${entityColors[lane.type]}-text)` } : undefined}>
                {lane.label.length > 24 ? `${lane.label.slice(0, 23)}…` : lane.label}
                <title>{lane.label}</title>
              </text>
            </g>
          ))}
          <g clipPath="url(#timeline-plot)">
            {ticks.map((tick) => (
              <line key={tick.getTime()} x1={x(tick)} x2={x(tick)} y1={0} y2={layout.height} className={classes.grid} />
            ))}
            {periodBox ? (
              <rect x={periodBox[0]} y={0} width={Math.max(1, periodBox[1]! - periodBox[0]!)} height={layout.height} className={classes.periodShade} data-testid="timeline-period-shade" />
            ) : null}
            {layout.placed.map((placed) => (
              <TimelineMark key={placed.item.key} placed={placed} selected={placed.item.key === selected} dark={dark} onSelect={onSelect} onOpen={onOpen} />
            ))}
            {draft ? <rect x={Math.min(draft.from, draft.to)} y={0} width={Math.abs(draft.to - draft.from)} height={layout.height} className={classes.draftShade} /> : null}
          </g>
          <line x1={GUTTER} x2={GUTTER} y1={0} y2={layout.height} className={classes.laneRule} />
        </svg>
      </div>
    </div>
  );
}
