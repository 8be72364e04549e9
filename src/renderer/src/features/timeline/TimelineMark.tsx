/** One item on the time axis: a day's mark (shaped by kind) or a period's bar, with its label, selectable and openable. */
import type { TimelineItem } from '../../../../shared/timeline';
import { entityColors } from '../entities/entityColors';
import type { Placed } from './axisLayout';
import { GUTTER, MARK, ROW_HEIGHT, shortLabel } from './axisLayout';
import type { Lane } from './timelineModel';
import { describePrecision, formatWhen } from './timelineModel';
import classes from './timeline.module.css';

const kindNames: Record<TimelineItem['kind'], string> = { event: 'Event', claim: 'Claim', link: 'Link', document: 'Document' };

/** The colour of an item: its lane's entity type (or its first actor's), grey for none. */
function colorOf(item: TimelineItem, lane: Lane): string {
  const type = lane.type ?? item.actors[0]?.type ?? 'other';
  return entityColors[type];
}

export function TimelineMark({
  placed,
  selected,
  dark,
  onSelect,
  onOpen,
}: {
  placed: Placed;
  selected: boolean;
  dark: boolean;
  onSelect: (key: string) => void;
  onOpen: (key: string) => void;
}) {
  const { item, lane, x0, x1, y, mark, inside } = placed;
  const color = colorOf(item, lane);
  const suggested = item.status === 'suggested';
  const stroke = `var(--mantine-color-${color}-${dark ? 4 : 7})`;
  // Reviewed: full colour; suggested: a light fill with a dashed edge, as everywhere in Dossier.
  const fill = suggested ? `var(--mantine-color-${color}-light)` : `var(--mantine-color-${color}-filled)`;
  const middle = (x0 + x1) / 2;
  const label = shortLabel(item.label);
  const name = `${kindNames[item.kind]}: ${item.label} — ${formatWhen(item)} (${describePrecision(item)}${suggested ? ', suggested' : ''})`;
  const common = {
    stroke,
    strokeWidth: selected ? 2.5 : 1.25,
    strokeDasharray: suggested ? '4 3' : undefined,
    fill,
  };
  return (
    <g
      role="button"
      aria-label={name}
      aria-pressed={selected}
      data-testid="timeline-item"
      data-key={item.key}
      data-precision={item.precision}
      data-status={item.status}
      className={classes.item}
      onClick={(event) => {
        event.stopPropagation();
        onSelect(item.key);
      }}
      onDoubleClick={() => onOpen(item.key)}
    >
      <title>{name}</title>
      {mark ? (
        <>
          {/* Zoomed in far enough, the day itself shows behind its mark. */}
          {x1 - x0 > MARK * 3 ? <rect x={x0} y={y - ROW_HEIGHT / 2 + 2} width={x1 - x0} height={ROW_HEIGHT - 4} className={classes.dayBand} style={{ fill: `var(--mantine-color-${color}-light)` }} /> : null}
          <MarkShape kind={item.kind} x={middle} y={y} {...common} />
          {selected ? <circle cx={middle} cy={y} r={MARK + 4} className={classes.selectedRing} /> : null}
          <text x={middle + MARK + 4} y={y + 4} className={suggested ? classes.itemLabelMuted : classes.itemLabel}>
            {label}
          </text>
        </>
      ) : (
        <>
          <rect
            x={x0}
            y={y - 8}
            width={Math.max(3, x1 - x0)}
            height={16}
            rx={3}
            {...common}
            mask={item.approximate ? 'url(#timeline-soft-mask)' : undefined}
            data-testid="timeline-bar"
          />
          {selected ? <rect x={x0 - 3} y={y - 11} width={Math.max(3, x1 - x0) + 6} height={22} rx={5} className={classes.selectedRing} /> : null}
          <text
            x={inside ? Math.max(x0, GUTTER) + 8 : x1 + 6}
            y={y + 4}
            className={inside && !suggested ? classes.barLabelOnFill : suggested ? classes.itemLabelMuted : classes.itemLabel}
          >
            {item.approximate ? `≈ ${label}` : label}
          </text>
        </>
      )}
    </g>
  );
}

/** A day item's mark, by kind: a diamond for an event, a circle for a claim, a square for a link, a page for a document. */
function MarkShape({ kind, x, y, ...style }: { kind: TimelineItem['kind']; x: number; y: number; stroke: string; strokeWidth: number; strokeDasharray?: string; fill: string }) {
  if (kind === 'event') return <path d={`M${x},${y - MARK - 1} L${x + MARK + 1},${y} L${x},${y + MARK + 1} L${x - MARK - 1},${y} Z`} {...style} />;
  if (kind === 'claim') return <circle cx={x} cy={y} r={MARK} {...style} />;
  if (kind === 'link') return <rect x={x - MARK + 1} y={y - MARK + 1} width={(MARK - 1) * 2} height={(MARK - 1) * 2} {...style} />;
  return <path d={`M${x - MARK + 1},${y - MARK - 1} h${MARK + 1} l${MARK - 2},${MARK - 2} v${MARK * 2 - 1} h-${MARK * 2 - 1} Z`} {...style} />;
}
