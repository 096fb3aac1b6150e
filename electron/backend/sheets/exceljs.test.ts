import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/tmp';
import { excelJs } from './exceljs';
import { openSheet } from './read';

const ExcelJS = excelJs();

describe('the streaming xlsx reader', () => {
  it('reads Chinese text whose bytes straddle the zip stream chunks without garbling it', async () => {
    const file = join(tempDir(), '名录.xlsx');
    // Inline strings (no shared-strings table) put the text in the sheet XML, which is read in chunks.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = wb.addWorksheet('名录');
    const expected: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const name = `华容县${'鑫源恒达瑞丰宏发'[i % 8]}${i}号洗涤用品经营部`;
      expected.push(name);
      ws.addRow([name, '存续', '湖南省岳阳市华容县章华镇沿河路']).commit();
    }
    ws.commit();
    await wb.commit();
    const seen: string[] = [];
    for await (const r of (await openSheet(file)).rows()) {
      expect(r.cells[1]).toBe('存续');
      seen.push(r.cells[0] ?? '');
    }
    expect(seen).toEqual(expected);
  });
});
