// Where backups go and how many are kept: the `backups` setting, validated with shared/backup.
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { BackupSettings, defaultBackupSettings, type BackupSettingsView } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import type { Sqlite } from '../db/open';
import { dataPaths } from '../paths';
import { readSetting, writeSetting } from '../settings/store';

const KEY = 'backups';

/** The stored settings, or the defaults (7 daily, 4 weekly, 12 monthly, others 90 days). */
export function readBackupSettings(sqlite: Sqlite): BackupSettings {
  let stored: unknown;
  try {
    stored = readSetting(sqlite, KEY);
  } catch {
    return defaultBackupSettings;
  }
  const parsed = BackupSettings.safeParse(stored);
  return parsed.success ? parsed.data : defaultBackupSettings;
}

/** The folder the next backup goes to: the chosen one, or backups/ in the data directory. */
export function activeFolder(dataDir: string, settings: BackupSettings): string {
  return settings.folder ?? dataPaths(dataDir).backups;
}

/** Every folder whose backups are listed: the active one first, then the data directory's own. */
export function listedFolders(dataDir: string, settings: BackupSettings): string[] {
  const own = dataPaths(dataDir).backups;
  const active = activeFolder(dataDir, settings);
  return resolve(active) === resolve(own) ? [own] : [active, own];
}

/** Free bytes on the disk holding `folder`, or null when it cannot be told. */
export function freeBytes(folder: string): number | null {
  try {
    const s = statfsSync(folder);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/** Throws a clear Chinese error unless `folder` exists, is a folder, and a file can be written there. */
export function assertWritableFolder(folder: string, createIfDefault = false): void {
  if (!isAbsolute(folder)) throw new AppError('VALIDATION', `备份文件夹：请填写完整路径（例如 D:\\清波备份），收到「${folder}」`, { field: 'folder' });
  if (createIfDefault) mkdirSync(folder, { recursive: true });
  let isDir = false;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    throw new AppError('VALIDATION', `备份文件夹「${folder}」不存在。请先插好移动硬盘或建好文件夹，再选择它。`, { field: 'folder' });
  }
  if (!isDir) throw new AppError('VALIDATION', `「${folder}」是一个文件，不是文件夹`, { field: 'folder' });
  const probe = join(folder, `.qingbo-写入测试-${randomUUID()}`);
  try {
    writeFileSync(probe, 'qingbo');
  } catch (err) {
    throw new AppError('VALIDATION', `备份文件夹「${folder}」无法写入（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）。请检查磁盘是否写保护、是否有权限。`, {
      field: 'folder',
    });
  } finally {
    rmSync(probe, { force: true });
  }
}

/** The settings with the folders they resolve to, for the settings card. */
export function backupSettingsView(core: Core): BackupSettingsView {
  const s = readBackupSettings(core.sqlite);
  const folder = activeFolder(core.dataDir, s);
  return { ...s, defaultFolder: dataPaths(core.dataDir).backups, activeFolder: folder, freeBytes: freeBytes(folder) };
}

/** Saves folder and retention after checking the folder can be written; audited. */
export function saveBackupSettings(core: Core, ctx: RequestContext, input: BackupSettings): BackupSettingsView {
  if (input.folder) assertWritableFolder(input.folder);
  const folder = input.folder ? resolve(input.folder) : null;
  const value: BackupSettings = { ...input, folder };
  write(core, ctx, 'backups.saveSettings', (scope) => {
    const before = readBackupSettings(core.sqlite);
    writeSetting(core.sqlite, KEY, value);
    scope.audit({ entity: 'settings', entityId: KEY, before, after: value });
  });
  return backupSettingsView(core);
}
