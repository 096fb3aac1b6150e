// Locked mode: the database is encrypted at rest and no (right) password was given at start. The
// app and the server start anyway and the page asks for the password; until then the API answers
// only the integrity report (mode 'locked'), the login status (nobody) and the unlock.
import type { MethodName } from '../../../shared/contract';
import type { Api } from '../api';
import type { Core } from '../core';
import { limitedApi } from './limited-api';
import { integrityReport } from './service';

/** The methods locked mode answers. */
export const lockedMethods: readonly MethodName[] = ['system.integrity', 'system.unlock', 'accounts.status'];

/** The API of a backend waiting for the database password; `unlock` opens the database or throws. */
export function createLockedApi(core: Core, unlock: (password: string, remember: boolean) => void): Api {
  const refused = { code: 'LOCKED' as const, message: '数据库已加密：请先输入数据库密码。' };
  return limitedApi(core, 'locked', lockedMethods, refused, async (method, input) => {
    switch (method) {
      case 'system.integrity':
        return integrityReport(core);
      case 'system.unlock': {
        const { password, remember } = input as { password: string; remember: boolean };
        unlock(password, remember);
        return { unlocked: true as const };
      }
      default:
        return { setupNeeded: false, me: null, autoLogin: false, remote: false };
    }
  });
}
