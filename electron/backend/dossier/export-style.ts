// The print style of the dossier: A4, 宋体 body and 黑体 headings with the open fonts behind the
// Windows ones, tables that never run off the page (a pasted 3000-character line wraps), pictures
// scaled to fit two to a row, and voided records marked.
import { FONTS } from '../pdf/html';

/** The stylesheet, for the given page margins in millimetres. */
export function dossierStyle(m: { top: number; right: number; bottom: number; left: number }): string {
  return `
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONTS.song}; font-size: 10.5pt; line-height: 1.5; color: #000; }
h1, h2, .doc-kind, .record header, th { font-family: ${FONTS.hei}; font-weight: normal; }
h1 { font-size: 20pt; margin: 4mm 0 2mm; text-align: center; overflow-wrap: anywhere; }
h2 { font-size: 14pt; margin: 0 0 3mm; padding-bottom: 1mm; border-bottom: 1pt solid #000; break-after: avoid; }
.cover { break-after: page; }
.doc-kind { margin-top: 20mm; text-align: center; font-size: 26pt; letter-spacing: 0.5em; }
.cover-meta { text-align: center; margin-bottom: 8mm; color: #333; }
.summary { margin-bottom: 6mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.5pt solid #777; padding: 1mm 1.6mm; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; word-break: break-word; }
table.fields > tbody > tr > th, table.fields > tr > th { width: 41mm; background: #f2f2f2; }
table.inner { margin: 0; font-size: 9pt; }
table.inner th { background: #f7f7f7; }
tr { break-inside: avoid; }
.text { white-space: pre-wrap; }
.hash { font-family: "Consolas", "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; font-size: 7pt; word-break: break-all; }
.records > h2 { margin-top: 2mm; }
.record { margin: 0 0 6mm; padding-top: 2mm; border-top: 1.5pt solid #000; }
.record header { display: flex; gap: 4mm; align-items: baseline; font-size: 12pt; break-after: avoid; }
.record header .id { margin-left: auto; font-size: 9pt; color: #444; }
.record-summary { margin: 1mm 0 2mm; break-after: avoid; overflow-wrap: anywhere; }
.record-notes { margin-top: 1mm; font-size: 8.5pt; color: #444; overflow-wrap: anywhere; }
.record.voided { border-top-color: #b00; }
.record.voided .fields td { color: #555; }
.void { display: inline-block; padding: 0 2mm; border: 1pt solid #b00; color: #b00; font-family: ${FONTS.hei}; font-size: 10pt; margin-right: 2mm; }
.void-note { margin: 1mm 0 2mm; color: #b00; overflow-wrap: anywhere; }
.pictures { margin-top: 2mm; }
figure { display: inline-block; width: 49%; margin: 0 0 2mm; padding: 1mm; vertical-align: top; text-align: center; break-inside: avoid; }
figure:nth-child(odd) { margin-right: 1.5%; }
figure img { display: block; max-width: 100%; max-height: 85mm; margin: 0 auto; object-fit: contain; }
figcaption { font-size: 8.5pt; color: #333; overflow-wrap: anywhere; }
table.files { margin-top: 2mm; }
table.files th:nth-child(2), table.files td:nth-child(2) { width: 18mm; }
table.files th:nth-child(3), table.files td:nth-child(3) { width: 62mm; }
.none { color: #444; }
`;
}
