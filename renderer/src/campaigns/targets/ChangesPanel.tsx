// 抽取后的变更: every change to the list after the 双随机 draw, with who made it and why.
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { MethodOutput } from '../../../../shared/contract';
import { formatInstant } from '../../ui/format';
import { useTargetChanges } from '../queries';

type Change = MethodOutput<'campaigns.changes'>[number];

export function ChangesPanel({ campaignId }: { campaignId: number }) {
  const changes = useTargetChanges(campaignId, true);
  const rows = changes.data ?? [];
  return (
    <Card
      title={`抽取后的变更（${rows.length}）`}
      size="small"
      extra={<Typography.Text type="secondary">双随机抽取之后对名单的每次改动，公示或检查时可据此说明</Typography.Text>}
    >
      <Table<Change>
        rowKey={(r) => `${r.at}-${r.enterpriseId}-${r.change}`}
        size="small"
        loading={changes.isLoading}
        dataSource={[...rows].reverse()}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '抽取之后名单没有变动。' }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatInstant(v) },
          { title: '操作人', dataIndex: 'actor', width: 90 },
          {
            title: '企业',
            dataIndex: 'enterpriseName',
            width: 240,
            ellipsis: true,
            render: (name: string, r) => <Link to={`/dossier/${r.enterpriseId}`}>{name}</Link>,
          },
          { title: '变更', dataIndex: 'change' },
          { title: '原因', dataIndex: 'reason', width: 240 },
        ]}
      />
    </Card>
  );
}
