// A damaged database starts the server in rescue mode: the page says 数据检查未通过, marks the
// newest good backup, and restores it; the app then opens on the restored data.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { button, shot } from '../helpers/ui';
import { openPage } from '../helpers/page';
import { qingbo, serve } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

describe('rescue mode in the browser', () => {
  it('shows 数据检查未通过 for a damaged database and restores the newest good backup', async () => {
    const data = tempDir();
    expect(qingbo(['demo', '--data', data, '--enterprises', '30', '--records-per-enterprise', '3']).status).toBe(0);
    const r = qingbo(['backup', '--data', data, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const made = JSON.parse(r.stdout) as { name: string };
    const dbFile = join(data, 'qingbo.db');
    const bytes = readFileSync(dbFile);
    bytes.fill(0x5a, 16384, 16384 + 4096 * 8);
    writeFileSync(dbFile, bytes);

    const server = await serve(data);
    const page = await openPage(server.url);
    await page.getByRole('heading', { name: /数据检查未通过/ }).waitFor();
    await page.getByText('最近的完好备份', { exact: false }).first().waitFor();
    await page.getByText(made.name, { exact: false }).first().waitFor();
    await page.getByText(data, { exact: false }).first().waitFor();
    await shot(page, 'backup', 'rescue');
    const refused = await server.api('enterprises.search', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'INTEGRITY' } });

    await button(page, '从此备份恢复').first().click();
    await page.getByText('当前数据无法读取，恢复前会把它原样移到').waitFor();
    await shot(page, 'backup', 'rescue-confirm');
    await button(page, '确定恢复').click();
    await page.getByText(/已从备份 qingbo-备份-.*恢复。原来无法读取的数据已移到/).waitFor({ timeout: 30_000 });
    await shot(page, 'backup', 'rescue-restored');
    await button(page, '进入清波').click();
    // The backup was made before anyone set up an account: the app opens on its first set-up.
    await page.getByRole('heading', { name: /创建管理员/ }).waitFor({ timeout: 30_000 });
    await shot(page, 'backup', 'rescue-after');
    const info = await server.api<{ counts: { enterprises: number } }>('system.info');
    expect(info.value?.counts.enterprises).toBe(30);
    expect(readdirSync(join(data, 'backups')).some((n) => n.startsWith('恢复前-'))).toBe(true);
  });
});

