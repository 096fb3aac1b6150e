// The campaign's numbers at a glance: 计划检查, 已检查, 覆盖率, 发现问题, 整改中 / 已整改 / 逾期.
import { Card, Col, Progress as Bar, Row, Statistic } from 'antd';
import type { Progress } from '../../../../shared/campaign-results';

function Stat({ title, value, suffix, color, testId }: { title: string; value: number | string; suffix?: string; color?: string; testId: string }) {
  return (
    <Card size="small" data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={title} value={value} suffix={suffix} styles={{ content: color ? { color } : undefined }} />
    </Card>
  );
}

export function StatCards({ p }: { p: Progress }) {
  const problems = (p.byStatus['发现问题'] ?? 0) + (p.byStatus['整改中'] ?? 0) + (p.byStatus['已整改'] ?? 0);
  const coverage = Math.round(p.coverage * 1000) / 10;
  return (
    <Row gutter={[16, 16]} align="stretch" data-testid="dashboard-stats">
      <Col flex="1 1 0">
        <Stat title="计划检查" value={p.planned} suffix="户" testId="stat-planned" />
      </Col>
      <Col flex="1 1 0">
        <Stat title="已检查" value={p.inspected} suffix="户" testId="stat-inspected" />
      </Col>
      <Col flex="1 1 0">
        <Card size="small" data-testid="stat-coverage" style={{ height: '100%' }}>
          <Statistic title="覆盖率" value={coverage} precision={1} suffix="%" />
          <Bar percent={coverage} showInfo={false} size="small" strokeColor="#0e6eb8" />
        </Card>
      </Col>
      <Col flex="1 1 0">
        <Stat title="发现问题" value={problems} suffix="户" color={problems ? '#cf1322' : undefined} testId="stat-problems" />
      </Col>
      <Col flex="1 1 0">
        <Stat title="整改中" value={p.rectifications.open} suffix="件" color={p.rectifications.open ? '#d46b08' : undefined} testId="stat-rectifying" />
      </Col>
      <Col flex="1 1 0">
        <Stat title="已整改" value={p.rectifications.closed} suffix="件" testId="stat-rectified" />
      </Col>
      <Col flex="1 1 0">
        <Stat title="整改逾期" value={p.rectifications.overdue} suffix="件" color={p.rectifications.overdue ? '#cf1322' : undefined} testId="stat-overdue" />
      </Col>
    </Row>
  );
}
