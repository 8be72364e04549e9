/**
 * The briefing as a PDF document (@react-pdf/renderer): cover, contents with page numbers, the
 * bottom line up front, the sections, and the sources; the marking in every page's header and
 * footer. Laid out from gathered content only — nothing here reads the case.
 */
import { Circle, Document, G, Line, Link, Page, Path, Rect, StyleSheet, Svg, Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { Token, Tokens } from 'marked';
import { marked } from 'marked';
import type { ReactNode } from 'react';
import type { EntityType } from '../../../shared/entities';
import type { BriefingContent, Endnote, SectionContent } from './content';
import type { DrawnShape, GraphPanel, MapPanel } from './panels';
import { DRAWN_POINT_RADIUS, PIN_LABEL } from './panels';

/** Bundled font families, one a script: react-pdf picks, glyph by glyph, the first that has it. */
export const FONT_FAMILIES = ['Noto Sans Latin', 'Noto Sans Latin Ext', 'Noto Sans Cyrillic', 'Noto Sans Cyrillic Ext', 'Noto Sans Armenian'];

const typeColors: Record<EntityType, string> = { person: '#1c7ed6', organization: '#ae3ec9', location: '#0ca678', other: '#868e96' };
const typeLabels: Record<EntityType, string> = { person: 'Person', organization: 'Organisation', location: 'Place', other: 'Other' };
const ink = '#1f2933';
const muted = '#5f6b7a';
const rule = '#d0d7de';

const styles = StyleSheet.create({
  page: { fontFamily: FONT_FAMILIES, fontSize: 10, lineHeight: 1.45, color: ink, paddingTop: 64, paddingBottom: 64, paddingHorizontal: 56 },
  header: { position: 'absolute', top: 24, left: 56, right: 56, textAlign: 'center', fontSize: 9, fontWeight: 700, letterSpacing: 0.6 },
  footer: { position: 'absolute', left: 56, right: 56, flexDirection: 'row', justifyContent: 'space-between', fontSize: 8, color: muted },
  footerMarking: { fontWeight: 700, color: ink, letterSpacing: 0.6 },
  coverTitle: { fontSize: 28, fontWeight: 700, lineHeight: 1.2, marginTop: 140 },
  coverLine: { fontSize: 12, color: muted, marginTop: 6 },
  h1: { fontSize: 17, fontWeight: 700, marginBottom: 10, paddingBottom: 4, borderBottomWidth: 1, borderBottomColor: rule },
  h2: { fontSize: 12.5, fontWeight: 700, marginTop: 10, marginBottom: 4 },
  paragraph: { marginBottom: 6 },
  small: { fontSize: 8.5, color: muted },
  tocRow: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 4, borderBottomWidth: 0.5, borderBottomColor: rule },
  table: { borderTopWidth: 1, borderTopColor: ink },
  tableHead: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: ink, paddingVertical: 3, fontWeight: 700, fontSize: 8.5 },
  tableRow: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: rule, paddingVertical: 3, fontSize: 9 },
  quote: { marginBottom: 8, paddingLeft: 10, borderLeftWidth: 2, borderLeftColor: '#adb5bd' },
  figure: { borderWidth: 0.5, borderColor: rule, marginBottom: 6 },
  bullet: { flexDirection: 'row', marginBottom: 2 },
});

const cite = (notes: readonly number[]): string => notes.map((note) => `[${note}]`).join('');

/** The section headings' page numbers, learnt from a first layout pass (empty on that pass). */
export type PageNumbers = Map<string, number>;
/** The key under which the layout records the number of pages. */
export const TOTAL_PAGES = 'total-pages';

function Heading({ id, children, pages }: { id: string; children: string; pages: PageNumbers }) {
  // The empty render-prop text records the page the heading lands on; both stay on one page.
  return (
    <View wrap={false} minPresenceAhead={80}>
      <Text
        render={({ pageNumber }) => {
          pages.set(id, pageNumber);
          return '';
        }}
      />
      <Text style={styles.h1}>{children}</Text>
    </View>
  );
}

