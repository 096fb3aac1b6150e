// Checks before export: required cells left empty, codes without a label, values beyond the
// format's limits, and a 合计 that differs from the sum of the rows. Each finding names the sheet
// row and the column as the clerk will see them in the file.
import type { Finding } from '../../../shared/report';
import type { ReportFormatDefinition } from '../../../shared/report-format';
import type { DataRow, SourceData } from './data';
import type { Layout, TableRow } from './table';

const MAX_FINDINGS = 200;

const fmt = (v: number) => String(Math.round(v * 1e6) / 1e6);

export interface TableChecker {
  /** Looks at one written row (data or 合计). */
  add(r: TableRow): void;
  /** The findings so far, with the 合计 comparison, and the number of data rows. */
  finish(): { rowCount: number; findings: Finding[] };
}

/** A checker fed row by row, so a writer can check while it writes (one pass over a large table). */
export function tableChecker(d: ReportFormatDefinition, layout: Layout, data: SourceData, summed: Record<string, number>): TableChecker {
  const findings: Finding[] = [];
  let more = 0;
  const add = (f: Finding) => (findings.length < MAX_FINDINGS ? findings.push(f) : more++);
  let rowCount = 0;
  let totalSheetRow: number | null = null;
  const checked = layout.columns.filter((col) => col.def.required || col.def.codeTable || col.def.min !== null || col.def.max !== null);
  return {
    add(r) {
      if (r.total) {
        totalSheetRow = r.sheetRow;
        return;
      }
      rowCount++;
      for (const col of checked) {
        const c = col.def;
        const cell = r.cells[col.index];
        const at = () => `第 ${r.sheetRow} 行${r.label ? `「${r.label}」` : ''}`;
        if (c.required && (cell === null || cell === undefined || cell === '')) {
          add({ level: 'error', row: r.sheetRow, column: col.name, message: `${at()}「${col.name}」必须填写，但没有数据` });
        }
        const raw = c.field ? (r.data as DataRow)[c.field] : null;
        if (c.codeTable && raw !== null && raw !== undefined && raw !== '' && d.codeTables[c.codeTable]?.[String(raw)] === undefined) {
          add({ level: 'error', row: r.sheetRow, column: col.name, message: `${at()}「${col.name}」的代码「${String(raw)}」在代码表「${c.codeTable}」中没有对应的名称` });
        }
        if (typeof cell === 'number') {
          if (c.min !== null && cell < c.min) add({ level: 'warning', row: r.sheetRow, column: col.name, message: `${at()}「${col.name}」为 ${fmt(cell)}，小于下限 ${fmt(c.min)}` });
          if (c.max !== null && cell > c.max) add({ level: 'warning', row: r.sheetRow, column: col.name, message: `${at()}「${col.name}」为 ${fmt(cell)}，大于上限 ${fmt(c.max)}` });
        }
      }
    },
    finish() {
      const out = [...findings];
      if (d.checks.totals && data.totals && totalSheetRow !== null) {
        for (const col of layout.columns) {
          const key = col.def.field;
          if (col.total !== 'sum' || !key || data.totals[key] === undefined) continue;
          const stated = data.totals[key]!;
          const sum = summed[key] ?? 0;
          if (Math.abs(stated - sum) <= d.checks.tolerance) continue;
          const distinct = data.distinctTotals.includes(key);
          out.push({
            level: distinct ? 'warning' : 'error',
            row: totalSheetRow,
            column: col.name,
            message: `第 ${totalSheetRow} 行合计「${col.name}」为 ${fmt(stated)}，各行之和为 ${fmt(sum)}${distinct ? '（同一主体在不同乡镇被检查时合计只计一次）' : '，合计与各行不符'}`,
          });
        }
      }
      if (more) out.push({ level: 'warning', row: null, column: null, message: `另有 ${more} 处问题未列出，请先处理以上问题后重新检查` });
      return { rowCount, findings: out };
    },
  };
}

/** Findings over the rows as written, and the number of data rows. */
export function checkTable(
  d: ReportFormatDefinition,
  layout: Layout,
  data: SourceData,
  rows: Iterable<TableRow>,
  summed: Record<string, number>,
): { rowCount: number; findings: Finding[] } {
  const checker = tableChecker(d, layout, data, summed);
  for (const r of rows) checker.add(r);
  return checker.finish();
}
