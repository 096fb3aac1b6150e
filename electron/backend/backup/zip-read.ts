// Reading a backup back: its manifest (for the list), and the full verification used after
// writing, by backups.verify and before a restore: every entry's size and SHA-256 against the
// manifest, the versions against this program, and quick_check on the extracted database.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupManifest } from '../../../shared/backup';
import { AppError } from '../../../shared/errors';
import { connect, migrationState, type DbAccess, type Sqlite } from '../db/open';
import { appVersion } from '../paths';

export const MANIFEST = 'manifest.json';
export const DB_ENTRY = 'qingbo.db';
const FILE_ENTRY_RE = /^files\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

const damaged = (name: string, why: string): AppError =>
  new AppError('INTEGRITY', `备份「${name}」已损坏，不能使用：${why}。请换一个备份。`, { backup: name });

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true, autoClose: true }, (err, zip) => {
      if (err) {
        const name = basename(file);
        const gone = (err as NodeJS.ErrnoException).code === 'ENOENT';
        reject(gone ? new AppError('NOT_FOUND', `找不到备份文件「${name}」`) : damaged(name, `文件不完整（可能在写入或复制时被截断：${err.message}）`));
      } else resolve(zip);
    });
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
}

/** Calls `onEntry` for each entry in order; stops at the first failure. */
async function eachEntry(zip: ZipFile, onEntry: (entry: Entry) => Promise<'next' | 'stop'>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: Entry) => {
      onEntry(entry).then(
        (what) => {
          if (what === 'next') zip.readEntry();
          else {
            zip.close();
            resolve();
          }
        },
        (err: unknown) => {
          zip.close();
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
    zip.readEntry();
  });
}

async function readManifestEntry(zip: ZipFile, entry: Entry, name: string): Promise<BackupManifest> {
  if (entry.uncompressedSize > 64 * 1024 * 1024) throw damaged(name, '清单过大');
  const chunks: Buffer[] = [];
  for await (const c of await openEntry(zip, entry)) chunks.push(c as Buffer);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw damaged(name, '清单 manifest.json 不是有效的 JSON');
  }
  const parsed = BackupManifest.safeParse(json);
  if (!parsed.success || parsed.data.format !== BACKUP_FORMAT) throw new AppError('VALIDATION', `「${name}」不是清波的备份文件（清单格式不对）`, { backup: name });
  return parsed.data;
}

const versionParts = (v: string): number[] => v.split(/[.-]/).slice(0, 3).map((p) => Number.parseInt(p, 10) || 0);

/** Positive when version a is newer than b (x.y.z). */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Refuses a backup made by a newer program or a newer database structure than this one. */
export function assertUsableVersion(m: BackupManifest, name: string, shippedMigrations: number): void {
  if (m.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new AppError('CONFLICT', `备份「${name}」的格式（第 ${m.formatVersion} 版）比本程序新，请先把清波升级到 ${m.appVersion} 或更新版本再恢复。`, { backup: name });
  }
  if (compareVersions(m.appVersion, appVersion()) > 0) {
    throw new AppError('CONFLICT', `备份「${name}」由较新的清波 ${m.appVersion} 制作，本程序是 ${appVersion()}。请先升级清波再恢复这个备份。`, { backup: name });
  }
  if (m.schemaVersion > shippedMigrations) {
    throw new AppError('CONFLICT', `备份「${name}」的数据库结构（第 ${m.schemaVersion} 版）比本程序支持的（第 ${shippedMigrations} 版）新。请先升级清波再恢复。`, { backup: name });
  }
}

/** The manifest alone (the first entry), for listing; throws a Chinese reason when unreadable. */
export async function readManifest(file: string): Promise<BackupManifest> {
  const name = basename(file);
  const zip = await openZip(file);
  let manifest: BackupManifest | null = null;
  await eachEntry(zip, async (entry) => {
    if (entry.fileName !== MANIFEST) throw damaged(name, '第一项不是清单 manifest.json');
    manifest = await readManifestEntry(zip, entry, name);
    return 'stop';
  });
  if (!manifest) throw new AppError('VALIDATION', `「${name}」不是清波的备份文件（没有清单 manifest.json）`);
  return manifest;
}

export interface VerifyOptions {
  /** Extract the database and files here (a restore's staging folder); otherwise only the database, to a scratch file. */
  extractTo?: string;
  /** Where the scratch copy of the database goes when not extracting (default: beside the backup). */
  scratchDir?: string;
  /** How many migrations this program ships (a newer backup is refused). */
  shippedMigrations: number;
  access?: DbAccess;
  /** Called with the bytes checked so far, between entries. */
  progress?: (done: number, total: number) => void;
  checkpoint?: () => Promise<void>;
}

