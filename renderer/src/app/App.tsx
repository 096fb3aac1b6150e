// Providers (locale, theme, data cache) and the routes. Hash routing works under Electron's
// file:// page and over HTTP alike.
import { QueryCache, QueryClient, QueryClientProvider, MutationCache } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import 'dayjs/locale/zh-cn';
import { createHashRouter, RouterProvider } from 'react-router';
import { CampaignPage } from '../campaigns/CampaignPage';
import { CampaignsPage } from '../campaigns/CampaignsPage';
import { TemplateEditorPage } from '../campaigns/templates/TemplateEditorPage';
import { TemplatesPage } from '../campaigns/templates/TemplatesPage';
import { DossierPage } from '../dossier/DossierPage';
import { RecordFormPage } from '../dossier/form/RecordFormPage';
import { PickEnterprisePage } from '../dossier/PickEnterprisePage';
import { HomePage } from '../home/HomePage';
import { IssuePage } from '../notices/IssuePage';
import { NoticePage } from '../notices/NoticePage';
import { NoticesPage } from '../notices/NoticesPage';
import { TemplatesPage as NoticeTemplatesPage } from '../notices/TemplatesPage';
import { EnterprisePage } from '../registry/detail/EnterprisePage';
import { DuplicatesPage } from '../registry/duplicates/DuplicatesPage';
import { EnterpriseFormPage } from '../registry/form/EnterpriseFormPage';
import { ImportPage } from '../registry/import/ImportPage';
import { RegistryPage } from '../registry/RegistryPage';
import { FormatEditorPage } from '../reports/editor/FormatEditorPage';
import { ReportsPage } from '../reports/ReportsPage';
import { AuditPage } from '../audit/AuditPage';
import { SettingsPage } from '../settings/SettingsPage';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useReducedMotion } from '../ui/useReducedMotion';
import { reportError } from '../ui/notify';
import { AuthGate } from '../accounts/AuthGate';
import { RequireCan } from '../accounts/Can';
import { IntegrityGate } from '../integrity/IntegrityGate';
import { Shell } from './Shell';

dayjs.locale('zh-cn');

const queryClient = new QueryClient({
  // Pages that show an error themselves (a missing enterprise, a form's field errors) say meta.quiet.
  queryCache: new QueryCache({ onError: (err, query) => void (query.meta?.['quiet'] ? undefined : reportError(err)) }),
  mutationCache: new MutationCache({
    onError: (err, _v, _c, mutation) => void (mutation.meta?.['quiet'] ? undefined : reportError(err)),
  }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 } },
});

// Pages that exist only to write show a note instead when the signed-in role may not (the method each one saves with).
const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    errorElement: <ErrorBoundary.RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'registry', element: <RegistryPage /> },
      { path: 'registry/new', element: <RequireCan method="enterprises.create" doing="新增企业"><EnterpriseFormPage /></RequireCan> },
      { path: 'registry/duplicates', element: <DuplicatesPage /> },
      { path: 'registry/import', element: <RequireCan method="enterprises.import" doing="导入企业"><ImportPage /></RequireCan> },
      { path: 'registry/:id', element: <EnterprisePage /> },
      { path: 'registry/:id/edit', element: <RequireCan method="enterprises.update" doing="修改企业信息"><EnterpriseFormPage /></RequireCan> },
      { path: 'dossier', element: <PickEnterprisePage /> },
      { path: 'dossier/:enterpriseId', element: <DossierPage /> },
      { path: 'dossier/:enterpriseId/new', element: <RequireCan method="dossier.create" doing="新增档案记录"><RecordFormPage /></RequireCan> },
      { path: 'dossier/:enterpriseId/records/:recordId/edit', element: <RequireCan method="dossier.update" doing="修改档案记录"><RecordFormPage /></RequireCan> },
      { path: 'campaigns', element: <CampaignsPage /> },
      { path: 'campaigns/templates', element: <TemplatesPage /> },
      { path: 'campaigns/templates/:id', element: <TemplateEditorPage /> },
      { path: 'campaigns/:id', element: <CampaignPage /> },
      { path: 'notices', element: <NoticesPage /> },
      { path: 'notices/new', element: <RequireCan method="notices.issue" doing="出具文书"><IssuePage /></RequireCan> },
      { path: 'notices/templates', element: <NoticeTemplatesPage /> },
      { path: 'notices/:id', element: <NoticePage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'reports/sent', element: <ReportsPage /> },
      { path: 'reports/packages', element: <ReportsPage /> },
      { path: 'reports/formats/:id', element: <FormatEditorPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'audit', element: <AuditPage /> },
    ],
  },
]);

export function App() {
  const motion = !useReducedMotion();
  const theme = useMemo(() => ({ token: { colorPrimary: '#0e6eb8', borderRadius: 4, motion } }), [motion]);
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      {/* Notifications open below the header, so they never cover the job indicator. */}
      <AntApp notification={{ top: 72 }}>
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <IntegrityGate>
              <AuthGate>
                <RouterProvider router={router} />
              </AuthGate>
            </IntegrityGate>
          </QueryClientProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
