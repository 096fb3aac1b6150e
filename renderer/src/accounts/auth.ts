// Who is signed in, and what they may do: the UI hides what the backend would refuse anyway.
import { useQuery } from '@tanstack/react-query';
import { roleMay, type AuthStatus, type Role } from '../../../shared/accounts';
import type { MethodName } from '../../../shared/contract';
import { methodAccess } from '../../../shared/permissions';
import { call } from '../api/client';

export const AUTH_KEY = ['accounts.status'] as const;

/** The login state, refreshed after login, logout and any UNAUTHENTICATED answer. */
export function useAuth() {
  return useQuery<AuthStatus>({ queryKey: AUTH_KEY, queryFn: () => call('accounts.status', {}), staleTime: 60_000 });
}

/** The role the page acts with: the signed-in account's, or administrator for the local user before any account exists. */
export function useRole(): Role | null {
  const auth = useAuth();
  if (!auth.data) return null;
  return auth.data.me?.role ?? (auth.data.setupNeeded && !auth.data.remote ? 'admin' : null);
}

/** True when the signed-in role may call `method`. */
export function useCan(method: MethodName): boolean {
  const role = useRole();
  return role !== null && roleMay(role, methodAccess[method]);
}
