// Writing an export zip with yazl, streaming: stored files are read one at a time, hashed on the
// way in and checked against the hash they are stored under, so the manifest's SHA-256 values
// are those of the bytes really written. Entries added "lazily" start only when their turn
// comes, which is where progress is reported and a cancel is noticed.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { PassThrough, Transform } from 'node:stream';
import { ZipFile } from 'yazl';
import { AppError } from '../../../shared/errors';

export interface ZipFileEntry {
  /** Where the bytes are on disk. */
  file: string;
  /** The hash the bytes must have (content-addressed store); a mismatch fails the export. */
  sha256: string;
  /** Deflate it (pictures and PDFs are compressed already: stored as they are). */
  compress: boolean;
  /** What to name in the error when the bytes are wrong. */
  describe: string;
  /** Runs before the entry is read (progress; throws to stop the export). */
  before?: () => Promise<void>;
}

/** A zip being written to `out`; `finish()` resolves once every byte is on disk. */
export class ZipWriter {
  private readonly zip = new ZipFile();
  private readonly done: Promise<void>;
  private readonly mtime = new Date();
  private readonly out;

  constructor(out: string) {
    this.out = createWriteStream(out);
    this.done = new Promise<void>((resolve, reject) => {
      this.zip.on('error', reject);
      this.out.on('error', reject);
      this.out.on('close', resolve);
    });
    // Failures are awaited in finish(); until then they must not count as unhandled.
    this.done.catch(() => undefined);
    this.zip.outputStream.pipe(this.out);
  }

  /** Adds bytes held in memory (the PDF, a manifest). */
  addBytes(path: string, bytes: Buffer, compress: boolean): void {
    this.zip.addBuffer(bytes, path, { compress, mtime: this.mtime });
  }

  /** Adds an entry whose bytes are made only when its turn comes, i.e. once every entry before it is written. */
  addLater(path: string, make: () => Buffer, compress: boolean): void {
    this.zip.addReadStreamLazy(path, { compress, mtime: this.mtime }, (cb) => {
      try {
        const stream = new PassThrough();
        stream.end(make());
        cb(null, stream);
      } catch (err) {
        cb(err, undefined as never);
      }
    });
  }

  /** Waits for `p`, or rejects as soon as writing the zip has failed (so a wait never hangs). */
  until<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.done.then(() => p)]);
  }

  /** Adds a stored file, checking its bytes against its hash as they stream through. */
  addStoredFile(path: string, f: ZipFileEntry): void {
    this.zip.addReadStreamLazy(path, { compress: f.compress, mtime: this.mtime }, (cb) => {
      (f.before ?? (() => Promise.resolve()))().then(
        () => {
          const hash = createHash('sha256');
          const check = new Transform({
            transform(chunk: Buffer, _enc, next) {
              hash.update(chunk);
              next(null, chunk);
            },
            flush(next) {
              const actual = hash.digest('hex');
              if (actual === f.sha256) next();
              else {
                next(
                  new AppError(
                    'INTEGRITY',
                    `${f.describe}在文件库中已损坏（内容与登记的 SHA-256 不符），没有导出。请运行 qingbo check 检查数据，或从备份恢复。`,
                    { sha256: f.sha256, actual },
                  ),
                );
              }
            },
          });
          const source = createReadStream(f.file);
          // yazl does not listen for errors of the streams it is handed.
          source.on('error', (err) => this.zip.emit('error', new AppError('INTEGRITY', `${f.describe}在文件库中找不到：${err.message}`)));
          check.on('error', (err) => this.zip.emit('error', err));
          cb(null, source.pipe(check));
        },
        (err: unknown) => cb(err, undefined as never),
      );
    });
  }

  /** Writes the central directory and waits until the file is complete; rejects with the first failure. */
  async finish(): Promise<void> {
    this.zip.end();
    await this.done;
  }

  /** Stops writing after a failure (the caller removes the file). */
  abort(): void {
    this.zip.outputStream.unpipe(this.out);
    this.out.destroy();
  }
}
