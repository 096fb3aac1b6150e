// Making one backup: a consistent copy of the database, the files it references, and a
// manifest, written under a temporary name, verified by reading it back, and only then renamed
// to its real name. A failure or a killed process leaves at most a temporary file, never a
// half backup under a backup's name.
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, createReadStream, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupKind, type BackupSettings, type BackupManifest, type BackupResult, type ManifestEntry } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { connect, isEncryptedDatabase, migrationState, type DbAccess, type Sqlite } from '../db/open';
import type { FileStore } from '../files/store';
import { appVersion } from '../paths';
import { newBackupName, TEMP_PREFIX } from './names';
import { applyRetention } from './retention';
import { assertWritableFolder, freeBytes } from './settings';
import { DB_ENTRY, MANIFEST, verifyBackupFile } from './zip-read';
import { BackupZipWriter } from './zip-write';

export interface CreateBackupOptions {
  kind: BackupKind;
  folder: string;
  files: FileStore;
  /** The connection to copy, inside a read transaction (a consistent snapshot); or: */
  sqlite?: Sqlite;
  /** A database file already copied (before a migration): a database-only backup of it. */
  databaseFile?: string;
  /** Retention to apply after the backup succeeded (none when omitted). */
  retention?: BackupSettings;
  /** Fails the write once the zip grows past this many bytes, as a full disk would. */
  maxBytes?: number;
  /** How to open the copy (its key when the database is encrypted). */
  access?: DbAccess;
  progress?: (fraction: number, message: string) => void;
  checkpoint?: () => Promise<void>;
  now?: Date;
}

interface Snapshot {
  counts: BackupManifest['counts'];
  office: BackupManifest['office'];
  schemaVersion: number;
  files: { sha256: string; size: number }[];
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function count(db: Sqlite, table: string): number {
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } catch {
    return 0;
  }
}

/** Reads what the manifest says about the copied database (and leaves it a single self-contained file). */
function describeSnapshot(file: string, access: DbAccess = {}): Snapshot {
  const db = connect(file, access);
  try {
    db.pragma('journal_mode = DELETE');
    const officeRow = db.prepare("SELECT value FROM settings WHERE key = 'office'").get() as { value: string } | undefined;
    const office = officeRow ? (JSON.parse(officeRow.value) as { name?: string; countyName?: string }) : null;
    return {
      counts: { enterprises: count(db, 'enterprises'), records: count(db, 'dossier_records'), files: count(db, 'files') },
      office: office?.name ? { name: office.name, countyName: office.countyName ?? '' } : null,
      schemaVersion: migrationState(db).applied,
      files: db.prepare('SELECT sha256, size FROM files ORDER BY sha256').all() as { sha256: string; size: number }[],
    };
  } finally {
    db.close();
  }
}

/** Removes temporary files a killed backup left (untouched for ten minutes: no backup is still writing them). */
export function removeStaleTemps(folder: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(TEMP_PREFIX) && !n.startsWith('.qingbo-校验-')) continue;
    const p = join(folder, n);
    try {
      if (now - statSync(p).mtimeMs > 10 * 60_000) rmSync(p, { recursive: true, force: true });
    } catch {
      // Gone already.
    }
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const MB = 1024 * 1024;

