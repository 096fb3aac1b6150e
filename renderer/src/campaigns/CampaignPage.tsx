// One campaign (专项): its header, and the tabs 概况 | 检查对象 | 双随机抽取 | 结果录入 | 统计.
// The open tab lives in the address (?tab=draw), so a reload or going back keeps it.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result, Space, Spin, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { CampaignHeader } from './CampaignHeader';
import { DashboardTab } from './dashboard/DashboardTab';
import { DrawTab } from './draw/DrawTab';
import { useCampaign } from './fieldQueries';
import { ResultsTab } from './results/ResultsTab';
import { TallyTab } from './tally/TallyTab';
import { TargetsTab } from './targets/TargetsTab';
import './campaign.css';

const tabs = [
  { key: 'overview', label: '概况' },
  { key: 'targets', label: '检查对象' },
  { key: 'draw', label: '双随机抽取' },
  { key: 'results', label: '结果录入' },
  { key: 'tally', label: '统计' },
] as const;
type TabKey = (typeof tabs)[number]['key'];
const isTab = (k: string | null): k is TabKey => tabs.some((t) => t.key === k);

export function CampaignPage() {
  const id = Number(useParams()['id']);
  const [sp, setSp] = useSearchParams();
  const asked = sp.get('tab');
  const tab: TabKey = isTab(asked) ? asked : 'overview';
  const campaign = useCampaign(id);

  if (campaign.error) {
    const notFound = campaign.error instanceof ApiError && campaign.error.info.code === 'NOT_FOUND';
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '找不到这个专项' : '读取专项失败'}
        subTitle={campaign.error.message}
        extra={
          <Link to="/campaigns">
            <Button>返回专项整治</Button>
          </Link>
        }
      />
    );
  }
  const c = campaign.data;
  if (!c) return <Spin style={{ display: 'block', marginTop: 64 }} />;

  const body: Record<TabKey, () => ReactNode> = {
    overview: () => <DashboardTab campaign={c} />,
    targets: () => <TargetsTab campaign={c} />,
    draw: () => <DrawTab campaign={c} />,
    results: () => <ResultsTab campaign={c} />,
    tally: () => <TallyTab campaign={c} />,
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/campaigns">
        <ArrowLeftOutlined /> 全部专项
      </Link>
      <CampaignHeader campaign={c} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp({ tab: k }, { replace: true })}
        items={tabs.map((t) => ({ key: t.key, label: <span data-testid={`campaign-tab-${t.key}`}>{t.label}</span> }))}
        destroyOnHidden
        style={{ marginBottom: -16 }}
      />
      <div key={tab}>{body[tab]()}</div>
    </Space>
  );
}
