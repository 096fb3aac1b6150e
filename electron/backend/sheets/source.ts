// What every reader hands back, the limits they share, and the refusals a clerk may see.
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';

/** One non-empty row of the sheet: its number as Excel shows it (1-based) and its cells, 0-based by column. */
export interface SheetRow {
  row: number;
  cells: (string | null)[];
}

export interface SheetSource {
  format: 'xlsx' | 'xls' | 'csv';
  /** The text encoding a CSV was read with ('utf-8', 'gb18030', 'utf-16le', 'utf-16be'); null for workbooks. */
  encoding: string | null;
  sheetName: string;
  /**
   * The rows of the sheet, reading the file afresh on each call. Rows with no value at all are
   * left out (their numbers are skipped, so later rows keep the number Excel shows).
   */
  rows(): AsyncIterable<SheetRow>;
}

export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_DATA_ROWS = 500_000;
/** Rows allowed above the data for titles and the header (the header scan looks at 20). */
export const HEADER_ROWS_ALLOWANCE = 20;

/** The name messages give a file: the one the clerk picked if known, else the last part of its path. */
export const displayName = (path: string, fileName?: string): string => fileName ?? basename(path);

/** The file is not a spreadsheet we can read, or it is damaged. */
export const corruptFile = (name: string, cause?: unknown): AppError =>
  new AppError(
    'VALIDATION',
    `文件已损坏，或不是 Excel/CSV 文件：${name}。请用 Excel 或 WPS 打开确认，另存为 .xlsx 后再导入。`,
    cause instanceof Error ? { cause: cause.message } : undefined,
  );

/** The file has an opening password (an Office-encrypted package). */
export const encryptedFile = (name: string): AppError =>
  new AppError('VALIDATION', `文件设有打开密码，无法读取：${name}。请在 Excel 中取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）并保存后再导入。`);

/** The file is something else (a picture, a Word document…); `kind` names it. */
export const wrongKindOfFile = (name: string, kind: string): AppError =>
  new AppError('VALIDATION', `这是${kind}，不是表格：${name}。请选择 Excel（.xlsx/.xls）或 CSV 文件。`);

/** The sheet has more rows than one import takes. */
export const tooManyRows = (name: string): AppError =>
  new AppError('VALIDATION', `表格超过 ${MAX_DATA_ROWS / 10_000} 万行：${name}。请分成几个文件分别导入。`);

