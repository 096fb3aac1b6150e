// 首页: what needs doing (overdue and due this week across the county), what is in the registry,
// and where to start when the office is not set up yet.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { call } from '../api/client';
import { DueCard } from './DueCard';

export function HomePage() {
  const navigate = useNavigate();
  const info = useQuery({ queryKey: ['system.info'], queryFn: () => call('system.info', {}) });
  const data = info.data;
  return (
    <div>
      <Typography.Title level={3}>首页</Typography.Title>
      {data && !data.office && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="欢迎使用清波"
          description="请先在「设置」中填写本单位名称、所在县（区）和文号代字，或者生成一个演示县来熟悉功能。"
          action={
            <Button type="primary" onClick={() => void navigate('/settings')}>
              去设置
            </Button>
          }
        />
      )}
      <Row gutter={16}>
        <Col span={8}>
          <Card loading={info.isLoading}>
            <Statistic title="在册企业（户）" value={data?.counts.enterprises ?? 0} />
          </Card>
        </Col>
        <Col span={8}>
          <Card loading={info.isLoading}>
            <Statistic title="辖区乡镇（街道）" value={data?.counts.townships ?? 0} />
          </Card>
        </Col>
        <Col span={8}>
          <Card loading={info.isLoading}>
            <Statistic title="所在县（区）" value={data?.office?.countyName ?? '未设置'} styles={{ content: { fontSize: 18 } }} />
          </Card>
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <DueCard />
      </div>
      {data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          清波 {data.version} · 数据目录 {data.dataDir} · 数据库结构第 {data.schemaVersion} 版
        </Typography.Paragraph>
      )}
    </div>
  );
}
