// Opening a spreadsheet a clerk picked: .xlsx, .xls or CSV, told apart by content, not by the
// file name (systems export .xls files that are really HTML or CSV, and clerks rename files).
import { open } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import { openCsv } from './csv';
import {
  corruptFile,
  displayName,
  HEADER_ROWS_ALLOWANCE,
  MAX_DATA_ROWS,
  MAX_FILE_BYTES,
  tooManyRows,
  wrongKindOfFile,
  type SheetRow,
  type SheetSource,
} from './source';
import { openXls } from './xls';
import { openXlsx } from './xlsx';

export type { SheetRow, SheetSource } from './source';
export { MAX_DATA_ROWS, MAX_FILE_BYTES } from './source';

const HEAD_BYTES = 4096;

// Files clerks pick by mistake, named so the message says what they picked.
const OTHER_KINDS: { magic: number[]; kind: string }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47], kind: ' PNG 图片' },
  { magic: [0xff, 0xd8, 0xff], kind: ' JPEG 图片' },
  { magic: [0x47, 0x49, 0x46, 0x38], kind: ' GIF 图片' },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: ' PDF 文件' },
  { magic: [0x52, 0x61, 0x72, 0x21], kind: '压缩包（RAR）' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], kind: '压缩包（7z）' },
  { magic: [0x1f, 0x8b], kind: '压缩包（gz）' },
];

const startsWith = (head: Buffer, magic: readonly number[]): boolean => magic.every((b, i) => head[i] === b);

/**
 * Web pages and Excel 2003 XML saved under an .xls name: many systems export these, and Excel opens
 * them with a warning. They are text, so without this they would be read as a CSV of markup.
 */
function markupKind(head: Buffer): string | null {
  const text = head.toString('latin1').replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart().toLowerCase();
  if (text.startsWith('<?xml') && text.includes('urn:schemas-microsoft-com:office:spreadsheet')) return ' Excel 2003 XML 表格';
  if (/^<(!doctype html|html|table|meta|head|body)\b/.test(text) || (text.startsWith('<?xml') && text.includes('<html'))) return '网页（HTML）格式的表格';
  return null;
}

function fileError(name: string, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('VALIDATION', `找不到文件：${name}。请重新选择。`);
  if (code === 'EISDIR') return new AppError('VALIDATION', `选择的是文件夹，不是文件：${name}。`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
    return new AppError('VALIDATION', `文件无法读取，可能正被其他程序占用：${name}。请关闭 Excel/WPS 中打开的这个文件后重试。`);
  }
  return corruptFile(name, e);
}

/** Wraps a reader's rows: enforces the row limit and keeps refusals in the clerk's words. */
function limited(name: string, rows: () => AsyncIterable<SheetRow>): () => AsyncIterable<SheetRow> {
  return async function* () {
    let n = 0;
    try {
      for await (const row of rows()) {
        if (++n > MAX_DATA_ROWS + HEADER_ROWS_ALLOWANCE) throw tooManyRows(name);
        yield row;
      }
    } catch (e) {
      throw e instanceof AppError ? e : corruptFile(name, e);
    }
  };
}

/**
 * Opens a spreadsheet for reading, recognising .xlsx, .xls and CSV (UTF-8, GBK/GB18030, UTF-16
 * "Unicode text") by content. Only one sheet is read: the first visible worksheet that has data
 * (the first visible one if none has). Throws a VALIDATION AppError with a message
 * for the clerk if the file is missing, over 100 MB, damaged, encrypted or not a spreadsheet;
 * iterating rows() throws once the sheet passes 500,000 data rows. Messages name the file by
 * `options.fileName` (what the clerk picked; the file store names files by hash), else by its path.
 */
export async function openSheet(filePath: string, options: { fileName?: string } = {}): Promise<SheetSource> {
  const name = displayName(filePath, options.fileName);
  let head: Buffer;
  let size: number;
  try {
    const fh = await open(filePath, 'r');
    try {
      size = (await fh.stat()).size;
      head = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await fh.read(head, 0, HEAD_BYTES, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw fileError(name, e);
  }
  if (size === 0) throw new AppError('VALIDATION', `文件是空的（0 字节）：${name}。请确认选择了正确的文件。`);
  if (size > MAX_FILE_BYTES) {
    throw new AppError(
      'VALIDATION',
      `文件超过 100 MB（${(size / 1024 / 1024).toFixed(0)} MB）：${name}。请删去无关的工作表和列，或分成几个文件导入。`,
    );
  }

  let source: SheetSource;
  try {
    if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) source = await openXlsx(filePath, name);
    else if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) source = await openXls(filePath, name);
    else {
      const other = OTHER_KINDS.find((k) => startsWith(head, k.magic));
      if (other) throw wrongKindOfFile(name, other.kind);
      const markup = markupKind(head);
      if (markup) {
        throw new AppError(
          'VALIDATION',
          `这是${markup}，只是扩展名像 Excel，不能直接导入：${name}。请用 Excel 或 WPS 打开它，另存为 .xlsx 后再导入。`,
        );
      }
      source = await openCsv(filePath, name);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fileError(name, e);
  }
  return { ...source, rows: limited(name, source.rows) };
}
