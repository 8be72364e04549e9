#!/usr/bin/env node
// Builds the one generated file of the demo case: a fictional two-page EU monitoring mission report.
//   node scripts/build-demo.mjs      writes resources/demo/eu-monitoring-mission-report-2025-03-07.pdf
// Deterministic: fixed dates and metadata, no randomness, so re-running gives the same bytes.
// The standard PDF fonts cover WinAnsi only, so every string below is plain ASCII.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'resources', 'demo', 'eu-monitoring-mission-report-2025-03-07.pdf');

const TITLE = 'Follow-up Report FOM/2025/031: Incident in the Sotk area, night of 3-4 March 2025';
const AUTHOR = 'European Union Mission in Armenia (EUMA), Field Office Martuni';
const CREATED = new Date('2025-03-07T12:00:00Z'); // 16:00 in Yerevan
const FOOTER_NOTE = 'Fictional sample document for the Dossier demo.';

// The report, as blocks: h1 (title lines), h2 (section headings), p (paragraphs), item (numbered or
// timed entries with a hanging label), meta (label/value lines), rule, and page (a page break).
const report = [
  { type: 'meta', label: 'Mission', text: 'European Union Mission in Armenia (EUMA) - Field Office Martuni' },
  { type: 'meta', label: 'Report no.', text: 'FOM/2025/031' },
  { type: 'meta', label: 'Date', text: '7 March 2025' },
  { type: 'meta', label: 'Distribution', text: 'Public summary' },
  { type: 'rule' },
  { type: 'h1', text: 'Follow-up Report: Incident in the Sotk area,' },
  { type: 'h1', text: 'night of 3-4 March 2025' },
  { type: 'h2', text: '1. Summary' },
  {
    type: 'p',
    text:
      'After conflicting statements by the Ministries of Defence of Azerbaijan and Armenia, Field Office Martuni ' +
      'patrolled the area of Sotk, Gegharkunik province, on 5 and 6 March 2025. EUMA observed recent engineering ' +
      'works and fresh impact marks at an Armenian position. EUMA has no access to the Azerbaijani side and could ' +
      'not verify the reported crossing near Armudlu, Kalbajar district.',
  },
  { type: 'h2', text: '2. Background' },
  {
    type: 'p',
    text:
      'On 4 March the Azerbaijani Ministry of Defence stated that about 30 Armenian servicemen crossed the border ' +
      'near Armudlu (Kelbajar) at 22:40 on 3 March and withdrew at 01:50, and that its units fired no shots. The ' +
      'Armenian Ministry of Defence stated that Azerbaijani units fired on positions near Sotk from 23:05 to 23:40, ' +
      'wounding Junior Sergeant Arman Hovhannisyan. On 5 March Prime Minister Nikol Pashinyan denied any crossing.',
  },
  { type: 'h2', text: '3. Patrol observations' },
  { type: 'h3', text: 'Patrol MAR-P1, 5 March 2025 (patrol leader: Inga Vaitkute)' },
  { type: 'item', label: '12:10', text: 'Departed Field Office Martuni (two vehicles, six monitors, one interpreter).' },
  { type: 'item', label: '13:35', text: 'Arrived Sotk. Met the head of the village community, Mr Artur Karapetyan.' },
  {
    type: 'item',
    label: '14:20',
    text:
      'Company position at grid 38T NK 8412 5127: approx. 40 m of recently repaired trench and new ' +
      'protective netting. No mines or mine packaging observed.',
  },
  {
    type: 'item',
    label: '14:45',
    text:
      '11 impact marks on sandbags and a metal container, consistent with small-arms fire from the south-east.',
  },
  {
    type: 'item',
    label: '15:30',
    text:
      'From grid 38T NK 8390 5160, observed Azerbaijani positions north-west of Armudlu at approx. 1.2 km. ' +
      'No movement, no firing.',
  },
  { type: 'item', label: '16:10', text: 'Departed Sotk. Returned to Martuni 17:30.' },
  { type: 'h3', text: 'Patrol MAR-P2, 6 March 2025 (patrol leader: Inga Vaitkute)' },
  { type: 'item', label: '09:40', text: 'Patrol along the Sotk - Kut road.' },
  {
    type: 'item',
    label: '10:15',
    text:
      'One excavator working at an Azerbaijani position, approx. grid 38T NK 8551 5042.',
  },
  {
    type: 'item',
    label: '11:00',
    text:
      'A resident (name withheld) reported 20-30 people with torches on the slope above the stream at ' +
      '22:15-22:30 on 3 March, side of the line unknown.',
  },
  { type: 'item', label: '12:30', text: 'Patrol ended. No firing heard.' },
  { type: 'page' },
  { type: 'h2', text: '4. Findings' },
  {
    type: 'item',
    label: '4.1',
    text:
      'EUMA cannot confirm or exclude that Armenian personnel crossed the line near Armudlu on 3 March; it ' +
      'operates in Armenia only.',
  },
  {
    type: 'item',
    label: '4.2',
    text:
      'The works near Sotk are consistent with the repair of an existing position. No evidence of mine-laying ' +
      'was seen; this was not a technical survey.',
  },
  {
    type: 'item',
    label: '4.3',
    text:
      'The impact marks point to fire from the direction of Azerbaijani positions. They appeared recent.',
  },
  {
    type: 'item',
    label: '4.4',
    text:
      'Residents placed the shooting at approx. 23:00-23:30, in line with the Armenian account. The movement ' +
      'reported at 22:15-22:30 is close to the time of the crossing alleged by Azerbaijan.',
  },
  {
    type: 'item',
    label: '4.5',
    text:
      'The border here is not delimited. The Soviet-era maps used by the two sides diverge by an estimated ' +
      '150 to 400 metres near Sotk.',
  },
  {
    type: 'item',
    label: '4.6',
    text:
      'EUMA had no access to the wounded serviceman; the hospital in Vardenis did not respond.',
  },
  { type: 'h2', text: '5. Assessment' },
  {
    type: 'p',
    text:
      'An exchange of small-arms fire near Sotk late on 3 March is likely; responsibility for the first shots ' +
      'cannot be established. An engineering detail moving at night in an undelimited sector may have been ' +
      'perceived as a crossing. The situation on 5 and 6 March was calm.',
  },
  { type: 'h2', text: '6. Recommendations' },
  {
    type: 'item',
    label: '6.1',
    text: 'Continue daily patrols to Sotk and Kut until 14 March 2025.',
  },
  {
    type: 'item',
    label: '6.2',
    text:
      'Encourage Yerevan and Baku to refer this sector to the border delimitation commissions.',
  },
  {
    type: 'item',
    label: '6.3',
    text: 'Request medical information on the wounded serviceman.',
  },
  { type: 'rule' },
  { type: 'meta', label: 'Prepared by', text: 'Pieter de Groot, Reporting Officer, FO Martuni' },
  { type: 'meta', label: 'Patrol leader', text: 'Inga Vaitkute' },
  { type: 'meta', label: 'Approved by', text: 'Marek Nowicki, Head of Field Office Martuni' },
  { type: 'rule' },
  { type: 'note', text: FOOTER_NOTE },
];

