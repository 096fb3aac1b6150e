// The results recorded for one target in this campaign, newest first, each linked to its record
// in the enterprise's dossier (一企一档).
import { Button, Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { CampaignResult } from '../../../../shared/campaign-results';
import { EMPTY } from '../../ui/format';
import { useResults } from '../fieldQueries';

interface Props {
  campaignId: number;
  enterpriseId: number;
  name: string;
  /** Opens a result in the form to correct it (voided ones cannot be). */
  onEdit(result: CampaignResult): void;
}

export function EarlierResults({ campaignId, enterpriseId, name, onEdit }: Props) {
  const results = useResults(campaignId, enterpriseId);
  const rows = [...(results.data ?? [])].sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn) || b.id - a.id);
  return (
    <Card
      size="small"
      title={`「${name}」在本专项的检查记录（${rows.length}）`}
      extra={<Link to={`/dossier/${enterpriseId}`}>打开一企一档</Link>}
      data-testid="result-history"
    >
      <Table<CampaignResult>
        size="small"
        rowKey="id"
        loading={results.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '本专项还没有这户的检查记录' }}
        rowClassName={(r) => (r.voided ? 'qb-voided-row' : '')}
        columns={[
          { title: '检查日期', dataIndex: 'inspectedOn', width: 110 },
          { title: '执法人员', dataIndex: 'inspectors', render: (v: string[]) => v.join('、') || EMPTY },
          { title: '检查结果', dataIndex: 'result' },
          {
            title: '问题',
            key: 'problem',
            width: 150,
            render: (_, r) =>
              r.hasProblem ? <Tag color="error">{r.problemItems.length ? `${r.problemItems.length} 项问题` : '发现问题'}</Tag> : <Tag color="success">无</Tag>,
          },
          { title: '责令整改', key: 'rect', width: 100, render: (_, r) => (r.rectificationId ? <Tag color="warning">已责令整改</Tag> : EMPTY) },
          {
            title: '',
            key: 'link',
            width: 190,
            render: (_, r) => (
              <>
                {r.voided ? (
                  <Typography.Text type="secondary">已作废 </Typography.Text>
                ) : (
                  <Button type="link" size="small" onClick={() => onEdit(r)} data-testid={`result-edit-${r.id}`}>
                    修改
                  </Button>
                )}
                <Link to={`/dossier/${r.enterpriseId}?record=${r.recordId}`}>查看档案记录</Link>
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