function inline(tokens: readonly Token[] | undefined, fallback: string): ReactNode[] {
  if (!tokens) return [fallback];
  return tokens.map((token, index) => {
    switch (token.type) {
      case 'strong':
        return (
          <Text key={index} style={{ fontWeight: 700 }}>
            {inline((token as Tokens.Strong).tokens, token.raw)}
          </Text>
        );
      case 'em':
        return (
          <Text key={index} style={{ fontStyle: 'italic' }}>
            {inline((token as Tokens.Em).tokens, token.raw)}
          </Text>
        );
      case 'link': {
        const link = token as Tokens.Link;
        // Only web and mail links become links in the PDF; javascript:, file: and the like stay plain text.
        if (!isSafeLink(link.href)) return <Text key={index}>{link.text}</Text>;
        return (
          <Link key={index} src={link.href}>
            {link.text}
          </Link>
        );
      }
      case 'codespan':
        return <Text key={index}>{(token as Tokens.Codespan).text}</Text>;
      case 'br':
        return '\n';
      default:
        return 'tokens' in token && token.tokens ? inline(token.tokens, '') : ('text' in token ? String(token.text) : token.raw);
    }
  });
}

/** The analyst's Markdown: headings, paragraphs, lists, quotes, rules. */
function Markdown({ text }: { text: string }) {
  const blocks = marked.lexer(text);
  return (
    <View>
      {blocks.map((block, index) => {
        switch (block.type) {
          case 'heading':
            return (
              <Text key={index} style={styles.h2}>
                {inline((block as Tokens.Heading).tokens, (block as Tokens.Heading).text)}
              </Text>
            );
          case 'paragraph':
            return (
              <Text key={index} style={styles.paragraph}>
                {inline((block as Tokens.Paragraph).tokens, (block as Tokens.Paragraph).text)}
              </Text>
            );
          case 'list':
            return (
              <View key={index} style={styles.paragraph}>
                {(block as Tokens.List).items.map((item, position) => (
                  <View key={position} style={styles.bullet}>
                    <Text style={{ width: 14 }}>{(block as Tokens.List).ordered ? `${position + 1}.` : '•'}</Text>
                    <Text style={{ flex: 1 }}>{inline(item.tokens.flatMap((child) => ('tokens' in child && child.tokens ? child.tokens : [child])), item.text)}</Text>
                  </View>
                ))}
              </View>
            );
          case 'blockquote':
            return (
              <View key={index} style={styles.quote}>
                <Markdown text={(block as Tokens.Blockquote).text} />
              </View>
            );
          case 'hr':
            return <View key={index} style={{ borderBottomWidth: 0.5, borderBottomColor: rule, marginVertical: 6 }} />;
          case 'space':
            return null;
          default:
            return (
              <Text key={index} style={styles.paragraph}>
                {block.raw}
              </Text>
            );
        }
      })}
    </View>
  );
}

function ActorsTable({ rows }: { rows: Extract<SectionContent, { kind: 'actors' }>['rows'] }) {
  if (rows.length === 0) return <Text style={styles.small}>No people or organisations in the case yet.</Text>;
  const columns: { label: string; width: string | number; numeric?: boolean }[] = [
    { label: 'Name', width: '26%' },
    { label: 'Type', width: '13%' },
    { label: 'Role / affiliation', width: '31%' },
    { label: 'Mentions', width: '10%', numeric: true },
    { label: 'Docs', width: '8%', numeric: true },
    { label: 'Sources', width: '12%' },
  ];
  const cell = (index: number): Style => ({ width: columns[index]!.width, paddingRight: 4, textAlign: columns[index]!.numeric ? 'right' : 'left' });
  return (
    <View style={styles.table}>
      <View style={styles.tableHead} fixed>
        {columns.map((column, index) => (
          <Text key={column.label} style={cell(index)}>
            {column.label}
          </Text>
        ))}
      </View>
      {rows.map((row, index) => (
        <View key={index} style={styles.tableRow} wrap={false}>
          <Text style={{ ...cell(0), fontWeight: 700 }}>{row.name}</Text>
          <Text style={{ ...cell(1), color: typeColors[row.type] }}>{typeLabels[row.type]}</Text>
          <Text style={cell(2)}>{[row.role, row.affiliation].filter(Boolean).join(', ') || '—'}</Text>
          <Text style={cell(3)}>{row.mentions}</Text>
          <Text style={cell(4)}>{row.documents}</Text>
          <Text style={cell(5)}>{cite(row.notes)}</Text>
        </View>
      ))}
    </View>
  );
}

