// The exchange package as bytes: a zip (yazl) of JSON parts and a manifest stating each part's
// SHA-256 and size; read back (yauzl) into memory, since packages are small.
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { AppError } from '../../../shared/errors';

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

const MAX_PACKAGE_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 100;

/** Zips the parts in the given order (the manifest first) into one buffer. */
export function zipParts(parts: readonly { path: string; bytes: Buffer }[], mtime: Date): Promise<Buffer> {
  const zip = new ZipFile();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
  for (const p of parts) zip.addBuffer(p.bytes, p.path, { mtime, compress: true });
  zip.end();
  return done;
}

const notAPackage = () => new AppError('VALIDATION', '这个文件不是清波的上报数据包（无法作为 zip 打开），请选择县级单位导出的 .zip 数据包', { field: 'file' });

/** Every entry of a zip file by name; a damaged or oversized zip is refused. */
export function unzipAll(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(notAPackage());
      const out = new Map<string, Buffer>();
      let total = 0;
      zip.on('error', () => reject(notAPackage()));
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (out.has(entry.fileName) || out.size >= MAX_ENTRIES) {
          zip.close();
          return reject(new AppError('INTEGRITY', `数据包中有重复或过多的文件（${entry.fileName}），可能被改动过，已拒绝导入`, { field: 'file' }));
        }
        total += entry.uncompressedSize;
        if (total > MAX_PACKAGE_BYTES) {
          zip.close();
          return reject(new AppError('VALIDATION', '数据包解压后超过 200 MB，不是清波的上报数据包', { field: 'file' }));
        }
        if (/\/$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(notAPackage());
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', () => reject(notAPackage()));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
