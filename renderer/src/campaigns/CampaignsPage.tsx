// 专项整治: every campaign with its period, status and how far the inspections have got.
import { PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CampaignSummary } from '../../../shared/campaign';
import { Can } from '../accounts/Can';
import { EMPTY, formatCount } from '../ui/format';
import { NewCampaignModal } from './NewCampaignModal';
import { useCampaigns } from './queries';

export function CampaignsPage() {
  const navigate = useNavigate();
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState(false);

  return (
    <Card
      title="专项整治"
      extra={
        <Space>
          <Button icon={<ProfileOutlined />} onClick={() => void navigate('/campaigns/templates')}>
            检查模板
          </Button>
          <Can method="campaigns.create">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建专项
            </Button>
          </Can>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        每个专项按检查模板逐户检查：先确定检查范围列出检查对象，需要时进行“双随机”抽取，再分配执法人员、录入现场检查结果，随时查看进度和统计。
      </Typography.Paragraph>
      <Table<CampaignSummary>
        rowKey="id"
        loading={campaigns.isLoading}
        scroll={{ x: 1120 }}
        dataSource={campaigns.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(c) => ({ 'data-testid': `campaign-${c.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: '还没有专项。点击右上角“新建专项”，选择检查模板并确定检查范围。' }}
        columns={[
          {
            title: '专项名称',
            dataIndex: 'name',
            render: (name: string, c) => (
              <div>
                <Link to={`/campaigns/${c.id}`}>{name}</Link>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>模板：{c.templateName}</div>
              </div>
            ),
          },
          { title: '文件依据', dataIndex: 'docRef', width: 170, ellipsis: true, render: (v: string | null) => v ?? EMPTY },
          {
            title: '起止日期',
            key: 'period',
            width: 200,
            render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{`${c.startsOn} 至 ${c.endsOn}`}</span>,
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 80,
            render: (s: CampaignSummary['status']) => <Tag color={s === '进行中' ? 'processing' : 'default'}>{s}</Tag>,
          },
          { title: '检查对象', dataIndex: 'targetCount', width: 90, align: 'right', render: (n: number) => `${formatCount(n)} 户` },
          {
            title: '应检',
            dataIndex: 'plannedCount',
            width: 110,
            align: 'right',
            render: (n: number, c) => (
              <span>
                {c.drawn && (
                  <Tag color="purple" title="已进行双随机抽取，只检查抽中的对象">
                    抽取
                  </Tag>
                )}
                {formatCount(n)} 户
              </span>
            ),
          },
          {
            title: '已检查',
            key: 'inspected',
            width: 180,
            render: (_, c) => (
              <Space size={8} style={{ width: '100%' }}>
                <span style={{ whiteSpace: 'nowrap' }}>{formatCount(c.inspectedCount)} 户</span>
                <Progress
                  percent={c.plannedCount ? Math.floor((c.inspectedCount / c.plannedCount) * 100) : 0}
                  size="small"
                  style={{ width: 100, margin: 0 }}
                  aria-label={`${c.name}检查进度`}
                />
              </Space>
            ),
          },
        ]}
      />
      <NewCampaignModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
