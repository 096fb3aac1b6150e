// Writes a laid-out table to .xlsx with ExcelJS's streaming writer: title rows, the merged header,
// bordered body in the format's fonts and number formats, the 合计 row, the footer, column widths
// and print setup (paper, orientation, fit to width, header rows repeated on every page). Text is
// always a string cell; only a column the format marks `formula` writes formulas.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { ReportFont } from '../../../shared/report-format';
import { excelJs, type CellValue, type ExcelJS } from '../sheets/exceljs';
import { safeSheetName } from '../sheets/write';
import type { BuiltTable } from './build';

// ExcelJS's style types, reached through the patched module (lint keeps 'exceljs' itself out).
type Sheet = ReturnType<InstanceType<ExcelJS['Workbook']>['addWorksheet']>;
type XCell = ReturnType<Sheet['getCell']>;
type Alignment = XCell['alignment'];
type Borders = XCell['border'];
type Font = XCell['font'];
type PaperSize = NonNullable<Sheet['pageSetup']['paperSize']>;
type XStyle = XCell['style'];
import type { Cell, TableRow } from './table';

const MAX_CELL_CHARS = 32_767;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const YIELD_EVERY = 500;

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const fontOf = (f: ReportFont, bold = f.bold): Partial<Font> => ({ name: f.name, size: f.size, bold });

/** A string as a cell can hold it: lone surrogates replaced, cut at Excel's limit. */
export const cellText = (s: string): string => {
  const t = s.replace(LONE_SURROGATE, '\uFFFD');
  return t.length > MAX_CELL_CHARS ? `${t.slice(0, MAX_CELL_CHARS - 1)}…` : t;
};

const valueOf = (c: Cell): CellValue => {
  if (c === null || c === undefined) return null;
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  if (typeof c === 'string') return cellText(c);
  return { formula: c.formula };
};

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Display width of a text: CJK characters take two columns. */
const textWidth = (s: string): number => {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x1100 ? 2 : 1;
  return w;
};

/**
 * The height a row needs for its wrapped texts (points), or undefined for one line. Spreadsheet
 * programs do not re-measure rows of a file they open, so wrapped text would overlap otherwise.
 */
export function wrappedHeight(texts: readonly { text: string; width: number }[], fontSize: number, minimum = 0): number | undefined {
  let lines = 1;
  for (const { text, width } of texts) {
    const perLine = Math.max(1, Math.floor(width - 1));
    const n = text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(textWidth(part) / perLine)), 0);
    if (n > lines) lines = n;
  }
  const needed = lines > 1 ? Math.ceil(lines * fontSize * 1.35 + 4) : 0;
  const h = Math.max(needed, minimum);
  return h > 0 ? h : undefined;
}

