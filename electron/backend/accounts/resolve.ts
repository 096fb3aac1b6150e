// Turns what a transport knows about a request (its kind, a session token, whether this computer's
// automatic login may apply) into the RequestContext every method is checked against.
import { anonymousContext, LOCAL_ACTOR, type RequestContext, type Transport } from '../context';
import type { Core } from '../core';
import { accountCount, accountRow, actorName, autoLoginAccountId, type AccountRow } from './repo';
import { resolveSession } from './sessions';

export interface RequestFacts {
  transport: Transport;
  /** The token the transport holds for this client (cookie or the desktop window's). */
  token?: string | undefined;
  remoteAddress?: string | undefined;
  /** False after the user logged out of an automatic login on this client. */
  allowAutoLogin?: boolean;
}

const accountContext = (row: AccountRow, facts: RequestFacts, via: 'session' | 'autoLogin'): RequestContext => ({
  actor: actorName({ displayName: row.display_name, username: row.username }),
  accountId: row.id,
  role: row.role as RequestContext['role'],
  transport: facts.transport,
  via,
  ...(facts.remoteAddress ? { remoteAddress: facts.remoteAddress } : {}),
  ...(via === 'session' && facts.token ? { sessionToken: facts.token } : {}),
});

/**
 * Who a request acts as. A valid session wins. On this computer (not `remote`): with no account
 * yet, the local user with administrator rights; else the automatic-login account if one is set
 * and active. Otherwise nobody: only public methods answer.
 */
export function resolveContext(core: Core, facts: RequestFacts, now: Date = new Date()): RequestContext {
  if (facts.token) {
    const row = resolveSession(core.sqlite, facts.token, now);
    if (row) return accountContext(row, facts, 'session');
  }
  if (facts.transport !== 'remote') {
    if (accountCount(core.sqlite) === 0) {
      return { actor: LOCAL_ACTOR, accountId: null, role: 'admin', transport: facts.transport, via: 'trusted' };
    }
    const autoId = facts.allowAutoLogin === false ? null : autoLoginAccountId(core.sqlite);
    const row = autoId !== null ? accountRow(core.sqlite, autoId) : undefined;
    if (row && row.active === 1) return accountContext(row, facts, 'autoLogin');
  }
  return anonymousContext(facts.transport, facts.remoteAddress);
}
