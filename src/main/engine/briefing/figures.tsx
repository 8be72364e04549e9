/** The briefing PDF's figures: the map panel with places and the analyst's drawings, and the relationship graph. */
import { Circle, G, Line, Path, Rect, Svg, Text, View } from '@react-pdf/renderer';
import { entityTypeColors } from '../../../shared/entities';
import type { GraphPanel } from './graphPanel';
import type { DrawnShape, MapPanel } from './panels';
import { DRAWN_POINT_RADIUS, PIN_LABEL } from './panels';
import { FONT_FAMILIES, ink, styles, cite } from './pdfStyles';

export function MapFigure({ panel, draft }: { panel: MapPanel; draft: boolean }) {
  const shapes = (kind: DrawnShape['kind']) => panel.drawings.filter((shape) => shape.kind === kind);
  const drawings = panel.drawings.length;
  return (
    <View wrap={false}>
      <View style={styles.figure}>
        {draft ? <View style={{ width: panel.width, height: panel.height }} /> : (
        <Svg width={panel.width} height={panel.height} viewBox={`0 0 ${panel.width} ${panel.height}`}>
          <Path d={`M0 0H${panel.width}V${panel.height}H0Z`} fill="#dbe7f0" />
          <Path d={panel.land} fill="#f4f1ea" stroke="#c9c2b3" strokeWidth={0.4} />
          {panel.regions ? <Path d={panel.regions} fill="none" stroke="#b8b2a6" strokeWidth={0.35} strokeDasharray="2 1.5" /> : null}
          <Path d={panel.borders} fill="none" stroke="#7c7468" strokeWidth={0.8} />
          {panel.disputedBorders ? <Path d={panel.disputedBorders} fill="none" stroke="#7c7468" strokeWidth={0.8} strokeDasharray="3 2" /> : null}
          {/* The analyst's areas and lines over the basemap, under the names; as in the Map view, areas pale. */}
          {shapes('polygon').map((shape, index) => (
            <Path key={`polygon-${index}`} d={shape.path} fill={shape.color} fillOpacity={0.18} stroke={shape.color} strokeWidth={1.2} strokeLinejoin="round" />
          ))}
          {shapes('line').map((shape, index) => (
            <Path key={`line-${index}`} d={shape.path} fill="none" stroke={shape.color} strokeWidth={1.6} strokeLinejoin="round" strokeLinecap="round" />
          ))}
          {panel.countries.map((country) => {
            // A country of the case is named in the places' colour instead of getting a pin of its own.
            const inCase = panel.pins.some((pin) => pin.subtype === 'country' && pin.name === country.name);
            return (
              <Text
                key={country.name}
                x={country.x}
                y={country.y}
                style={{ fontFamily: FONT_FAMILIES, fontSize: inCase ? 10 : 9, fill: inCase ? '#087f5b' : '#9a9184', fontWeight: 700 }}
                textAnchor="middle"
              >
                {country.name.toUpperCase()}
              </Text>
            );
          })}
          {panel.pins.map((pin, index) => (
            pin.subtype === 'country' && panel.countries.some((country) => country.name === pin.name) ? null : <G key={index}>
              <Circle cx={pin.x} cy={pin.y} r={pin.confirmed ? 3.6 : 3} fill={pin.confirmed ? '#0ca678' : '#ffffff'} stroke="#087f5b" strokeWidth={1} />
              {index < PIN_LABEL.max ? (
                <Text x={pin.x + PIN_LABEL.dx} y={pin.y + PIN_LABEL.dy} style={{ fontFamily: FONT_FAMILIES, fontSize: PIN_LABEL.fontSize, fill: ink }}>
                  {pin.name}
                </Text>
              ) : null}
            </G>
          ))}
          {shapes('point').map((shape, index) => (
            <Circle key={`point-${index}`} cx={shape.x} cy={shape.y} r={DRAWN_POINT_RADIUS} fill={shape.color} stroke="#ffffff" strokeWidth={1.2} />
          ))}
          {panel.drawings.map((shape, index) =>
            shape.label ? (
              <G key={`label-${index}`}>
                <Rect x={shape.label.box.x} y={shape.label.box.y} width={shape.label.box.width} height={shape.label.box.height} rx={1.5} fill="#ffffff" fillOpacity={0.78} />
                <Text x={shape.label.x} y={shape.label.y} style={{ fontFamily: FONT_FAMILIES, fontSize: shape.label.fontSize, fontWeight: 700, fill: shape.labelColor }}>
                  {shape.label.text}
                </Text>
              </G>
            ) : null,
          )}
        </Svg>
        )}
      </View>
      <Text style={styles.small}>
        {panel.pins.length} place{panel.pins.length === 1 ? '' : 's'} shown; filled pins are confirmed, open ones suggested.
        {panel.outside > 0 ? ` ${panel.outside} more lie outside this view.` : ''}
        {drawings > 0 ? ` In colour: the analyst's ${drawings === 1 ? 'drawing' : `${drawings} drawings`}.` : ''} Basemap: Natural Earth; places: GeoNames (CC BY 4.0).
      </Text>
    </View>
  );
}

/** `pairNotes`: the sources of the dashed lines (entities named together, graph/caseGraph.ts cooccurrences), cited in the caption. */
export function GraphFigure({ panel, draft, pairNotes }: { panel: GraphPanel; draft: boolean; pairNotes: readonly number[] }) {
  const maxWeight = Math.max(1, ...panel.edges.map((edge) => edge.weight));
  return (
    <View wrap={false}>
      <View style={styles.figure}>
        {draft ? <View style={{ width: panel.width, height: panel.height }} /> : (
        <Svg width={panel.width} height={panel.height} viewBox={`0 0 ${panel.width} ${panel.height}`}>
          {panel.edges.map((edge, index) => (
            <Line
              key={index}
              x1={edge.x1}
              y1={edge.y1}
              x2={edge.x2}
              y2={edge.y2}
              stroke={edge.relation ? '#e8590c' : '#adb5bd'}
              strokeWidth={edge.relation ? 1.4 : 0.4 + 1.6 * (edge.weight / maxWeight)}
              strokeDasharray={edge.relation ? undefined : '2 1.5'}
            />
          ))}
          {panel.nodes.map((node) => (
            <G key={node.key}>
              <Circle cx={node.x} cy={node.y} r={node.radius} fill={entityTypeColors[node.type].hex} stroke="#ffffff" strokeWidth={0.8} />
              <Text x={node.x + node.radius + 2} y={node.y + 3} style={{ fontFamily: FONT_FAMILIES, fontSize: 7.5, fill: ink }}>
                {node.label}
              </Text>
            </G>
          ))}
        </Svg>
        )}
      </View>
      <Text style={styles.small}>
        Dashed grey lines: named together, within a sentence or two{pairNotes.length > 0 ? ` in ${cite(pairNotes)}` : ''} (thicker: more often) — suggestions, not findings. Orange lines: links the analyst
        asserted. Colours: people blue, organisations purple, places green.
      </Text>
    </View>
  );
}
