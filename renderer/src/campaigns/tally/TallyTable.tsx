// The tally as a table: one row per township, a bold 合计 row, one column per tally definition
// with its unit in the header.
import { Table } from 'antd';
import type { Tally } from '../../../../shared/campaign-results';

type Row = { key: string; townshipName: string; values: Record<string, number>; total: boolean };

/** Counts as whole numbers, weights and money with up to two decimals. */
export const tallyNumber = (n: number | undefined): string =>
  (n ?? 0).toLocaleString('zh-CN', { maximumFractionDigits: 2, useGrouping: false });

export function tallyRows(t: Tally): Row[] {
  return [
    ...t.rows.map((r) => ({ key: r.townshipCode ?? r.townshipName, townshipName: r.townshipName, values: r.values, total: false })),
    { key: '__total', townshipName: '合计', values: t.total, total: true },
  ];
}

export function TallyTable({ tally, loading }: { tally: Tally; loading: boolean }) {
  return (
    <Table<Row>
      data-testid="tally-table"
      size="small"
      bordered
      loading={loading}
      rowKey="key"
      dataSource={tallyRows(tally)}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (r.total ? 'qb-total-row' : '')}
      columns={[
        { title: '乡镇（街道）', dataIndex: 'townshipName', fixed: 'left', width: 150 },
        ...tally.definitions.map((d) => ({
          key: d.key,
          title: (
            <span>
              {d.label}
              <br />
              <span style={{ fontWeight: 400 }}>（{d.unit}）</span>
            </span>
          ),
          align: 'right' as const,
          render: (_: unknown, r: Row) => tallyNumber(r.values[d.key]),
        })),
      ]}
    />
  );
}