function MapFigure({ panel, draft }: { panel: MapPanel; draft: boolean }) {
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
function GraphFigure({ panel, draft, pairNotes }: { panel: GraphPanel; draft: boolean; pairNotes: readonly number[] }) {
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
              <Circle cx={node.x} cy={node.y} r={node.radius} fill={typeColors[node.type]} stroke="#ffffff" strokeWidth={0.8} />
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

function Section({
  section,
  map,
  graph,
  pages,
  id,
  draft,
}: {
  section: SectionContent;
  map: MapPanel | null;
  graph: GraphPanel | null;
  pages: PageNumbers;
  id: string;
  draft: boolean;
}) {
  return (
    <View>
      <Heading id={id} pages={pages}>
        {section.title}
      </Heading>
      {section.kind === 'actors' ? <ActorsTable rows={section.rows} /> : null}
      {section.kind === 'places' ? (
        map && (section.pins.length > 0 || section.drawings.length > 0) ? (
          <MapFigure panel={map} draft={draft} />
        ) : (
          <Text style={styles.small}>No place in the case has coordinates yet.</Text>
        )
      ) : null}
      {section.kind === 'relationships' ? (
        graph && section.nodes.length > 0 ? (
          <>
            <GraphFigure
              panel={graph}
              draft={draft}
              pairNotes={[...new Set(section.edges.filter((edge) => !edge.relation).flatMap((edge) => edge.notes))].sort((a, b) => a - b)}
            />
            {section.edges.some((edge) => edge.relation) ? (
              <View style={{ marginTop: 10 }}>
                <Text style={styles.h2}>Asserted links</Text>
                {section.edges
                  .filter((edge) => edge.relation)
                  .map((edge, index) => {
                    const name = (key: string) => section.nodes.find((node) => node.key === key)?.label ?? key;
                    return (
                      <Text key={index} style={styles.paragraph}>
                        {name(edge.source)} <Text style={{ fontWeight: 700 }}>{edge.relation}</Text> {name(edge.target)}
                        {edge.grading ? ` (graded ${edge.grading})` : ' (ungraded)'} {edge.notes.length > 0 ? cite(edge.notes) : '— no evidence cited'}
                      </Text>
                    );
                  })}
              </View>
            ) : null}
          </>
        ) : (
          <Text style={styles.small}>No actors or places to relate yet.</Text>
        )
      ) : null}
      {section.kind === 'chronology' ? (
        section.entries.length > 0 ? (
          section.entries.map((entry, index) => (
            <View key={index} style={styles.tableRow} wrap={false}>
              <Text style={{ width: 72, fontWeight: 700 }}>{entry.date}</Text>
              <Text style={{ flex: 1 }}>
                {entry.text} {cite(entry.notes)}
              </Text>
            </View>
          ))
        ) : (
          <Text style={styles.small}>No dated events, links or documents.</Text>
        )
      ) : null}
      {section.kind === 'accounts' ? (
        section.groups.length > 0 ? (
          section.groups.map((group, index) => (
            <View key={index} style={{ marginBottom: 10 }}>
              <Text style={styles.h2}>{group.topic}</Text>
              <View style={{ flexDirection: 'row' }}>
                {group.sides.map((side, column) => (
                  <View key={column} style={{ flex: 1, marginRight: column < group.sides.length - 1 ? 8 : 0 }}>
                    <Text style={{ ...styles.small, fontWeight: 700, marginBottom: 2 }}>{side.side.toUpperCase()}</Text>
                    {side.accounts.map((account, position) => (
                      <View key={position} style={styles.quote} wrap={false}>
                        <Text style={{ fontWeight: 700 }}>
                          {account.speaker} <Text style={{ fontWeight: 400 }}>{account.stance}</Text>
                        </Text>
                        <Text>
                          “{account.quote}” {cite([account.note])}
                        </Text>
                        <Text style={{ ...styles.small, marginTop: 2 }}>
                          {[account.date, account.grading ? `graded ${account.grading}` : 'ungraded', account.reviewed ? null : 'unreviewed'].filter(Boolean).join(' · ')}
                        </Text>
                      </View>
                    ))}
                  </View>
                ))}
              </View>
            </View>
          ))
        ) : (
          <Text style={styles.small}>No competing accounts: no two sides were found to accuse or deny each other.</Text>
        )
      ) : null}
      {section.kind === 'excerpts' ? (
        section.excerpts.length > 0 ? (
          section.excerpts.map((excerpt, index) => (
            <View key={index} style={styles.quote} wrap={false}>
              <Text>
                “{excerpt.quote}” {cite([excerpt.note])}
              </Text>
              {excerpt.comment ? <Text style={{ ...styles.small, marginTop: 2 }}>Analyst: {excerpt.comment}</Text> : null}
            </View>
          ))
        ) : (
          <Text style={styles.small}>No passages have been noted yet: select text in the reader and add a note.</Text>
        )
      ) : null}
      {section.kind === 'notes' ? <Markdown text={section.text} /> : null}
    </View>
  );
}

function EndnoteLine({ note }: { note: Endnote }) {
  const details = [note.author, note.source, note.date, note.location].filter(Boolean).join(' · ');
  return (
    <View style={{ flexDirection: 'row', marginBottom: 4 }} wrap={false}>
      <Text style={{ width: 26, fontWeight: 700 }}>[{note.number}]</Text>
      <Text style={{ flex: 1 }}>
        {/* The full stop stays in the title's run: a break between two runs would be hyphenated. */}
        <Text style={{ fontWeight: 700 }}>{`${note.title.replace(/[.\s]+$/u, '')}.`}</Text>
        {details ? ` ${details}` : ''}
      </Text>
    </View>
  );
}

/** Whether a Markdown link may become a /URI action in the PDF: http, https and mailto only. */
export function isSafeLink(href: string): boolean {
  return /^(?:https?:\/\/|mailto:)/i.test(href.trim());
}

export function BriefingDocument({
  content,
  map,
  graph,
  pages,
  knownPages,
  draft,
}: {
  content: BriefingContent;
  map: MapPanel | null;
  graph: GraphPanel | null;
  /** Filled during layout with each heading's page. */
  pages: PageNumbers;
  /** The pages a previous pass found, for the contents. */
  knownPages: PageNumbers;
  /** A pass that only paginates: figures are empty boxes of their size, which lay out the same and cost nothing. */
  draft: boolean;
}) {
  const { spec } = content;
  const marking = spec.marking || ' ';
  const contents = [
    ...(spec.summary.trim() ? [{ id: 'summary', title: 'Bottom line up front' }] : []),
    ...content.sections.map((section, index) => ({ id: `section-${index}`, title: section.title })),
    { id: 'sources', title: 'Sources' },
  ];
  // One <Page> a part: react-pdf paginates each on its own, so a long sources list does not make
  // every earlier page lay out again.
  const page = (key: string, children: ReactNode) => (
    <Page key={key} size={spec.pageSize} style={styles.page}>
      <Text style={styles.header} fixed>
        {marking}
      </Text>
      <View style={{ ...styles.footer, top: (spec.pageSize === 'A4' ? 841.89 : 792) - 40 }} fixed>
        <Text style={{ width: '35%' }}>{spec.title}</Text>
        <Text style={styles.footerMarking}>{marking}</Text>
        <Text
          style={{ width: '35%', textAlign: 'right' }}
          render={({ pageNumber, totalPages }) => {
            pages.set(TOTAL_PAGES, totalPages);
            return `Page ${pageNumber} of ${totalPages}`;
          }}
        />
      </View>
      {children}
    </Page>
  );
  return (
    <Document title={spec.title} author={spec.author || undefined} subject={spec.marking || undefined} creator="Dossier" producer="Dossier">
      {page(
        'cover',
        <View>
          <Text style={styles.coverTitle}>{spec.title}</Text>
          <Text style={styles.coverLine}>Case: {content.caseTitle}</Text>
          <Text style={styles.coverLine}>{[spec.author ? `Prepared by ${spec.author}` : null, spec.date].filter(Boolean).join(' · ')}</Text>
          <Text style={{ ...styles.small, marginTop: 60 }}>
            Every statement drawn from the case cites its source in brackets, e.g. [1]; the sources are listed at the end. Links between actors
            carry the analyst's grading (source reliability A–F, information credibility 1–6) where given.
          </Text>
        </View>,
      )}
      {page(
        'contents',
        <View>
          <Text style={styles.h1}>Contents</Text>
          {contents.map((entry) => (
            <View key={entry.id} style={styles.tocRow}>
              <Text>{entry.title}</Text>
              <Text>{knownPages.get(entry.id) ?? ''}</Text>
            </View>
          ))}
        </View>,
      )}
      {spec.summary.trim()
        ? page(
            'summary',
            <View>
              <Heading id="summary" pages={pages}>
                Bottom line up front
              </Heading>
              <Markdown text={spec.summary} />
            </View>,
          )
        : null}
      {content.sections.map((section, index) =>
        page(`section-${index}`, <Section id={`section-${index}`} section={section} map={map} graph={graph} pages={pages} draft={draft} />),
      )}
      {page(
        'sources',
        <View>
          <Heading id="sources" pages={pages}>
            Sources
          </Heading>
          {content.endnotes.length === 0 ? <Text style={styles.small}>Nothing in this briefing cites a document.</Text> : null}
          {content.endnotes.map((note) => (
            <EndnoteLine key={note.number} note={note} />
          ))}
        </View>,
      )}
    </Document>
  );
}
