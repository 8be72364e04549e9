/**
 * The briefing as a PDF document (@react-pdf/renderer): cover, contents with page numbers, the
 * bottom line up front, the sections, and the sources; the marking in every page's header and
 * footer. Laid out from gathered content only — nothing here reads the case.
 */
import { Document, Link, Page, Text, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import type { Token, Tokens } from 'marked';
import { marked } from 'marked';
import type { ReactNode } from 'react';
import { entityTypeColors, entityTypeLabels } from '../../../shared/entities';
import type { BriefingContent, Endnote, SectionContent } from './content';
import type { GraphPanel } from './graphPanel';
import type { MapPanel } from './panels';
import { rule, styles, cite } from './pdfStyles';
import { MapFigure, GraphFigure } from './figures';

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
          <Text style={{ ...cell(1), color: entityTypeColors[row.type].hex }}>{entityTypeLabels[row.type]}</Text>
          <Text style={cell(2)}>{[row.role, row.affiliation].filter(Boolean).join(', ') || '—'}</Text>
          <Text style={cell(3)}>{row.mentions}</Text>
          <Text style={cell(4)}>{row.documents}</Text>
          <Text style={cell(5)}>{cite(row.notes)}</Text>
        </View>
      ))}
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
