// The backup before a migration. Migrations run inside the synchronous start-up, so the
// database is first copied as it is (VACUUM INTO: one consistent, self-contained file, named
// only once complete); right after start-up that copy is packed into a verified 迁移前 backup
// zip and removed. A copy left by a process that stopped in between is packed at the next start.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DbAccess, Sqlite } from '../db/open';
import type { FileStore } from '../files/store';
import type { Logger } from '../log';
import { dataPaths } from '../paths';
import { createBackup } from './create';
import { chinaStamp } from './names';
import { activeFolder, assertWritableFolder, readBackupSettings } from './settings';

const SNAPSHOT_RE = /^qingbo-迁移前副本-(\d{8})-(\d{6})\.db$/;

/** Where the pre-migration copy goes: the backup folder, or the data directory's own when that one cannot be written. */
function snapshotFolder(sqlite: Sqlite, dataDir: string): string {
  const chosen = activeFolder(dataDir, readBackupSettings(sqlite));
  try {
    assertWritableFolder(chosen, chosen === dataPaths(dataDir).backups);
    return chosen;
  } catch {
    const own = dataPaths(dataDir).backups;
    mkdirSync(own, { recursive: true });
    return own;
  }
}

/** Copies the database as it is before migrating (synchronous; called by openDatabase). */
export function snapshotBeforeMigration(sqlite: Sqlite, dataDir: string, log: Logger, state: { shipped: number; applied: number }): void {
  const folder = snapshotFolder(sqlite, dataDir);
  const at = new Date();
  const final = join(folder, `qingbo-迁移前副本-${chinaStamp(at)}.db`);
  const tmp = `${final}.tmp`;
  rmSync(tmp, { force: true });
  const t = performance.now();
  sqlite.prepare('VACUUM INTO ?').run(tmp);
  renameSync(tmp, final);
  log.info('database copied before migrating', { file: final, ...state, ms: Math.round(performance.now() - t) });
}

/** Packs every pre-migration copy in the backup folders into a verified 迁移前 backup and removes the copy. */
export async function packPreMigrationCopies(sqlite: Sqlite, dataDir: string, files: FileStore, log: Logger, access: DbAccess = {}): Promise<string[]> {
  const folders = [...new Set([activeFolder(dataDir, readBackupSettings(sqlite)), dataPaths(dataDir).backups])];
  const made: string[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      const m = SNAPSHOT_RE.exec(name);
      if (!m) continue;
      const copy = join(folder, name);
      const at = new Date(Date.parse(`${m[1]!.slice(0, 4)}-${m[1]!.slice(4, 6)}-${m[1]!.slice(6, 8)}T${m[2]!.slice(0, 2)}:${m[2]!.slice(2, 4)}:${m[2]!.slice(4, 6)}+08:00`));
      try {
        const r = await createBackup({ kind: '迁移前', folder, files, databaseFile: copy, now: at, access });
        rmSync(copy, { force: true });
        made.push(r.name);
        log.info('pre-migration backup written', { name: r.name, folder });
      } catch (err) {
        log.error('pre-migration backup failed; the copy is kept', { copy, error: (err as Error).message });
      }
    }
  }
  return made;
}
