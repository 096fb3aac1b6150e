// Asks first whether the data passed the start-up checks: if not, the rescue page replaces the app;
// an encrypted database waiting for its password gets the unlock page.
import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { call } from '../api/client';
import { RescuePage } from './RescuePage';
import { UnlockPage } from './UnlockPage';

export function IntegrityGate({ children }: { children: ReactNode }) {
  const report = useQuery({ queryKey: ['system.integrity'], queryFn: () => call('system.integrity', {}), staleTime: Infinity, meta: { quiet: true } });
  if (report.isLoading) return <Spin fullscreen tip="正在检查数据…" />;
  // A server that cannot answer is reported by the app's own pages; only a failed check stops here.
  if (report.data?.mode === 'rescue') return <RescuePage report={report.data} />;
  if (report.data?.mode === 'locked') return <UnlockPage report={report.data} />;
  return <>{children}</>;
}
