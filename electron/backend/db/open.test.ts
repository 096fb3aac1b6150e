import Database from 'better-sqlite3';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { tempDir } from '../../../tests/helpers/tmp';
import { migrationState, openDatabase } from './open';
import * as schema from './schema';

describe('openDatabase', () => {
  it('creates a migrated database with the connection settings of the house', () => {
    const file = join(tempDir(), 'qingbo.db');
    const { sqlite } = openDatabase(file);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(migrationState(sqlite)).toEqual({ shipped: 9, applied: 9 });
    sqlite.close();
  });

  it('has a committed migration for every table and column of schema.ts', () => {
    const { sqlite } = openDatabase(join(tempDir(), 'qingbo.db'));
    for (const table of Object.values(schema)) {
      const config = getTableConfig(table);
      const columns = (sqlite.pragma(`table_info(${config.name})`) as { name: string }[]).map((c) => c.name);
      expect(columns, `table ${config.name}`).toEqual(expect.arrayContaining(config.columns.map((c) => c.name)));
    }
    sqlite.close();
  });

  it('migrating twice is a no-op', () => {
    const file = join(tempDir(), 'qingbo.db');
    openDatabase(file).sqlite.close();
    const again = openDatabase(file);
    expect(migrationState(again.sqlite).applied).toBe(9);
    again.sqlite.close();
  });

  it('refuses a file that is not a database with a clear Chinese message', () => {
    const dir = tempDir();
    const file = join(dir, 'qingbo.db');
    const fd = openSync(file, 'w');
    writeSync(fd, Buffer.from('这不是数据库'.repeat(1000)));
    closeSync(fd);
    expect(() => openDatabase(file)).toThrow(AppError);
    try {
      openDatabase(file);
    } catch (err) {
      expect((err as AppError).code).toBe('INTEGRITY');
      expect((err as AppError).message).toMatch(/损坏.*备份恢复/);
    }
  });

  it('reports damaged pages found by quick_check', () => {
    const file = join(tempDir(), 'qingbo.db');
    const { sqlite } = openDatabase(file);
    const insert = sqlite.prepare("INSERT INTO enterprises (name, entity_type) VALUES (?, '企业')");
    sqlite.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`测试企业${i}有限公司`);
    })();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.close();
    // Overwrite pages in the middle of the file (the b-tree of the enterprises table).
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 4, 0xa5), 0, 4096 * 4, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    let caught: unknown;
    try {
      openDatabase(file).sqlite.close();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('INTEGRITY');
    expect((caught as AppError).message).toContain('备份');
    // The raw file is left as it was: nothing tries to "repair" evidence.
    expect(() => new Database(file, { readonly: true })).not.toThrow();
  });
});
