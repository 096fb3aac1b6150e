// 概况: the campaign's progress — the numbers, coverage by township, where the targets stand,
// the weekly trend, and the tallies so far — from one `campaigns.progress` call.
import { Alert, Card, Col, Empty, Row, Space, Spin, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { Campaign } from '../../../../shared/campaign';
import type { Progress } from '../../../../shared/campaign-results';
import { EChart } from '../../ui/EChart';
import { formatCount } from '../../ui/format';
import { useProgress } from '../fieldQueries';
import { coverageOption, statusOption, weeklyOption } from './charts';
import { StatCards } from './StatCards';

type TownshipRow = Progress['byTownship'][number];
type TallyRow = Progress['tallies'][number];

const num = (n: number) => formatCount(Math.round(n * 100) / 100);

function TownshipTable({ rows }: { rows: TownshipRow[] }) {
  return (
    <Table<TownshipRow>
      size="small"
      rowKey={(r) => r.townshipCode ?? r.townshipName}
      dataSource={rows}
      pagination={false}
      columns={[
        { title: '乡镇（街道）', dataIndex: 'townshipName' },
        { title: '计划检查', dataIndex: 'planned', align: 'right' },
        { title: '已检查', dataIndex: 'inspected', align: 'right' },
        { title: '覆盖率', key: 'cov', align: 'right', render: (_, r) => (r.planned ? `${Math.round((r.inspected / r.planned) * 1000) / 10}%` : '—') },
        { title: '发现问题', dataIndex: 'problems', align: 'right' },
        { title: '整改中', dataIndex: 'rectifying', align: 'right' },
        { title: '已整改', dataIndex: 'rectified', align: 'right' },
        {
          title: '逾期',
          dataIndex: 'overdue',
          align: 'right',
          render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n),
        },
      ]}
    />
  );
}

export function DashboardTab({ campaign }: { campaign: Campaign }) {
  const progress = useProgress(campaign.id);
  const p = progress.data;
  const options = useMemo(() => (p ? { coverage: coverageOption(p), status: statusOption(p), weekly: weeklyOption(p) } : null), [p]);
  if (progress.error) return <Alert type="error" showIcon title="读取进度失败" description={progress.error.message} />;
  if (!p || !options) return <Spin style={{ display: 'block', marginTop: 48 }} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <StatCards p={p} />
      <Row gutter={16}>
        <Col span={16}>
          <Card size="small" title="各乡镇（街道）检查进度">
            {p.byTownship.length ? (
              <EChart option={options.coverage} height={320} ariaLabel="各乡镇计划检查与已检查户数柱状图" testId="chart-coverage" />
            ) : (
              <Empty description="还没有检查对象" />
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title="检查对象状态">
            <EChart option={options.status} height={320} ariaLabel="检查对象状态分布图" testId="chart-status" />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={14}>
          <Card size="small" title="每周检查情况">
            {p.weekly.length ? (
              <EChart option={options.weekly} height={340} ariaLabel="每周检查户次与发现问题折线图" testId="chart-weekly" />
            ) : (
              <Empty description="还没有录入检查结果" />
            )}
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title="累计统计（自专项开始）" data-testid="dashboard-tallies">
            <Table<TallyRow>
              size="small"
              rowKey="key"
              dataSource={p.tallies}
              pagination={false}
              columns={[
                { title: '统计项', dataIndex: 'label' },
                { title: '数量', dataIndex: 'value', align: 'right', render: (v: number) => num(v) },
                { title: '单位', dataIndex: 'unit', width: 90 },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="分乡镇（街道）进度">
        <TownshipTable rows={p.byTownship} />
      </Card>
    </Space>
  );
}
