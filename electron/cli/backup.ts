// `qingbo backup` (make, list, verify) and `qingbo restore`: the same services as the 备份与恢复
// page, for the administrator at the command line.
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { BackupResult } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { openBackend, type Backend } from '../backend/backend';
import { restoreBackup } from '../backend/backup/restore';
import { listBackupsOf } from '../backend/backup/service';
import { readBackupSettings } from '../backend/backup/settings';
import { verifyBackupFile } from '../backend/backup/zip-read';
import { shippedMigrationCount } from '../backend/db/open';
import { createLogger } from '../backend/log';
import { dataPaths } from '../backend/paths';
import { runJob } from './jobs';
import { LOCAL_ACTOR, trustedContext } from '../backend/context';
import { write } from '../backend/core';
import { dbKey } from './dbkey';
import { UsageError } from './usage';

export const BACKUP_HELP = `  backup  --data 目录 [--out 文件夹] [--json]
          备份数据库和文件库，写入数据目录的 backups/（或设置中选定的文件夹；--out 指定另一个文件夹），
          写完后逐个校验；文件名为 qingbo-备份-日期-时间-手动.zip。
  backup list --data 目录 [--json]      列出备份（最新的在前）及其状态
  backup verify 备份文件.zip [--json]   完整校验一个备份（每个文件的 SHA-256 与数据库完整性）
  restore 备份文件.zip --data 目录 [--json]
          从备份恢复：先校验（损坏、不完整或较新版本的备份会被拒绝）；当前数据先另存为“恢复前”备份
          （无法读取时原样移到 backups/恢复前-时间/），再换成备份中的数据。恢复前请先关闭清波。`;

const MB = 1024 * 1024;

function print(json: boolean, value: unknown, text: string): void {
  console.log(json ? JSON.stringify({ ok: true, ...(value as object) }) : text);
}

async function withBackend<T>(dataDir: string, fn: (b: Backend) => Promise<T>): Promise<T> {
  if (!existsSync(dataPaths(dataDir).db)) throw new UsageError(`数据目录 ${dataDir} 中没有数据库（qingbo.db），请检查 --data`);
  const backend = openBackend(dataDir, { ...dbKey(), stderrLevel: 'warn' });
  try {
    return await fn(backend);
  } finally {
    await backend.close();
  }
}

/** Runs `qingbo backup [list|verify]`; resolves to the exit code. */
export async function backupCommand(sub: string | undefined, dataDir: string | undefined, opts: { out?: string; file?: string; json: boolean }): Promise<number> {
  const { json } = opts;
  if (sub === 'verify') {
    if (!opts.file) throw new UsageError('缺少要校验的备份文件，例如：qingbo backup verify qingbo-备份-20260101-080000-每日.zip');
    const t = performance.now();
    const m = await verifyBackupFile(resolve(opts.file), { shippedMigrations: shippedMigrationCount(), access: dbKey() });
    const ms = Math.round(performance.now() - t);
    print(json, { name: basename(opts.file), manifest: { ...m, entries: m.entries.length }, ms }, `✓ 备份完好：${m.entries.length} 个文件，${m.counts.enterprises} 家企业，${m.counts.records} 条档案记录（校验用时 ${ms} ms）`);
    return 0;
  }
  if (!dataDir) throw new UsageError('缺少 --data 目录，例如：--data ./data');
  if (sub === 'list') {
    return withBackend(dataDir, async (b) => {
      const list = await listBackupsOf(b.core);
      if (json) console.log(JSON.stringify({ ok: true, backups: list }));
      else if (list.length === 0) console.log('还没有备份。');
      else {
        for (const i of list) {
          console.log(`${i.problem ? '✗' : '✓'} ${i.name}  ${(i.size / MB).toFixed(1)} MB  ${i.folder}${i.encrypted ? '  （数据库已加密）' : ''}${i.problem ? `\n    ${i.problem}` : ''}`);
        }
      }
      return 0;
    });
  }
  if (sub !== undefined) throw new UsageError(`未知的 backup 子命令「${sub}」：可用 list、verify，或不加子命令直接备份`);
  return withBackend(dataDir, async (b) => {
    const done = await runJob(b, 'backups.create', opts.out ? { folder: resolve(opts.out) } : {}, json);
    if (done.status !== 'succeeded') {
      if (json) console.log(JSON.stringify({ ok: false, error: done.error }));
      else console.error(`备份没有完成：${done.error?.message ?? done.message}`);
      return 1;
    }
    const r = done.result as BackupResult;
    print(json, r, `已备份到 ${r.folder}/${r.name}（${(r.size / MB).toFixed(1)} MB，写入 ${Math.round(r.writeMs)} ms，校验 ${Math.round(r.verifyMs)} ms）` +
      (r.removed.length ? `\n按保留规则删除了 ${r.removed.length} 个旧备份。` : ''));
    return 0;
  });
}

/** Runs `qingbo restore FILE --data DIR` with the app closed; resolves to the exit code. */
export async function restoreCommand(file: string | undefined, dataDir: string, json: boolean): Promise<number> {
  if (!file) throw new UsageError('缺少备份文件，例如：qingbo restore qingbo-备份-20260101-080000-每日.zip --data ./data');
  const source = resolve(file);
  const paths = dataPaths(dataDir);
  let current: Backend | null = null;
  if (existsSync(paths.db)) {
    try {
      current = openBackend(dataDir, { ...dbKey(), stderrLevel: 'silent', startupChecks: true });
    } catch (err) {
      // Damaged data is moved aside as it is.
      if (!(err instanceof AppError) || err.code !== 'INTEGRITY') throw err;
    }
  }
  const t = performance.now();
  let restored;
  try {
    restored = await restoreBackup(source, {
      dataDir,
      log: current?.core.log ?? createLogger(paths.logs, 'silent'),
      shippedMigrations: shippedMigrationCount(),
      access: dbKey(),
      current: current ? { sqlite: current.core.sqlite, files: current.core.files, settings: readBackupSettings(current.core.sqlite) } : null,
      release: () => current?.core.sqlite.close(),
    });
  } finally {
    await current?.close();
  }
  // Open once to bring an older backup up to this version's structure, and record the restore in it.
  const ms = Math.round(performance.now() - t);
  const m = restored.manifest;
  const after = openBackend(dataDir, { ...dbKey(), stderrLevel: 'warn' });
  try {
    write(after.core, trustedContext(LOCAL_ACTOR), 'backups.restore', (scope) =>
      scope.audit({
        entity: 'backup',
        entityId: basename(source),
        after: { restored: basename(source), previousBackup: restored.previousBackup, setAsideFolder: restored.setAsideFolder, migrated: m.schemaVersion < shippedMigrationCount() },
      }),
    );
  } finally {
    await after.close();
  }
  const result = {
    restored: basename(source),
    previousBackup: restored.previousBackup,
    setAsideFolder: restored.setAsideFolder,
    migrated: m.schemaVersion < shippedMigrationCount(),
    counts: m.counts,
    ms,
  };
  print(json, result, [
    `已从 ${basename(source)} 恢复：${m.counts.enterprises} 家企业，${m.counts.records} 条档案记录，${m.counts.files} 个文件（用时 ${ms} ms）。`,
    restored.previousBackup ? `原来的数据已另存为备份 ${restored.previousBackup}。` : '',
    restored.setAsideFolder ? `原来的数据（无法读取）已原样移到 ${restored.setAsideFolder}。` : '',
  ].filter(Boolean).join('\n'));
  return 0;
}
