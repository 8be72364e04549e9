/** The briefing PDF's fonts, colours and styles, shared by the document and its figures. */
import { StyleSheet } from '@react-pdf/renderer';

/** Bundled font families, one a script: react-pdf picks, glyph by glyph, the first that has it. */
export const FONT_FAMILIES = ['Noto Sans Latin', 'Noto Sans Latin Ext', 'Noto Sans Cyrillic', 'Noto Sans Cyrillic Ext', 'Noto Sans Armenian'];

export const ink = '#1f2933';
export const muted = '#5f6b7a';
export const rule = '#d0d7de';

export const styles = StyleSheet.create({
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

export const cite = (notes: readonly number[]): string => notes.map((note) => `[${note}]`).join('');
