// Encryption of the database at rest (SQLite3 Multiple Ciphers, ChaCha20-Poly1305 by default):
// its status, and turning it on, changing the password or turning it off. The file is re-keyed in
// place on the main connection (PRAGMA rekey, which needs the rollback journal, not WAL) while
// writes and jobs are held; job connections and backups use the new key from then on.
import { timingSafeEqual } from 'node:crypto';
import type { EncryptionStatus } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import { isEncryptedDatabase, sqlString, type DbAccess, type Sqlite } from '../db/open';
import { backupEnv } from './env';

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The cipher SQLite3 Multiple Ciphers uses on this connection. */
function cipherOf(sqlite: Sqlite): string | null {
  try {
    return (sqlite.pragma('cipher', { simple: true }) as string | undefined) ?? null;
  } catch {
    return null;
  }
}

export function encryptionStatus(core: Core): EncryptionStatus {
  const env = backupEnv(core);
  const encrypted = isEncryptedDatabase(core.dbFile);
  return {
    encrypted,
    cipher: encrypted ? cipherOf(core.sqlite) : null,
    remembered: env.keyStore?.remembered() ?? false,
    canRememberKey: env.keyStore !== undefined,
    filesEncrypted: false,
  };
}

/**
 * Re-keys the database file of `sqlite` (the only connection open to it): `next` encrypts it
 * with that password, null stores it in clear again. Leaves the connection in WAL mode.
 */
export function rekeyDatabase(sqlite: Sqlite, next: string | null): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const mode = sqlite.pragma('journal_mode = DELETE', { simple: true }) as string;
  if (mode !== 'delete') throw new AppError('BUSY', '数据库正被其他程序使用（例如另一个清波窗口或命令），请关闭它们后再设置加密。');
  try {
    sqlite.pragma(`rekey = ${sqlString(next ?? '')}`);
  } finally {
    sqlite.pragma('journal_mode = WAL');
  }
}

/** Turns encryption on, changes the password or turns it off; audited (never the password itself). */
export function setEncryption(core: Core, ctx: RequestContext, input: { current: string | null; next: string | null; remember: boolean }): EncryptionStatus {
  const env = backupEnv(core);
  const wasEncrypted = isEncryptedDatabase(core.dbFile);
  if (wasEncrypted) {
    if (!input.current) throw new AppError('VALIDATION', '请输入当前的数据库密码', { field: 'current' });
    if (env.access.key === undefined || !sameText(input.current, env.access.key)) {
      throw new AppError('VALIDATION', '当前的数据库密码不对', { field: 'current' });
    }
  } else if (input.next === null) {
    throw new AppError('CONFLICT', '数据库没有加密，无需解除');
  }
  core.jobs.assertIdle();
  const running = core.jobs.runningJob();
  if (running) throw new AppError('BUSY', `「${running.title}」正在进行，请等它完成后再设置加密。`, { jobId: running.id });
  const release = core.jobs.hold('正在设置数据库加密');
  const t = performance.now();
  try {
    rekeyDatabase(core.sqlite, input.next);
  } finally {
    release();
  }
  const { key: _old, ...rest } = env.access;
  const access: DbAccess = input.next === null ? rest : { ...rest, key: input.next };
  env.access = access;
  if (env.keyStore) env.keyStore.save(input.next !== null && input.remember ? input.next : null);
  const ms = Math.round(performance.now() - t);
  const after = { encrypted: input.next !== null, passwordChanged: wasEncrypted && input.next !== null };
  write(core, ctx, 'system.setEncryption', (scope) => scope.audit({ entity: 'settings', entityId: 'encryption', before: { encrypted: wasEncrypted }, after }));
  core.log.info('database re-keyed', { ...after, ms });
  return encryptionStatus(core);
}