/** Writes, verifies and names one backup in `folder`; applies retention; returns what was written. */
export async function createBackup(opts: CreateBackupOptions): Promise<BackupResult> {
  const t0 = performance.now();
  const progress = opts.progress ?? (() => undefined);
  const checkpoint = opts.checkpoint ?? (() => Promise.resolve());
  assertWritableFolder(opts.folder, true);
  removeStaleTemps(opts.folder);
  const id = randomUUID();
  const tmpDb = join(opts.folder, `${TEMP_PREFIX}${id}.db`);
  const tmpZip = join(opts.folder, `${TEMP_PREFIX}${id}.zip`);
  try {
    progress(0.02, '正在复制数据库…');
    // 4,000 pages (16 MB) a step: few steps, each short enough to keep the app answering.
    if (opts.sqlite && isEncryptedDatabase(opts.sqlite.name)) {
      // The online backup API refuses an encrypted source; VACUUM INTO writes the copy with the same
      // key. It cannot run inside a transaction: the snapshot is then the statement's own.
      if (opts.sqlite.inTransaction) opts.sqlite.exec('COMMIT');
      opts.sqlite.prepare('VACUUM INTO ?').run(tmpDb);
    } else if (opts.sqlite) await opts.sqlite.backup(tmpDb, { progress: () => 4000 });
    else if (opts.databaseFile) copyFileSync(opts.databaseFile, tmpDb);
    else throw new AppError('INTERNAL', '没有要备份的数据库');
    await checkpoint();
    const snap = describeSnapshot(tmpDb, opts.access);
    const dbSize = statSync(tmpDb).size;
    const databaseOnly = !opts.sqlite;
    const stored = databaseOnly ? [] : snap.files;
    const filesBytes = stored.reduce((s, f) => s + f.size, 0);
    const free = freeBytes(opts.folder);
    const need = 2 * dbSize + filesBytes + 4 * MB;
    if (free !== null && free < need) {
      throw new AppError('CONFLICT', `备份文件夹「${opts.folder}」所在磁盘空间不足：需要约 ${Math.ceil(need / MB)} MB，只剩 ${Math.floor(free / MB)} MB。请清理磁盘或换一个备份文件夹。`);
    }
    const entries: ManifestEntry[] = [
      { path: DB_ENTRY, size: dbSize, sha256: await sha256Of(tmpDb) },
      ...stored.map((f) => ({ path: `files/${f.sha256.slice(0, 2)}/${f.sha256}`, size: f.size, sha256: f.sha256 })),
    ];
    const now = opts.now ?? new Date();
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: appVersion(),
      schemaVersion: snap.schemaVersion,
      createdAt: now.toISOString(),
      kind: opts.kind,
      databaseOnly,
      office: snap.office,
      counts: snap.counts,
      encrypted: isEncryptedDatabase(tmpDb),
      entries,
    };
    progress(0.1, '正在写入备份文件…');
    const zip = new BackupZipWriter(tmpZip, opts.maxBytes);
    zip.addBytes(MANIFEST, Buffer.from(JSON.stringify(manifest)));
    const totalBytes = dbSize + filesBytes;
    let copied = 0;
    zip.addFile(DB_ENTRY, tmpDb, entries[0]!.sha256, true, '数据库副本', async () => undefined);
    copied += dbSize;
    for (const f of stored) {
      zip.addFile(`files/${f.sha256.slice(0, 2)}/${f.sha256}`, opts.files.pathOf(f.sha256), f.sha256, false, `文件库中的文件 ${f.sha256.slice(0, 12)}…`, async () => {
        progress(0.1 + 0.5 * (copied / Math.max(1, totalBytes)), '正在写入文件库…');
        copied += f.size;
        await checkpoint();
      });
    }
    await zip.finish();
    fsyncFile(tmpZip);
    rmSync(tmpDb, { force: true });
    const writeMs = performance.now() - t0;

    progress(0.6, '正在校验备份…');
    const t1 = performance.now();
    await verifyBackupFile(tmpZip, {
      shippedMigrations: Math.max(snap.schemaVersion, 0),
      ...(opts.access ? { access: opts.access } : {}),
      progress: (done, total) => progress(0.6 + 0.38 * (done / Math.max(1, total)), '正在校验备份…'),
      checkpoint,
    });
    const verifyMs = performance.now() - t1;
    const name = newBackupName(opts.folder, opts.kind, now);
    renameSync(tmpZip, join(opts.folder, name));
    const removed = opts.retention ? applyRetention(opts.folder, opts.retention, now) : [];
    progress(1, '备份完成');
    return { name, folder: opts.folder, size: statSync(join(opts.folder, name)).size, counts: snap.counts, writeMs, verifyMs, removed };
  } catch (err) {
    rmSync(tmpZip, { force: true });
    rmSync(tmpDb, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new AppError('CONFLICT', `备份文件夹「${opts.folder}」所在磁盘已满，备份没有完成（未写完的文件已删除，现有数据没有变化）。请清理磁盘或换一个备份文件夹后重试。`);
    }
    throw err;
  }
}
