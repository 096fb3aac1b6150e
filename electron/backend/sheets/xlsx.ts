// Reading .xlsx with ExcelJS's streaming reader, one worksheet, without loading the workbook.
import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import ExcelJS from './exceljs';
import type { CellValue } from './exceljs';
import { AppError } from '../../../shared/errors';
import { booleanText, cleanText, dateCellText, numberText } from './cells';
import { corruptFile, encryptedFile, wrongKindOfFile, type SheetRow, type SheetSource } from './source';
import { isEncryptedEntry, orderedZipStream, readZipDirectory, readZipEntry, ZipFormatError, type ZipEntry, type ZipPart } from './zip';

/** Parts we read whole (workbook.xml, relationships) are small; anything bigger is not a real workbook. */
const MAX_SMALL_PART = 16 * 1024 * 1024;
/** Worksheet parts up to this size are looked into to tell an empty sheet from one with data. */
const PEEK_SHEET_BYTES = 256 * 1024;
/** A cell value: <v> (numbers, shared strings, formula results) or <is> (inline strings). */
const VALUE_ELEMENT = /<(?:[\w.-]+:)?(?:v|is)\b/;
/** A worksheet part this big that yields no row at all is one ExcelJS could not understand (e.g. prefixed XML). */
const UNREADABLE_SHEET_BYTES = 4096;

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

