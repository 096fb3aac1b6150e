// A notice as a .docx for last-minute edits in Word and WPS, laid out like the PDF: A4, the GB/T
// 9704 margins, 22 lines × 28 characters (a line grid with exact line spacing of one grid line,
// and the body's characters narrowed to 28 a line), 仿宋_GB2312 3号 body, 方正小标宋简体 2号 title, and page numbers
// "— 1 —" in 4号宋体 on the right of odd pages and the left of even ones.
import {
  AlignmentType, BorderStyle, Document, DocumentGridType, Footer, HeightRule, LineRuleType, Packer, PageBreak, PageNumber, Paragraph,
  Table, TableCell, TableLayoutType, TableRow, TextRun, UnderlineType, VerticalAlignTable, WidthType, type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { NoticeModel } from '../../../../shared/notice';
import { BLANK_TEXT, fillTemplate, type FilledBlock, type Run, type ServiceTableRow } from './fill';
import {
  BODY_CHAR_SPACING, CHAR_PITCH_TWIPS, DOCX_FONTS, FOOTER_TWIPS, LINE_PITCH_TWIPS, PAGE_TWIPS, SERVICE_COLUMN_LABELS, SERVICE_COLUMNS_MM, SERVICE_ROW_MM,
  SIZE_PT, signatureIndents,
} from './layout';
import type { ParsedTemplate } from './types';

type Paragraphs = (Paragraph | Table)[];

/** A font for every character set, so Word uses it for digits and Latin letters too. */
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
const halfPoints = (pt: number): number => pt * 2;
const indentChars = (n: number): number => Math.round(n * CHAR_PITCH_TWIPS);
const exactLine = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** Text with its line breaks kept (cells, long values). */
function lines(text: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): TextRun[] {
  return text.split('\n').map((piece, i) => new TextRun({ ...options, text: piece, ...(i > 0 ? { break: 1 } : {}) }));
}

function runs(rs: readonly Run[]): TextRun[] {
  return rs.flatMap((r) => {
    if (r.style === 'blank') return [new TextRun({ text: BLANK_TEXT, underline: { type: UnderlineType.SINGLE } })];
    if (r.style === 'preview') return [new TextRun({ text: r.text, color: '808080' })];
    return lines(r.text);
  });
}

const para = (children: TextRun[], options: Omit<IParagraphOptions, 'children'> = {}) => new Paragraph({ spacing: exactLine, ...options, children });

const twipsOfMm = (mm: number): number => Math.round((mm / 25.4) * 1440);
const COLUMNS = SERVICE_COLUMNS_MM.map(twipsOfMm);
const TABLE_WIDTH = COLUMNS.reduce((a, b) => a + b, 0);
const TABLE_LINE = { line: halfPoints(SIZE_PT.table) * 15, lineRule: LineRuleType.EXACT, before: 0, after: 0 }; // 1.5 lines of the table text
const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

function cell(text: string, o: { span?: number; header?: boolean; left?: boolean; width: number }): TableCell {
  const run = { size: halfPoints(SIZE_PT.table), ...(o.header ? { font: font(DOCX_FONTS.hei) } : {}) };
  return new TableCell({
    width: { size: o.width, type: WidthType.DXA },
    ...(o.span ? { columnSpan: o.span } : {}),
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: [new Paragraph({ spacing: TABLE_LINE, alignment: o.left ? AlignmentType.LEFT : AlignmentType.CENTER, children: lines(text, run) })],
  });
}

function serviceTable(b: Extract<FilledBlock, { kind: 'serviceTable' }>): Table {
  const rest = TABLE_WIDTH - COLUMNS[0]!;
  const labelled = (label: string, v: string | null) =>
    new TableRow({ cantSplit: true, children: [cell(label, { header: true, width: COLUMNS[0]! }), cell(v ?? '', { span: 5, left: true, width: rest })] });
  const docRow = (r: ServiceTableRow) =>
    new TableRow({
      cantSplit: true,
      height: { value: twipsOfMm(SERVICE_ROW_MM), rule: HeightRule.ATLEAST },
      children: [r.document, r.place ?? '', r.method ?? '', r.servedOn ?? '', r.server ?? '', ''].map((t, i) =>
        cell(t, { left: i < 2, width: COLUMNS[i]! }),
      ),
    });
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      labelled('案由', b.caseName),
      labelled('受送达人', b.recipient),
      new TableRow({ cantSplit: true, children: SERVICE_COLUMN_LABELS.map((h, i) => cell(h, { header: true, width: COLUMNS[i]! })) }),
      ...b.rows.map(docRow),
      labelled('备注', b.remarks),
    ],
  });
}

