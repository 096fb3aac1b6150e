// 报表参数: which campaign, which period (上周/本周/上月/本月/本季度/本年/自定义), the file type, and for a
// city office the roll-up of the county packages of one period.
import { DatePicker, Form, Input, Radio, Segmented, Select, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CampaignSummary } from '../../../shared/campaign';
import { periodPresets, type ReportPackage } from '../../../shared/report';

export interface ParamsValues {
  campaignId: number | null;
  preset: string;
  from: string;
  to: string;
  type: 'xlsx' | 'csv';
  rollup: boolean;
  /** Roll-up: the period of the packages summed, "from~to". */
  rollupPeriod: string | null;
  preparer: string;
  phone: string;
}

/** The packages in force, grouped by their period. */
export function packagePeriods(packages: ReportPackage[]): { key: string; from: string; to: string; counties: string[] }[] {
  const byPeriod = new Map<string, { key: string; from: string; to: string; counties: string[] }>();
  for (const p of packages) {
    if (p.withdrawnAt || !p.periodFrom || !p.periodTo) continue;
    const key = `${p.periodFrom}~${p.periodTo}`;
    const entry = byPeriod.get(key) ?? { key, from: p.periodFrom, to: p.periodTo, counties: [] };
    entry.counties.push(p.countyName);
    byPeriod.set(key, entry);
  }
  return [...byPeriod.values()].sort((a, b) => b.from.localeCompare(a.from));
}

interface Props {
  values: ParamsValues;
  onChange(v: ParamsValues): void;
  needsCampaign: boolean;
  /** required: 统计期间 must be given; optional: 不限 is offered (and first); none: not asked. */
  period: 'required' | 'optional' | 'none';
  campaigns: CampaignSummary[];
  /** Imported county packages; the roll-up choice shows only when there are some. */
  packages: ReportPackage[];
}

/** The preset meaning “no period” (the whole data). */
export const ALL_TIME = 'all';

export function ParamsForm({ values: v, onChange, needsCampaign, period, campaigns, packages }: Props) {
  const presets = periodPresets();
  const set = (patch: Partial<ParamsValues>) => onChange({ ...v, ...patch });
  const periods = packagePeriods(packages);
  const chosen = periods.find((p) => p.key === v.rollupPeriod);
  return (
    <Form layout="horizontal" labelCol={{ flex: '88px' }} labelAlign="left" colon={false} data-testid="report-params">
      {periods.length > 0 && (
        <Form.Item label="县级汇总">
          <Space wrap>
            <Switch checked={v.rollup} onChange={(rollup) => set({ rollup, rollupPeriod: rollup ? (v.rollupPeriod ?? periods[0]?.key ?? null) : v.rollupPeriod })} aria-label="汇总各县数据包" data-testid="report-rollup" />
            <Typography.Text type="secondary">{v.rollup ? '按导入的县级数据包汇总，每县一行' : '用本单位的数据'}</Typography.Text>
          </Space>
        </Form.Item>
      )}
      {v.rollup ? (
        <Form.Item label="数据包期间" extra={chosen && <Space size={4} wrap style={{ marginTop: 4 }}>{chosen.counties.map((c, i) => <Tag key={`${c}-${i}`}>{c}</Tag>)}</Space>}>
          <Select
            aria-label="数据包期间"
            data-testid="report-rollup-period"
            style={{ width: 360 }}
            value={v.rollupPeriod}
            onChange={(rollupPeriod: string) => set({ rollupPeriod })}
            options={periods.map((p) => ({ value: p.key, label: `${p.from} 至 ${p.to}（${p.counties.length} 个县）` }))}
          />
        </Form.Item>
      ) : (
        <>
          {needsCampaign && (
            <Form.Item label="专项">
              <Select
                aria-label="专项"
                data-testid="report-campaign"
                style={{ width: 420 }}
                placeholder="选择专项整治"
                value={v.campaignId ?? undefined}
                onChange={(campaignId: number) => set({ campaignId })}
                options={campaigns.map((c) => ({ value: c.id, label: `${c.name}（${c.startsOn} 起）` }))}
                notFoundContent="还没有专项整治"
              />
            </Form.Item>
          )}
          {period !== 'none' && (
            <Form.Item label="统计期间">
              <Space wrap>
                <Segmented<string>
                  data-testid="report-period"
                  value={v.preset}
                  onChange={(preset) => {
                    const p = presets.find((x) => x.key === preset);
                    set(p ? { preset, from: p.from, to: p.to } : { preset });
                  }}
                  options={[
                    ...(period === 'optional' ? [{ value: ALL_TIME, label: '不限' }] : []),
                    ...presets.map((p) => ({ value: p.key, label: p.label })),
                    { value: 'custom', label: '自定义' },
                  ]}
                />
                {v.preset === ALL_TIME ? (
                  <Typography.Text type="secondary">全部日期</Typography.Text>
                ) : v.preset === 'custom' ? (
                  <DatePicker.RangePicker
                    data-testid="report-range"
                    allowClear={false}
                    value={[dayjs(v.from), dayjs(v.to)]}
                    onChange={(r) => r?.[0] && r[1] && set({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
                  />
                ) : (
                  <Typography.Text data-testid="report-dates">
                    {v.from} 至 {v.to}
                  </Typography.Text>
                )}
              </Space>
            </Form.Item>
          )}
        </>
      )}
      <Form.Item label="文件类型">
        <Radio.Group value={v.type} onChange={(e) => set({ type: e.target.value as 'xlsx' | 'csv' })} data-testid="report-type">
          <Radio value="xlsx">Excel（xlsx）</Radio>
          <Radio value="csv">CSV</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item label="填报人" style={{ marginBottom: 0 }}>
        <Space wrap>
          <Input aria-label="填报人" style={{ width: 160 }} maxLength={20} value={v.preparer} onChange={(e) => set({ preparer: e.target.value })} placeholder="填在表尾" />
          <Input aria-label="联系电话" style={{ width: 200 }} maxLength={30} value={v.phone} onChange={(e) => set({ phone: e.target.value })} placeholder="联系电话（填在表尾）" />
        </Space>
      </Form.Item>
    </Form>
  );
}
