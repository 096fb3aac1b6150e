// 上报数据包 (county side): the data a campaign's tables need for one period, packed as a zip with
// a manifest (office, period, hashes) for the city office; every package made is listed here.
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Segmented, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { periodPresets, type ReportPackage } from '../../../shared/report';
import { useCan } from '../accounts/auth';
import { call, saveFile } from '../api/client';
import { useCampaigns } from '../campaigns/queries';
import { formatInstant } from '../ui/format';
import { refreshPackages, usePackages } from './queries';

export function CountyPackageCard() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const campaigns = useCampaigns();
  const exported = usePackages('exported');
  const presets = periodPresets();
  const canExport = useCan('reports.exportPackage');
  const [campaignId, setCampaignId] = useState<number | null>(null);
  const [preset, setPreset] = useState(presets[0]!.key);
  const [range, setRange] = useState({ from: presets[0]!.from, to: presets[0]!.to });
  const list = campaigns.data ?? [];
  const first = list.find((c) => c.status === '进行中')?.id ?? list[0]?.id ?? null;
  useEffect(() => {
    if (campaignId === null && first !== null) setCampaignId(first);
  }, [campaignId, first]);

  const make = useMutation({
    mutationFn: async () => {
      const pkg = await call('reports.exportPackage', { campaignId: campaignId ?? 0, from: range.from, to: range.to });
      await saveFile(pkg.file);
      return pkg;
    },
    onSuccess: (pkg) => {
      refreshPackages(queryClient);
      void message.success(`已生成数据包「${pkg.file.name}」，请报送市局`);
    },
  });
  const download = (p: ReportPackage) => void saveFile(p.file);

  return (
    <Card title="上报数据包（县局）" size="small" data-testid="county-packages">
      <Typography.Paragraph type="secondary">
        把一个专项在某一期间的统计数据打成数据包（zip），交给市局汇总。数据包内附本单位、期间和每个文件的 SHA-256，市局导入时逐一核对。
      </Typography.Paragraph>
      <Form layout="horizontal" labelCol={{ flex: '88px' }} labelAlign="left" colon={false}>
        <Form.Item label="专项">
          <Select aria-label="数据包专项" data-testid="package-campaign" style={{ width: 420 }} value={campaignId ?? undefined} onChange={setCampaignId} placeholder="选择专项整治" options={list.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item label="统计期间">
          <Space wrap>
            <Segmented<string>
              data-testid="package-period"
              value={preset}
              onChange={(k) => {
                setPreset(k);
                const p = presets.find((x) => x.key === k);
                if (p) setRange({ from: p.from, to: p.to });
              }}
              options={[...presets.map((p) => ({ value: p.key, label: p.label })), { value: 'custom', label: '自定义' }]}
            />
            {preset === 'custom' ? (
              <DatePicker.RangePicker allowClear={false} value={[dayjs(range.from), dayjs(range.to)]} onChange={(r) => r?.[0] && r[1] && setRange({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })} />
            ) : (
              <Typography.Text>
                {range.from} 至 {range.to}
              </Typography.Text>
            )}
          </Space>
        </Form.Item>
        {canExport && (
          <Form.Item label=" ">
            <Button type="primary" icon={<ExportOutlined />} disabled={campaignId === null} loading={make.isPending} onClick={() => make.mutate()} data-testid="package-export">
              生成数据包
            </Button>
          </Form.Item>
        )}
      </Form>
      <Table<ReportPackage>
        rowKey="id"
        size="small"
        dataSource={exported.data ?? []}
        loading={exported.isLoading}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有生成过数据包。' }}
        columns={[
          { title: '生成时间', dataIndex: 'at', width: 150, render: (v: string) => formatInstant(v) },
          { title: '期间', key: 'period', width: 220, render: (_, p) => `${p.periodFrom ?? ''} 至 ${p.periodTo ?? ''}` },
          { title: '专项', key: 'campaigns', render: (_, p) => p.campaigns.map((c) => c.name).join('、') },
          { title: '经办人', dataIndex: 'actor', width: 150 },
          { title: '', key: 'dl', width: 90, render: (_, p) => <Button size="small" icon={<DownloadOutlined />} onClick={() => download(p)} aria-label={`下载数据包${p.file.name}`}>下载</Button> },
        ]}
      />
    </Card>
  );
}
