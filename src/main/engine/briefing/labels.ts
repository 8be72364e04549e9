/** Measuring and placing the map panel's labels so that they keep off pins, lines and each other. */
import type { Box, PanelLabel } from './panels';

/** A box of half-width `radius` around a point. */
export const around = (x: number, y: number, radius: number): Box => ({ x: x - radius, y: y - radius, width: 2 * radius, height: 2 * radius });

/** The margin round a drawing's label, for the pale box behind it. */
export const LABEL_PAD = { x: 1.5, y: 0.8 } as const;

/** A drawing's label: bold, a little larger than a place's, so the analyst's own marks stand out. */
export const DRAWING_LABEL_SIZE = 8;

/** Noto Sans Regular's advance widths, in thousandths of an em, of the letters most labels are made of. */
export const ADVANCES = new Map<string, number>([
  ...[...'abcdefghijklmnopqrstuvwxyz'].map((letter, index): [string, number] => [
    letter,
    [561, 615, 480, 615, 564, 344, 615, 618, 258, 258, 534, 258, 935, 618, 605, 615, 615, 413, 479, 361, 618, 508, 786, 529, 510, 470][index]!,
  ]),
  ...[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, index): [string, number] => [
    letter,
    [639, 648, 631, 729, 556, 516, 728, 738, 279, 267, 613, 519, 907, 767, 779, 602, 779, 618, 549, 553, 728, 613, 929, 584, 582, 560][index]!,
  ]),
  ...[...'0123456789'].map((digit): [string, number] => [digit, 572]),
  [' ', 260],
  ['.', 268],
  [',', 268],
  ['-', 322],
  ['(', 296],
  [')', 296],
  ["'", 221],
]);

/**
 * How wide Noto Sans sets `text`, within a few percent (no kerning; other letters taken as an average
 * one): enough to keep labels apart without loading a font here.
 */
export function textWidth(text: string, fontSize: number, bold: boolean): number {
  let thousandths = 0;
  for (const character of text) thousandths += ADVANCES.get(character) ?? 580;
  return (thousandths / 1000) * fontSize * (bold ? 1.05 : 1);
}

/** The box of a line of text whose baseline starts at (x, y): from the capitals' tops to the descenders. */
export function textBox(text: string, x: number, y: number, fontSize: number, bold: boolean): Box {
  return { x, y: y - 0.76 * fontSize, width: textWidth(text, fontSize, bold), height: fontSize };
}

export const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Puts a label at the first of `centres` (where its box's middle would go) where it fits inside the
 * panel over nothing in `taken`; failing that, where it covers least. Records the box it takes.
 */
export function placeLabel(text: string, centres: readonly [number, number][], taken: Box[], width: number, height: number): PanelLabel | null {
  if (centres.length === 0) return null;
  const fontSize = DRAWING_LABEL_SIZE;
  const size = textBox(text, 0, 0, fontSize, true);
  const [padX, padY] = [LABEL_PAD.x, LABEL_PAD.y];
  let best: { box: Box; cost: number } | null = null;
  for (const [centreX, centreY] of centres) {
    const box = { x: centreX - size.width / 2 - padX, y: centreY - size.height / 2 - padY, width: size.width + 2 * padX, height: size.height + 2 * padY };
    const outside = box.x < 1 || box.y < 1 || box.x + box.width > width - 1 || box.y + box.height > height - 1;
    // Each thing covered counts, not only how much of it: crossing a thin line is still crossing it.
    const cost = taken.reduce((sum, other) => {
      const area = overlap(box, other);
      return area > 0 ? sum + 20 + area : sum;
    }, outside ? 1e6 : 0);
    if (!best || cost < best.cost) best = { box, cost };
    if (cost === 0) break;
  }
  const box = {
    ...best!.box,
    x: Math.min(Math.max(1, best!.box.x), width - 1 - best!.box.width),
    y: Math.min(Math.max(1, best!.box.y), height - 1 - best!.box.height),
  };
  taken.push(box);
  return { text, x: box.x + padX, y: box.y + padY + 0.76 * fontSize, fontSize, box };
}

/** The point `fraction` of the way along `lines`. */
export function along(lines: readonly [number, number][][], fraction: number): [number, number] | null {
  const segments = lines.flatMap((line) => line.slice(1).map((end, index) => ({ start: line[index]!, end })));
  const lengths = segments.map(({ start, end }) => Math.hypot(end[0] - start[0], end[1] - start[1]));
  let remaining = lengths.reduce((sum, length) => sum + length, 0) * fraction;
  for (const [index, { start, end }] of segments.entries()) {
    const length = lengths[index]!;
    if (length === 0) continue;
    if (remaining <= length || index === segments.length - 1) {
      const t = Math.min(1, remaining / length);
      return [start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t];
    }
    remaining -= length;
  }
  return null;
}

/** Small boxes along drawn lines, every few points, so that labels keep off the lines too. */
export function alongBoxes(lines: readonly [number, number][][]): Box[] {
  const step = 3;
  return lines.flatMap((line) =>
    line.slice(1).flatMap((end, index) => {
      const start = line[index]!;
      const count = Math.max(1, Math.ceil(Math.hypot(end[0] - start[0], end[1] - start[1]) / step));
      return Array.from({ length: count }, (_, at) => around(start[0] + ((end[0] - start[0]) * at) / count, start[1] + ((end[1] - start[1]) * at) / count, 1));
    }),
  );
}

/**
 * Where a label of half-size (`halfWidth`, `halfHeight`) can go beside a point or a box round a shape,
 * `gap` off it, as centres: above, below, right, left; above and below flush with either side; then
 * the corners.
 */
export function beside(box: Box, halfWidth: number, halfHeight: number, gap: number): [number, number][] {
  const [middleX, middleY] = [box.x + box.width / 2, box.y + box.height / 2];
  const [left, right] = [box.x - gap - halfWidth, box.x + box.width + gap + halfWidth];
  const [top, bottom] = [box.y - gap - halfHeight, box.y + box.height + gap + halfHeight];
  const [flushLeft, flushRight] = [box.x + halfWidth, box.x + box.width - halfWidth];
  return [
    [middleX, top],
    [middleX, bottom],
    [right, middleY],
    [left, middleY],
    [flushLeft, top],
    [flushLeft, bottom],
    [flushRight, top],
    [flushRight, bottom],
    [right, top],
    [left, bottom],
    [left, top],
    [right, bottom],
  ];
}

/** A colour dark enough for text on the pale land: a light one (yellow, pale blue) scaled darker, its hue kept. */
export function readable(color: string): string {
  const channels = [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16));
  const luminance = (0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!) / 255;
  if (luminance <= 0.5) return color;
  return `#${channels.map((channel) => Math.round((channel * 0.5) / luminance).toString(16).padStart(2, '0')).join('')}`;
}