/** Paragraph styles, named in Chinese so that a clerk editing in Word or WPS sees what each is. */
const STYLES = {
  title: { id: 'NoticeTitle', name: '文书标题', run: { font: font(DOCX_FONTS.title), size: halfPoints(SIZE_PT.title) }, paragraph: { alignment: AlignmentType.CENTER } },
  heading: {
    id: 'NoticeHeading',
    name: '文书小标题',
    run: { font: font(DOCX_FONTS.hei) },
    paragraph: { keepNext: true, indent: { firstLine: indentChars(2), firstLineChars: 200 } },
  },
  body: { id: 'NoticeBody', name: '文书正文', paragraph: { alignment: AlignmentType.BOTH, indent: { firstLine: indentChars(2), firstLineChars: 200 } } },
} as const;

interface Place {
  /** One empty grid line after the block (under the title and the number). */
  gap: boolean;
  /** The block follows an @分页. */
  breakBefore: boolean;
  /** The block must stay on the page of the next one (the paragraph before the 落款). */
  keepNext: boolean;
}

function block(b: FilledBlock, at: Place): Paragraphs {
  const common = {
    ...(at.breakBefore ? { pageBreakBefore: true } : {}),
    ...(at.keepNext ? { keepNext: true, keepLines: true } : {}),
    spacing: { ...exactLine, after: at.gap ? LINE_PITCH_TWIPS : 0 },
  };
  switch (b.kind) {
    case 'title':
      return [para(runs(b.runs), { ...common, style: STYLES.title.id })];
    case 'heading':
      return [para(runs(b.runs), { ...common, style: STYLES.heading.id })];
    case 'paragraph':
      return [para(runs(b.runs), { ...common, style: STYLES.body.id })];
    case 'flush':
      return [para(runs(b.runs), { ...common, alignment: AlignmentType.BOTH })];
    case 'number':
      return [para(runs([b.run]), { ...common, alignment: AlignmentType.RIGHT })];
    case 'party':
      return b.rows.map((r, i) => {
        const last = i === b.rows.length - 1;
        const place = i === 0 ? common : { spacing: { ...exactLine, after: last && at.gap ? LINE_PITCH_TWIPS : 0 }, ...(last && at.keepNext ? { keepNext: true } : {}) };
        return para(runs([{ text: `${r.label}：` }, r.value ? { text: r.value } : { text: '', style: 'blank' }]), { ...place, alignment: AlignmentType.BOTH });
      });
    case 'signature': {
      const indents = signatureIndents(b.office, b.date);
      // Two empty grid lines above the office name leave room for the seal, which presses on the name and the date.
      const spacing = { ...exactLine, before: 2 * LINE_PITCH_TWIPS };
      return [
        para(lines(b.office), { ...common, spacing, keepNext: true, keepLines: true, alignment: AlignmentType.RIGHT, indent: { right: indentChars(indents.office) } }),
        para(lines(b.date), { alignment: AlignmentType.RIGHT, keepLines: true, indent: { right: indentChars(indents.date) } }),
      ];
    }
    case 'serviceTable':
      return [...(at.breakBefore ? [new Paragraph({ children: [new PageBreak()] })] : []), serviceTable(b)];
    case 'pageBreak':
      return [];
  }
}

/** A footer with the page number as — 1 —, on the right (odd pages) or the left (even pages), one character in. */
function pageNumberFooter(side: 'left' | 'right'): Footer {
  const oneChar = halfPoints(SIZE_PT.pageNumber) * 10; // 14 pt in twips
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        spacing: { line: oneChar, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ font: font(DOCX_FONTS.song), size: halfPoints(SIZE_PT.pageNumber), children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The notice as a .docx (A4, GB/T 9704 margins and grid, fonts, page numbers) for Word and WPS. */
export async function noticeDocx(template: ParsedTemplate, model: NoticeModel): Promise<Buffer> {
  const blocks = fillTemplate(template, model);
  const head = (b: FilledBlock | undefined) => b?.kind === 'title' || b?.kind === 'number';
  const children: Paragraphs = [];
  blocks.forEach((b, i) => {
    const gap = head(b) && !head(blocks[i + 1]) && i + 1 < blocks.length;
    children.push(...block(b, { gap, breakBefore: blocks[i - 1]?.kind === 'pageBreak', keepNext: blocks[i + 1]?.kind === 'signature' }));
  });
  const doc = new Document({
    title: [model.title, model.number].filter(Boolean).join(' '),
    creator: model.office.name,
    lastModifiedBy: model.office.name,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(DOCX_FONTS.fangsong), size: halfPoints(SIZE_PT.body), characterSpacing: BODY_CHAR_SPACING, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exactLine },
        },
      },
      paragraphStyles: Object.values(STYLES).map((st) => ({ ...st, basedOn: 'Normal', next: 'Normal', quickFormat: true })),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
            margin: { top: PAGE_TWIPS.top, right: PAGE_TWIPS.right, bottom: PAGE_TWIPS.bottom, left: PAGE_TWIPS.left, header: 851, footer: FOOTER_TWIPS, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH_TWIPS },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