/** Checks every byte of a backup against its manifest and the extracted database with quick_check; returns the manifest. */
export async function verifyBackupFile(file: string, opts: VerifyOptions): Promise<BackupManifest> {
  const name = basename(file);
  const zip = await openZip(file);
  let manifest: BackupManifest | null = null;
  const expected = new Map<string, { size: number; sha256: string }>();
  const seen = new Set<string>();
  const scratch = opts.extractTo ?? join(opts.scratchDir ?? dirname(file), `.qingbo-校验-${randomUUID()}`);
  const dbCopy = join(scratch, DB_ENTRY);
  let total = 0;
  let done = 0;
  try {
    mkdirSync(scratch, { recursive: true });
    await eachEntry(zip, async (entry) => {
      if (!manifest) {
        if (entry.fileName !== MANIFEST) throw damaged(name, '第一项不是清单 manifest.json');
        const m = await readManifestEntry(zip, entry, name);
        assertUsableVersion(m, name, opts.shippedMigrations);
        for (const e of m.entries) expected.set(e.path, e);
        total = m.entries.reduce((s, e) => s + e.size, 0);
        manifest = m;
        return 'next';
      }
      const want = expected.get(entry.fileName);
      if (!want) throw damaged(name, `含有清单中没有的文件 ${entry.fileName}`);
      if (seen.has(entry.fileName)) throw damaged(name, `文件 ${entry.fileName} 出现了两次`);
      const fileMatch = FILE_ENTRY_RE.exec(entry.fileName);
      if (entry.fileName !== DB_ENTRY && (!fileMatch || fileMatch[1] !== fileMatch[2]!.slice(0, 2))) throw damaged(name, `文件名 ${entry.fileName} 不对`);
      await opts.checkpoint?.();
      const hash = createHash('sha256');
      let size = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _enc, next) {
          hash.update(chunk);
          size += chunk.length;
          next(null, chunk);
        },
      });
      const target = entry.fileName === DB_ENTRY ? dbCopy : opts.extractTo ? join(opts.extractTo, entry.fileName) : null;
      if (target) mkdirSync(dirname(target), { recursive: true });
      try {
        const source = await openEntry(zip, entry);
        if (target) await pipeline(source, tap, createWriteStream(target));
        else await pipeline(source, tap, async (s: AsyncIterable<Buffer>) => {
          for await (const _ of s) void _;
        });
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw damaged(name, `读取 ${entry.fileName} 时出错（${(err as Error).message}）`);
      }
      const actual = hash.digest('hex');
      if (size !== want.size || actual !== want.sha256) throw damaged(name, `${entry.fileName === DB_ENTRY ? '数据库' : `文件 ${entry.fileName}`}的内容与清单不符`);
      seen.add(entry.fileName);
      done += size;
      opts.progress?.(done, total);
      return 'next';
    });
    const m = manifest as BackupManifest | null;
    if (!m) throw new AppError('VALIDATION', `「${name}」不是清波的备份文件（没有清单 manifest.json）`);
    const missing = m.entries.filter((e) => !seen.has(e.path));
    if (missing.length) throw damaged(name, `缺少 ${missing.length} 个文件（例如 ${missing[0]!.path}）`);
    checkDatabaseCopy(dbCopy, m, name, opts.access);
    return m;
  } finally {
    if (!opts.extractTo) rmSync(scratch, { recursive: true, force: true });
  }
}

function checkDatabaseCopy(file: string, m: BackupManifest, name: string, access: DbAccess = {}): void {
  let db: Sqlite | null = null;
  try {
    db = connect(file, access);
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') throw damaged(name, `其中的数据库未通过完整性检查（${rows[0]?.quick_check ?? ''}）`);
    const applied = migrationState(db).applied;
    if (applied !== m.schemaVersion) throw damaged(name, `数据库结构版本（第 ${applied} 版）与清单（第 ${m.schemaVersion} 版）不符`);
  } catch (err) {
    if (err instanceof AppError && err.code === 'LOCKED') {
      throw new AppError('LOCKED', `备份「${name}」中的数据库已加密，${access.key === undefined ? '需要数据库密码才能校验和恢复' : '与给出的数据库密码不符（可能是修改密码之前的备份）'}`);
    }
    if (err instanceof AppError) throw err;
    throw damaged(name, `其中的数据库无法打开（${(err as Error).message}）`);
  } finally {
    db?.close();
  }
}
