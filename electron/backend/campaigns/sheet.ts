// Small printable xlsx tables of a campaign (the draw's publication list, the tally table): a
// merged title, a note line, a bold header, thin borders, landscape A4 with the header repeated.
import { excelJs } from '../sheets/exceljs';

export interface SheetSpec {
  title: string;
  /** Lines under the title (period, seed, hashes…). */
  notes: string[];
  columns: { header: string; width: number }[];
  rows: (string | number | null)[][];
  /** Rows (0-based within `rows`) shown bold, such as 合计. */
  boldRows?: number[];
  footer?: string;
}

const border = { style: 'thin' as const };

/** The table as xlsx bytes; every cell is a value, never a formula. */
export async function tableXlsx(spec: SheetSpec): Promise<Uint8Array> {
  const wb = new (excelJs().Workbook)();
  wb.creator = '清波';
  const ws = wb.addWorksheet(spec.title.slice(0, 31).replace(/[:\\/?*[\]]/g, '_'), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const n = spec.columns.length;
  ws.columns = spec.columns.map((c) => ({ width: c.width }));
  const title = ws.addRow([spec.title]);
  ws.mergeCells(1, 1, 1, n);
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = { horizontal: 'center' };
  title.height = 28;
  for (const note of spec.notes) {
    const r = ws.addRow([note]);
    ws.mergeCells(r.number, 1, r.number, n);
    r.font = { name: '宋体', size: 10 };
  }
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.font = { name: '宋体', size: 11, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const headerRow = header.number;
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  spec.rows.forEach((values, i) => {
    // A text that looks like a formula stays text: ExcelJS writes strings as shared strings.
    const r = ws.addRow(values.map((v) => (v === null ? '' : v)));
    r.font = { name: '宋体', size: 11, bold: spec.boldRows?.includes(i) ?? false };
  });
  for (let row = headerRow; row <= ws.rowCount; row++) {
    for (let col = 1; col <= n; col++) ws.getCell(row, col).border = { top: border, left: border, bottom: border, right: border };
  }
  if (spec.footer) ws.addRow([spec.footer]).font = { name: '宋体', size: 10 };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
