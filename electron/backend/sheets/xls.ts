// Reading legacy .xls (BIFF, Excel 97–2003 and what WPS still saves) with SheetJS. The format
// has no streaming reader: the whole workbook is parsed in memory, which BIFF8's own limit of
// 65,536 rows keeps bounded.
import { readFile } from 'node:fs/promises';
import type * as SheetJsModule from '@e965/xlsx';
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import { booleanText, cleanText, dateCellText, numberText } from './cells';
import { corruptFile, encryptedFile, wrongKindOfFile, type SheetRow, type SheetSource } from './source';

type SheetJs = typeof SheetJsModule;

let loaded: Promise<SheetJs> | undefined;
/** SheetJS is large and only needed for .xls: load it, with the code pages of pre-97 files, on first use. */
function sheetJs(): Promise<SheetJs> {
  loaded ??= (async () => {
    const [xlsx, cptable] = await Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel')]);
    xlsx.set_cptable(cptable);
    return xlsx;
  })();
  return loaded;
}

// An Office-encrypted .xlsx is an OLE2 container holding these streams (names in UTF-16LE).
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const WORD_DOCUMENT = Buffer.from('WordDocument', 'utf16le');

function cellText(cell: CellObject | undefined, x: SheetJs, date1904: boolean): string | null {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cleanText(cell.v) : null;
    case 'b':
      return booleanText(cell.v === true);
    case 'n': {
      if (typeof cell.v !== 'number') return null;
      if (typeof cell.z === 'string' && x.SSF.is_date(cell.z)) {
        const d = new Date(Math.round((cell.v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
        return dateCellText(d);
      }
      return numberText(cell.v);
    }
    case 'd':
      return cell.v instanceof Date ? dateCellText(cell.v) : null;
    default:
      // 'e' (#N/A and other errors) and 'z' (empty)
      return null;
  }
}

function hasData(ws: WorkSheet | undefined): boolean {
  return (ws?.['!data'] ?? []).some((r) => (r ?? []).some((c) => c && c.t !== 'z' && c.t !== 'e' && c.v !== undefined && c.v !== ''));
}

/** Opens a .xls: parses the workbook and picks the first visible worksheet that has data. */
export async function openXls(path: string, name: string): Promise<SheetSource> {
  const bytes = await readFile(path);
  if (bytes.includes(ENCRYPTED_PACKAGE)) throw encryptedFile(name);
  if (bytes.includes(WORD_DOCUMENT) && !bytes.includes(Buffer.from('Workbook', 'utf16le'))) {
    throw wrongKindOfFile(name, ' Word 文档');
  }
  const x = await sheetJs();
  let wb: WorkBook;
  try {
    // Formats kept (cellNF) so dates can be told from numbers; cached formula results only.
    wb = x.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, cellText: false });
  } catch (e) {
    if (e instanceof Error && /password|encrypt/i.test(e.message)) throw encryptedFile(name);
    throw corruptFile(name, e);
  }
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const visible = wb.SheetNames.filter((_n, i) => (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) === 0);
  const sheetName = visible.find((n) => hasData(wb.Sheets[n])) ?? visible[0] ?? wb.SheetNames[0];
  if (sheetName === undefined) throw corruptFile(name);
  const ws = wb.Sheets[sheetName];

  async function* rows(): AsyncGenerator<SheetRow> {
    const data = ws?.['!data'] ?? [];
    for (let r = 0; r < data.length; r++) {
      const source = data[r];
      if (!source) continue;
      const cells: (string | null)[] = [];
      let last = -1;
      for (let c = 0; c < source.length; c++) {
        const text = cellText(source[c], x, date1904);
        cells.push(text);
        if (text !== null) last = c;
      }
      if (last < 0) continue;
      yield { row: r + 1, cells: cells.slice(0, last + 1) };
    }
  }
  return { format: 'xls', encoding: null, sheetName, rows };
}
