// Rescue mode: the data failed the start-up checks, yet the app and the server must start so
// that the administrator sees what failed and can restore a backup. The rescue API answers only
// the integrity report, the backup list, the restore and the login status.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { MethodName } from '../../../shared/contract';
import { fail } from '../../../shared/errors';
import type { Api } from '../api';
import type { Core } from '../core';
import type { RequestContext } from '../context';
import { connect, type DbAccess, type Sqlite } from '../db/open';
import * as schema from '../db/schema';
import { migrationsDir } from '../paths';
import { limitedApi, Refusal } from './limited-api';
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
  const refused = { code: 'INTEGRITY' as const, message: '数据检查未通过，清波处于恢复模式：请先从备份恢复数据。' };
  return limitedApi(core, 'rescue', rescueMethods, refused, async (method, input, ctx) => {
    switch (method) {
      case 'system.integrity':
        return integrityReport(core);
      case 'backups.list':
        return listBackupsOf(core);
      case 'backups.restore': {
        if (!onThisComputer(ctx)) {
          return new Refusal(fail('FORBIDDEN', '数据检查未通过时无法登录，只能在运行清波的这台电脑上从备份恢复。请到服务器本机操作。'));
        }
        // Nobody can sign in to damaged data: the restore is recorded as made on this computer.
        const by = ctx.role === null ? { ...ctx, actor: '本机（恢复模式）' } : ctx;
        return restoreByName(core, by, (input as { name: string }).name);
      }
      default:
        return { setupNeeded: false, me: null, autoLogin: false, remote: false };
    }
  });
}
