// The reading half of an import: every row of the file checked (parseRow), a credit code seen a
// second time in the file rejected at that row, and the search keys of the good rows computed,
// handed on in batches. Free of the database, so that it can run in the import's worker thread
// while the main thread writes the batches before it.
import type { EnterpriseData } from '../../../shared/enterprise';
import type { Township } from '../../../shared/divisions';
import type { ColumnMapping, ImportFieldKey } from '../../../shared/import';
import { openSheet } from '../sheets/read';
import { parseRow, RowProblem } from './import-row';
import { searchKeys, type SearchKeys } from './search-keys';

export interface CheckOptions {
  /** The file to read (in the file store) and the name the clerk knows it by. */
  path: string;
  fileName: string;
  /** 1-based sheet row of the header; rows above it are titles. */
  headerRow: number;
  mapping: ColumnMapping;
  /** The townships of the office's county, for the 乡镇 column. */
  townships: Township[];
}

export interface CheckedRow {
  row: number;
  data: EnterpriseData;
  /** The fields that came from the file (the others keep their stored values on update). */
  present: (keyof EnterpriseData)[];
  /** The search keys of data.name and data.formerNames. */
  keys: SearchKeys;
}

export interface CheckedBatch {
  rows: CheckedRow[];
  rejected: { row: number; field: ImportFieldKey | null; reason: string; cells: (string | null)[] }[];
  warnings: { row: number; field: ImportFieldKey; message: string }[];
  /** The header row's cells, in the batch read just after it (null in the others). */
  headerCells: (string | null)[] | null;
  /** Non-empty rows below the header read so far, this batch included. */
  dataRows: number;
}

/** Data rows per batch: big enough that handing a batch over costs little, small enough to keep memory flat. */
export const BATCH_ROWS = 1000;
// The first batch is small so that the writer can start while this code is still cold.
const FIRST_BATCH_ROWS = 100;

/** Reads and checks the file; yields a batch after the first 100 data rows, then every BATCH_ROWS, and always one at the end. */
export async function* checkRows(o: CheckOptions): AsyncGenerator<CheckedBatch> {
  const src = await openSheet(o.path, { fileName: o.fileName });
  const ctx = { townships: o.townships, mapping: o.mapping };
  const firstRowOfCode = new Map<string, number>();
  let dataRows = 0;
  let batch = emptyBatch();
  let batchRows = FIRST_BATCH_ROWS;
  for await (const r of src.rows()) {
    if (r.row < o.headerRow) continue;
    if (r.row === o.headerRow) {
      batch.headerCells = r.cells;
      continue;
    }
    if (!r.cells.some((c) => c !== null)) continue;
    dataRows++;
    try {
      const parsed = parseRow(r.cells, ctx);
      const code = parsed.data.uscc;
      if (code) {
        const first = firstRowOfCode.get(code);
        if (first !== undefined) throw new RowProblem('uscc', `与第 ${first} 行的统一社会信用代码 ${code} 重复`);
        firstRowOfCode.set(code, r.row);
      }
      for (const w of parsed.warnings) batch.warnings.push({ row: r.row, field: w.field, message: w.message });
      const { data } = parsed;
      batch.rows.push({ row: r.row, data, present: [...parsed.present], keys: searchKeys(data.name, data.formerNames) });
    } catch (err) {
      if (!(err instanceof RowProblem)) throw err;
      batch.rejected.push({ row: r.row, field: err.field, reason: err.message, cells: r.cells });
    }
    if (batch.rows.length + batch.rejected.length >= batchRows) {
      batch.dataRows = dataRows;
      yield batch;
      batch = emptyBatch();
      batchRows = BATCH_ROWS;
    }
  }
  batch.dataRows = dataRows;
  yield batch;
}

const emptyBatch = (): CheckedBatch => ({ rows: [], rejected: [], warnings: [], headerCells: null, dataRows: 0 });
