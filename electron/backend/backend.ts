// Opens an office's data directory and assembles the backend. Used by the Electron main
// process, the HTTP server, the CLI and the tests alike.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import type { IntegrityItem } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { createApi, type Api } from './api';
import { startDailyBackupIfDue } from './backup/daily';
import { setBackupEnv, type BackupEnv, type KeyStore } from './backup/env';

export type { KeyStore } from './backup/env';
import { checkFilePresence, filePresenceItem } from './backup/integrity';
import { packPreMigrationCopies, snapshotBeforeMigration } from './backup/premigration';
import { createRescueApi, rescueConnection } from './backup/rescue';
import { activeFolder, readBackupSettings } from './backup/settings';
import { seedTemplates } from './campaigns/templates';
import { seedReportFormats } from './reports/formats';
import { createLockedApi } from './backup/locked';
import type { Core } from './core';
import { openDatabase, type DbAccess, type Db, type Sqlite } from './db/open';
import * as schema from './db/schema';
import { FileStore } from './files/store';
import { JobRunner } from './jobs/runner';
import { createLogger, type Logger } from './log';
import { dataPaths } from './paths';
import { ChromiumPdfRenderer } from './pdf/chromium';
import type { PdfRenderer } from './pdf/renderer';
import { seedProducts } from './reference/products';
import { rekeyEnterprises } from './registry/rekey';

export interface BackendTimings {
  openMs: number;
  quickCheckMs: number;
  foreignKeyMs: number;
  fileCheckMs: number;
  migrateMs: number;
  /** The quick check was left to the caller (deferQuickCheck), who must await it before handing anything out. */
  quickCheckDeferred?: boolean;
}

export interface Backend {
  core: Core;
  api: Api;
  timings: BackendTimings;
  /** True while the data failed the start-up checks: the API answers only what the restore needs. */
  readonly rescue: boolean;
  /** True while the encrypted database waits for its password: the API answers only the unlock. */
  readonly locked: boolean;
  close(): Promise<void>;
}

export interface BackendOptions {
  nativeBinding?: string;
  /** The database password, when the database is encrypted at rest. */
  key?: string;
  /** Lets the password entered on the page be kept (the desktop app). */
  keyStore?: KeyStore;
  log?: Logger;
  /** Echo level for the log on stderr. */
  stderrLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Apply pending migrations and recover interrupted jobs (default true); `qingbo check` looks without changing. */
  migrate?: boolean;
  /** How HTML becomes PDF; the desktop app passes Electron's printer, others get the system Chromium. */
  pdfRenderer?: PdfRenderer;
  /** Also check foreign keys and the presence of every stored file (the app and the server at start). */
  startupChecks?: boolean;
  /** Leave the quick check to the caller, who runs it alongside a command that only reads (db/check-thread.ts). */
  deferQuickCheck?: boolean;
}

function bringReferenceDataUpToDate(sqlite: Sqlite, log: Logger): void {
  const t = performance.now();
  const rekeyed = rekeyEnterprises(sqlite);
  const seeded = seedProducts(sqlite) + seedTemplates(sqlite) + seedReportFormats(sqlite);
  if (rekeyed || seeded) log.info('reference data and search keys brought up to date', { rekeyed, seeded, ms: Math.round(performance.now() - t) });
}

const hasPreMigrationCopy = (folder: string): boolean => existsSync(folder) && readdirSync(folder).some((n) => n.startsWith('qingbo-迁移前副本-'));

const accessOf = (options: BackendOptions): DbAccess => ({
  ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  ...(options.key !== undefined ? { key: options.key } : {}),
});

interface OpenedData {
  sqlite: Sqlite;
  db: Db;
  timings: BackendTimings;
  items: IntegrityItem[];
  ms: number;
}

/** Opens, checks and migrates the database (throws INTEGRITY or LOCKED); with the start-up checks, also the file store. */
function openData(dataDir: string, options: BackendOptions, log: Logger, files: FileStore): OpenedData {
  const paths = dataPaths(dataDir);
  const migrating = options.migrate !== false;
  const t0 = performance.now();
  const { sqlite, db, timings, quickCheckDeferred } = openDatabase(paths.db, {
    ...accessOf(options),
    migrate: migrating,
    deferQuickCheck: options.deferQuickCheck === true,
    foreignKeyCheck: options.startupChecks === true,
    beforeMigrate: (conn, state) => {
      try {
        snapshotBeforeMigration(conn, dataDir, log, state);
      } catch (err) {
        conn.close();
        throw new AppError('CONFLICT', `升级数据库结构前需要先备份，但备份没有成功（${(err as Error).message}），数据库没有升级。请检查磁盘空间后重新启动清波。`);
      }
    },
  });
  const items: IntegrityItem[] = [
    { name: '数据库页面', ok: true, detail: quickCheckDeferred ? '与本次操作同时检查' : `完好（快速检查 ${Math.round(timings.quickCheckMs)} ms）` },
  ];
  const tf = performance.now();
  if (options.startupChecks) {
    items.push({ name: '外键关联', ok: true, detail: `无断开的关联（${Math.round(timings.foreignKeyMs)} ms）` });
    const presence = filePresenceItem(checkFilePresence(sqlite, files));
    items.push(presence);
    if (!presence.ok) {
      sqlite.close();
      throw new AppError('INTEGRITY', `文件库检查未通过：${presence.detail}。请从最近的备份恢复。`, { items });
    }
  }
  if (migrating) bringReferenceDataUpToDate(sqlite, log);
  return { sqlite, db, timings: { ...timings, fileCheckMs: performance.now() - tf, quickCheckDeferred }, items, ms: Math.round(performance.now() - t0) };
}

