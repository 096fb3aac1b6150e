// Opens an office's database: pragmas, an integrity check, and migrations at start-up.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { migrationsDir } from '../paths';
import { assertQuickCheck } from './quick-check';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;

/** How to reach an office's database file: which native binding, and the key when it is encrypted. */
export interface DbAccess {
  /** Path to a better-sqlite3 binary built for another runtime (the Electron app in development). */
  nativeBinding?: string;
  /** The database password when the file is encrypted at rest. */
  key?: string;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * True when the file looks encrypted: whole pages (a multiple of 512 bytes) whose header is not
 * SQLite's (it is ciphertext). Anything else that is not SQLite is treated as damaged.
 */
export function isEncryptedDatabase(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const size = fstatSync(fd).size;
    if (size < 512 || size % 512 !== 0) return false;
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && !head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** A pragma's string argument: single quotes doubled. */
export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** The message for a database that will not open with the key given (or without one). */
export function wrongKeyMessage(file: string, key: string | undefined): string {
  return key === undefined
    ? `数据库 ${file} 已加密，需要数据库密码才能打开`
    : `数据库密码不对，无法打开 ${file}`;
}

/**
 * Opens a connection to a database file with `access`: an encrypted file is keyed, a plain one
 * (or a new one) is opened as it is. A wrong or missing key is an AppError('LOCKED') instead of
 * SQLite's "file is not a database".
 */
export function connect(file: string, access: DbAccess = {}, options: Database.Options = {}): Sqlite {
  const sqlite = new Database(file, { ...options, ...(access.nativeBinding ? { nativeBinding: access.nativeBinding } : {}) });
  if (!isEncryptedDatabase(file)) return sqlite;
  try {
    if (access.key !== undefined) sqlite.pragma(`key = ${sqlString(access.key)}`);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    sqlite.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new AppError('LOCKED', wrongKeyMessage(file, access.key));
    throw err;
  }
  return sqlite;
}

export interface OpenOptions extends DbAccess {
  /** Run `PRAGMA quick_check` before anything else (at start-up). */
  quickCheck?: boolean;
  /**
   * Leave the quick check to the caller, who runs it alongside (db/check-thread.ts) and awaits it
   * before handing anything out; ignored when migrations are pending (they write).
   */
  deferQuickCheck?: boolean;
  migrate?: boolean;
  /** Run `PRAGMA foreign_key_check` after the quick check (at start-up of the app and server). */
  foreignKeyCheck?: boolean;
  /** Called before pending migrations are applied to a database that already has some (a backup of it as it is). */
  beforeMigrate?: (sqlite: Sqlite, state: { shipped: number; applied: number }) => void;
}

export interface OpenedDb {
  sqlite: Sqlite;
  db: Db;
  timings: { openMs: number; quickCheckMs: number; foreignKeyMs: number; migrateMs: number };
  /** True when the quick check was left to the caller (deferQuickCheck). */
  quickCheckDeferred: boolean;
}

/** Applies the connection settings every connection of ours uses. */
export function configureConnection(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 32 MB of page cache instead of SQLite's 2 MB: a bulk import updates nine indexes and two
  // full-text indexes in random order, which thrashed the small cache (about 10 % of its time).
  sqlite.pragma('cache_size = -32768');
}

/** Opens (and creates) the database file, checks it, migrates it; throws INTEGRITY with a clear message if damaged. */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDb {
  const t0 = performance.now();
  mkdirSync(dirname(file), { recursive: true });
  let sqlite: Sqlite;
  try {
    sqlite = connect(file, options);
    configureConnection(sqlite);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('INTEGRITY', `无法打开数据库 ${file}：${(err as Error).message}。文件可能已损坏，请从备份恢复。`);
  }
  const t1 = performance.now();
  // Deferred only when nothing is about to be written by a migration; the caller runs it alongside.
  const deferred = options.deferQuickCheck === true && options.quickCheck !== false && !migrationPending(sqlite, options.migrate !== false);
  if (options.quickCheck !== false && !deferred) {
    try {
      assertQuickCheck(sqlite);
    } catch (err) {
      sqlite.close();
      throw err;
    }
  }
  const t2 = performance.now();
  if (options.foreignKeyCheck) assertForeignKeys(sqlite);
  const tFk = performance.now();
  const db = drizzle(sqlite, { schema });
  if (options.migrate !== false) {
    if (options.beforeMigrate) {
      const state = migrationState(sqlite);
      if (state.applied > 0 && state.applied < state.shipped) options.beforeMigrate(sqlite, state);
    }
    migrate(db, { migrationsFolder: migrationsDir() });
  }
  const t3 = performance.now();
  return { sqlite, db, timings: { openMs: t1 - t0, quickCheckMs: t2 - t1, foreignKeyMs: tFk - t2, migrateMs: t3 - tFk }, quickCheckDeferred: deferred };
}

/** Throws INTEGRITY (and closes the connection) when a row points to a row that does not exist. */
function assertForeignKeys(sqlite: Sqlite): void {
  let rows: { table: string; rowid: number; parent: string }[];
  try {
    rows = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  } catch (err) {
    sqlite.close();
    throw new AppError('INTEGRITY', `数据库文件已损坏，无法检查关联（${(err as Error).message}）。请从最近的备份恢复。`);
  }
  if (rows.length === 0) return;
  sqlite.close();
  const first = rows[0]!;
  throw new AppError(
    'INTEGRITY',
    `外键关联检查未通过：${rows.length} 处记录指向不存在的记录（例如表 ${first.table} 第 ${first.rowid} 行指向 ${first.parent}）。请从最近的备份恢复。`,
    { check: '外键关联', problems: rows.slice(0, 20) },
  );
}

let shippedCount: number | undefined;

/** How many migrations ship with this version of the program. */
export function shippedMigrationCount(): number {
  // The journal is part of the installed app: read it once per process.
  shippedCount ??= (JSON.parse(readFileSync(join(migrationsDir(), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
  return shippedCount;
}

/** True when opening with `migrate` would apply migrations (or the state cannot be read: then check first). */
function migrationPending(sqlite: Sqlite, migrate: boolean): boolean {
  if (!migrate) return false;
  try {
    const { shipped, applied } = migrationState(sqlite);
    return applied < shipped;
  } catch {
    return true;
  }
}

/** How many migrations ship with this version, and how many the database has applied. */
export function migrationState(sqlite: Sqlite): { shipped: number; applied: number } {
  shippedCount = shippedMigrationCount();
  let applied = 0;
  try {
    applied = (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
  } catch {
    applied = 0;
  }
  return { shipped: shippedCount, applied };
}
