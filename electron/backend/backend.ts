// Opens an office's data directory and assembles the backend. Used by the Electron main
// process, the HTTP server, the CLI and the tests alike.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { createApi, type Api } from './api';
import { startDailyBackupIfDue } from './backup/daily';
import { setBackupEnv, type BackupEnv } from './backup/env';
import { checkFilePresence, filePresenceItem } from './backup/integrity';
import { packPreMigrationCopies, snapshotBeforeMigration } from './backup/premigration';
import { createRescueApi, rescueConnection } from './backup/rescue';
import { activeFolder, readBackupSettings } from './backup/settings';
import { seedTemplates } from './campaigns/templates';
import { seedReportFormats } from './reports/formats';
import type { Core } from './core';
import { openDatabase, type Sqlite } from './db/open';
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
}

export interface Backend {
  core: Core;
  api: Api;
  timings: BackendTimings;
  /** True while the data failed the start-up checks: the API answers only what the restore needs. */
  readonly rescue: boolean;
  close(): Promise<void>;
}

export interface BackendOptions {
  nativeBinding?: string;
  log?: Logger;
  /** Echo level for the log on stderr. */
  stderrLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Apply pending migrations and recover interrupted jobs (default true); `qingbo check` looks without changing. */
  migrate?: boolean;
  /** How HTML becomes PDF; the desktop app passes Electron's printer, others get the system Chromium. */
  pdfRenderer?: PdfRenderer;
  /** Also check foreign keys and the presence of every stored file (the app and the server at start). */
  startupChecks?: boolean;
}

function bringReferenceDataUpToDate(sqlite: Sqlite, log: Logger): void {
  const t = performance.now();
  const rekeyed = rekeyEnterprises(sqlite);
  const seeded = seedProducts(sqlite) + seedTemplates(sqlite) + seedReportFormats(sqlite);
  if (rekeyed || seeded) log.info('reference data and search keys brought up to date', { rekeyed, seeded, ms: Math.round(performance.now() - t) });
}

const hasPreMigrationCopy = (folder: string): boolean => existsSync(folder) && readdirSync(folder).some((n) => n.startsWith('qingbo-迁移前副本-'));

