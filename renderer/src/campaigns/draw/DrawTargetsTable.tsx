// The drawn targets, in the order drawn, with the inspectors drawn for each.
import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { DrawDetail } from '../../../../shared/campaign';
import { CreditTag } from '../../registry/labels';
import { EMPTY } from '../../ui/format';
import { creditOf } from '../fieldLabels';

type Row = DrawDetail['targets'][number];

export function DrawTargetsTable({ targets }: { targets: Row[] }) {
  return (
    <Table<Row>
      data-testid="draw-targets"
      size="small"
      rowKey="enterpriseId"
      dataSource={targets}
      pagination={targets.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (n) => `共 ${n} 户` } : false}
      columns={[
        { title: '序号', dataIndex: 'position', width: 64 },
        { title: '企业', dataIndex: 'name', render: (name: string, r) => <Link to={`/dossier/${r.enterpriseId}`}>{name}</Link> },
        { title: '统一社会信用代码', dataIndex: 'uscc', width: 190, render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? EMPTY}</span> },
        { title: '乡镇（街道）', dataIndex: 'townshipName', width: 130, render: (v: string | null) => v ?? EMPTY },
        { title: '信用风险分类', dataIndex: 'creditClass', width: 110, render: (v: string | null) => <CreditTag value={creditOf(v)} /> },
        {
          title: '执法人员（执法证号）',
          key: 'inspectors',
          render: (_, r) =>
            r.inspectors.length ? (
              r.inspectors.map((i) => (
                <div key={i.id}>
                  {i.name}
                  <Typography.Text type="secondary">（{i.certNo}）</Typography.Text>
                </div>
              ))
            ) : (
              <Typography.Text type="secondary">{EMPTY}</Typography.Text>
            ),
        },
      ]}
    />
  );
}
