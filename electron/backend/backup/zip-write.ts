// Writes a backup zip with yazl, streaming, through a byte counter: a size limit (the free space
// the caller allows, or a test's small disk) fails the write the way a full disk does (ENOSPC).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { ZipFile } from 'yazl';
import { AppError } from '../../../shared/errors';

/** A disk-full error as the file system reports it. */
export function diskFullError(limit: number): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`no space left on device (limit ${limit} bytes)`);
  err.code = 'ENOSPC';
  return err;
}

export class BackupZipWriter {
  private readonly zip = new ZipFile();
  private readonly done: Promise<void>;
  private readonly mtime = new Date();
  written = 0;

  constructor(out: string, maxBytes = Number.POSITIVE_INFINITY) {
    const file = createWriteStream(out);
    const counter = new Transform({
      transform: (chunk: Buffer, _enc, next) => {
        this.written += chunk.length;
        if (this.written > maxBytes) next(diskFullError(maxBytes));
        else next(null, chunk);
      },
    });
    this.done = new Promise<void>((resolve, reject) => {
      this.zip.on('error', reject);
      counter.on('error', (err) => {
        file.destroy();
        reject(err);
      });
      file.on('error', reject);
      file.on('close', resolve);
    });
    this.done.catch(() => undefined);
    this.zip.outputStream.pipe(counter).pipe(file);
  }

  /** Adds bytes held in memory (the manifest). */
  addBytes(path: string, bytes: Buffer): void {
    this.zip.addBuffer(bytes, path, { compress: true, mtime: this.mtime });
  }

  /**
   * Adds a file from disk, read only when its turn comes; its bytes must hash to `sha256`
   * (a stored file whose content changed on disk fails the backup rather than being copied).
   */
  addFile(path: string, file: string, sha256: string, compress: boolean, describe: string, before: () => Promise<void>): void {
    // The database compresses well even at the fastest level (about 5:1); files are stored as they are.
    this.zip.addReadStreamLazy(path, { ...(compress ? { compressionLevel: 1 } : { compress: false }), mtime: this.mtime }, (cb) => {
      before().then(
        () => {
          const hash = createHash('sha256');
          const check = new Transform({
            transform(chunk: Buffer, _enc, next) {
              hash.update(chunk);
              next(null, chunk);
            },
            flush(next) {
              const actual = hash.digest('hex');
              next(actual === sha256 ? null : new AppError('INTEGRITY', `${describe}的内容与登记的不符（文件已损坏），备份没有完成。请运行 qingbo check 检查数据。`, { sha256, actual }));
            },
          });
          const source = createReadStream(file);
          source.on('error', (err) => this.zip.emit('error', new AppError('INTEGRITY', `${describe}找不到或无法读取（${err.message}），备份没有完成。`)));
          check.on('error', (err) => this.zip.emit('error', err));
          cb(null, source.pipe(check));
        },
        (err: unknown) => cb(err, undefined as never),
      );
    });
  }

  /** Resolves once the central directory is on disk; rejects with the first failure. */
  async finish(): Promise<void> {
    this.zip.end();
    await this.done;
  }

  /** Waits for `p`, or rejects as soon as the zip has failed. */
  until<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.done.then(() => p)]);
  }
}
