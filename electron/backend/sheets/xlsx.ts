// Reading .xlsx: one worksheet, streamed, without loading the workbook (see worksheet.ts).
import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import { AppError } from '../../../shared/errors';
import { corruptFile, encryptedFile, wrongKindOfFile, type SheetRow, type SheetSource } from './source';
import { readDateStyles, readSharedStrings, worksheetRows, type WorksheetContext } from './worksheet';
import { isEncryptedEntry, readZipDirectory, readZipEntry, ZipFormatError, type ZipEntry } from './zip';

/** Parts we read whole (workbook.xml, relationships) are small; anything bigger is not a real workbook. */
const MAX_SMALL_PART = 16 * 1024 * 1024;
/** styles.xml and sharedStrings.xml are read whole too; the strings of a big sheet take tens of MB. */
const MAX_STRINGS_PART = 256 * 1024 * 1024;
/** Worksheet parts up to this size are looked into to tell an empty sheet from one with data. */
const PEEK_SHEET_BYTES = 256 * 1024;
/** A cell value: <v> (numbers, shared strings, formula results) or <is> (inline strings). */
const VALUE_ELEMENT = /<(?:[\w.-]+:)?(?:v|is)\b/;
/** A worksheet part this big without a single <row> is not a worksheet we understand. */
const UNREADABLE_SHEET_BYTES = 4096;

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

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

/** The shared strings and date styles the worksheet's cells refer to. */
async function cellContext(fh: Parameters<typeof readZipEntry>[0], p: XlsxPlan): Promise<WorksheetContext> {
  const text = async (e: ZipEntry | undefined): Promise<string | null> => (e ? (await readZipEntry(fh, e, MAX_STRINGS_PART)).toString('utf8') : null);
  const shared = await text(p.sharedStrings);
  const styles = await text(p.styles);
  return {
    sharedStrings: shared === null ? [] : readSharedStrings(shared),
    dateStyles: styles === null ? [] : readDateStyles(styles),
    date1904: p.date1904,
  };
}

async function* readRows(path: string, name: string, p: XlsxPlan): AsyncGenerator<SheetRow> {
  const seen = { rows: 0 };
  try {
    const fh = await open(path, 'r');
    try {
      yield* worksheetRows(path, fh, p.sheet, await cellContext(fh, p), seen);
    } finally {
      await fh.close();
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw corruptFile(name, e);
  }
  if (seen.rows === 0 && p.sheet.size > UNREADABLE_SHEET_BYTES) throw corruptFile(name, new Error('worksheet has data but no rows were read'));
}
