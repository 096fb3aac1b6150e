// 报送记录: every table exported, kept byte for byte: when, which format and version, with what
// parameters, by whom, the file and its SHA-256; downloaded again exactly as it was sent.
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { CampaignSummary } from '../../../shared/campaign';
import type { SentReport } from '../../../shared/report';
import { call, saveFile } from '../api/client';
import { useCampaigns } from '../campaigns/queries';
import { formatInstant } from '../ui/format';
import { FindingsTable } from './FindingsTable';
import { useSent } from './queries';

const PAGE = 20;

/** The parameters of an export as the clerk reads them: 专项、期间、汇总、填报人. */
export function parametersText(p: Record<string, unknown>, campaigns: CampaignSummary[]): string {
  const parts: string[] = [];
  const campaignId = p['campaignId'];
  if (typeof campaignId === 'number') parts.push(`专项：${campaigns.find((c) => c.id === campaignId)?.name ?? `第 ${campaignId} 号专项`}`);
  if (typeof p['from'] === 'string' && typeof p['to'] === 'string') parts.push(`期间：${p['from']} 至 ${p['to']}`);
  if (p['rollup'] === true) parts.push(Array.isArray(p['packageIds']) ? `汇总 ${p['packageIds'].length} 个县级数据包` : '汇总各县数据包');
  if (typeof p['preparer'] === 'string' && p['preparer']) parts.push(`填报人：${p['preparer']}`);
  if (typeof p['phone'] === 'string' && p['phone']) parts.push(`电话：${p['phone']}`);
  if (p['filter'] && typeof p['filter'] === 'object' && Object.keys(p['filter']).length) parts.push('按筛选条件');
  return parts.join('；') || '全部数据';
}

export function SentTab() {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const sent = useSent((page - 1) * PAGE, PAGE);
  const campaigns = useCampaigns();
  const download = useMutation({
    mutationFn: async (id: number) => saveFile(await call('reports.download', { id })),
    onSuccess: (r) => void (r.saved && message.success('已下载报送时的原文件')),
  });
  const data = sent.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">每次导出的文件都原样保存在这里，重新下载得到的就是当时报送的文件（SHA-256 相同）。</Typography.Text>
      <Table<SentReport>
        rowKey="id"
        size="middle"
        data-testid="sent-table"
        loading={sent.isLoading}
        tableLayout="fixed"
        dataSource={data?.rows ?? []}
        pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 次报送` }}
        locale={{ emptyText: '还没有导出过报表。' }}
        expandable={{
          rowExpandable: (r) => r.findings.length > 0,
          expandedRowRender: (r) => <FindingsTable findings={r.findings} testId={`sent-findings-${r.id}`} />,
        }}
        columns={[
          { title: '导出时间', dataIndex: 'exportedAt', width: 140, render: (v: string) => formatInstant(v) },
          {
            title: '报表',
            key: 'format',
            width: 300,
            render: (_, r) => (
              <>
                <Space size={4} wrap>
                  <span>{r.formatName}</span>
                  <Tag>第 {r.formatVersion} 版</Tag>
                  {r.rollup && <Tag color="purple">县级汇总</Tag>}
                  {r.findings.length > 0 && <Tag color="orange">确认了 {r.findings.length} 个问题</Tag>}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis={{ tooltip: r.file.name }}>
                  {r.file.name}
                </Typography.Text>
              </>
            ),
          },
          { title: '参数', dataIndex: 'parameters', render: (p: Record<string, unknown>) => parametersText(p, campaigns.data ?? []) },
          { title: '行数', dataIndex: 'rowCount', width: 64, align: 'right' },
          { title: '导出人', dataIndex: 'exportedBy', width: 130 },
          {
            title: 'SHA-256',
            key: 'sha',
            width: 130,
            render: (_, r) => (
              <Tooltip title={r.file.sha256}>
                <Typography.Text code copyable={{ text: r.file.sha256, tooltips: ['复制完整值', '已复制'] }}>
                  {r.file.sha256.slice(0, 8)}
                </Typography.Text>
              </Tooltip>
            ),
          },
          {
            title: '下载',
            key: 'download',
            width: 90,
            render: (_, r) => (
              <Button size="small" icon={<DownloadOutlined />} loading={download.isPending && download.variables === r.id} onClick={() => download.mutate(r.id)} aria-label={`下载${r.file.name}`} data-testid={`sent-download-${r.id}`}>
                下载
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
