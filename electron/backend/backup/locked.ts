// Locked mode: the database is encrypted at rest and no (right) password was given at start. The
// app and the server start anyway and the page asks for the password; until then the API answers
// only the integrity report (mode 'locked'), the login status (nobody) and the unlock.
import { contract, isMethodName, type MethodName } from '../../../shared/contract';
import { AppError, fail, ok } from '../../../shared/errors';
import { describeZodError } from '../../../shared/validation';
import type { Api } from '../api';
import type { Core } from '../core';
import { integrityReport } from './service';

/** The methods locked mode answers. */
export const lockedMethods: readonly MethodName[] = ['system.integrity', 'system.unlock', 'accounts.status'];

/** The API of a backend waiting for the database password; `unlock` opens the database or throws. */
export function createLockedApi(core: Core, unlock: (password: string, remember: boolean) => void): Api {
  return {
    async call(method, rawInput) {
      if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `未知的操作：${String(method).slice(0, 80)}`);
      if (!lockedMethods.includes(method)) return fail('LOCKED', '数据库已加密：请先输入数据库密码。');
      const def = contract[method];
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const { message, problems } = describeZodError(def.input, parsed.error);
        return fail('VALIDATION', message, { field: problems[0]?.field, problems });
      }
      try {
        switch (method) {
          case 'system.integrity':
            return ok(await integrityReport(core));
          case 'system.unlock': {
            const { password, remember } = parsed.data as { password: string; remember: boolean };
            unlock(password, remember);
            return ok({ unlocked: true as const });
          }
          default:
            return ok({ setupNeeded: false, me: null, autoLogin: false, remote: false });
        }
      } catch (err) {
        if (err instanceof AppError) return { ok: false, error: err.toInfo() };
        core.log.error('locked-mode method failed', { method, error: (err as Error).stack ?? String(err) });
        return fail('INTERNAL', `「${def.title}」失败：${(err as Error).message}。详情已写入日志。`);
      }
    },
  };
}
