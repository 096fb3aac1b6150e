import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { testBackend } from '../../../tests/helpers/backend';
import { tempDir } from '../../../tests/helpers/tmp';
import { FileStore, safeFileName } from './store';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the content-addressed file store', () => {
  it('stores bytes under their SHA-256, once', async () => {
    const store = new FileStore(tempDir());
    const bytes = Buffer.from('现场照片'.repeat(1000));
    const a = await store.putBytes(bytes, '照片1.jpg', 'image/jpeg');
    const b = await store.putBytes(bytes, '同一张照片.jpg', 'image/jpeg');
    expect(a.sha256).toBe(sha(bytes));
    expect(b.sha256).toBe(a.sha256);
    expect(store.pathOf(a.sha256)).toBe(join(store.root, a.sha256.slice(0, 2), a.sha256));
    expect((await store.read(a.sha256)).equals(bytes)).toBe(true);
    const blobs = readdirSync(join(store.root, a.sha256.slice(0, 2)));
    expect(blobs).toEqual([a.sha256]);
  });

  it('streams a file from disk with the same hash as its bytes', async () => {
    const dir = tempDir();
    const src = join(dir, 'scan.pdf');
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    writeFileSync(src, bytes);
    const store = new FileStore(join(dir, 'files'));
    const f = await store.putFile(src, 'scan.pdf', 'application/pdf');
    expect(f).toMatchObject({ sha256: sha(bytes), size: bytes.length, name: 'scan.pdf' });
    expect(statSync(store.pathOf(f.sha256)).size).toBe(bytes.length);
    expect(readdirSync(store.root).filter((n) => n.startsWith('.tmp'))).toEqual([]);
  });

  it('refuses empty and oversized files with a clear message, storing nothing', async () => {
    const dir = tempDir();
    const store = new FileStore(join(dir, 'files'), 1024);
    await expect(store.putBytes(new Uint8Array(), '空.jpg')).rejects.toThrow('是空的（0 字节）');
    const big = join(dir, 'big.bin');
    writeFileSync(big, '');
    truncateSync(big, 4096);
    await expect(store.putFile(big)).rejects.toThrow(AppError);
    expect(readdirSync(store.root)).toEqual([]);
  });

  it('keeps only a safe last name of a hostile file name', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\张三\\桌面\\检查照片.jpg')).toBe('检查照片.jpg');
    expect(safeFileName('a<b>:c"|?*.txt')).toBe('a_b__c____.txt');
    expect(safeFileName('...')).toBe('未命名文件');
    expect(safeFileName('\u0000\u0007x.pdf')).toBe('__x.pdf');
  });

  it('verify finds missing and altered files', async () => {
    const b = testBackend();
    const store = b.core.files;
    const one = await store.putBytes(Buffer.from('一'), '1.txt');
    const two = await store.putBytes(Buffer.from('二'), '2.txt');
    b.core.sqlite.transaction(() => {
      store.register(b.core.sqlite, one);
      store.register(b.core.sqlite, two);
      store.register(b.core.sqlite, { sha256: 'a'.repeat(64), size: 1, name: 'gone.txt', mime: 'text/plain' });
    })();
    writeFileSync(store.pathOf(two.sha256), '被改过');
    const report = await store.verify(b.core.sqlite);
    expect(report).toEqual({ checked: 3, missing: ['a'.repeat(64)], corrupt: [two.sha256] });
    expect(existsSync(store.pathOf(one.sha256))).toBe(true);
  });
});
