// The backups found in the listed folders, newest first, each with what its manifest says or
// why it cannot be used.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { parseBackupName } from './names';
import { assertUsableVersion, readManifest } from './zip-read';

/** Lists every backup in `folders` (missing folders are skipped). */
export async function listBackups(folders: string[], shippedMigrations: number): Promise<BackupInfo[]> {
  const out: BackupInfo[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const parsed = parseBackupName(name);
      if (!parsed) continue;
      const file = join(folder, name);
      const info: BackupInfo = {
        name, folder, kind: parsed.kind, createdAt: parsed.createdAt, size: 0,
        appVersion: null, schemaVersion: null, databaseOnly: false, counts: null, encrypted: false, problem: null,
      };
      try {
        info.size = statSync(file).size;
        const m = await readManifest(file);
        Object.assign(info, { createdAt: m.createdAt, appVersion: m.appVersion, schemaVersion: m.schemaVersion, databaseOnly: m.databaseOnly, counts: m.counts, encrypted: m.encrypted });
        assertUsableVersion(m, name, shippedMigrations);
      } catch (err) {
        info.problem = err instanceof AppError ? err.message : `无法读取：${(err as Error).message}`;
      }
      out.push(info);
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** The full path of the backup called `name` in one of `folders`; NOT_FOUND otherwise. */
export function findBackup(folders: string[], name: string): string {
  for (const folder of folders) {
    const file = join(folder, name);
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      // Not in this folder.
    }
  }
  throw new AppError('NOT_FOUND', `找不到备份「${name}」（查找了：${folders.join('、')}）`);
}
