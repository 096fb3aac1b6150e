// Every migration is tested on rows of the shape before it (DESIGN rule 8). A new migration adds
// a case here: rows written at the previous version, and what they must look like after.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseAtMigration, shippedMigrations } from '../../../tests/helpers/migrations';
import { tempDir } from '../../../tests/helpers/tmp';
import { migrationState, openDatabase } from './open';

describe('migrations', () => {
  it('ship in order with distinct timestamps', () => {
    const ms = shippedMigrations();
    expect(ms.length).toBeGreaterThan(0);
    for (let i = 1; i < ms.length; i++) expect(ms[i]!.folderMillis).toBeGreaterThan(ms[i - 1]!.folderMillis);
  });

  it('0000_foundation: rows written by the first version survive start-up unchanged', () => {
    const file = join(tempDir(), 'qingbo.db');
    const old = databaseAtMigration(file, 1);
    old
      .prepare("INSERT INTO enterprises (name, uscc, entity_type, township_code) VALUES ('华容县鑫源商贸有限公司', '91430623MA4L000000', '企业', '430623101')")
      .run();
    old.prepare("INSERT INTO settings (key, value) VALUES ('office', ?)").run(JSON.stringify({ name: '华容县市场监督管理局' }));
    old.close();
    const { sqlite } = openDatabase(file);
    expect(migrationState(sqlite)).toEqual({ shipped: shippedMigrations().length, applied: shippedMigrations().length });
    expect(sqlite.prepare('SELECT name, status, supervision_class FROM enterprises').get()).toEqual({
      name: '华容县鑫源商贸有限公司',
      status: '存续',
      supervision_class: '普通',
    });
    sqlite.close();
  });
});