/** Opens (creating if needed) the data directory: checks and migrates the database, starts the job runner. */
export function openBackend(dataDir: string, options: BackendOptions = {}): Backend {
  const paths = dataPaths(dataDir);
  const log = options.log ?? createLogger(paths.logs, options.stderrLevel ?? 'warn');
  const files = new FileStore(paths.files);
  const data = openData(dataDir, options, log, files);
  const jobs = new JobRunner({ dbFile: paths.db, main: data.sqlite, log, recoverInterrupted: options.migrate !== false, access: accessOf(options) });
  const pdf = options.pdfRenderer ?? new ChromiumPdfRenderer({ log });
  const core: Core = { dataDir, dbFile: paths.db, sqlite: data.sqlite, db: data.db, jobs, files, log, pdf };
  log.info('backend opened', { dataDir, encrypted: options.key !== undefined, ...data.timings });
  const backend = assemble(core, options, pdf, data.timings, { ok: true, items: data.items, ms: data.ms }, 'normal');
  if (options.migrate !== false) packLeftCopies(backend, options);
  return backend;
}

/** Packs pre-migration copies left in the backup folders into verified backups, in the background. */
function packLeftCopies(backend: AssembledBackend, options: BackendOptions): void {
  const { core } = backend;
  const folder = activeFolder(core.dataDir, readBackupSettings(core.sqlite));
  if (hasPreMigrationCopy(folder) || hasPreMigrationCopy(dataPaths(core.dataDir).backups)) {
    backend.track(packPreMigrationCopies(core.sqlite, core.dataDir, core.files, core.log, accessOf(options)));
  }
}

type AssembledBackend = Backend & { track(p: Promise<unknown>): void };

/** Makes `sqlite` the core's main connection (API, queries, job bookkeeping) and closes the one it replaces. */
function useConnection(core: Core, sqlite: Sqlite, db: Db = drizzle(sqlite, { schema })): void {
  const old = core.sqlite;
  core.sqlite = sqlite;
  core.db = db;
  core.jobs.useMain(sqlite);
  old.close();
}
type Mode = 'normal' | 'rescue' | 'locked';

function assemble(
  core: Core, options: BackendOptions, pdf: PdfRenderer, timings: BackendTimings, report: BackupEnv['report'], mode: Mode,
): AssembledBackend {
  const background = new Set<Promise<unknown>>();
  const env: BackupEnv = {
    rescue: mode === 'rescue',
    locked: mode === 'locked',
    report,
    // One holder of the key: the job runner, which opens every job's connection with it.
    get access() {
      return core.jobs.access;
    },
    set access(access: DbAccess) {
      core.jobs.useAccess(access);
    },
    ...(options.keyStore ? { keyStore: options.keyStore } : {}),
    // Calls arriving while the files are swapped meet an empty stand-in, never a closed connection.
    release: () => useConnection(core, rescueConnection(core.dbFile, env.access)),
    reopen: () => {
      // The restored database replaces the stand-in only once it is open and up to date; until
      // then, and for good if that fails, calls keep meeting the stand-in (in rescue mode).
      let opened: ReturnType<typeof openDatabase> | undefined;
      try {
        opened = openDatabase(core.dbFile, { ...env.access, migrate: true });
        bringReferenceDataUpToDate(opened.sqlite, core.log);
      } catch (err) {
        opened?.sqlite.close();
        env.rescue = true;
        env.report = { ok: false, items: [{ name: '数据库', ok: false, detail: (err as Error).message }], ms: 0 };
        current = createRescueApi(core);
        throw new AppError('INTEGRITY', `恢复后的数据库无法打开：${(err as Error).message}`);
      }
      useConnection(core, opened.sqlite, opened.db);
      env.rescue = false;
      env.report = { ok: true, items: [{ name: '数据', ok: true, detail: '已从备份恢复' }], ms: 0 };
      current = createApi(core);
    },
  };
  const unlock = (password: string, remember: boolean): void => {
    if (!env.locked) throw new AppError('CONFLICT', '数据库已经打开');
    const access: DbAccess = { ...env.access, key: password };
    const unlocked = { ...options, key: password, startupChecks: true };
    let data: OpenedData;
    try {
      data = openData(core.dataDir, unlocked, core.log, core.files);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'LOCKED') throw new AppError('VALIDATION', '数据库密码不对，请重新输入', { field: 'password' });
      if (err.code !== 'INTEGRITY') throw err;
      // The password is right but the data failed the checks: rescue mode, which can read the backup settings now.
      core.log.error('data failed the start-up checks after unlocking: rescue mode', { error: err.message });
      useConnection(core, rescueConnection(core.dbFile, access));
      env.access = access;
      env.locked = false;
      env.rescue = true;
      env.report = { ok: false, items: rescueItems(err), ms: 0 };
      current = createRescueApi(core);
      return;
    }
    useConnection(core, data.sqlite, data.db);
    env.access = access;
    core.jobs.recoverInterrupted();
    env.locked = false;
    env.report = { ok: true, items: data.items, ms: data.ms };
    current = createApi(core);
    if (remember) options.keyStore?.save(password);
    core.log.info('database unlocked', { remembered: remember && options.keyStore !== undefined });
    packLeftCopies(backend, unlocked);
    startDaily(backend);
  };
  let current: Api = mode === 'rescue' ? createRescueApi(core) : mode === 'locked' ? createLockedApi(core, unlock) : createApi(core);
  setBackupEnv(core, env);
  const backend: AssembledBackend = {
    core,
    api: { call: (method, input, ctx) => current.call(method, input, ctx) },
    timings,
    get rescue() {
      return env.rescue;
    },
    get locked() {
      return env.locked;
    },
    track(p) {
      const tracked = p.catch((err: unknown) => core.log.error('background task failed', { error: String(err) })).finally(() => background.delete(tracked));
      background.add(tracked);
    },
    async close() {
      await Promise.all(background);
      await core.jobs.close();
      await pdf.close();
      core.sqlite.close();
    },
  };
  return backend;
}

