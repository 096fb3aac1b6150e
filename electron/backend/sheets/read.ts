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

function fileError(path: string, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('VALIDATION', `找不到文件：${displayName(path)}。请重新选择。`);
  if (code === 'EISDIR') return new AppError('VALIDATION', `选择的是文件夹，不是文件：${displayName(path)}。`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
    return new AppError('VALIDATION', `文件无法读取，可能正被其他程序占用：${displayName(path)}。请关闭 Excel/WPS 中打开的这个文件后重试。`);
  }
  return corruptFile(path, e);
}

/** Wraps a reader's rows: enforces the row limit and keeps refusals in the clerk's words. */
function limited(path: string, rows: () => AsyncIterable<SheetRow>): () => AsyncIterable<SheetRow> {
  return async function* () {
    let n = 0;
    try {
      for await (const row of rows()) {
        if (++n > MAX_DATA_ROWS + HEADER_ROWS_ALLOWANCE) throw tooManyRows(path);
        yield row;
      }
    } catch (e) {
      throw e instanceof AppError ? e : corruptFile(path, e);
    }
  };
}

/**
 * Opens a spreadsheet for reading, recognising .xlsx, .xls and CSV (UTF-8, GBK/GB18030, UTF-16
 * "Unicode text") by content. Only one sheet is read: the first visible worksheet that has data
 * (the first visible one if none has). Throws a VALIDATION AppError with a message
 * for the clerk if the file is missing, over 100 MB, damaged, encrypted or not a spreadsheet;
 * iterating rows() throws once the sheet passes 500,000 data rows.
 */
export async function openSheet(filePath: string): Promise<SheetSource> {
  let head: Buffer;
  let size: number;
  try {
    const fh = await open(filePath, 'r');
    try {
      size = (await fh.stat()).size;
      head = Buffer.alloc(8);
      const { bytesRead } = await fh.read(head, 0, 8, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw fileError(filePath, e);
  }
  if (size === 0) throw new AppError('VALIDATION', `文件是空的（0 字节）：${displayName(filePath)}。请确认选择了正确的文件。`);
  if (size > MAX_FILE_BYTES) {
    throw new AppError(
      'VALIDATION',
      `文件超过 100 MB（${(size / 1024 / 1024).toFixed(0)} MB）：${displayName(filePath)}。请删去无关的工作表和列，或分成几个文件导入。`,
    );
  }

  let source: SheetSource;
  try {
    if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) source = await openXlsx(filePath);
    else if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) source = await openXls(filePath);
    else {
      const other = OTHER_KINDS.find((k) => startsWith(head, k.magic));
      if (other) throw wrongKindOfFile(filePath, other.kind);
      source = await openCsv(filePath);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fileError(filePath, e);
  }
  return { ...source, rows: limited(filePath, source.rows) };
}
