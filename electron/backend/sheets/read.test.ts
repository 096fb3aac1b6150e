import { truncateSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { excelJs } from './exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { tempDir } from '../../../tests/helpers/tmp';
import { openSheet, type SheetRow } from './read';

const ExcelJS = excelJs();

async function all(path: string): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const r of (await openSheet(path)).rows()) rows.push(r);
  return rows;
}

/** The AppError a promise rejects with. */
async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe('VALIDATION');
  return e as AppError;
}

/** A zip written by hand, entries deflated, in the given order (as Excel orders them, not as ExcelJS would like). */
function zip(files: [string, string][]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const sheetXml = (rows: string): string => `<?xml version="1.0"?><worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;

/** A workbook as Chinese Excel saves it: built-in 中文 date formats, sheets before sharedStrings, a hidden first sheet. */
function chineseExcelWorkbook(opts: { date1904?: boolean } = {}): Buffer {
  const wb = `<?xml version="1.0"?><workbook ${NS}>${opts.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>
    <sheet name="旧表" sheetId="3" state="hidden" r:id="rId3"/><sheet name="名录" sheetId="1" r:id="rId1"/><sheet name="备用" sheetId="2" r:id="rId2"/></sheets></workbook>`;
  const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
    <Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>
    <Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet3.xml"/>
    <Relationship Id="rId3" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/>
    <Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/>
    <Relationship Id="rId5" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  // cellXfs: 0 General, 1 yyyy"年"m"月"d"日" (31), 2 m/d/yy (14), 3 m"月"d"日" (58), 4 text (49)
  const styles = `<?xml version="1.0"?><styleSheet ${NS}><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>
    <fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
    <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="58" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  const shared = `<?xml version="1.0"?><sst ${NS} count="8" uniqueCount="8">
    <si><t>华容县市场主体名录</t></si><si><t>企业名称</t></si><si><t>成立日期</t></si><si><t>核准日期</t></si><si><t>注册号</t></si><si><t>备注</t></si>
    <si><r><t>乙</t></r><r><rPr><b/></rPr><t xml:space="preserve">商行 </t></r></si><si><t xml:space="preserve">\u00a0 丙\u3000</t></si></sst>`;
  const d = opts.date1904 ? 43567 : 45029; // 2023-04-13 in either date system
  const sheet = sheetXml(`
    <row r="1"><c r="A1" t="s"><v>0</v></c></row>
    <row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c><c r="D3" t="s"><v>4</v></c><c r="E3" t="s"><v>5</v></c></row>
    <row r="4"><c r="A4" t="inlineStr"><is><t>甲公司</t></is></c><c r="B4" s="1"><v>${d}</v></c><c r="C4" s="2"><v>${d}</v></c><c r="D4"><v>430623000012345</v></c><c r="E4" t="str"><f>A4&amp;"x"</f><v>甲公司x</v></c></row>
    <row r="5"><c r="A5" t="s"><v>6</v></c><c r="B5" s="3"><v>${d}.5</v></c><c r="C5" s="1"><f>B4+1</f><v>${d + 1}</v></c><c r="D5" t="e"><v>#N/A</v></c><c r="E5" t="b"><v>1</v></c></row>
    <row r="6"><c r="A6" t="s"><v>7</v></c><c r="B6"><f>1+1</f></c><c r="C6"><v>0.30000000000000004</v></c><c r="D6" s="4" t="s"><v>4</v></c><c r="E6"><v>1.5E-3</v></c></row>
    <row r="7"><c r="A7" t="str"><v>   </v></c></row>`);
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['_rels/.rels', PKG_RELS],
    ['xl/workbook.xml', wb],
    ['xl/_rels/workbook.xml.rels', rels],
    ['xl/worksheets/sheet1.xml', sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>隐藏的表，不应读取</t></is></c></row>')],
    ['xl/worksheets/sheet2.xml', sheet],
    ['xl/worksheets/sheet3.xml', sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>备用表</t></is></c></row>')],
    ['xl/styles.xml', styles],
    ['xl/sharedStrings.xml', shared],
  ]);
}

describe('reading .xlsx', () => {
  it('reads a workbook written by ExcelJS: real and text dates, numbers, formulas, rich text, hyperlinks', async () => {
    const path = join(tempDir(), '名录.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1'); // a blank sheet left in front of the data
    const ws = wb.addWorksheet('企业');
    ws.addRow(['企业名称', '注册号', '成立日期', '文本日期', '公式', '富文本', '网址', '布尔', '错误', '时间']);
    ws.addRow([
      '  华容县某某有限公司\u3000',
      430623000012345,
      new Date(Date.UTC(2023, 3, 13)),
      '2023/4/13',
      { formula: 'B2*2', result: 861246000024690 },
      { richText: [{ text: '富' }, { font: { bold: true }, text: '文本' }] },
      { text: '官网', hyperlink: 'https://example.cn' },
      true,
      { error: '#N/A' },
      new Date(Date.UTC(1899, 11, 30, 8, 30)),
    ]);
    ws.getCell('C2').numFmt = 'yyyy-mm-dd';
    ws.getCell('J2').numFmt = 'hh:mm';
    ws.addRow([]);
    ws.addRow(['第二家', 0.1 + 0.2, 1e-7, { formula: 'A4&"分店"', result: '第二家分店' }, { formula: 'TODAY()', result: 45322 }]);
    ws.getCell('E4').numFmt = 'yyyy"年"m"月"d"日"';
    await wb.xlsx.writeFile(path);

    const src = await openSheet(path);
    expect(src).toMatchObject({ format: 'xlsx', encoding: null, sheetName: '企业' });
    expect(await all(path)).toEqual([
      { row: 1, cells: ['企业名称', '注册号', '成立日期', '文本日期', '公式', '富文本', '网址', '布尔', '错误', '时间'] },
      {
        row: 2,
        cells: ['华容县某某有限公司', '430623000012345', '2023-04-13', '2023/4/13', '861246000024690', '富文本', '官网', '是', null, '08:30:00'],
      },
      // Row 3 is empty: left out, and the next row keeps its number.
      { row: 4, cells: ['第二家', '0.3', '0.0000001', '第二家分店', '2024-01-31'] },
    ]);
  });

  it('reads a workbook as Chinese Excel saves it: built-in 年月日 formats, sheet order, shared and inline strings', async () => {
    const path = join(tempDir(), '中文.xlsx');
    writeFileSync(path, chineseExcelWorkbook());
    const src = await openSheet(path);
    expect(src.sheetName).toBe('名录'); // the hidden first sheet is skipped
    expect(await all(path)).toEqual([
      { row: 1, cells: ['华容县市场主体名录'] },
      { row: 3, cells: ['企业名称', '成立日期', '核准日期', '注册号', '备注'] },
      { row: 4, cells: ['甲公司', '2023-04-13', '2023-04-13', '430623000012345', '甲公司x'] },
      { row: 5, cells: ['乙商行', '2023-04-13', '2023-04-14', null, '是'] },
      { row: 6, cells: ['丙', null, '0.3', '注册号', '0.0015'] },
    ]);
  });

  it('reads dates of a workbook in the 1904 date system', async () => {
    const path = join(tempDir(), 'mac.xlsx');
    writeFileSync(path, chineseExcelWorkbook({ date1904: true }));
    const rows = await all(path);
    expect(rows[2]?.cells.slice(0, 3)).toEqual(['甲公司', '2023-04-13', '2023-04-13']);
  });

  it('can stop early and read again from the start', async () => {
    const path = join(tempDir(), 'big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const ws = wb.addWorksheet('表');
    for (let i = 1; i <= 5000; i++) ws.addRow([`第${i}家`, i]).commit();
    ws.commit();
    await wb.commit();
    const src = await openSheet(path);
    const first: SheetRow[] = [];
    for await (const r of src.rows()) {
      first.push(r);
      if (first.length === 3) break;
    }
    expect(first.map((r) => r.cells)).toEqual([['第1家', '1'], ['第2家', '2'], ['第3家', '3']]);
    let n = 0;
    let last: SheetRow | undefined;
    for await (const r of src.rows()) {
      n++;
      last = r;
    }
    expect(n).toBe(5000);
    expect(last).toEqual({ row: 5000, cells: ['第5000家', '5000'] });
  });

  it('refuses a truncated download', async () => {
    const dir = tempDir();
    const whole = join(dir, 'whole.xlsx');
    writeFileSync(whole, chineseExcelWorkbook());
    const cut = join(dir, '名录.xlsx');
    const bytes = readFileSync(whole);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = await refusal(openSheet(cut));
    expect(e.message).toContain('文件已损坏，或不是 Excel/CSV 文件：名录.xlsx');
    // The file store keeps files under their hash; messages use the name the clerk picked.
    const stored = join(dir, '3f2a9c0d5e');
    writeFileSync(stored, bytes.subarray(0, 1000));
    expect((await refusal(openSheet(stored, { fileName: '华容县名录.xlsx' }))).message).toContain('：华容县名录.xlsx。');
  });

  it('refuses damaged compressed data while reading, in the same words', async () => {
    const path = join(tempDir(), '坏.xlsx');
    const bytes = chineseExcelWorkbook();
    // Scramble the middle of the compressed worksheet (the central directory stays intact).
    const at = bytes.indexOf(Buffer.from('xl/worksheets/sheet2.xml')) + 40;
    for (let i = at; i < at + 200; i++) bytes[i] = (bytes[i] as number) ^ 0x5a;
    writeFileSync(path, bytes);
    const e = await refusal(all(path));
    expect(e.message).toContain('文件已损坏');
  });

  it('refuses an encrypted workbook, a Word document and an unreadable worksheet with their own words', async () => {
    const dir = tempDir();
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.alloc(200, 1));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(8000, 7));
    const encrypted = join(dir, '加密.xlsx');
    writeFileSync(encrypted, XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
    expect((await refusal(openSheet(encrypted))).message).toContain('文件设有打开密码');

    const docx = join(dir, '通知.xlsx');
    writeFileSync(docx, zip([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w:document/>']]));
    expect((await refusal(openSheet(docx))).message).toContain('这是 Word 文档，不是表格：通知.xlsx');

    // A worksheet part with content but not a single row: refused, not read as empty.
    const odd = join(dir, '怪.xlsx');
    const workbookParts = (sheet: string): [string, string][] => [
      ['_rels/.rels', PKG_RELS],
      ['xl/workbook.xml', `<x:workbook ${NS.replace('xmlns=', 'xmlns:x=')}><x:sheets><x:sheet name="数据" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`],
      ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
      ['xl/worksheets/sheet1.xml', sheet],
    ];
    const items = Array.from({ length: 200 }, (_, i) => `<item n="${i}">第${i}家</item>`).join('');
    writeFileSync(odd, zip(workbookParts(`<list>${items}</list>`)));
    expect((await refusal(all(odd))).message).toContain('文件已损坏');
  });

  it('reads worksheet XML with namespace prefixes, entities, CDATA, phonetic guides and cells without references', async () => {
    const dir = tempDir();
    const path = join(dir, '前缀.xlsx');
    const x = NS.replace('xmlns=', 'xmlns:x=');
    const rows = Array.from({ length: 200 }, (_, i) => `<x:row r="${i + 3}"><x:c r="A${i + 3}" t="inlineStr"><x:is><x:t>第${i}家</x:t></x:is></x:c></x:row>`);
    writeFileSync(
      path,
      zip([
        ['_rels/.rels', PKG_RELS],
        ['xl/workbook.xml', `<x:workbook ${x}><x:sheets><x:sheet name="数据" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`],
        ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`],
        ['xl/sharedStrings.xml', `<x:sst ${x}><x:si><x:t>东洞庭</x:t><x:rPh sb="0" eb="3"><x:t>とうどうてい</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si><x:si><x:r><x:t>A&amp;B</x:t></x:r><x:r><x:t><![CDATA[<商行>]]></x:t></x:r></x:si></x:sst>`],
        [
          'xl/worksheets/sheet1.xml',
          `<x:worksheet ${x}><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c/><x:c t="inlineStr"><x:is><x:t>&#x534E;&#23481;&lt;县&gt;</x:t></x:is></x:c></x:row>${rows.join('')}</x:sheetData></x:worksheet>`,
        ],
      ]),
    );
    const read = await all(path);
    expect(read[0]).toEqual({ row: 1, cells: ['东洞庭', 'A&B<商行>', null, '华容<县>'] });
    expect(read).toHaveLength(201);
    expect(read[200]).toEqual({ row: 202, cells: ['第199家'] });
  });
});

describe('reading .xls', () => {
  it('reads the first visible sheet with data of a BIFF8 workbook', async () => {
    const path = join(tempDir(), '老表.xls');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), 'Sheet1');
    const ws = XLSX.utils.aoa_to_sheet(
      [
        ['华容县个体工商户名录'],
        [],
        ['名称', '注册号', '成立日期', '文本日期', '是否年报', '资金'],
        [' 甲商行 ', 430623600012345, new Date(Date.UTC(2023, 3, 13)), '2023年4月13日', true, 12.5],
      ],
      { cellDates: true, dateNF: 'yyyy-mm-dd' },
    );
    XLSX.utils.book_append_sheet(wb, ws, '个体户');
    XLSX.set_fs(await import('node:fs'));
    XLSX.writeFile(wb, path, { bookType: 'biff8' });

    const src = await openSheet(path);
    expect(src).toMatchObject({ format: 'xls', encoding: null, sheetName: '个体户' });
    expect(await all(path)).toEqual([
      { row: 1, cells: ['华容县个体工商户名录'] },
      { row: 3, cells: ['名称', '注册号', '成立日期', '文本日期', '是否年报', '资金'] },
      { row: 4, cells: ['甲商行', '430623600012345', '2023-04-13', '2023年4月13日', '是', '12.5'] },
    ]);
  });
});

describe('refusing what is not a readable spreadsheet', () => {
  it('refuses an empty file, a picture renamed .csv, binary garbage and a file over 100 MB', async () => {
    const dir = tempDir();
    const empty = join(dir, '空.xlsx');
    writeFileSync(empty, '');
    expect((await refusal(openSheet(empty))).message).toContain('文件是空的');

    const png = join(dir, '照片.csv');
    writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 3)]));
    expect((await refusal(openSheet(png))).message).toBe('这是 PNG 图片，不是表格：照片.csv。请选择 Excel（.xlsx/.xls）或 CSV 文件。');

    const garbage = join(dir, '数据.csv');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
    expect((await refusal(openSheet(garbage))).message).toContain('不是文本格式的 CSV');

    const huge = join(dir, '大.csv');
    writeFileSync(huge, 'a,b\n');
    truncateSync(huge, 101 * 1024 * 1024);
    expect((await refusal(openSheet(huge))).message).toContain('文件超过 100 MB');

    expect((await refusal(openSheet(join(dir, '没有.xlsx')))).message).toContain('找不到文件');
  });

  it('refuses web pages and Excel 2003 XML saved under an .xls name, saying how to convert them', async () => {
    const dir = tempDir();
    const html = join(dir, '导出.xls');
    writeFileSync(html, '\ufeff<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>企业名称</td></tr></table></body></html>');
    expect((await refusal(openSheet(html))).message).toBe(
      '这是网页（HTML）格式的表格，只是扩展名像 Excel，不能直接导入：导出.xls。请用 Excel 或 WPS 打开它，另存为 .xlsx 后再导入。',
    );
    const xml = join(dir, '2003.xls');
    writeFileSync(xml, '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>');
    expect((await refusal(openSheet(xml))).message).toContain('这是 Excel 2003 XML 表格');
  });

  it('stops reading past 500,000 data rows', async () => {
    const path = join(tempDir(), '太多.csv');
    writeFileSync(path, '名称\n' + 'x\n'.repeat(500_030));
    const src = await openSheet(path);
    const e = await refusal(
      (async () => {
        for await (const _row of src.rows());
      })(),
    );
    expect(e.message).toContain('表格超过 50 万行');
  });
});