/** The daily backup, in the background, when none was made today. */
function startDaily(backend: AssembledBackend): void {
  const { core } = backend;
  setImmediate(() => {
    try {
      const job = startDailyBackupIfDue(core);
      if (job) backend.track(core.jobs.wait(job.id));
    } catch (err) {
      core.log.error('daily backup could not start', { error: String(err) });
    }
  });
}

const rescueItems = (why: AppError): IntegrityItem[] =>
  (why.details?.['items'] as IntegrityItem[] | undefined) ?? [{ name: (why.details?.['check'] as string | undefined) ?? '数据库', ok: false, detail: why.message }];

/**
 * Opens the data directory for the desktop app and the server: with the start-up checks, the
 * daily backup in the background, and rescue mode when the data fails the checks.
 */
export function openAppBackend(dataDir: string, options: BackendOptions = {}): Backend {
  let backend: AssembledBackend;
  try {
    backend = openBackend(dataDir, { ...options, startupChecks: true }) as AssembledBackend;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'LOCKED') return openStandInBackend(dataDir, options, 'locked', err);
    if (err.code === 'INTEGRITY') return openStandInBackend(dataDir, options, 'rescue', err);
    throw err;
  }
  startDaily(backend);
  return backend;
}

/** A backend over an empty stand-in database: rescue mode (the data failed the checks) or locked (it waits for its password). */
function openStandInBackend(dataDir: string, options: BackendOptions, mode: 'rescue' | 'locked', why: AppError): Backend {
  const paths = dataPaths(dataDir);
  const log = options.log ?? createLogger(paths.logs, options.stderrLevel ?? 'warn');
  if (mode === 'rescue') log.error('data failed the start-up checks: rescue mode', { error: why.message });
  else log.info('database is encrypted: waiting for its password', { keyGiven: options.key !== undefined });
  // A key that did not open the file is not kept: the page asks for the password.
  const { key: _wrong, ...withoutKey } = options;
  const kept = mode === 'locked' ? withoutKey : options;
  const access = accessOf(kept);
  const sqlite = rescueConnection(paths.db, access);
  const jobs = new JobRunner({ dbFile: paths.db, main: sqlite, log, recoverInterrupted: false, access });
  const pdf = options.pdfRenderer ?? new ChromiumPdfRenderer({ log });
  const core: Core = { dataDir, dbFile: paths.db, sqlite, db: drizzle(sqlite, { schema }), jobs, files: new FileStore(paths.files), log, pdf };
  const timings = { openMs: 0, quickCheckMs: 0, foreignKeyMs: 0, fileCheckMs: 0, migrateMs: 0 };
  const report =
    mode === 'rescue'
      ? { ok: false, items: rescueItems(why), ms: 0 }
      : { ok: true, items: [{ name: '数据库', ok: true, detail: options.key === undefined ? '已加密，请输入数据库密码' : '已加密，保存的数据库密码不对，请重新输入' }], ms: 0 };
  return assemble(core, kept, pdf, timings, report, mode);
}
