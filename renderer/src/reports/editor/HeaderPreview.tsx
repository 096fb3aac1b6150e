// The header the columns make, drawn as it will be merged in the sheet, updated while editing.
import { Form } from 'antd';
import '../reports.css';
import { headerCells, splitPath, type FormatValues } from './formatForm';

export function HeaderPreview() {
  const form = Form.useFormInstance<FormatValues>();
  const columns = (Form.useWatch('columns', form) ?? []) as FormatValues['columns'];
  const titles = (Form.useWatch('title', form) ?? []) as FormatValues['title'];
  const { cells, depth } = headerCells(columns.map((c) => ({ header: splitPath(c?.header), unit: c?.unit?.trim() || null })));
  return (
    <div className="qb-report-preview" data-testid="header-preview">
      {titles.map((t, i) => (
        <div key={i} className={i === 0 ? 'qb-report-title' : 'qb-report-subtitle'} style={{ textAlign: t?.align ?? 'center' }}>
          {t?.text}
        </div>
      ))}
      <div style={{ overflowX: 'auto' }}>
        <table className="qb-report-table">
          <colgroup>
            {columns.map((c, i) => (
              <col key={i} style={{ width: `${Math.round((c?.width ?? 12) * 8)}px` }} />
            ))}
          </colgroup>
          <thead>
            {Array.from({ length: depth }, (_, r) => (
              <tr key={r}>
                {cells
                  .filter((c) => c.row === r)
                  .map((c) => (
                    <th key={`${c.row}-${c.col}`} rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined} colSpan={c.colSpan > 1 ? c.colSpan : undefined}>
                      {c.text}
                    </th>
                  ))}
              </tr>
            ))}
          </thead>
        </table>
      </div>
    </div>
  );
}
