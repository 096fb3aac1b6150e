// 报表导出: the formats and their export, 报送记录, and the county → city exchange packages, as tabs
// whose address can be bookmarked (/reports, /reports/sent, /reports/packages).
import { Card, Tabs, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { FormatsTab } from './FormatsTab';
import { PackagesTab } from './PackagesTab';
import { SentTab } from './SentTab';

const tabs = [
  { key: '/reports', label: '报表导出' },
  { key: '/reports/sent', label: '报送记录' },
  { key: '/reports/packages', label: '交换包' },
] as const;

export function ReportsPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const active = tabs.find((t) => t.key === location.pathname)?.key ?? '/reports';
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        报表导出
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(key)}
        items={tabs.map((t) => ({
          key: t.key,
          label: <span data-testid={`reports-tab-${t.key.split('/')[2] ?? 'formats'}`}>{t.label}</span>,
          children: t.key === active ? t.key === '/reports' ? <FormatsTab /> : t.key === '/reports/sent' ? <SentTab /> : <PackagesTab /> : null,
        }))}
      />
    </Card>
  );
}
