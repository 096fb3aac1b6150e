// Reading CSV and Excel's "Unicode text" exports: encoding and delimiter are guessed from the
// bytes, because offices get these files from systems that say nothing about either.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { AppError } from '../../../shared/errors';
import { cleanText } from './cells';
import type { SheetRow, SheetSource } from './source';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

const HEAD_BYTES = 64 * 1024;
/** Share of control characters above which a file is binary, not text. */
const MAX_CONTROL_SHARE = 0.01;
/** A record longer than this is an unclosed quote swallowing the file, not data. */
const MAX_RECORD_CHARS = 1024 * 1024;
const DELIMITERS = [',', '\t', ';'] as const;

// C0 controls other than tab, LF, FF, CR and Ctrl-Z (which old DOS tools append).
const isControlByte = (b: number): boolean => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a;

const notText = (name: string): AppError =>
  new AppError('VALIDATION', `文件不是表格，也不是文本格式的 CSV：${name}。请选择 Excel（.xlsx/.xls）或 CSV 文件。`);

interface Encoding {
  encoding: TextEncoding;
  bomLength: number;
}

function bomOf(head: Buffer): Encoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return null;
}

/**
 * Without a BOM: UTF-8 if the whole file decodes strictly as UTF-8, otherwise GB18030 (a superset
 * of GBK and GB2312, what Chinese Excel and most domestic systems write). The whole file is
 * checked, streaming, because a GBK file can open with a page of plain ASCII.
 */
async function detectWithoutBom(path: string): Promise<{ encoding: TextEncoding; controlShare: number }> {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  let controls = 0;
  let total = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    total += buf.length;
    for (let i = 0; i < buf.length; i++) if (isControlByte(buf[i] as number)) controls++;
    if (utf8) {
      try {
        strict.decode(buf, { stream: true });
      } catch {
        utf8 = false;
      }
    }
  }
  if (utf8) {
    try {
      strict.decode();
    } catch {
      utf8 = false;
    }
  }
  return { encoding: utf8 ? 'utf-8' : 'gb18030', controlShare: total === 0 ? 0 : controls / total };
}

function controlShareOfText(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && isControlByte(c)) || c === 0xfffd) bad++;
  }
  return bad / text.length;
}

/** The delimiter that splits the first lines into the same number of fields most consistently; comma if none does. */
export function sniffDelimiter(sample: string, complete: boolean): string {
  // Logical lines: a newline inside quotes belongs to the field.
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of sample) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      if (current.trim() !== '') lines.push(current);
      current = '';
      if (lines.length >= 30) break;
    } else current += ch;
  }
  // The last line of a sample cut from a longer file is probably cut short.
  if (complete && current.trim() !== '' && lines.length < 30) lines.push(current);

  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => {
      let n = 0;
      let q = false;
      for (const ch of line) {
        if (ch === '"') q = !q;
        else if (ch === delimiter && !q) n++;
      }
      return n;
    });
    const freq = new Map<number, number>();
    for (const n of counts) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    // Lines sharing the most common non-zero count, weighted a little by how many fields that is.
    let score = 0;
    for (const [n, lineCount] of freq) score = Math.max(score, lineCount * 1000 + n);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Opens a CSV or tab-separated text file: detects the encoding and the delimiter. */
export async function openCsv(path: string, name: string): Promise<SheetSource> {
  const fh = await open(path, 'r');
  let head: Buffer;
  let size: number;
  try {
    size = (await fh.stat()).size;
    const buf = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }

  let enc = bomOf(head);
  if (!enc) {
    const found = await detectWithoutBom(path);
    if (found.controlShare > MAX_CONTROL_SHARE) throw notText(name);
    enc = { encoding: found.encoding, bomLength: 0 };
  }
  const headText = new TextDecoder(enc.encoding).decode(head.subarray(enc.bomLength), { stream: true });
  // GB18030 decodes nearly any bytes, so garbage shows up as control and replacement characters.
  if (controlShareOfText(headText) > MAX_CONTROL_SHARE) throw notText(name);
  const delimiter = sniffDelimiter(headText, head.length === size);
  const { encoding, bomLength } = enc;

  return {
    format: 'csv',
    encoding,
    sheetName: name.replace(/\.[^.]*$/, ''),
    rows: () => readRows(path, name, encoding, bomLength, delimiter),
  };
}

async function* decoded(path: string, encoding: TextEncoding, start: number): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of createReadStream(path, { start, highWaterMark: 1 << 18 })) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Excel's trick for keeping long numbers as text in a CSV: ="0123456789" shows as 0123456789. */
const unwrapFormulaText = (s: string): string => {
  const m = /^="(.*)"$/s.exec(s);
  return m ? (m[1] ?? '').replace(/""/g, '"') : s;
};

async function* readRows(path: string, name: string, encoding: TextEncoding, bomLength: number, delimiter: string): AsyncGenerator<SheetRow> {
  const source = Readable.from(decoded(path, encoding, bomLength));
  const parser = parse({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    bom: false,
    max_record_size: MAX_RECORD_CHARS,
  });
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  // Row numbers count records, as Excel numbers rows: a quoted field's line breaks stay inside its row.
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      let last = -1;
      const cells = record.map((raw, i) => {
        const text = cleanText(unwrapFormulaText(raw));
        if (text !== null) last = i;
        return text;
      });
      if (last >= 0) yield { row, cells: cells.slice(0, last + 1) };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as Partial<CsvError>).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_MAX_RECORD_SIZE') {
      throw new AppError(
        'VALIDATION',
        `CSV 文件第 ${row + 1} 行起有一个引号没有配对，后面的内容无法分行：${name}。请用 Excel 打开检查该行，另存为 .xlsx 后再导入。`,
      );
    }
    throw new AppError('VALIDATION', `CSV 文件无法读取：${name}。请用 Excel 打开确认，另存为 .xlsx 后再导入。`, {
      cause: e instanceof Error ? e.message : String(e),
    });
  } finally {
    source.destroy();
    parser.destroy();
  }
}
