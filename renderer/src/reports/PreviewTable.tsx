// The table as it will be written: title lines, the merged header drawn with rowSpan/colSpan, the
// first rows and the 合计 row, and the footer lines.
import { Typography } from 'antd';
import type { ReportPreview } from '../../../shared/report';
import './reports.css';

type HeaderCell = ReportPreview['header'][number];

/** The header cells by header row, left to right (rows and columns counted from the first one). */
export function headerGrid(header: HeaderCell[]): HeaderCell[][] {
  if (header.length === 0) return [];
  const top = Math.min(...header.map((c) => c.row));
  const rows: HeaderCell[][] = [];
  for (const c of header) (rows[c.row - top] ??= []).push(c);
  return Array.from(rows, (r) => (r ?? []).sort((a, b) => a.col - b.col));
}

const cellText = (v: string | number | null | undefined): string =>
  v === null || v === undefined || v === '' ? '' : typeof v === 'number' ? v.toLocaleString('zh-CN', { maximumFractionDigits: 6, useGrouping: false }) : v;

export function PreviewTable({ preview, testId = 'report-preview' }: { preview: ReportPreview; testId?: string }) {
  const grid = headerGrid(preview.header);
  const widths = preview.columnWidths;
  const shown = preview.rows.filter((r) => !r.total).length;
  return (
    <div className="qb-report-preview" data-testid={testId}>
      {preview.title.map((t, i) => (
        <div key={i} className={i === 0 ? 'qb-report-title' : 'qb-report-subtitle'}>
          {t}
        </div>
      ))}
      <div style={{ overflowX: 'auto' }}>
        <table className="qb-report-table">
          <colgroup>
            {widths.map((w, i) => (
              <col key={i} style={{ width: `${Math.round(w * 8)}px` }} />
            ))}
          </colgroup>
          <thead>
            {grid.map((row, r) => (
              <tr key={r}>
                {row.map((c) => (
                  <th key={`${c.row}-${c.col}`} rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined} colSpan={c.colSpan > 1 ? c.colSpan : undefined}>
                    {c.text}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.sheetRow} className={r.total ? 'qb-report-total' : undefined} data-sheet-row={r.sheetRow}>
                {r.cells.map((v, j) => (
                  <td key={j} className={typeof v === 'number' ? 'qb-num' : undefined}>
                    {cellText(v)}
                  </td>
                ))}
              </tr>
            ))}
            {preview.rows.length === 0 && (
              <tr>
                <td colSpan={Math.max(1, widths.length)} className="qb-report-empty">
                  这一期间没有数据
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {preview.footer.map((t, i) => (
        <div key={i} className="qb-report-footer">
          {t.split(/\u3000+/).map((part, j) => (
            <span key={j}>{part}</span>
          ))}
        </div>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        共 {preview.rowCount} 行数据{shown < preview.rowCount ? `，这里显示前 ${shown} 行` : ''}。
      </Typography.Text>
    </div>
  );
}
