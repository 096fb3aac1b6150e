// 抽取记录: every draw of the campaign, newest first; a replaced one keeps its place and shows why
// it was drawn again. A row opens its record and drawn list.
import { Button, Card, Table, Tag, Typography } from 'antd';
import type { DrawSummary } from '../../../../shared/campaign';
import { formatCount, formatInstant } from '../../ui/format';
import { drawParamsText } from './drawText';

interface Props {
  draws: DrawSummary[];
  viewing: number | null;
  onView(id: number): void;
}

export function DrawHistory({ draws, viewing, onView }: Props) {
  return (
    <Card title={`抽取记录（${draws.length}）`} data-testid="draw-history">
      <Table<DrawSummary>
        size="small"
        rowKey="id"
        dataSource={draws}
        pagination={false}
        rowClassName={(r) => (r.id === viewing ? 'ant-table-row-selected' : '')}
        locale={{ emptyText: '还没有抽取过' }}
        columns={[
          { title: '抽取时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatInstant(v) },
          { title: '抽取人', dataIndex: 'actor', width: 100 },
          { title: '抽取方式', key: 'params', render: (_, r) => drawParamsText(r.params) },
          { title: '户数', dataIndex: 'drawnCount', width: 80, align: 'right', render: (n: number) => formatCount(n) },
          {
            title: '状态',
            key: 'state',
            width: 230,
            render: (_, r) => (
              <>
                {r.superseded ? <Tag>已被替换</Tag> : <Tag color="success">当前有效</Tag>}
                {r.reason && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    重新抽取原因：{r.reason}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: '',
            key: 'view',
            width: 80,
            render: (_, r) =>
              r.id === viewing ? (
                <Typography.Text type="secondary">正在查看</Typography.Text>
              ) : (
                <Button type="link" size="small" onClick={() => onView(r.id)} aria-label={`查看 ${formatInstant(r.createdAt)} 的抽取结果`}>
                  查看
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
