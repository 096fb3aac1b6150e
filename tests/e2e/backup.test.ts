// Backups end to end: the CLI writes one and restores it on a fresh data folder with identical
// data and files; the 备份与恢复 card backs up and restores in Chromium.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpRestored, lastAudit } from '../helpers/backend';
import { button, shot, waitOrExplain } from '../helpers/ui';
import { openPage } from '../helpers/page';
import { qingbo, serve } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

/** The office's data in a database file, without the records of restores (see dumpRestored). */
function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return dumpRestored(db);
  } finally {
    db.close();
  }
}

function storeHashes(dataDir: string): string[] {
  const root = join(dataDir, 'files');
  return readdirSync(root)
    .filter((d) => !d.startsWith('.'))
    .flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}:${createHash('sha256').update(readFileSync(join(root, d, f))).digest('hex')}`))
    .sort();
}

function demo(enterprises = 30): string {
  const data = tempDir();
  expect(qingbo(['demo', '--data', data, '--enterprises', String(enterprises), '--records-per-enterprise', '3']).status).toBe(0);
  return data;
}

function backup(data: string): { name: string; folder: string } {
  const r = qingbo(['backup', '--data', data, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { name: string; folder: string };
}

describe('backups from the command line', () => {
  it('restores a backup on a fresh data folder with identical tables and files; refuses a truncated one', () => {
    const a = demo();
    const before = dump(join(a, 'qingbo.db'));
    const made = backup(a);
    const file = join(made.folder, made.name);

    const fresh = join(tempDir(), '新数据');
    const r = qingbo(['restore', file, '--data', fresh, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, restored: made.name, previousBackup: null, setAsideFolder: null });
    expect(dump(join(fresh, 'qingbo.db'))).toBe(before);
    const recorded = new Database(join(fresh, 'qingbo.db'), { readonly: true });
    expect(lastAudit(recorded)).toMatchObject({ method: 'backups.restore', entity_id: made.name, after: { restored: made.name, previousBackup: null } });
    recorded.close();
    expect(storeHashes(fresh)).toEqual(storeHashes(a));
    expect(storeHashes(fresh).length).toBeGreaterThan(1);
    expect(qingbo(['check', '--data', fresh]).status).toBe(0);

    // Restoring over data that is there keeps that data as a 恢复前 backup first.
    const again = qingbo(['restore', file, '--data', fresh, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, previousBackup: expect.stringMatching(/恢复前\.zip$/) });

    const cut = join(tempDir(), 'qingbo-备份-20260101-080000-手动.zip');
    writeFileSync(cut, readFileSync(file));
    truncateSync(cut, Math.floor(statSync(file).size / 2));
    const refused = qingbo(['restore', cut, '--data', fresh]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/已损坏，不能使用：文件不完整（可能在写入或复制时被截断/);
    expect(dump(join(fresh, 'qingbo.db'))).toBe(before);
  });
});

describe('备份与恢复 in 设置', () => {
  it('backs up now with progress and restores with a confirmation', async () => {
    const data = demo(20);
    const server = await serve(data);
    const page = await openPage(`${server.url}#/settings`);
    const card = page.locator('#backups');
    await card.getByText('备份与恢复').waitFor({ timeout: 60_000 });
    await button(card, '立即备份').click();
    await waitOrExplain(page, server, card.getByText(/^已备份：qingbo-备份-.*-手动\.zip/));
    await card.getByRole('row').filter({ hasText: '手动' }).first().waitFor();
    await shot(page, 'backup', 'card');
    await card.getByRole('row').filter({ hasText: '手动' }).first().getByRole('button', { name: '从此备份恢复' }).click();
    await page.getByText('恢复前会先把当前数据另存为一个“恢复前”备份').waitFor();
    await button(page, '确定恢复').click();
    await waitOrExplain(page, server, page.getByText(/数据已恢复为备份 qingbo-备份-.*中的样子/));
    await page.getByText(/恢复前的数据已另存为备份 qingbo-备份-.*-恢复前\.zip/).waitFor();
    await shot(page, 'backup', 'card-restored');
    const list = await server.api<{ kind: string }[]>('backups.list');
    expect(list.value?.map((b) => b.kind)).toContain('恢复前');
  });
});
