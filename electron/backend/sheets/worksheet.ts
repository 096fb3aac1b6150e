// The parts of an .xlsx an import reads: the shared strings, which styles show dates, and the rows
// of one worksheet, streamed from the zip through saxes (the XML parser ExcelJS itself uses).
//
// Why not ExcelJS's streaming reader: it builds a full cell model (addresses, styles, value
// objects) for every cell only for us to turn each back into text, and reading took three of
// every four seconds of a 100,000-row import. This reads the few elements an import needs and
// nothing else; the values come out as ExcelJS gave them (tested against it in xlsx.test.ts).
import { createReadStream } from 'node:fs';
import { createInflateRaw, crc32 } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { booleanText, cleanText, dateCellText, numberText } from './cells';
import type { SheetRow } from './source';
import { ZipFormatError, entryDataStart, type ZipEntry } from './zip';
import type { FileHandle } from 'node:fs/promises';

/** Element names without a namespace prefix (`x:c` and `c` are the same element to us). */
const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

function parser(): SaxesParser {
  // Positions are only for error messages, which the clerk never sees; tracking them costs time.
  return new SaxesParser({ position: false });
}

/**
 * The text of each shared string: its <t> elements in order, rich-text runs joined, phonetic
 * guides (<rPh>, the furigana of East Asian Excel) left out.
 */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const p = parser();
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = '';
  p.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') {
      inItem = true;
      text = '';
    } else if (name === 'rPh') phonetic++;
    else if (name === 't' && inItem && phonetic === 0) inText = true;
  });
  const onText = (t: string) => {
    if (inText) text += t;
  };
  p.on('text', onText);
  p.on('cdata', onText);
  p.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si') {
      strings.push(text);
      inItem = false;
    }
  });
  p.write(xml).close();
  return strings;
}

// Built-in number formats that show dates or times, by id: the western ones every Excel knows and
// the Chinese (East Asian) ones 27–36 and 50–58, which styles.xml names by id only.
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A number format that shows a date or time (letters outside quotes, brackets and escapes). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt
    .replace(/\\./g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cell style (the `s` of a cell), whether its number format shows a date or time. */
export function readDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const styles: number[] = [];
  const p = parser();
  let inCellXfs = false;
  p.on('opentag', (tag) => {
    const name = localName(tag.name);
    const attr = tag.attributes as Record<string, string>;
    if (name === 'numFmt') custom.set(Number(attr['numFmtId']), attr['formatCode'] ?? '');
    else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'xf' && inCellXfs) styles.push(Number(attr['numFmtId'] ?? 0));
  });
  p.on('closetag', (tag) => {
    if (localName(tag.name) === 'cellXfs') inCellXfs = false;
  });
  p.write(xml).close();
  return styles.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)) : BUILT_IN_DATE_FORMATS.has(id)));
}

const serialToDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** Excel's last column, XFD, 0-based. */
const LAST_COLUMN = 16383;