/** Opens (creating if needed) the data directory: checks and migrates the database, starts the job runner. */
export function openBackend(dataDir: string, options: BackendOptions = {}): Backend {
  const paths = dataPaths(dataDir);
  const log = options.log ?? createLogger(paths.logs, options.stderrLevel ?? 'warn');
  const migrating = options.migrate !== false;
  const t0 = performance.now();
  const { sqlite, db, timings } = openDatabase(paths.db, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    migrate: migrating,
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
  const files = new FileStore(paths.files);
  const items = [
    { name: '数据库页面', ok: true, detail: `完好（快速检查 ${Math.round(timings.quickCheckMs)} ms）` },
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
  const fileCheckMs = performance.now() - tf;
  const jobs = new JobRunner({
    dbFile: paths.db,
    main: sqlite,
    log,
    recoverInterrupted: migrating,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  if (migrating) bringReferenceDataUpToDate(sqlite, log);
  const pdf = options.pdfRenderer ?? new ChromiumPdfRenderer({ log });
  const core: Core = { dataDir, dbFile: paths.db, sqlite, db, jobs, files, log, pdf };
  const allTimings = { ...timings, fileCheckMs };
  log.info('backend opened', { dataDir, ...allTimings });
  const report = { ok: true, items, ms: Math.round(performance.now() - t0) };
  const backend = assemble(core, options, pdf, allTimings, report, false);
  const folder = activeFolder(dataDir, readBackupSettings(sqlite));
  if (migrating && (hasPreMigrationCopy(folder) || hasPreMigrationCopy(paths.backups))) {
    backend.track(packPreMigrationCopies(sqlite, dataDir, files, log, options.nativeBinding));
  }
  return backend;
}

type AssembledBackend = Backend & { track(p: Promise<unknown>): void };

function assemble(
  core: Core, options: BackendOptions, pdf: PdfRenderer, timings: BackendTimings, report: BackupEnv['report'], rescue: boolean,
): AssembledBackend {
  let current: Api = rescue ? createRescueApi(core) : createApi(core);
  const background = new Set<Promise<unknown>>();
  const env: BackupEnv = {
    rescue,
    report,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    release: () => {
      // Calls arriving while the files are swapped meet an empty stand-in, never a closed connection.
      const old = core.sqlite;
      core.sqlite = rescueConnection(core.dbFile, options.nativeBinding);
      core.db = drizzle(core.sqlite, { schema });
      core.jobs.useMain(core.sqlite);
      old.close();
    },
    reopen: () => {
      const standIn = core.sqlite;
      try {
        const opened = openDatabase(core.dbFile, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), migrate: true });
        core.sqlite = opened.sqlite;
        standIn.close();
        core.db = opened.db;
        bringReferenceDataUpToDate(opened.sqlite, core.log);
      } catch (err) {
        if (core.sqlite !== standIn) core.sqlite.close();
        core.sqlite = standIn;
        core.db = drizzle(standIn, { schema });
        env.rescue = true;
        env.report = { ok: false, items: [{ name: '数据库', ok: false, detail: (err as Error).message }], ms: 0 };
        current = createRescueApi(core);
        core.jobs.useMain(core.sqlite);
        throw new AppError('INTEGRITY', `恢复后的数据库无法打开：${(err as Error).message}`);
      }
      core.jobs.useMain(core.sqlite);
      env.rescue = false;
      env.report = { ok: true, items: [{ name: '数据', ok: true, detail: '已从备份恢复' }], ms: 0 };
      current = createApi(core);
    },
  };
  setBackupEnv(core, env);
  return {
    core,
    api: { call: (method, input, ctx) => current.call(method, input, ctx) },
    timings,
    get rescue() {
      return env.rescue;
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
}

/**
 * Opens the data directory for the desktop app and the server: with the start-up checks, the
 * daily backup in the background, and rescue mode when the data fails the checks.
 */
export function openAppBackend(dataDir: string, options: BackendOptions = {}): Backend {
  let backend: AssembledBackend;
  try {
    backend = openBackend(dataDir, { ...options, startupChecks: true }) as AssembledBackend;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'INTEGRITY') throw err;
    return openRescueBackend(dataDir, options, err);
  }
  const { core } = backend;
  setImmediate(() => {
    try {
      const job = startDailyBackupIfDue(core);
      if (job) backend.track(core.jobs.wait(job.id));
    } catch (err) {
      core.log.error('daily backup could not start', { error: String(err) });
    }
  });
  return backend;
}

function openRescueBackend(dataDir: string, options: BackendOptions, why: AppError): Backend {
  const paths = dataPaths(dataDir);
  const log = options.log ?? createLogger(paths.logs, options.stderrLevel ?? 'warn');
  log.error('data failed the start-up checks: rescue mode', { error: why.message });
  const sqlite = rescueConnection(paths.db, options.nativeBinding);
  const jobs = new JobRunner({ dbFile: paths.db, main: sqlite, log, recoverInterrupted: false, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const pdf = options.pdfRenderer ?? new ChromiumPdfRenderer({ log });
  const core: Core = { dataDir, dbFile: paths.db, sqlite, db: drizzle(sqlite, { schema }), jobs, files: new FileStore(paths.files), log, pdf };
  const detailItems = (why.details?.['items'] as { name: string; ok: boolean; detail: string }[] | undefined) ?? [
    { name: (why.details?.['check'] as string | undefined) ?? '数据库', ok: false, detail: why.message },
  ];
  const timings = { openMs: 0, quickCheckMs: 0, foreignKeyMs: 0, fileCheckMs: 0, migrateMs: 0 };
  return assemble(core, options, pdf, timings, { ok: false, items: detailItems, ms: 0 }, true);
}
