// Rescue mode: the data failed the start-up checks, yet the app and the server must start so
// that the administrator sees what failed and can restore a backup. The rescue API answers only
// the integrity report, the backup list, the restore and the login status.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { contract, isMethodName, type MethodName } from '../../../shared/contract';
import { AppError, fail, ok } from '../../../shared/errors';
import { describeZodError } from '../../../shared/validation';
import type { Api } from '../api';
import type { Core } from '../core';
import type { RequestContext } from '../context';
import { connect, type DbAccess, type Sqlite } from '../db/open';
import * as schema from '../db/schema';
import { migrationsDir } from '../paths';
import { integrityReport, listBackupsOf, restoreByName } from './service';

/** The methods rescue mode answers. */
export const rescueMethods: readonly MethodName[] = ['system.integrity', 'backups.list', 'backups.restore', 'accounts.status'];

/**
 * A connection standing in for the damaged database: an empty database in memory with every
 * table (so the transports' session look-ups answer "nobody"), holding only the backup settings
 * read from the damaged file when it still lets them be read.
 */
export function rescueConnection(dbFile: string, access: DbAccess = {}): Sqlite {
  const mem = connect(':memory:', { ...(access.nativeBinding ? { nativeBinding: access.nativeBinding } : {}) });
  migrate(drizzle(mem, { schema }), { migrationsFolder: migrationsDir() });
  try {
    const damaged = connect(dbFile, access, { readonly: true, fileMustExist: true });
    try {
      const row = damaged.prepare("SELECT value, updated_at FROM settings WHERE key = 'backups'").get() as { value: string; updated_at: string } | undefined;
      if (row) mem.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('backups', ?, ?)").run(row.value, row.updated_at);
    } finally {
      damaged.close();
    }
  } catch {
    // Unreadable: the default backup folder is used.
  }
  return mem;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Nobody can sign in while the data is damaged: a restore is accepted only from this computer. */
function onThisComputer(ctx: RequestContext): boolean {
  if (ctx.transport !== 'remote') return true;
  return ctx.remoteAddress !== undefined && LOOPBACK.has(ctx.remoteAddress);
}

/** The API of a backend in rescue mode. */
export function createRescueApi(core: Core): Api {
  return {
    async call(method, rawInput, ctx) {
      if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `未知的操作：${String(method).slice(0, 80)}`);
      if (!rescueMethods.includes(method)) {
        return fail('INTEGRITY', '数据检查未通过，清波处于恢复模式：请先从备份恢复数据。');
      }
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
          case 'backups.list':
            return ok(await listBackupsOf(core));
          case 'backups.restore':
            if (!onThisComputer(ctx)) {
              return fail('FORBIDDEN', '数据检查未通过时无法登录，只能在运行清波的这台电脑上从备份恢复。请到服务器本机操作。');
            }
            // Nobody can sign in to damaged data: the restore is recorded as made on this computer.
            const by = ctx.role === null ? { ...ctx, actor: '本机（恢复模式）' } : ctx;
            return ok(await restoreByName(core, by, (parsed.data as { name: string }).name));
          default:
            return ok({ setupNeeded: false, me: null, autoLogin: false, remote: false });
        }
      } catch (err) {
        if (err instanceof AppError) return { ok: false, error: err.toInfo() };
        core.log.error('rescue method failed', { method, error: (err as Error).stack ?? String(err) });
        return fail('INTERNAL', `「${def.title}」失败：${(err as Error).message}。详情已写入日志。`);
      }
    },
  };
}