/** 0-based column of a cell reference such as "AB12", or -1 if it has no column letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

export interface WorksheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** A cell's text, from its type (`t`), style, value (<v>) and inline string (<is>). */
function cellText(type: string | undefined, style: number, v: string | null, inline: string | null, ctx: WorksheetContext): string | null {
  switch (type) {
    case 's': {
      if (v === null) return null;
      const s = ctx.sharedStrings[Number(v)];
      return s === undefined ? null : cleanText(s);
    }
    case 'inlineStr':
      return inline === null ? (v === null ? null : cleanText(v)) : cleanText(inline);
    case 'str':
      return v === null ? null : cleanText(v);
    case 'b':
      return v === null || v.trim() === '' ? null : booleanText(Number(v) !== 0);
    case 'e':
      return null;
    case 'd': {
      if (v === null || v.trim() === '') return null;
      // An ISO 8601 date; without a zone it is the date as typed, read as UTC like every date here.
      const iso = v.trim();
      return dateCellText(new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`));
    }
    default: {
      if (v === null || v.trim() === '') return null;
      const n = Number(v);
      if (Number.isNaN(n)) return cleanText(v);
      return ctx.dateStyles[style] ? dateCellText(serialToDate(n, ctx.date1904)) : numberText(n);
    }
  }
}

/** Rows of worksheet XML, pushed into `out` as each row element closes. */
function worksheetParser(ctx: WorksheetContext, out: SheetRow[], seen: { rows: number }): SaxesParser {
  const p = parser();
  let rowNumber = 0;
  let cells: (string | null)[] = [];
  let hasCells = false;
  let col = -1;
  let type: string | undefined;
  let style = 0;
  let v: string | null = null;
  let inline: string | null = null;
  // What text goes where: 1 the value, 2 an inline string's text; 0 nowhere.
  let capture = 0;
  let inInline = false;
  let phonetic = 0;
  p.on('opentag', (tag: SaxesTagPlain) => {
    switch (localName(tag.name)) {
      case 'row': {
        const r = Number(tag.attributes['r']);
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        seen.rows++;
        cells = [];
        hasCells = false;
        col = -1;
        break;
      }
      case 'c': {
        const ref = tag.attributes['r'];
        const at = ref === undefined ? -1 : columnOf(ref);
        col = at >= 0 ? at : col + 1;
        if (col > LAST_COLUMN) throw new Error(`cell ${ref ?? ''} beyond Excel's last column`);
        type = tag.attributes['t'];
        const s = tag.attributes['s'];
        style = s === undefined ? 0 : Number(s);
        v = null;
        inline = null;
        break;
      }
      case 'v':
        capture = 1;
        v = '';
        break;
      case 'is':
        inInline = true;
        inline = '';
        break;
      case 'rPh':
        phonetic++;
        break;
      case 't':
        if (inInline && phonetic === 0) capture = 2;
        break;
    }
  });
  const onText = (t: string) => {
    if (capture === 1) v += t;
    else if (capture === 2) inline += t;
  };
  p.on('text', onText);
  p.on('cdata', onText);
  p.on('closetag', (tag) => {
    switch (localName(tag.name)) {
      case 'v':
      case 't':
        capture = 0;
        break;
      case 'is':
        inInline = false;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'c': {
        const text = cellText(type, style, v, inline, ctx);
        if (text !== null) {
          cells[col] = text;
          hasCells = true;
        }
        break;
      }
      case 'row':
        if (hasCells) out.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
        break;
    }
  });
  return p;
}

/**
 * The non-empty rows of a worksheet entry, read as the file streams in. Throws ZipFormatError
 * when the compressed data is damaged or does not match the size and checksum the zip records,
 * and saxes' Error when the XML is not well formed. Counts the <row> elements in `seen.rows`.
 */
export async function* worksheetRows(
  path: string,
  fh: FileHandle,
  entry: ZipEntry,
  ctx: WorksheetContext,
  seen: { rows: number },
): AsyncGenerator<SheetRow> {
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`);
  const start = await entryDataStart(fh, entry);
  const rows: SheetRow[] = [];
  const p = worksheetParser(ctx, rows, seen);
  const file = createReadStream(path, { start, end: Math.max(start, start + entry.compressedSize - 1), highWaterMark: 1 << 18 });
  const inflate = entry.method === 8 ? createInflateRaw({ chunkSize: 1 << 18 }) : null;
  const source = inflate ? file.pipe(inflate) : file;
  file.on('error', (e) => inflate?.destroy(e));
  const decoder = new TextDecoder('utf-8');
  let size = 0;
  let crc = 0;
  try {
    if (entry.compressedSize > 0) {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > entry.size) throw new ZipFormatError(`${entry.name}: more data than the recorded ${entry.size} bytes`);
        crc = crc32(chunk, crc);
        p.write(decoder.decode(chunk, { stream: true }));
        if (rows.length) yield* rows.splice(0);
      }
    }
    p.write(decoder.decode());
    p.close();
    if (rows.length) yield* rows.splice(0);
  } catch (e) {
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('Z_')) throw new ZipFormatError(`${entry.name}: ${e.message}`);
    throw e;
  } finally {
    file.destroy();
    inflate?.destroy();
  }
  if (size !== entry.size || crc >>> 0 !== entry.crc32 >>> 0) throw new ZipFormatError(`${entry.name}: size or checksum does not match`);
}
