// Shows the first-start page, the login page, or the application, by the login state.
import { useQueryClient } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { onSignedOut } from '../api/client';
import { AUTH_KEY, useAuth } from './auth';
import { LoginPage } from './LoginPage';
import { SetupPage } from './SetupPage';

/** Renders `children` only for a signed-in user (or the local user before any account exists, after set-up). */
export function AuthGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const auth = useAuth();
  useEffect(() => onSignedOut(() => void queryClient.invalidateQueries({ queryKey: AUTH_KEY })), [queryClient]);
  if (auth.isLoading) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  if (!auth.data) return <Result status="error" title="无法读取登录状态" subTitle={auth.error instanceof Error ? auth.error.message : ''} />;
  if (auth.data.setupNeeded) return <SetupPage remote={auth.data.remote} />;
  if (!auth.data.me) return <LoginPage />;
  return <>{children}</>;
}
