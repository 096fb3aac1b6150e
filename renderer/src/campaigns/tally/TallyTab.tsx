// 统计: the campaign's tallies for a period, by township with a 合计 row; exported as Excel for
// the city and province, or printed.
import { ExportOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Segmented, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Campaign } from '../../../../shared/campaign';
import { call, saveFile } from '../../api/client';
import { formatMs } from '../../ui/format';
import { useOffice } from '../../registry/queries';
import { useTally } from '../fieldQueries';
import { periodOf, type Period, type PeriodKind } from './periods';
import { PrintSheet } from './PrintSheet';
import { TallyTable } from './TallyTable';

const kinds: { value: PeriodKind; label: string }[] = [
  { value: 'week', label: '本周' },
  { value: 'month', label: '本月' },
  { value: 'all', label: '自开始以来' },
  { value: 'custom', label: '自定义' },
];

const PRINTING = 'qb-printing-tally';

export function TallyTab({ campaign }: { campaign: Campaign }) {
  const [kind, setKind] = useState<PeriodKind>('all');
  const [custom, setCustom] = useState<Period>(() => periodOf('month', campaign.startsOn));
  const period = kind === 'custom' ? custom : periodOf(kind, campaign.startsOn);
  const tally = useTally(campaign.id, period.from, period.to);
  const office = useOffice();
  const exportTally = useMutation({
    mutationFn: async () => saveFile(await call('campaigns.exportTally', { campaignId: campaign.id, from: period.from, to: period.to })),
  });

  const print = () => {
    const done = () => document.body.classList.remove(PRINTING);
    document.body.classList.add(PRINTING);
    window.addEventListener('afterprint', done, { once: true });
    window.print();
  };

  const t = tally.data;
  return (
    <Card data-testid="tally">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Space wrap size={16} style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Segmented<PeriodKind> options={kinds} value={kind} onChange={setKind} data-testid="tally-period" />
            {kind === 'custom' ? (
              <DatePicker.RangePicker
                value={[dayjs(custom.from), dayjs(custom.to)]}
                allowClear={false}
                onChange={(v) => v?.[0] && v[1] && setCustom({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
                data-testid="tally-range"
              />
            ) : (
              <Typography.Text data-testid="tally-dates">
                {period.from} 至 {period.to}
              </Typography.Text>
            )}
          </Space>
          <Space>
            <Button icon={<ExportOutlined />} loading={exportTally.isPending} disabled={!t} onClick={() => exportTally.mutate()} data-testid="tally-export">
              导出 Excel
            </Button>
            <Button icon={<PrinterOutlined />} disabled={!t} onClick={print} data-testid="tally-print">
              打印
            </Button>
          </Space>
        </Space>
        {tally.error && <Alert type="error" showIcon title="统计失败" description={tally.error.message} />}
        {t ? (
          <>
            <Typography.Title level={5} style={{ margin: 0, textAlign: 'center' }}>
              {t.campaignName}统计表（{t.from} 至 {t.to}）
            </Typography.Title>
            <TallyTable tally={t} loading={tally.isFetching} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              按检查日期统计。用时 {formatMs(t.tookMs)}。
            </Typography.Text>
            <PrintSheet tally={t} office={office.data?.name ?? null} />
          </>
        ) : (
          !tally.error && <Spin />
        )}
      </Space>
    </Card>
  );
}
