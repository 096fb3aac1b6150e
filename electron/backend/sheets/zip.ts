// Just enough of the zip format to look inside an .xlsx before handing it to ExcelJS.
//
// Why not let ExcelJS read the file as it is: its streaming reader walks the zip front to back,
// and Excel stores worksheets *before* sharedStrings.xml, so ExcelJS copies every worksheet into
// a temp file first (left behind if the caller stops early), parses sheets we do not want, only
// knows dates if styles.xml came first, and cannot tell a truncated download from a short sheet.
// Reading the central directory (at the end of the file) tells us at once whether the file is
// whole and which parts it has; we then feed ExcelJS a re-ordered zip stream with only the parts
// it needs, copying the compressed bytes as they are.
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32, inflateRawSync } from 'node:zlib';

/** The zip is damaged or not a zip; the message is for the log, not for the clerk. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_EOCD_SEARCH = 22 + 0xffff;
const STORED = 0;
const DEFLATED = 8;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead !== length) throw new ZipFormatError('unexpected end of file');
  return buf;
}

function findEocd(tail: Buffer): number {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) return i;
  }
  return -1;
}

/** The entries listed in a zip's central directory; throws ZipFormatError if the file is cut short or not a zip. */
export async function readZipDirectory(fh: FileHandle, fileSize: number): Promise<ZipEntry[]> {
  const tailLength = Math.min(fileSize, MAX_EOCD_SEARCH);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(fh, tailStart, tailLength);
  const eocd = findEocd(tail);
  if (eocd < 0) throw new ZipFormatError('no end-of-central-directory record (truncated?)');

  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locatorPos = tailStart + eocd - 20;
    if (locatorPos < 0) throw new ZipFormatError('zip64 locator missing');
    const locator = await readAt(fh, locatorPos, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIG) throw new ZipFormatError('zip64 locator missing');
    const record = await readAt(fh, Number(locator.readBigUInt64LE(8)), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw new ZipFormatError('zip64 record missing');
    count = Number(record.readBigUInt64LE(32));
    cdSize = Number(record.readBigUInt64LE(40));
    cdOffset = Number(record.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > fileSize) throw new ZipFormatError('central directory outside the file (truncated?)');

  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIG) throw new ZipFormatError('bad central directory entry');
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
    };
    readZip64Extra(cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    if (entry.localHeaderOffset + 30 + entry.compressedSize > fileSize) throw new ZipFormatError(`entry ${entry.name} outside the file`);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// Sizes and offsets too big for 32 bits live in the zip64 extra field, in this fixed order.
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  let q = 0;
  while (q + 4 <= extra.length) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = (): number => {
        const v = r + 8 <= q + 4 + len ? Number(extra.readBigUInt64LE(r)) : 0;
        r += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    q += 4 + len;
  }
}

/** Where an entry's compressed bytes start in the file (the local header's length varies). */
async function dataStart(fh: FileHandle, entry: ZipEntry): Promise<number> {
  const header = await readAt(fh, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL_SIG) throw new ZipFormatError(`bad local header for ${entry.name}`);
  return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** True if the entry is encrypted with zip's own (non-Office) password scheme. */
export const isEncryptedEntry = (entry: ZipEntry): boolean => (entry.flags & 1) === 1;

/** An entry's uncompressed bytes, refusing more than maxBytes (a zip bomb must not fill memory). */
export async function readZipEntry(fh: FileHandle, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  if (entry.size > maxBytes) throw new ZipFormatError(`${entry.name} is larger than ${maxBytes} bytes`);
  const raw = await readAt(fh, await dataStart(fh, entry), entry.compressedSize);
  if (entry.method === STORED) return raw;
  if (entry.method !== DEFLATED) throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`);
  try {
    return inflateRawSync(raw, { maxOutputLength: maxBytes });
  } catch (e) {
    throw new ZipFormatError(`${entry.name}: ${(e as Error).message}`);
  }
}

/** A part of the re-ordered zip: an entry of the file under a (possibly new) name, or bytes we made up. */
export type ZipPart = { name: string; entry: ZipEntry } | { name: string; content: Buffer };

function localHeader(name: string, method: number, crc: number, compressedSize: number, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL_SIG, 0);
  h.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  h.writeUInt16LE(0x0800, 6); // UTF-8 names; sizes are in this header, no data descriptor
  h.writeUInt16LE(method, 8);
  h.writeUInt16LE(0, 10);
  h.writeUInt16LE(0x21, 12); // 1980-01-01
  h.writeUInt32LE(crc >>> 0, 14);
  h.writeUInt32LE(compressedSize, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(nameBytes.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, nameBytes]);
}

/**
 * A zip stream holding just these parts, in this order, each with its sizes in the local header
 * (so a streaming unzipper never has to hunt for data descriptors), ended by an empty
 * end-of-central-directory record. Compressed bytes are copied from the file, not recompressed.
 */
export async function orderedZipStream(path: string, fh: FileHandle, parts: readonly ZipPart[]): Promise<Readable> {
  const ranges: { header: Buffer; start: number; end: number; content?: Buffer }[] = [];
  for (const part of parts) {
    if ('content' in part) {
      const header = localHeader(part.name, STORED, crc32(part.content), part.content.length, part.content.length);
      ranges.push({ header, start: 0, end: 0, content: part.content });
    } else {
      const e = part.entry;
      if (e.method !== STORED && e.method !== DEFLATED) throw new ZipFormatError(`${e.name}: compression method ${e.method}`);
      const start = await dataStart(fh, e);
      ranges.push({ header: localHeader(part.name, e.method, e.crc32, e.compressedSize, e.size), start, end: start + e.compressedSize });
    }
  }
  async function* chunks(): AsyncGenerator<Buffer> {
    for (const r of ranges) {
      yield r.header;
      if (r.content) yield r.content;
      else if (r.end > r.start) {
        // highWaterMark 256 KiB: fewer, larger chunks into the inflater.
        for await (const chunk of createReadStream(path, { start: r.start, end: r.end - 1, highWaterMark: 1 << 18 })) {
          yield chunk as Buffer;
        }
      }
    }
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(EOCD_SIG, 0);
    yield eocd;
  }
  return Readable.from(chunks(), { objectMode: false });
}