// Built-in number formats 27–36 and 50–58 are dates and times in Chinese (and other East Asian)
// Excel; styles.xml refers to them by id only, and ExcelJS knows only the western built-ins, so
// without these a date typed in a Chinese Excel would come out as a serial number.
const EAST_ASIAN_DATE_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);
const EMPTY_RELS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
);
const workbookXml = (date1904: boolean): Buffer =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${date1904 ? '<workbookPr date1904="1"/>' : ''}</workbook>`,
  );

// ---------------------------------------------------------------------------------------------
// A few attributes out of small XML parts. Prefixes (x:sheet, r:id) vary between producers, so
// elements and attributes are matched by local name.

const decodeXml = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? '';
  });

function elements(xml: string, localName: string): Map<string, string>[] {
  const found: Map<string, string>[] = [];
  const tag = new RegExp(`<(?:[\\w.-]+:)?${localName}\\b([^>]*)>`, 'g');
  for (const m of xml.matchAll(tag)) {
    const attrs = new Map<string, string>();
    for (const a of (m[1] ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const name = (a[1] ?? '').replace(/^[\w.-]+:/, '');
      // r:id and a plain id can both occur; the namespaced one is the relationship id we want.
      if (!attrs.has(name) || (a[1] ?? '').includes(':')) attrs.set(name, decodeXml(a[2] ?? a[3] ?? ''));
    }
    found.push(attrs);
  }
  return found;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** Relationships of a part, their targets resolved to zip paths. */
function relationships(xml: string, sourceDir: string): Relationship[] {
  return elements(xml, 'Relationship')
    .filter((r) => r.get('TargetMode') !== 'External')
    .map((r) => {
      const target = r.get('Target') ?? '';
      const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(sourceDir, target));
      return { id: r.get('Id') ?? '', type: r.get('Type') ?? '', target: path };
    });
}

const relsPathOf = (part: string): string => posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);

// ---------------------------------------------------------------------------------------------

interface XlsxPlan {
  sheetName: string;
  date1904: boolean;
  sheet: ZipEntry;
  styles: ZipEntry | undefined;
  sharedStrings: ZipEntry | undefined;
}

class Entries {
  private readonly byName = new Map<string, ZipEntry>();
  constructor(entries: ZipEntry[]) {
    // Part names in a package are case-insensitive.
    for (const e of entries) this.byName.set(e.name.replace(/^\//, '').toLowerCase(), e);
  }
  get(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }
}

/** Find the first visible worksheet with data (else the first visible one), its name and the parts needed to read it. */
async function plan(path: string, name: string): Promise<XlsxPlan> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const list = await readZipDirectory(fh, size);
    const entries = new Entries(list);
    const text = async (e: ZipEntry): Promise<string> => (await readZipEntry(fh, e, MAX_SMALL_PART)).toString('utf8');

    if (entries.get('word/document.xml')) throw wrongKindOfFile(name, ' Word 文档');
    if (entries.get('ppt/presentation.xml')) throw wrongKindOfFile(name, ' PowerPoint 演示文稿');
    const mimetype = entries.get('mimetype');
    if (mimetype && (await text(mimetype)).includes('opendocument.spreadsheet')) {
      throw new AppError('VALIDATION', `OpenDocument 表格（.ods）不能直接导入：${name}。请用 WPS 或 Excel 打开，另存为 .xlsx 后再导入。`);
    }
    if (entries.get('xl/workbook.bin')) {
      throw new AppError('VALIDATION', `Excel 二进制工作簿（.xlsb）不能直接导入：${name}。请用 Excel 打开，另存为 .xlsx 后再导入。`);
    }
    if (!entries.get('[Content_Types].xml') && !entries.get('xl/workbook.xml')) throw wrongKindOfFile(name, '压缩包（zip）');
    if (list.some(isEncryptedEntry)) throw encryptedFile(name);

    // The main part is named by the package relationships; nearly always xl/workbook.xml.
    const rootRels = entries.get('_rels/.rels');
    const main = rootRels ? relationships(await text(rootRels), '').find((r) => REL_OFFICE_DOCUMENT.test(r.type)) : undefined;
    const workbookPath = main?.target ?? 'xl/workbook.xml';
    const workbook = entries.get(workbookPath);
    if (!workbook) throw new ZipFormatError('no workbook part');
    const wbXml = await text(workbook);
    const wbRelsEntry = entries.get(relsPathOf(workbookPath));
    const rels = wbRelsEntry ? relationships(await text(wbRelsEntry), posix.dirname(workbookPath)) : [];

    const date1904 = elements(wbXml, 'workbookPr').some((p) => ['1', 'true'].includes(p.get('date1904') ?? ''));
    const sheets = elements(wbXml, 'sheet')
      .map((s) => ({ name: s.get('name') ?? '', state: s.get('state') ?? 'visible', rel: rels.find((r) => r.id === s.get('id')) }))
      .filter((s) => s.rel && REL_WORKSHEET.test(s.rel.type) && entries.get(s.rel.target));
    const visible = sheets.filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden');
    let chosen = visible[0] ?? sheets[0];
    // Skip leading empty sheets (a blank Sheet1 left in front of the data is common). Only small
    // parts are looked into; a big one has data.
    for (const s of visible) {
      const e = s.rel ? entries.get(s.rel.target) : undefined;
      if (e && (e.size > PEEK_SHEET_BYTES || VALUE_ELEMENT.test(await text(e)))) {
        chosen = s;
        break;
      }
    }
    const sheet = chosen?.rel ? entries.get(chosen.rel.target) : undefined;
    if (!chosen || !sheet) throw new ZipFormatError('no worksheet');

    // Found by relationship; some producers forget the relationship but use the usual name.
    const partOf = (re: RegExp, usual: string): ZipEntry | undefined => {
      const rel = rels.find((r) => re.test(r.type));
      return (rel ? entries.get(rel.target) : undefined) ?? entries.get(usual);
    };
    return {
      sheetName: chosen.name,
      date1904,
      sheet,
      styles: partOf(REL_STYLES, 'xl/styles.xml'),
      sharedStrings: partOf(REL_SHARED_STRINGS, 'xl/sharedStrings.xml'),
    };
  } finally {
    await fh.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Cell values

/** A number format that shows a date or time (letters outside quotes, brackets and escapes). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt
    .replace(/\\./g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

const serialToDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

function valueText(value: CellValue, numFmt: string | undefined, date1904: boolean): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') {
    // ExcelJS turns numbers into dates itself, but not formula results nor formats it does not
    // recognise as dates.
    return isDateFormat(numFmt) ? dateCellText(serialToDate(value, date1904)) : numberText(value);
  }
  if (typeof value === 'boolean') return booleanText(value);
  if (value instanceof Date) return dateCellText(value);
  if ('error' in value) return null;
  if ('richText' in value) return cleanText(value.richText.map((r) => r.text ?? '').join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    // The cached result; a formula never computed (written by a program) has none.
    const result = (value as { result?: CellValue }).result;
    return result === undefined ? null : valueText(result, numFmt, date1904);
  }
  if ('text' in value) {
    const t = (value as { text: unknown }).text;
    if (typeof t === 'string') return cleanText(t);
    return valueText(t as CellValue, numFmt, date1904);
  }
  return null;
}

interface StylesInternals {
  styles?: { index?: { numFmt?: (string | undefined)[] } };
}

function teachEastAsianDateFormats(reader: unknown): void {
  const index = (reader as StylesInternals).styles?.index?.numFmt;
  if (!index) return;
  for (const [id, code] of Object.entries(EAST_ASIAN_DATE_FORMATS)) index[Number(id)] ??= code;
}

// ---------------------------------------------------------------------------------------------

/** Opens an .xlsx: checks the package is whole and finds its first visible worksheet with data. */
export async function openXlsx(path: string, name: string): Promise<SheetSource> {
  let p: XlsxPlan;
  try {
    p = await plan(path, name);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw corruptFile(name, e);
  }
  const { sheetName } = p;
  return { format: 'xlsx', encoding: null, sheetName, rows: () => readRows(path, name, p) };
}

async function* readRows(path: string, name: string, p: XlsxPlan): AsyncGenerator<SheetRow> {
  const parts: ZipPart[] = [
    { name: 'xl/_rels/workbook.xml.rels', content: EMPTY_RELS },
    { name: 'xl/workbook.xml', content: workbookXml(p.date1904) },
    ...(p.styles ? [{ name: 'xl/styles.xml', entry: p.styles }] : []),
    p.sharedStrings ? { name: 'xl/sharedStrings.xml', entry: p.sharedStrings } : { name: 'xl/sharedStrings.xml', content: EMPTY_SHARED_STRINGS },
    { name: 'xl/worksheets/sheet1.xml', entry: p.sheet },
  ];
  let input: Awaited<ReturnType<typeof orderedZipStream>> | undefined;
  let seenRows = 0;
  try {
    const fh = await open(path, 'r');
    try {
      input = await orderedZipStream(path, fh, parts);
    } finally {
      await fh.close();
    }
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: 'cache',
      styles: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const worksheet of reader) {
      teachEastAsianDateFormats(reader);
      for await (const row of worksheet) {
        seenRows++;
        const cells: (string | null)[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const text = valueText(cell.value, cell.numFmt, p.date1904);
          if (text !== null) cells[col - 1] = text;
        });
        if (cells.length === 0) continue;
        yield { row: row.number, cells: Array.from(cells, (c) => c ?? null) };
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw corruptFile(name, e);
  } finally {
    // A caller that stops early leaves the zip stream paused mid-file: close it.
    input?.destroy();
  }
  if (seenRows === 0 && p.sheet.size > UNREADABLE_SHEET_BYTES) throw corruptFile(name, new Error('worksheet has data but no rows were read'));
}
