import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { tempDir } from '../../../tests/helpers/tmp';
import { sniffDelimiter } from './csv';
import { openSheet, type SheetRow } from './read';

const TABLE = '企业名称,统一社会信用代码,住所\r\n华容县甲有限公司,91430623MA4L000001,章华镇\r\n乙商行,,"东山镇,人民路 8 号"\r\n';
const EXPECTED: SheetRow[] = [
  { row: 1, cells: ['企业名称', '统一社会信用代码', '住所'] },
  { row: 2, cells: ['华容县甲有限公司', '91430623MA4L000001', '章华镇'] },
  { row: 3, cells: ['乙商行', null, '东山镇,人民路 8 号'] },
];

async function read(path: string): Promise<{ encoding: string | null; rows: SheetRow[] }> {
  const src = await openSheet(path);
  expect(src.format).toBe('csv');
  const rows: SheetRow[] = [];
  for await (const r of src.rows()) rows.push(r);
  return { encoding: src.encoding, rows };
}

describe('reading CSV', () => {
  it('reads UTF-8 with and without BOM, and GBK, whatever the extension', async () => {
    const dir = tempDir();
    const cases: [string, Buffer, string][] = [
      ['utf8.csv', Buffer.from(TABLE, 'utf8'), 'utf-8'],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TABLE, 'utf8')]), 'utf-8'],
      ['gbk.csv', iconv.encode(TABLE, 'gbk'), 'gb18030'],
      // Systems export CSV under an .xls name; the content decides.
      ['导出.xls', iconv.encode(TABLE, 'gbk'), 'gb18030'],
    ];
    for (const [name, bytes, encoding] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      expect(await read(path), name).toEqual({ encoding, rows: EXPECTED });
    }
    expect((await openSheet(join(dir, 'gbk.csv'), { fileName: '企业名录.csv' })).sheetName).toBe('企业名录');
  });

  it('finds GBK even when the first 64 KB are plain ASCII', async () => {
    const path = join(tempDir(), 'late.csv');
    const ascii = 'code,no\r\n' + 'A,1\r\n'.repeat(20_000);
    writeFileSync(path, Buffer.concat([Buffer.from(ascii), iconv.encode('华容县,2\r\n', 'gbk')]));
    const { encoding, rows } = await read(path);
    expect(encoding).toBe('gb18030');
    expect(rows.at(-1)?.cells).toEqual(['华容县', '2']);
  });

  it('reads Excel\'s "Unicode text" export: UTF-16LE with BOM, tab-separated', async () => {
    const path = join(tempDir(), 'unicode.txt');
    const text = TABLE.replace(/,(?=[^"]*(?:"[^"]*"[^"]*)*$)/gm, '\t');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await read(path)).toEqual({ encoding: 'utf-16le', rows: EXPECTED });
  });

  it('keeps quoted commas, quotes and line breaks inside their cell, and numbers rows as Excel does', async () => {
    const path = join(tempDir(), 'quoted.csv');
    writeFileSync(
      path,
      [
        '名称;地址;备注',
        '"甲; 公司";"章华镇\n人民路 8 号";"他说""好"""',
        '',
        '乙;="0430623";\u00a0 ',
        '丙',
      ].join('\r\n'),
    );
    const { rows } = await read(path);
    expect(rows).toEqual([
      { row: 1, cells: ['名称', '地址', '备注'] },
      { row: 2, cells: ['甲; 公司', '章华镇\n人民路 8 号', '他说"好"'] },
      // Row 3 is blank; ="…" is Excel's way of keeping leading zeros.
      { row: 4, cells: ['乙', '0430623'] },
      { row: 5, cells: ['丙'] },
    ]);
  });

  it('refuses a quote that is never closed, naming the row', async () => {
    const path = join(tempDir(), 'broken.csv');
    writeFileSync(path, '名称,地址\n甲,"章华镇\n乙,东山镇\n');
    const src = await openSheet(path);
    const err = await (async () => {
      for await (const _r of src.rows());
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain('CSV 文件第 2 行起有一个引号没有配对');
  });

  it('sniffs the delimiter from the lines that agree', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n', true)).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n1,5\t2\t3\n', true)).toBe('\t');
    expect(sniffDelimiter('名称;地址\n"甲,乙";丙\n', true)).toBe(';');
    expect(sniffDelimiter('只有一列\n第二行\n', true)).toBe(',');
  });
});
