import { readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { excelJs } from './exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/tmp';
import { openSheet, type SheetRow } from './read';
import { MAX_CELL_CHARS, safeSheetName, writeXlsx } from './write';
import { readZipDirectory, readZipEntry } from './zip';

const ExcelJS = excelJs();

const RISKY = ['=1+1', '+86 138 0000 0000', '-5', '@SUM(A1)', '\t=cmd|\'/c calc\'!A1', '=HYPERLINK("http://x.cn","点我")'];

/** The worksheet XML of a written file, straight out of the zip. */
async function sheetXml(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const entries = await readZipDirectory(fh, (await fh.stat()).size);
    const sheet = entries.find((e) => /worksheets\/sheet1\.xml$/.test(e.name));
    return (await readZipEntry(fh, sheet!, 64 << 20)).toString('utf8');
  } finally {
    await fh.close();
  }
}

describe('writing .xlsx', () => {
  it('writes text that looks like a formula as plain string cells, and reads back the same', async () => {
    const dir = tempDir();
    const path = join(dir, '导出.xlsx');
    const seen: number[] = [];
    async function* rows() {
      for (const r of RISKY) yield [r, 42, null, '91430623MA4L000001'];
    }
    const result = await writeXlsx(path, {
      sheetName: '企业名录',
      title: '华容县企业名录',
      columns: [{ header: '名称' }, { header: '数量', width: 8 }, { header: '空' }, { header: '统一社会信用代码', width: 22 }],
      rows: rows(),
      onRow: (n) => {
        seen.push(n);
      },
    });
    expect(result).toEqual({ rows: RISKY.length });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(readdirSync(dir)).toEqual(['导出.xlsx']);

    // No formula anywhere in the sheet.
    const xml = await sheetXml(path);
    expect(xml).toContain('=1+1');
    expect(xml).not.toMatch(/<f[\s>]/);

    // Full ExcelJS model: string cells, no formulas, the layout asked for.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('企业名录')!;
    RISKY.forEach((text, i) => {
      const cell = ws.getCell(i + 3, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(text);
      expect(ws.getCell(i + 3, 2).value).toBe(42);
    });
    expect(ws.getCell('A1').value).toBe('华容县企业名录');
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('D2').font?.bold).toBe(true);
    // Data cells share the plain style: no bold carried over, numbers in the General format.
    expect(ws.getCell('A3').font?.bold).toBeFalsy();
    expect(ws.getCell('B3').numFmt ?? 'General').toBe('General');
    expect(ws.model.merges).toEqual(['A1:D1']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:D2');
    expect(ws.getColumn(2).width).toBe(8);
    expect(ws.getColumn(4).width).toBe(22);

    // And through our own reader.
    const back: SheetRow[] = [];
    for await (const r of (await openSheet(path)).rows()) back.push(r);
    expect(back.slice(2).map((r) => r.cells[0])).toEqual(RISKY.map((t) => t.trim()));
    expect(back[1]).toEqual({ row: 2, cells: ['名称', '数量', '空', '统一社会信用代码'] });
  });

  it('takes plain arrays, cuts over-long text to what Excel accepts, and cleans the sheet name', async () => {
    const path = join(tempDir(), 'a.xlsx');
    await writeXlsx(path, {
      sheetName: '未导入的行[2024/01]',
      columns: [{ header: '原因' }],
      rows: [['长'.repeat(40_000)], [3.25], [null], ['末行']],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('未导入的行_2024_01_');
    expect((ws.getCell('A2').value as string).length).toBe(MAX_CELL_CHARS);
    expect(ws.getCell('A3').value).toBe(3.25);
    expect(ws.getCell('A5').value).toBe('末行');
    expect(safeSheetName('  ')).toBe('Sheet1');
    expect(safeSheetName("'引号'")).toBe('引号');
  });

  it('fails, not hangs, when the file cannot be written', async () => {
    const path = join(tempDir(), '没有这个文件夹', 'a.xlsx');
    const err = await writeXlsx(path, { sheetName: 'x', columns: [{ header: '名称' }], rows: [['甲'], ['乙']] }).catch((e: unknown) => e);
    expect((err as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('leaves no file behind when the caller stops it', async () => {
    const dir = tempDir();
    const path = join(dir, 'cancelled.xlsx');
    function* rows() {
      for (let i = 0; i < 10_000; i++) yield [`第${i}行`];
    }
    const err = await writeXlsx(path, {
      sheetName: 'x',
      columns: [{ header: '名称' }],
      rows: rows(),
      onRow: (n) => {
        if (n === 1200) throw new Error('任务已取消');
      },
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('任务已取消');
    expect(readdirSync(dir)).toEqual([]);
  });
});
