// Just enough of the zip format to read an .xlsx: the central directory and one entry at a time.
//
// Reading the central directory (at the end of the file) tells us at once whether the file is
// whole and which parts it has, so a truncated download is refused before any row is read, and
// the parts are read in the order we need them (Excel stores worksheets before sharedStrings.xml;
// a streaming unzipper walking the file front to back would have to copy the worksheet aside).
import type { FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

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
export async function entryDataStart(fh: FileHandle, entry: ZipEntry): Promise<number> {
  const header = await readAt(fh, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL_SIG) throw new ZipFormatError(`bad local header for ${entry.name}`);
  return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** True if the entry is encrypted with zip's own (non-Office) password scheme. */
export const isEncryptedEntry = (entry: ZipEntry): boolean => (entry.flags & 1) === 1;

/** An entry's uncompressed bytes, refusing more than maxBytes (a zip bomb must not fill memory). */
export async function readZipEntry(fh: FileHandle, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  if (entry.size > maxBytes) throw new ZipFormatError(`${entry.name} is larger than ${maxBytes} bytes`);
  const raw = await readAt(fh, await entryDataStart(fh, entry), entry.compressedSize);
  if (entry.method === STORED) return raw;
  if (entry.method !== DEFLATED) throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`);
  try {
    return inflateRawSync(raw, { maxOutputLength: maxBytes });
  } catch (e) {
    throw new ZipFormatError(`${entry.name}: ${(e as Error).message}`);
  }
}
