/**
 * Where the time axis draws things: its measures, and the lanes laid out for a scale (each item's
 * extent, whether it is a mark or a bar, whether its label fits inside, and the row it takes so no
 * two labels overlap).
 */
import type { ScaleTime } from 'd3-scale';
import type { TimelineItem } from '../../../../shared/timeline';
import type { Lane } from './timelineModel';
import { itemInterval, packRows } from './timelineModel';

/** Room left of the plot for the lanes' names. */
export const GUTTER = 168;
/** Room after the latest item for its label, when everything is fitted. */
export const TRAIL = 230;
export const AXIS_HEIGHT = 34;
export const ROW_HEIGHT = 24;
export const LANE_PADDING = 8;
/** Half the size of a day's mark. */
export const MARK = 6;
const LABEL_MAX = 38;
const CHAR_WIDTH = 6.4;

/** An item's label on one line, cut to LABEL_MAX characters. */
export function shortLabel(label: string): string {
  const flat = label.replace(/\s+/g, ' ').trim();
  return flat.length > LABEL_MAX ? `${flat.slice(0, LABEL_MAX - 1)}…` : flat;
}

/** An item as drawn: its lane, its extent in pixels, the middle of its row. */
export interface Placed {
  readonly item: TimelineItem;
  readonly lane: Lane;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly mark: boolean;
  /** A bar's label fits inside it; otherwise it follows the bar. */
  readonly inside: boolean;
}

/** A lane's horizontal band: its top and height in pixels. */
export interface Band {
  readonly lane: Lane;
  readonly y: number;
  readonly height: number;
}

export interface AxisLayout {
  readonly placed: Placed[];
  readonly bands: Band[];
  /** The lanes' total height, at least 120 pixels. */
  readonly height: number;
}

/** Lays the lanes out one under the other for the scale `x` and a plot `plotWidth` pixels wide. */
export function layoutLanes(lanes: readonly Lane[], x: ScaleTime<number, number>, plotWidth: number): AxisLayout {
  const placed: Placed[] = [];
  const bands: Band[] = [];
  let y = 0;
  for (const lane of lanes) {
    const extents = new Map<string, { x0: number; x1: number; mark: boolean; inside: boolean }>();
    const { rows, count } = packRows(lane.items, (item) => {
      const [start, end] = itemInterval(item);
      const x0 = x(start);
      const x1 = Math.max(x(end), x0 + 3);
      const mark = item.precision === 'day';
      const labelWidth = (shortLabel(item.label).length + 2) * CHAR_WIDTH;
      const inside = !mark && Math.min(x1, plotWidth) - Math.max(x0, GUTTER) > labelWidth + 12;
      extents.set(item.key, { x0, x1, mark, inside });
      const labelStart = mark ? (x0 + x1) / 2 + MARK + 4 : inside ? x0 : x1 + 6;
      const labelEnd = labelStart + labelWidth + 10;
      return [mark ? (x0 + x1) / 2 - MARK - 2 : x0, Math.max(x1 + 4, labelEnd)];
    });
    const height = count * ROW_HEIGHT + LANE_PADDING * 2;
    for (const item of lane.items) {
      const extent = extents.get(item.key)!;
      placed.push({ item, lane, ...extent, y: y + LANE_PADDING + (rows.get(item.key) ?? 0) * ROW_HEIGHT + ROW_HEIGHT / 2 });
    }
    bands.push({ lane, y, height });
    y += height;
  }
  return { placed, bands, height: Math.max(y, 120) };
}
