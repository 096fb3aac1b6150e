// Who is calling, carried from the transport to every service.
import type { Role } from '../../shared/accounts';

/** How a request reached the backend: the desktop window, the local server, the office network, or in-process. */
export type Transport = 'desktop' | 'local' | 'remote' | 'cli';

export interface RequestContext {
  /** The name recorded in the audit trail. */
  actor: string;
  /** The signed-in account; null for the local user before any account exists and for trusted in-process callers. */
  accountId: number | null;
  /** What the caller may do, checked against `methodAccess` before every method; null when nobody is signed in. */
  role: Role | null;
  transport: Transport;
  /** How the caller was recognised: a session, this computer's automatic login, or trust (local set-up, CLI, tests). */
  via?: 'session' | 'autoLogin' | 'trusted';
  /** Remote peer address of an HTTP request. */
  remoteAddress?: string;
  /** The raw session token of this request (only its SHA-256 is stored). */
  sessionToken?: string;
}

export const LOCAL_ACTOR = '本机用户';
export const SYSTEM_ACTOR = '系统';

/** A context for trusted in-process callers (CLI, demo data, tests): administrator rights, no session. */
export function trustedContext(actor: string = SYSTEM_ACTOR, transport: Transport = 'cli'): RequestContext {
  return { actor, accountId: null, role: 'admin', transport, via: 'trusted' };
}

/** A caller nobody has signed in as yet: only public methods (status, set-up, login) answer. */
export function anonymousContext(transport: Transport, remoteAddress?: string): RequestContext {
  return { actor: '未登录', accountId: null, role: null, transport, ...(remoteAddress ? { remoteAddress } : {}) };
}