const PAGE = { width: 595.28, height: 841.89 }; // A4
const MARGIN = { left: 62, right: 62, top: 64, bottom: 70 };
const INK = rgb(0.1, 0.1, 0.12);
const BLUE = rgb(0.0, 0.2, 0.55);
const GREY = rgb(0.4, 0.4, 0.4);

/** Splits text into lines that fit maxWidth at the given font and size. */
function wrap(text, font, size, maxWidth) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

async function build() {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(TITLE, { showInWindowTitleBar: true });
  doc.setAuthor(AUTHOR);
  doc.setSubject('Patrol observations and findings on the Sotk / Armudlu border incident (fictional)');
  doc.setKeywords(['EUMA', 'Sotk', 'Armudlu', 'Kalbajar', 'Gegharkunik', 'Armenia', 'Azerbaijan', 'border']);
  doc.setCreator('Dossier demo builder (scripts/build-demo.mjs)');
  doc.setProducer('pdf-lib');
  doc.setLanguage('en-GB');
  doc.setCreationDate(CREATED);
  doc.setModificationDate(CREATED);

  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const italic = await doc.embedFont(StandardFonts.HelveticaOblique);
  const width = PAGE.width - MARGIN.left - MARGIN.right;

  const pages = [];
  let page;
  let y;
  const newPage = () => {
    page = doc.addPage([PAGE.width, PAGE.height]);
    pages.push(page);
    page.drawText('EUROPEAN UNION MISSION IN ARMENIA (EUMA)', { x: MARGIN.left, y: PAGE.height - 38, size: 8, font: bold, color: BLUE });
    const right = 'FO Martuni - FOM/2025/031';
    page.drawText(right, {
      x: PAGE.width - MARGIN.right - regular.widthOfTextAtSize(right, 8),
      y: PAGE.height - 38,
      size: 8,
      font: regular,
      color: GREY,
    });
    y = PAGE.height - MARGIN.top;
  };
  const ensure = (needed) => {
    if (y - needed < MARGIN.bottom) throw new Error('build-demo: the report overflows its page; shorten the text.');
  };
  const lines = (text, { font = regular, size = 10, x = MARGIN.left, maxWidth = width, leading = 13.2, color = INK } = {}) => {
    for (const line of wrap(text, font, size, maxWidth)) {
      ensure(leading);
      page.drawText(line, { x, y: y - size, size, font, color });
      y -= leading;
    }
  };

  newPage();
  for (const block of report) {
    switch (block.type) {
      case 'page':
        newPage();
        break;
      case 'meta':
        ensure(13);
        page.drawText(`${block.label}:`, { x: MARGIN.left, y: y - 9.5, size: 9.5, font: bold, color: INK });
        page.drawText(block.text, { x: MARGIN.left + 90, y: y - 9.5, size: 9.5, font: regular, color: INK });
        y -= 13;
        break;
      case 'rule':
        y -= 5;
        page.drawLine({ start: { x: MARGIN.left, y }, end: { x: PAGE.width - MARGIN.right, y }, thickness: 0.6, color: GREY });
        y -= 9;
        break;
      case 'h1':
        lines(block.text, { font: bold, size: 15, leading: 19, color: BLUE });
        break;
      case 'h2':
        y -= 7;
        lines(block.text, { font: bold, size: 11.5, leading: 16, color: BLUE });
        y -= 1;
        break;
      case 'h3':
        y -= 3;
        lines(block.text, { font: italic, size: 10, leading: 14 });
        break;
      case 'p':
        lines(block.text);
        y -= 3;
        break;
      case 'item': {
        ensure(13.2);
        page.drawText(block.label, { x: MARGIN.left + 4, y: y - 10, size: 10, font: bold, color: INK });
        lines(block.text, { x: MARGIN.left + 44, maxWidth: width - 44 });
        y -= 3;
        break;
      }
      case 'note':
        lines(block.text, { font: italic, size: 9, leading: 12, color: GREY });
        break;
      default:
        throw new Error(`build-demo: unknown block type ${block.type}`);
    }
  }

  pages.forEach((p, index) => {
    const text = `Page ${index + 1} of ${pages.length}  -  ${FOOTER_NOTE}`;
    p.drawText(text, {
      x: (PAGE.width - regular.widthOfTextAtSize(text, 8)) / 2,
      y: 36,
      size: 8,
      font: regular,
      color: GREY,
    });
  });
  if (pages.length !== 2) throw new Error(`build-demo: expected 2 pages, got ${pages.length}`);

  const bytes = await doc.save({ useObjectStreams: false });
  writeFileSync(output, bytes);
  console.log(`build-demo: wrote ${output} (${bytes.length} bytes, ${pages.length} pages)`);
}

await build();
