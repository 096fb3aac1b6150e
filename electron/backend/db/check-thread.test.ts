import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/tmp';
import { quickCheckAlongside } from './check-thread';
import { connect } from './open';

/** A database of a few hundred pages; with `damage`, pages in the middle overwritten. */
function database(damage: boolean, key?: string): string {
  const file = join(tempDir(), 'qingbo.db');
  const sqlite = connect(file);
  if (key !== undefined) sqlite.pragma(`rekey = '${key}'`);
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v)');
  const insert = sqlite.prepare('INSERT INTO t (v) VALUES (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < 20_000; i++) insert.run(`第 ${i} 行 ${'清波'.repeat(i % 17)}`);
  })();
  sqlite.close();
  if (damage) {
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
  }
  return file;
}

describe('the quick check beside a command', () => {
  it('passes a healthy file, also an encrypted one, in a worker thread', async () => {
    await expect(quickCheckAlongside(database(false), {}).done).resolves.toBeUndefined();
    const check = quickCheckAlongside(database(false, '密码'), { key: '密码' });
    await expect(check.done).resolves.toBeUndefined();
    await check.stop();
  });

  it('refuses a damaged file, and an encrypted one without its key', async () => {
    await expect(quickCheckAlongside(database(true), {}).done).rejects.toMatchObject({ code: 'INTEGRITY' });
    await expect(quickCheckAlongside(database(false, '密码'), {}).done).rejects.toMatchObject({ code: 'LOCKED' });
  });
});
