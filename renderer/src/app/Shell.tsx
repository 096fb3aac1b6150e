// The main layout: navigation on the left, the office in the header, the page on the right.
import {
  AlertOutlined, AuditOutlined, BankOutlined, FileTextOutlined, FolderOpenOutlined, HistoryOutlined, HomeOutlined, SettingOutlined, TableOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Layout, Menu, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCan } from '../accounts/auth';
import { UserMenu } from '../accounts/UserMenu';
import { call } from '../api/client';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { JobsIndicator } from '../ui/JobsIndicator';
import { Notifier } from '../ui/notify';

const areas = [
  { key: '/', icon: <HomeOutlined />, label: '首页' },
  { key: '/registry', icon: <BankOutlined />, label: '企业名录' },
  { key: '/dossier', icon: <FolderOpenOutlined />, label: '一企一档' },
  { key: '/campaigns', icon: <AlertOutlined />, label: '专项整治' },
  { key: '/notices', icon: <FileTextOutlined />, label: '执法文书' },
  { key: '/reports', icon: <TableOutlined />, label: '报表导出' },
  { key: '/settings', icon: <SettingOutlined />, label: '设置' },
  { key: '/audit', icon: <HistoryOutlined />, label: '审计日志' },
];

export function Shell() {
  const location = useLocation();
  const navigate = useNavigate();
  const info = useQuery({ queryKey: ['system.info'], queryFn: () => call('system.info', {}) });
  const selected = areas.find((a) => a.key !== '/' && location.pathname.startsWith(a.key))?.key ?? '/';
  const office = info.data?.office;
  // 审计日志 is for administrators only.
  const canAudit = useCan('audit.search');
  const items = areas.filter((a) => a.key !== '/audit' || canAudit);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Notifier />
      <Layout.Sider width={176} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div style={{ color: '#fff', padding: '18px 20px', fontSize: 20, fontWeight: 600, letterSpacing: 4 }}>
          <AuditOutlined /> 清波
        </div>
        <nav aria-label="主导航">
          <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={items} onClick={({ key }) => void navigate(key)} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', gap: 16, borderBottom: '1px solid #eee' }}
        >
          <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
            {office ? office.name : '尚未设置单位'}
            {office && (
              <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12, fontWeight: 400 }}>
                {office.countyName}
              </Typography.Text>
            )}
          </Typography.Title>
          <JobsIndicator />
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <ErrorBoundary key={location.pathname}>
            <Outlet />
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
