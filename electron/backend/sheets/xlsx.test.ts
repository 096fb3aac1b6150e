// The .xlsx reader against ExcelJS's own streaming reader: every cell of a mixed workbook the
// same text, whichever way it is read.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/tmp';
import { booleanText, cleanText, dateCellText, numberText } from './cells';
import { excelJs, type CellValue } from './exceljs';
import { openSheet, type SheetRow } from './read';

const ExcelJS = excelJs();

/** A cell as ExcelJS models it, turned into text the way the import wants it. */
function excelJsText(value: CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return booleanText(value);
  if (value instanceof Date) return dateCellText(value);
  if ('error' in value) return null;
  if ('richText' in value) return cleanText(value.richText.map((r) => r.text).join(''));
  if ('formula' in value) return value.result === undefined ? null : excelJsText(value.result as CellValue);
  if ('text' in value) return typeof value.text === 'string' ? cleanText(value.text) : null;
  return null;
}

async function readWithExcelJs(path: string): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore' });
  for await (const ws of reader) {
    for await (const row of ws) {
      const cells: (string | null)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const t = excelJsText(cell.value);
        if (t !== null) cells[col - 1] = t;
      });
      if (cells.length) rows.push({ row: row.number, cells: Array.from(cells, (c) => c ?? null) });
    }
    break;
  }
  return rows;
}

/** A deterministic sequence in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const NAMES = ['华容县鑫源商贸有限公司', '东山镇  老王副食店 ', '  ', 'A&B <商行>', '"引号"', '=SUM(A1)', '\u3000全角空格\u3000', '𠀋汉字扩展', 'Café'];

describe('reading .xlsx', () => {
  it('gives every cell of a mixed workbook the same text as ExcelJS', async () => {
    const path = join(tempDir(), 'mixed.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名录');
    const next = random(7);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    for (let r = 1; r <= 1500; r++) {
      // Some rows and cells are left empty.
      if (next() < 0.05) continue;
      const row = ws.getRow(r);
      for (let c = 1; c <= 12; c++) {
        if (next() < 0.1) continue;
        const cell = row.getCell(c);
        const kind = Math.floor(next() * 10);
        if (kind === 0) cell.value = pick(NAMES);
        else if (kind === 1) cell.value = Math.round(next() * 1e6) / 100;
        else if (kind === 2) cell.value = 430623000000000 + Math.floor(next() * 1e6);
        else if (kind === 3) {
          cell.value = new Date(Date.UTC(1990 + Math.floor(next() * 35), Math.floor(next() * 12), 1 + Math.floor(next() * 28)));
          cell.numFmt = pick(['yyyy"年"m"月"d"日"', 'yyyy/m/d', 'yyyy-mm-dd hh:mm']);
        } else if (kind === 4) cell.value = next() < 0.5;
        else if (kind === 5) cell.value = { formula: `A${r}&"x"`, result: `${pick(NAMES)}x` };
        else if (kind === 6) cell.value = { richText: [{ text: pick(NAMES) }, { text: '分店', font: { bold: true } }] };
        else if (kind === 7) cell.value = { error: '#N/A' };
        else if (kind === 8) cell.value = { formula: `B${r}*2`, result: Math.round(next() * 1000) / 7 };
        else cell.value = { text: pick(NAMES), hyperlink: 'https://example.com/' };
      }
      row.commit();
    }
    await wb.xlsx.writeFile(path);
    const ours: SheetRow[] = [];
    for await (const r of (await openSheet(path)).rows()) ours.push(r);
    const theirs = await readWithExcelJs(path);
    expect(theirs.length).toBeGreaterThan(1300);
    expect(ours).toEqual(theirs);
  });
});
