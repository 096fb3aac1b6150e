// The content-addressed file store: bytes live in files/<first two hex>/<sha256>, written once
// (temp file + rename, so a crash never leaves a half file under a real name). The database's
// `files` table is the index; rows are added inside the caller's transaction.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../db/open';

export interface StoredFile {
  sha256: string;
  size: number;
  name: string;
  mime: string;
}

/** File names come from users and other systems: keep the last path part, drop control and reserved characters. */
export function safeFileName(name: string): string {
  const last = basename(name.replace(/\\/g, '/'));
  const cleaned = last.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^\.+/, '').trim();
  return (cleaned || '未命名文件').slice(0, 200);
}

export class FileStore {
  readonly root: string;
  readonly maxBytes: number;

  constructor(root: string, maxBytes = 1024 * 1024 * 1024) {
    this.root = root;
    this.maxBytes = maxBytes;
    mkdirSync(root, { recursive: true });
  }

  /** Where the bytes with this hash live. */
  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('VALIDATION', '文件编号格式不对');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  private checkSize(size: number, name: string): void {
    if (size === 0) throw new AppError('VALIDATION', `文件「${name}」是空的（0 字节），没有保存`);
    if (size > this.maxBytes) {
      throw new AppError('VALIDATION', `文件「${name}」有 ${(size / 1024 / 1024).toFixed(0)} MB，超过 ${(this.maxBytes / 1024 / 1024).toFixed(0)} MB 的上限，没有保存`);
    }
  }

  /** Stores bytes (once, whatever their name); returns their reference. */
  async putBytes(bytes: Uint8Array, name: string, mime = 'application/octet-stream'): Promise<StoredFile> {
    const safe = safeFileName(name);
    this.checkSize(bytes.byteLength, safe);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (!existsSync(target)) {
      mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true });
      const tmp = join(this.root, `.tmp-${randomUUID()}`);
      await writeFile(tmp, bytes);
      renameSync(tmp, target);
    }
    return { sha256, size: bytes.byteLength, name: safe, mime };
  }

  /** Streams a file from disk into the store, hashing as it copies (no whole-file buffer). */
  async putFile(path: string, name = basename(path), mime = 'application/octet-stream'): Promise<StoredFile> {
    const safe = safeFileName(name);
    const size = statSync(path).size;
    this.checkSize(size, safe);
    const tmp = join(this.root, `.tmp-${randomUUID()}`);
    const hash = createHash('sha256');
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(createReadStream(path), tap, createWriteStream(tmp));
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
    const sha256 = hash.digest('hex');
    const target = this.pathOf(sha256);
    if (existsSync(target)) rmSync(tmp);
    else {
      mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true });
      renameSync(tmp, target);
    }
    return { sha256, size, name: safe, mime };
  }

  /** Records the file in the index; call inside the transaction that references it. */
  register(sqlite: Sqlite, f: StoredFile): void {
    sqlite
      .prepare('INSERT OR IGNORE INTO files (sha256, size, mime, name) VALUES (?, ?, ?, ?)')
      .run(f.sha256, f.size, f.mime, f.name);
  }

  async read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }

  /** Every indexed file present with the right hash: returns the problems found. */
  async verify(sqlite: Sqlite): Promise<{ checked: number; missing: string[]; corrupt: string[] }> {
    const missing: string[] = [];
    const corrupt: string[] = [];
    const rows = sqlite.prepare('SELECT sha256, size FROM files').all() as { sha256: string; size: number }[];
    for (const r of rows) {
      const p = this.pathOf(r.sha256);
      if (!existsSync(p)) {
        missing.push(r.sha256);
        continue;
      }
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(p)) hash.update(chunk as Buffer);
      if (hash.digest('hex') !== r.sha256) corrupt.push(r.sha256);
    }
    return { checked: rows.length, missing, corrupt };
  }
}
