// Every migration is tested on rows of the shape before it (DESIGN rule 8). A new migration adds
// a case here: rows written at the previous version, and what they must look like after.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseAtMigration, shippedMigrations } from '../../../tests/helpers/migrations';
import { tempDir } from '../../../tests/helpers/tmp';
import { openBackend } from '../backend';
import { trustedContext } from '../context';
import { SEARCH_KEYS_VERSION } from '../registry/search-keys';
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

  it('0001_registry + 0002_registry_search: enterprises of the first version become searchable after start-up', async () => {
    const dataDir = tempDir();
    const old = databaseAtMigration(join(dataDir, 'qingbo.db'), 1);
    const insert = old.prepare("INSERT INTO enterprises (name, uscc, entity_type, phone, address) VALUES (?, ?, '企业', ?, ?)");
    insert.run('华容县海信日化有限公司', '91430623MA4L000000', '0730-4221234', '章华镇沿河路18号');
    insert.run('华容县长江调味品商行', null, null, null);
    old.close();
    const b = openBackend(dataDir, { stderrLevel: 'silent' });
    try {
      const search = async (q: string) => {
        const r = await b.api.call('enterprises.search', { filter: { q } }, trustedContext('test'));
        return r.ok ? (r.value as { rows: { name: string }[] }).rows.map((x) => x.name) : r.error.message;
      };
      expect(await search('hxrh')).toEqual(['华容县海信日化有限公司']);
      expect(await search('海信')).toEqual(['华容县海信日化有限公司']);
      expect(await search('调味品')).toEqual(['华容县长江调味品商行']);
      expect(await search('4221234')).toEqual(['华容县海信日化有限公司']);
      const row = b.core.sqlite.prepare("SELECT former_names, tags, products, search_version FROM enterprises WHERE uscc IS NOT NULL").get();
      expect(row).toEqual({ former_names: '[]', tags: '[]', products: '[]', search_version: SEARCH_KEYS_VERSION });
    } finally {
      await b.close();
    }
  });

  it('0003_dossier: an enterprise of the registry version gets an empty file that takes records', async () => {
    const dataDir = tempDir();
    const old = databaseAtMigration(join(dataDir, 'qingbo.db'), 3);
    old
      .prepare("INSERT INTO enterprises (name, uscc, entity_type, township_code, tags) VALUES ('华容县海信日化有限公司', '91430623MA4L000000', '企业', '430623101', '[\"洗涤用品生产企业\"]')")
      .run();
    old.close();
    const b = openBackend(dataDir, { stderrLevel: 'silent' });
    try {
      const ctx = trustedContext('test');
      const empty = await b.api.call('dossier.get', { enterpriseId: 1 }, ctx);
      expect(empty.ok && (empty.value as { total: number }).total).toBe(0);
      const saved = await b.api.call('dossier.create', { enterpriseId: 1, kind: 'note', occurredOn: '2026-03-02', data: { text: '升级后的第一条记录' } }, ctx);
      expect(saved.ok).toBe(true);
      expect(b.core.sqlite.prepare('SELECT township_code FROM dossier_records').get()).toEqual({ township_code: '430623101' });
    } finally {
      await b.close();
    }
  });

  it('0005_notices: a database of the campaign version opens with an empty notice register beside its dossier', async () => {
    const dataDir = tempDir();
    const old = databaseAtMigration(join(dataDir, 'qingbo.db'), 5);
    old
      .prepare("INSERT INTO enterprises (name, uscc, entity_type, township_code) VALUES ('华容县海信日化有限公司', '91430623MA4L000000', '企业', '430623101')")
      .run();
    old
      .prepare(`INSERT INTO dossier_records (enterprise_id, kind, occurred_on, summary, data, created_by, created_at, updated_at)
        VALUES (1, 'note', '2026-03-02', '备注：升级前的记录', '{"text":"升级前的记录"}', 'test', '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z')`)
      .run();
    old.close();
    const b = openBackend(dataDir, { stderrLevel: 'silent' });
    try {
      const list = await b.api.call('notices.list', {}, trustedContext('test'));
      expect(list.ok && (list.value as { total: number }).total).toBe(0);
      const dossier = await b.api.call('dossier.get', { enterpriseId: 1 }, trustedContext('test'));
      expect(dossier.ok && (dossier.value as { total: number }).total).toBe(1);
      expect(b.core.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'notices_number_uq'").get()).toEqual({ name: 'notices_number_uq' });
    } finally {
      await b.close();
    }
  });
});
