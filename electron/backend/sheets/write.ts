// Writing one-sheet .xlsx files (exports, lists of rejected rows) with ExcelJS's streaming
// writer: rows go to disk as they come, so 100,000 rows do not sit in memory.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { excelJs, type Style } from './exceljs';
import { AppError } from '../../../shared/errors';

export type CellInput = string | number | null;

export interface XlsxColumn {
  header: string;
  /** In Excel's units (characters of the default font); estimated from the header if absent. */
  width?: number;
}

export interface WriteXlsxOptions {
  sheetName: string;
  /** A bold line above the header, merged across the columns. */
  title?: string;
  columns: readonly XlsxColumn[];
  rows: AsyncIterable<readonly CellInput[]> | Iterable<readonly CellInput[]>;
  /** Called after each data row is written with the count so far; throwing (e.g. on cancel) abandons the file. */
  onRow?: (n: number) => void | Promise<void>;
}

/** Excel refuses to open a file with a longer cell. */
export const MAX_CELL_CHARS = 32_767;
// Give the event loop a turn every so many rows: a synchronous source (an array, a SQLite
// iterator) would otherwise hold it for the whole export, and the server answering other clerks
// runs in the same process. It also lets the zip stream compress as rows come, since ExcelJS's
// writer has no back-pressure of its own. Measured cost: about 10 % of the write time.
const YIELD_EVERY = 500;

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], not blank, no edge apostrophes. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]\u0000-\u001f]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31);
  return cleaned === '' || cleaned.toLowerCase() === 'history' ? 'Sheet1' : cleaned;
}

// Lone surrogates would become U+FFFD on the way to UTF-8 anyway; do it before measuring.
// Control characters are dropped by ExcelJS (XML cannot hold them).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const cellString = (s: string): string => {
  const t = s.replace(LONE_SURROGATE, '\uFFFD');
  return t.length > MAX_CELL_CHARS ? `${t.slice(0, MAX_CELL_CHARS - 1)}…` : t;
};

const cellValue = (v: CellInput | undefined): string | number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  // Always a string cell: text beginning with = + - @ is data, never a formula. ExcelJS only makes
  // formulas from { formula } objects, and plain strings are written as string cells.
  return cellString(v);
};

/** Display width of a header: CJK characters take two columns. */
const textWidth = (s: string): number => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);

const columnLetter = (n: number): string => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

// ExcelJS gives every new cell a style object of its own, and its style table looks a style up by
// that object's identity before rendering it to XML for comparison; the render is most of the
// writer's time. Data cells carry no style, so they share one object per value type (ExcelJS
// picks the number format from the first cell's type) and the lookup is a hit after the first row.
const PLAIN_TEXT: Partial<Style> = Object.freeze({});
const PLAIN_NUMBER: Partial<Style> = Object.freeze({});

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Abortable {
  zip?: { abort?: () => void };
}

/**
 * Writes rows to a new .xlsx at filePath (one sheet; optional title line; bold, frozen header with
 * an auto filter; every string a string cell, never a formula) and returns how many data rows
 * it wrote. The file appears only when complete: an error or a throwing onRow leaves nothing.
 */
export async function writeXlsx(filePath: string, options: WriteXlsxOptions): Promise<{ rows: number }> {
  const { columns, title } = options;
  if (columns.length === 0) throw new AppError('VALIDATION', '导出的表格没有列');
  const temp = join(dirname(filePath), `.${basename(filePath)}.${randomUUID()}.part`);
  const out = createWriteStream(temp);
  let outError: Error | undefined;
  const outDone = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', (e) => {
      outError = e;
      reject(e);
    });
  });
  // Awaited below; a failure while rows are still being added must not count as unhandled meanwhile.
  outDone.catch(() => undefined);
  const wb = new (excelJs().stream.xlsx.WorkbookWriter)({ stream: out, useSharedStrings: false, useStyles: true });
  const headerRow = title ? 2 : 1;
  const lastColumn = columnLetter(columns.length);
  let n = 0;
  try {
    const ws = wb.addWorksheet(safeSheetName(options.sheetName), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
    });
    ws.columns = columns.map((c) => ({ width: c.width ?? Math.min(50, Math.max(8, textWidth(c.header) + 2)) }));
    ws.autoFilter = `A${headerRow}:${lastColumn}${headerRow}`;
    if (title) {
      const t = ws.addRow([cellString(title)]);
      t.font = { bold: true, size: 14 };
      t.height = 24;
      if (columns.length > 1) ws.mergeCells(1, 1, 1, columns.length);
      t.commit();
    }
    const h = ws.addRow(columns.map((c) => cellString(c.header)));
    h.font = { bold: true };
    h.commit();

    for await (const values of options.rows) {
      // A full disk or a vanished folder: stop now rather than feed a dead stream.
      if (outError) throw outError;
      const row = ws.addRow(Array.from({ length: columns.length }, (_, i) => cellValue(values[i])));
      for (let i = 1; i <= columns.length; i++) {
        const cell = row.getCell(i);
        cell.style = typeof cell.value === 'number' ? PLAIN_NUMBER : PLAIN_TEXT;
      }
      row.commit();
      n++;
      if (options.onRow) await options.onRow(n);
      if (n % YIELD_EVERY === 0) await nextTick();
    }
    ws.commit();
    // The file's own error settles this even when ExcelJS, which listens only from commit on, would wait forever.
    await Promise.all([wb.commit(), outDone]);
    await rename(temp, filePath);
  } catch (e) {
    (wb as unknown as Abortable).zip?.abort?.();
    out.destroy();
    await outDone.catch(() => undefined);
    await rm(temp, { force: true });
    throw renameError(e, filePath);
  }
  return { rows: n };
}

function renameError(e: unknown, filePath: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return new AppError('VALIDATION', `文件无法写入，可能正在 Excel/WPS 中打开：${basename(filePath)}。请关闭后重试。`);
  }
  return e;
}
