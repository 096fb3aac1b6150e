// A notice as one HTML page for Chromium's print engine, laid out to GB/T 9704-2012: A4, the 版心
// 156 × 225 mm at 37 mm from the top and 28 mm from the left, 3号仿宋 on a grid of 22 lines × 28
// characters, 2号小标宋 title, page numbers "— 1 —" in 4号宋体 7 mm below the 版心 (odd pages on the
// right, even pages on the left, each one character in). Every value is escaped: a record holds
// whatever a clerk pasted.
import type { NoticeModel } from '../../../../shared/notice';
import { EMPTY_TEMPLATE, escapeHtml as e } from '../../pdf/html';
import { BLANK_TEXT, fillTemplate, type FilledBlock, type Run, type ServiceTableRow } from './fill';
import {
  CHAR_PITCH_PX, CSS_FONTS, LETTER_SPACING_PX, LINE_PITCH_PX, MARGIN_MM, mmOfPt, PAGE_NUMBER_GAP_MM, SERVICE_COLUMN_LABELS, SERVICE_COLUMNS_MM, SERVICE_ROW_MM, SIZE_PT,
  signatureIndents, TITLE_FACES,
} from './layout';
import type { ParsedTemplate } from './types';

const LINE = `${LINE_PITCH_PX}px`;
const chars = (n: number): string => `${(n * CHAR_PITCH_PX).toFixed(3)}px`;

// Page numbers are drawn by CSS page-margin boxes, not by Chromium's footer template: only @page
// :left / :right can put odd numbers on the right and even numbers on the left (GB/T 9704 7.5),
// and the numbers then also print from the app's and the browser's print dialogs.
const pageNumber = (side: 'left' | 'right'): string => `@bottom-${side} {
    content: "— " counter(page) " —"; vertical-align: top; text-align: ${side};
    padding-top: ${(PAGE_NUMBER_GAP_MM - mmOfPt(SIZE_PT.pageNumber) / 2).toFixed(2)}mm; padding-${side}: 1em;
    font-family: ${CSS_FONTS.song}; font-size: ${SIZE_PT.pageNumber}pt; line-height: ${SIZE_PT.pageNumber}pt; letter-spacing: 0; color: #000;
  }`;

/** The stylesheet of every notice. */
export function noticeStyle(): string {
  const m = MARGIN_MM;
  return `
@font-face { font-family: "QB Title"; src: ${TITLE_FACES.map((f) => `local("${f}")`).join(', ')}; }
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; ${pageNumber('right')} }
@page :left { @bottom-right { content: none; } ${pageNumber('left')} }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; font-family: ${CSS_FONTS.fangsong}; font-size: ${SIZE_PT.body}pt; font-weight: normal;
  line-height: ${LINE}; letter-spacing: ${LETTER_SPACING_PX.toFixed(4)}px; font-kerning: none;
  text-spacing-trim: space-all; text-autospace: no-autospace; overflow-wrap: anywhere; }
h1, h2, p { margin: 0; font-size: inherit; font-weight: normal; }
.title { font-family: ${CSS_FONTS.title}; font-size: ${SIZE_PT.title}pt; text-align: center; letter-spacing: 0; }
.heading { font-family: ${CSS_FONTS.hei}; text-indent: ${chars(2)}; break-after: avoid; }
.para { text-indent: ${chars(2)}; text-align: justify; orphans: 2; widows: 2; }
.flush, .party p { text-align: justify; }
.number { text-align: right; }
.gap { margin-bottom: ${LINE}; }
.preview { color: #888; }
.blank { text-decoration: underline; text-underline-offset: 0.15em; }
/* GB/T 9704 7.3.5: the 落款 never stands alone on the last page; the paragraph before it goes along. */
.signature { margin-top: ${LINE}; padding-top: ${LINE}; break-inside: avoid; break-before: avoid; }
.signature p { text-align: right; }
.page-break { break-after: page; height: 0; }
table.service { width: 100%; border-collapse: collapse; table-layout: fixed;
  font-size: ${SIZE_PT.table}pt; line-height: 1.5; letter-spacing: 0; }
table.service th, table.service td { border: 0.75pt solid #000; padding: 1.5mm 1mm; vertical-align: middle; overflow-wrap: anywhere; }
table.service th { font-family: ${CSS_FONTS.hei}; font-weight: normal; text-align: center; }
table.service td { text-align: center; }
table.service td.text { text-align: left; }
table.service tr.doc td { height: ${SERVICE_ROW_MM}mm; }
table.service tr { break-inside: avoid; }
.multiline { white-space: pre-wrap; }
`;
}