/** Writes the table to `filePath` (complete or not at all) and returns the number of data rows. */
export async function writeReportXlsx(
  filePath: string,
  t: BuiltTable,
  onRow?: (n: number) => Promise<void> | void,
  /** Sees every written row (the export checks while it writes). */
  onTableRow?: (r: TableRow) => void,
): Promise<{ rows: number }> {
  const d = t.format.definition;
  const { layout } = t;
  const n = layout.columns.length;
  const temp = join(dirname(filePath), `.${basename(filePath)}.${randomUUID()}.part`);
  const out = createWriteStream(temp);
  const outDone = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  outDone.catch(() => undefined);
  // Deflate level 1: about a third of level 6's time for files a few per cent larger.
  const wb = new (excelJs().stream.xlsx.WorkbookWriter)({ stream: out, useSharedStrings: false, useStyles: true, zip: { zlib: { level: 1 } } });
  const headerBottom = layout.headerTop + layout.headerRows - 1;
  let rows = 0;
  try {
    const ws = wb.addWorksheet(safeSheetName(d.sheetName ?? d.name), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: headerBottom, topLeftCell: `A${headerBottom + 1}` }],
      pageSetup: {
        orientation: d.print.orientation,
        // A3 (8) is a valid OOXML paper size missing from ExcelJS's enum.
        paperSize: (d.print.paper === 'A3' ? 8 : 9) as PaperSize,
        fitToPage: d.print.fitToWidth,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        ...(d.print.repeatHeader ? { printTitlesRow: `${layout.headerTop}:${headerBottom}` } : {}),
      },
    });
    ws.columns = layout.columns.map((c) => ({ width: c.def.width }));
    d.title.forEach((title, i) => {
      const row = ws.addRow([cellText(layout.title[i] ?? '')]);
      const cell = row.getCell(1);
      cell.font = fontOf(title.font);
      cell.alignment = { horizontal: title.align, vertical: 'middle', wrapText: false };
      if (title.height) row.height = title.height;
      if (n > 1) ws.mergeCells(row.number, 1, row.number, n);
      row.commit();
    });
    const grid: string[][] = Array.from({ length: layout.headerRows }, () => Array<string>(n).fill(''));
    for (const h of layout.header) grid[h.row]![h.col] = h.text;
    const headerFont = fontOf(d.fonts.header);
    const headerAlign: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
    // The streaming writer merges only rows not yet committed: add the header rows, merge, then commit.
    const headerRows = grid.map((texts) => {
      const row = ws.addRow(texts.map(cellText));
      for (let c = 1; c <= n; c++) {
        const cell = row.getCell(c);
        cell.font = headerFont;
        cell.alignment = headerAlign;
        cell.border = BORDER;
      }
      return row;
    });
    headerRows.forEach((row, level) => {
      const cells = layout.header.filter((h) => h.row === level && h.rowSpan === 1);
      const widths = cells.map((h) => ({ text: h.text, width: layout.columns.slice(h.col, h.col + h.colSpan).reduce((w, c) => w + c.def.width, 0) }));
      const h = wrappedHeight(widths, d.fonts.header.size, d.headerHeight ?? 0);
      if (h) row.height = h;
    });
    for (const h of layout.header) {
      if (h.rowSpan > 1 || h.colSpan > 1) ws.mergeCells(layout.headerTop + h.row, h.col + 1, layout.headerTop + h.row + h.rowSpan - 1, h.col + h.colSpan);
    }
    for (const row of headerRows) row.commit();
    const bodyFont = fontOf(d.fonts.body);
    const totalFont = fontOf(d.fonts.body, true);
    // One style object per column (and per column of the 合计 row), shared by every cell: ExcelJS
    // keys styles by their serialised form, so building one per cell costs most of the write.
    const styleOf = (c: (typeof layout.columns)[number], total: boolean): XStyle => ({
      font: total ? totalFont : bodyFont,
      alignment: (total && c.total === 'label'
        ? { horizontal: 'center', vertical: 'middle' }
        : { horizontal: c.def.align ?? (c.def.seq ? 'center' : c.numeric ? 'right' : 'left'), vertical: 'middle', wrapText: c.def.wrap }) as Alignment,
      border: BORDER as Borders,
      ...(c.def.numFmt ? { numFmt: c.def.numFmt } : {}),
    });
    const bodyStyles = layout.columns.map((c) => styleOf(c, false));
    const totalStyles = layout.columns.map((c) => styleOf(c, true));
    for (const r of t.rows()) {
      onTableRow?.(r);
      const row = ws.addRow(r.cells.map(valueOf));
      const wrapped = r.cells.flatMap((v, c) => (typeof v === 'string' && layout.columns[c]!.def.wrap ? [{ text: v, width: layout.columns[c]!.def.width }] : []));
      const height = wrappedHeight(wrapped, d.fonts.body.size);
      if (height) row.height = height;
      const styles = r.total ? totalStyles : bodyStyles;
      for (let c = 0; c < n; c++) row.getCell(c + 1).style = styles[c]!;
      row.commit();
      if (!r.total) {
        rows++;
        if (onRow) await onRow(rows);
        if (rows % YIELD_EVERY === 0) await nextTick();
      }
    }
    const footerFont = fontOf(d.fonts.footer);
    for (const line of layout.footer) {
      const k = Math.min(line.length, n);
      const values: string[] = Array<string>(n).fill('');
      const starts = Array.from({ length: k }, (_, i) => Math.floor((i * n) / k));
      starts.forEach((s, i) => (values[s] = cellText(i === k - 1 ? line.slice(k - 1).join('　') : line[i]!)));
      const row = ws.addRow(values);
      row.height = Math.max(18, d.fonts.footer.size * 1.8);
      starts.forEach((s) => {
        const cell = row.getCell(s + 1);
        cell.font = footerFont;
        cell.alignment = { horizontal: 'left', vertical: 'middle' };
      });
      starts.forEach((s, i) => {
        const end = (starts[i + 1] ?? n) - 1;
        if (end > s) ws.mergeCells(row.number, s + 1, row.number, end + 1);
      });
      row.commit();
    }
    ws.commit();
    await Promise.all([wb.commit(), outDone]);
    await rename(temp, filePath);
  } catch (e) {
    (wb as unknown as { zip?: { abort?: () => void } }).zip?.abort?.();
    out.destroy();
    await outDone.catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
  return { rows };
}
