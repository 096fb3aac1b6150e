// Putting a backup in place of the current data. The backup is verified and extracted to a
// staging folder first (a damaged, truncated or newer backup is refused before anything
// changes); the current data is backed up (恢复前) when it can be read, then the current
// database and file store are moved aside and the backup's are moved in (renames in the same
// folder). When the current data could not be backed up (it is damaged), the moved-aside folder
// is kept under backups/恢复前-<time>/.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BackupManifest, BackupSettings } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import type { DbAccess, Sqlite } from '../db/open';
import type { FileStore } from '../files/store';
import type { Logger } from '../log';
import { dataPaths } from '../paths';
import { createBackup } from './create';
import { chinaStamp } from './names';
import { activeFolder } from './settings';
import { DB_ENTRY, verifyBackupFile } from './zip-read';

export interface RestoreTarget {
  dataDir: string;
  log: Logger;
  shippedMigrations: number;
  access?: DbAccess;
  /** The current data when it can be read: a 恢复前 backup is made of it first. */
  current: { sqlite: Sqlite; files: FileStore; settings: BackupSettings } | null;
  /** Closes every connection to the current database before its file is moved. */
  release(): void;
}

export interface Restored {
  manifest: BackupManifest;
  previousBackup: string | null;
  setAsideFolder: string | null;
}

const DB_FILES = ['qingbo.db', 'qingbo.db-wal', 'qingbo.db-shm'];

/** Replaces the data directory's database and file store with the backup's; see the module comment. */
export async function restoreBackup(file: string, t: RestoreTarget): Promise<Restored> {
  const paths = dataPaths(t.dataDir);
  mkdirSync(t.dataDir, { recursive: true });
  const staging = join(t.dataDir, `.恢复-${randomUUID()}`);
  let released = false;
  try {
    const manifest = await verifyBackupFile(file, {
      extractTo: staging,
      shippedMigrations: t.shippedMigrations,
      ...(t.access ? { access: t.access } : {}),
    });
    let previousBackup: string | null = null;
    if (t.current) {
      try {
        const r = await createBackup({
          kind: '恢复前',
          folder: activeFolder(t.dataDir, t.current.settings),
          files: t.current.files,
          sqlite: t.current.sqlite,
          retention: t.current.settings,
          ...(t.access ? { access: t.access } : {}),
        });
        previousBackup = r.name;
      } catch (err) {
        throw new AppError('CONFLICT', `恢复前需要先备份当前数据，但备份没有成功：${(err as Error).message}。数据没有任何改动。`);
      }
    }
    t.release();
    released = true;
    const aside = join(paths.backups, `恢复前-${chinaStamp(new Date())}-${randomUUID().slice(0, 4)}`);
    const moved: [string, string][] = [];
    const move = (from: string, to: string) => {
      renameSync(from, to);
      moved.push([from, to]);
    };
    try {
      // A database-only backup (迁移前) leaves the file store as it is: migrations do not change it.
      for (const n of manifest.databaseOnly ? DB_FILES : [...DB_FILES, 'files']) {
        if (!existsSync(join(t.dataDir, n))) continue;
        mkdirSync(aside, { recursive: true });
        move(join(t.dataDir, n), join(aside, n));
      }
      move(join(staging, DB_ENTRY), paths.db);
      if (!manifest.databaseOnly && existsSync(join(staging, 'files'))) move(join(staging, 'files'), paths.files);
      mkdirSync(paths.files, { recursive: true });
    } catch (err) {
      // Put everything back as it was.
      for (const [from, to] of moved.reverse()) {
        try {
          renameSync(to, from);
        } catch (undoErr) {
          t.log.error('restore: could not move back', { from, to, error: String(undoErr) });
        }
      }
      throw new AppError('INTERNAL', `恢复时无法替换数据文件（${(err as Error).message}），已还原为恢复前的数据。请关闭占用数据目录的程序后重试。`);
    }
    let setAsideFolder: string | null = existsSync(aside) ? aside : null;
    if (previousBackup && setAsideFolder) {
      rmSync(setAsideFolder, { recursive: true, force: true });
      setAsideFolder = null;
    }
    t.log.info('backup restored', { backup: basename(file), previousBackup, setAsideFolder });
    return { manifest, previousBackup, setAsideFolder };
  } catch (err) {
    if (!released) t.log.warn('restore refused', { backup: basename(file), error: (err as Error).message });
    throw err;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
