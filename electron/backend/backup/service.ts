// The backup methods of the contract: list, create (a job), verify, restore, settings, and the
// integrity report the page asks for first.
import type { BackupInfo, BackupKind, BackupVerifyResult, IntegrityReport, RestoreResult } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import type { JobInfo } from '../../../shared/jobs';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import { migrationState } from '../db/open';
import { createBackup } from './create';
import { backupEnv } from './env';
import { findBackup, listBackups } from './list';
import { restoreBackup } from './restore';
import { activeFolder, assertWritableFolder, listedFolders, readBackupSettings } from './settings';
import { verifyBackupFile } from './zip-read';

const shipped = (core: Core): number => migrationState(core.sqlite).shipped;

/** Every backup in the backup folder and the data directory's own, newest first. */
export function listBackupsOf(core: Core): Promise<BackupInfo[]> {
  return listBackups(listedFolders(core.dataDir, readBackupSettings(core.sqlite)), shipped(core));
}

const kindTitles: Record<BackupKind, string> = { 每日: '每日自动备份', 手动: '备份数据', 迁移前: '升级前备份', 恢复前: '恢复前备份' };

/**
 * Starts a backup job reading a snapshot (clerks keep working). Into the backup folder with
 * retention applied, or into `folder` once (no retention there).
 */
export function startBackupJob(core: Core, ctx: RequestContext, kind: BackupKind, folder?: string): JobInfo {
  const settings = readBackupSettings(core.sqlite);
  const target = folder ?? activeFolder(core.dataDir, settings);
  if (folder) assertWritableFolder(folder);
  const { access } = backupEnv(core);
  return core.jobs.start(
    'backups.create',
    kindTitles[kind],
    ctx.actor,
    { kind, folder: target },
    async (jc) => {
      // The first read starts the snapshot the copy is made from.
      jc.sqlite.prepare('SELECT count(*) AS n FROM files').get();
      const r = await createBackup({
        kind,
        folder: target,
        files: core.files,
        sqlite: jc.sqlite,
        ...(folder ? {} : { retention: settings }),
        access,
        progress: jc.progress,
        checkpoint: jc.checkpoint,
      });
      jc.audit({ entity: 'backup', entityId: r.name, after: { folder: r.folder, size: r.size, counts: r.counts, removed: r.removed } });
      return r;
    },
    { readOnly: true },
  );
}

/** Reads a listed backup back completely; a problem is reported, not thrown. */
export async function verifyBackupByName(core: Core, name: string): Promise<BackupVerifyResult> {
  const file = findBackup(listedFolders(core.dataDir, readBackupSettings(core.sqlite)), name);
  const t = performance.now();
  const { access } = backupEnv(core);
  try {
    await verifyBackupFile(file, { shippedMigrations: shipped(core), access });
    return { name, ok: true, problem: null, ms: Math.round(performance.now() - t) };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { name, ok: false, problem: err.message, ms: Math.round(performance.now() - t) };
  }
}

/**
 * Restores a listed backup into the running backend: refused while a job runs; writes are held
 * until the restored database is open again.
 */
export async function restoreByName(core: Core, ctx: RequestContext, name: string): Promise<RestoreResult> {
  const env = backupEnv(core);
  const settings = env.rescue ? null : readBackupSettings(core.sqlite);
  const file = findBackup(listedFolders(core.dataDir, settings ?? readBackupSettings(core.sqlite)), name);
  const running = core.jobs.runningJob();
  if (running) throw new AppError('BUSY', `「${running.title}」正在进行，请等它完成或取消后再恢复。`, { jobId: running.id });
  const release = core.jobs.hold('正在从备份恢复数据');
  const t = performance.now();
  let result: RestoreResult;
  try {
    const r = await restoreBackup(file, {
      dataDir: core.dataDir,
      log: core.log,
      shippedMigrations: shipped(core),
      access: env.access,
      current: settings ? { sqlite: core.sqlite, files: core.files, settings } : null,
      release: () => env.release(),
    });
    env.reopen();
    result = {
      restored: name,
      previousBackup: r.previousBackup,
      setAsideFolder: r.setAsideFolder,
      migrated: r.manifest.schemaVersion < shipped(core),
      ms: Math.round(performance.now() - t),
    };
  } finally {
    release();
  }
  // Recorded in the restored data: its history goes on from the backup with who put it back, and when.
  const { ms: _ms, ...after } = result;
  write(core, ctx, 'backups.restore', (scope) => scope.audit({ entity: 'backup', entityId: name, after }));
  return result;
}

/** What the start-up checks found; in rescue mode with the backups and the newest one that verifies. */
export async function integrityReport(core: Core): Promise<IntegrityReport> {
  const env = backupEnv(core);
  // Public (asked before login): where the data lives is told only when it is needed, in rescue mode.
  const mode = env.rescue ? ('rescue' as const) : env.locked ? ('locked' as const) : ('normal' as const);
  const base = { ...env.report, mode, dataDir: env.rescue ? core.dataDir : '', canRememberKey: env.keyStore !== undefined };
  if (!env.rescue) return { ...base, backups: [], latestGood: null };
  const backups = await listBackupsOf(core);
  let latestGood: string | null = null;
  for (const b of backups) {
    if (b.problem || b.databaseOnly) continue;
    const v = await verifyBackupByName(core, b.name);
    if (v.ok) {
      latestGood = b.name;
      break;
    }
    b.problem = v.problem;
  }
  return { ...base, backups, latestGood };
}
