// Every field of a record under its Chinese label (the label the schema and its error messages use),
// empty ones as a dash, money in yuan, rows (checklist, unqualified items) as small tables.
import { Descriptions, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { creditClassLabels } from '../../../../shared/enterprise';
import { recordFields, type DossierRecord, type RecordKind } from '../../../../shared/dossier';
import { fieldLabel } from '../../../../shared/validation';
import { EMPTY, formatYuan } from '../../ui/format';

/** Labels the clerk sees differently from the stored field (money is entered and shown in yuan). */
const labelOverrides: Record<string, string> = { fineFen: '罚款', confiscationFen: '没收违法所得' };
const MONEY = new Set(['fineFen', 'confiscationFen']);
const ROWS: Record<string, { key: string; title: string }[]> = {
  checklist: [
    { key: 'item', title: '检查事项' },
    { key: 'answer', title: '检查结果' },
    { key: 'note', title: '说明' },
  ],
  unqualifiedItems: [
    { key: 'item', title: '不合格项目' },
    { key: 'measured', title: '实测值' },
    { key: 'required', title: '标准要求' },
  ],
};

export function recordFieldLabel(kind: RecordKind, key: string): string {
  return labelOverrides[key] ?? fieldLabel(recordFields[kind], [key]) ?? key;
}

const dash = <Typography.Text type="secondary">{EMPTY}</Typography.Text>;

function classValue(kind: RecordKind, v: unknown): ReactNode {
  if (kind === 'credit') return v === null || v === undefined ? '未分类' : (creditClassLabels[v as keyof typeof creditClassLabels] ?? String(v));
  return v ? String(v) : dash;
}

function value(kind: RecordKind, key: string, v: unknown): ReactNode {
  if ((key === 'to' || key === 'from') && (kind === 'credit' || kind === 'supervisionClass')) return classValue(kind, v);
  if (MONEY.has(key)) return typeof v === 'number' ? formatYuan(v) : dash;
  const columns = ROWS[key];
  if (columns) {
    const rows = Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
    if (!rows.length) return dash;
    return (
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={rows}
        columns={columns.map((c) => ({ title: c.title, dataIndex: c.key, render: (x: unknown) => (x ? String(x) : EMPTY) }))}
      />
    );
  }
  if (Array.isArray(v)) return v.length ? v.map(String).join('、') : dash;
  if (v === null || v === undefined || v === '') return dash;
  const text = String(v);
  return text.includes('\n') ? <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> : text;
}

const isWide = (key: string, v: unknown) => key in ROWS || (typeof v === 'string' && (v.length > 24 || v.includes('\n')));

export function RecordFields({ record }: { record: DossierRecord }) {
  const keys = Object.keys(recordFields[record.kind].shape);
  // The class before a change is written on the record by the backend, not entered.
  if ('from' in record.data) keys.unshift('from');
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
      items={keys.map((k) => ({
        key: k,
        label: k === 'from' ? '调整前' : recordFieldLabel(record.kind, k),
        span: isWide(k, record.data[k]) ? 2 : 1,
        children: value(record.kind, k, record.data[k]),
      }))}
    />
  );
}