function runs(rs: readonly Run[]): string {
  return rs
    .map((r) => (r.style === 'blank' ? `<span class="blank">${BLANK_TEXT}</span>` : r.style === 'preview' ? `<span class="preview">${e(r.text)}</span>` : e(r.text)))
    .join('');
}

const value = (v: string | null): string => (v ? e(v) : `<span class="blank">${BLANK_TEXT}</span>`);
const cellText = (v: string | null): string => (v ? `<span class="multiline">${e(v)}</span>` : '');


function serviceTable(b: Extract<FilledBlock, { kind: 'serviceTable' }>): string {
  const labelled = (label: string, v: string | null) => `<tr><th>${label}</th><td class="text" colspan="5">${cellText(v)}</td></tr>`;
  const docRow = (r: ServiceTableRow) =>
    `<tr class="doc"><td class="text">${cellText(r.document || null)}</td><td class="text">${cellText(r.place)}</td><td>${cellText(r.method)}</td>` +
    `<td>${cellText(r.servedOn)}</td><td>${cellText(r.server)}</td><td></td></tr>`;
  return (
    `<table class="service"><colgroup>${SERVICE_COLUMNS_MM.map((w) => `<col style="width: ${w}mm">`).join('')}</colgroup><tbody>` +
    labelled('案由', b.caseName) +
    labelled('受送达人', b.recipient) +
    `<tr>${SERVICE_COLUMN_LABELS.map((h) => `<th>${h}</th>`).join('')}</tr>` +
    b.rows.map(docRow).join('') +
    labelled('备注', b.remarks) +
    '</tbody></table>'
  );
}

function block(b: FilledBlock, gap: boolean): string {
  const cls = (name: string) => `class="${name}${gap ? ' gap' : ''}"`;
  switch (b.kind) {
    case 'title':
      return `<h1 ${cls('title')}>${runs(b.runs)}</h1>`;
    case 'heading':
      return `<h2 ${cls('heading')}>${runs(b.runs)}</h2>`;
    case 'paragraph':
      return `<p ${cls('para')}>${runs(b.runs)}</p>`;
    case 'flush':
      return `<p ${cls('flush')}>${runs(b.runs)}</p>`;
    case 'number':
      return `<p ${cls('number')}>${runs([b.run])}</p>`;
    case 'party':
      return `<div ${cls('party')}>${b.rows.map((r) => `<p>${e(r.label)}：${value(r.value)}</p>`).join('')}</div>`;
    case 'signature': {
      const at = signatureIndents(b.office, b.date);
      return (
        `<div ${cls('signature')}><p style="padding-right: ${chars(at.office)}">${e(b.office)}</p>` +
        `<p style="padding-right: ${chars(at.date)}">${e(b.date)}</p></div>`
      );
    }
    case 'serviceTable':
      return serviceTable(b);
    case 'pageBreak':
      return '<div class="page-break"></div>';
  }
}

/** A complete HTML page (A4, GB/T 9704 margins and grid, fonts, page numbers) for the PDF service. */
export function noticeHtml(template: ParsedTemplate, model: NoticeModel): string {
  const blocks = fillTemplate(template, model);
  // GB/T 9704: one empty line between the title (and the number under it) and what follows.
  const head = (b: FilledBlock | undefined) => b?.kind === 'title' || b?.kind === 'number';
  const body = blocks.map((b, i) => block(b, head(b) && !head(blocks[i + 1]) && i + 1 < blocks.length)).join('\n');
  const title = [model.title, model.number].filter(Boolean).join(' ');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${e(title)}</title><style>${noticeStyle()}</style></head>
<body>
${body}
</body></html>`;
}

/**
 * The PDF service's footer template: empty, because html() draws the page numbers itself with CSS
 * page-margin boxes (Chromium's footer template cannot tell odd pages from even ones).
 */
export function noticeFooter(): string {
  return EMPTY_TEMPLATE;
}
