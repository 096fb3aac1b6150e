// The columns of the registry list: title, width in the grid, which sort a click on the header asks for.
import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { EnterpriseRow } from '../../../../shared/enterprise';
import { EMPTY } from '../../ui/format';
import { CreditTag, StatusText, SupervisionTag } from '../labels';
import type { SortField } from './params';

export interface Column {
  key: string;
  title: string;
  width: string;
  sort?: SortField;
  render(row: EnterpriseRow): ReactNode;
}

const secondary = (text: string | null): ReactNode => text ?? <Typography.Text type="secondary">{EMPTY}</Typography.Text>;

export const columns: Column[] = [
  {
    key: 'name',
    title: '企业名称 / 住所',
    width: 'minmax(240px, 1fr)',
    sort: 'name',
    render: (r) => (
      <div style={{ minWidth: 0 }}>
        <div className="qb-ellipsis" style={{ fontWeight: 500 }}>
          {r.archived && <Tag style={{ marginInlineEnd: 6 }}>已归档</Tag>}
          {r.name}
        </div>
        <div className="qb-ellipsis" style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
          {r.address ?? '（未填住所）'}
        </div>
      </div>
    ),
  },
  {
    key: 'uscc',
    title: '统一社会信用代码',
    width: '178px',
    render: (r) => (r.uscc ? <span style={{ fontFamily: 'ui-monospace, Consolas, monospace', fontSize: 13 }}>{r.uscc}</span> : secondary(null)),
  },
  { key: 'legalRep', title: '法定代表人', width: '96px', render: (r) => secondary(r.legalRep) },
  { key: 'phone', title: '联系电话', width: '124px', render: (r) => secondary(r.phone) },
  { key: 'township', title: '乡镇（街道）', width: '124px', sort: 'township', render: (r) => secondary(r.townshipName) },
  { key: 'status', title: '登记状态', width: '82px', render: (r) => <StatusText value={r.status} /> },
  { key: 'supervision', title: '监管类别', width: '82px', render: (r) => <SupervisionTag value={r.supervisionClass} /> },
  { key: 'credit', title: '信用风险', width: '96px', sort: 'creditClass', render: (r) => <CreditTag value={r.creditClass} /> },
  { key: 'established', title: '成立日期', width: '108px', sort: 'establishedOn', render: (r) => secondary(r.establishedOn) },
];

export const gridTemplate = columns.map((c) => c.width).join(' ');

/** Below this width the table scrolls sideways rather than squeezing the columns. */
export const gridMinWidth = columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(c.width)?.[1] ?? 0), 0);
