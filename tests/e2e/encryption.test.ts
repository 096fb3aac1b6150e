// Encryption at rest as an administrator meets it: turned on from the command line, the server
// starts locked and the page asks for the database password, then the app opens as usual; the
// password is changed and encryption turned off from 设置.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage } from '../helpers/page';
import { qingbo, serve } from '../helpers/server';
import { tempDir } from '../helpers/tmp';
import { button, shot } from '../helpers/ui';

const PASSWORD = 'dongting-lake-2026';
const NEXT = '新的数据库密码-2027';
const isSqliteFile = (file: string) => readFileSync(file).subarray(0, 15).toString('latin1') === 'SQLite format 3';

describe('an encrypted database', () => {
  it('is encrypted from the command line, unlocked on the page, re-keyed and decrypted from 设置', { timeout: 180_000 }, async () => {
    const data = tempDir();
    const dbFile = join(data, 'qingbo.db');
    expect(qingbo(['demo', '--data', data, '--enterprises', '40', '--records-per-enterprise', '1']).status).toBe(0);
    // The first start creates the administrator (signed in automatically on this computer).
    await (await serve(data)).stop();

    const short = qingbo(['db', 'encrypt', '--data', data], 60_000, { input: 'short\n' });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('数据库密码至少 8 位');
    expect(isSqliteFile(dbFile)).toBe(true);
    const enc = qingbo(['db', 'encrypt', '--data', data], 60_000, { input: `${PASSWORD}\n` });
    expect(enc.status, enc.stderr).toBe(0);
    expect(enc.stdout).toContain('数据库已加密');
    expect(isSqliteFile(dbFile)).toBe(false);

    // Without the password a command says how to give it; with it, it works.
    const noKey = qingbo(['db', 'status', '--data', data, '--json']);
    expect(noKey.status).toBe(2);
    expect(JSON.parse(noKey.stdout)).toMatchObject({ ok: false, error: { message: expect.stringContaining('QINGBO_DB_PASSWORD') } });
    const wrongKey = qingbo(['check', '--data', data, '--json'], 60_000, { env: { QINGBO_DB_PASSWORD: 'not-the-password' } });
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stdout).toContain('数据库密码不对');
    const status = qingbo(['db', 'status', '--data', data, '--json'], 60_000, { env: { QINGBO_DB_PASSWORD: PASSWORD } });
    expect(JSON.parse(status.stdout)).toMatchObject({ ok: true, encrypted: true, filesEncrypted: false });
    expect(qingbo(['check', '--data', data], 60_000, { env: { QINGBO_DB_PASSWORD: PASSWORD } }).status).toBe(0);

    // The server starts locked; everything but the unlock is refused.
    const server = await serve(data);
    expect(await server.api('enterprises.search', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const page = await openPage(server.url);
    await page.getByRole('heading', { name: /数据库已加密/ }).waitFor();
    // The server cannot keep the password: no 记住 box here (the desktop app has one).
    expect(await page.getByText('在这台电脑上记住').count()).toBe(0);
    await shot(page, 'encryption', 'locked');
    const field = page.getByLabel('数据库密码');
    await field.fill('not-the-password');
    await button(page, '打开数据库').click();
    await page.getByText('数据库密码不对，请重新输入').waitFor();
    await shot(page, 'encryption', 'wrong-password');
    await field.fill(PASSWORD);
    await button(page, '打开数据库').click();
    // Unlocked: the app opens, signed in as the administrator of this computer.
    await page.getByRole('menuitem', { name: '企业名录' }).waitFor({ timeout: 30_000 });
    const info = await server.api<{ counts: { enterprises: number } }>('system.info');
    expect(info.value?.counts.enterprises).toBe(40);

    await page.goto(`${server.url}#/settings`);
    const card = page.getByTestId('encryption-card');
    await card.getByTestId('encryption-status').getByText(/数据库已加密（\w+/).waitFor();
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'encryption', 'settings', false);
    // The daily backup of the first start was made before encrypting: restoring it is said to decrypt.
    const backups = page.locator('#backups');
    const plain = backups.getByRole('row').filter({ hasText: '每日' }).first();
    expect(await plain.innerText()).not.toContain('数据库已加密');
    await plain.getByRole('button', { name: '从此备份恢复' }).click();
    await page.getByTestId('restore-unencrypted').waitFor();
    await shot(page, 'encryption', 'restore-warning', false);
    await button(page.getByRole('dialog'), '取消').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // 更换密码: the current one is checked beside its field.
    await button(card, '更换密码…').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('当前数据库密码').fill('not-the-password');
    await dialog.getByLabel('新的数据库密码').fill(NEXT);
    await dialog.getByLabel('再输入一次').fill(NEXT);
    await button(dialog, '更换数据库密码').click();
    await dialog.getByText('当前的数据库密码不对').waitFor();
    await shot(page, 'encryption', 'change-refused');
    await dialog.getByLabel('当前数据库密码').fill(PASSWORD);
    await button(dialog, '更换数据库密码').click();
    await page.getByText('已更换数据库密码').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('更换了数据库密码').waitFor(); // 修改记录
    expect(qingbo(['check', '--data', data], 60_000, { env: { QINGBO_DB_PASSWORD: PASSWORD } }).status).toBe(1);
    expect(qingbo(['check', '--data', data], 60_000, { env: { QINGBO_DB_PASSWORD: NEXT } }).status).toBe(0);

    // 解除加密.
    await button(card, '解除加密…').click();
    await dialog.getByLabel('当前数据库密码').fill(NEXT);
    await button(dialog, '解除数据库加密').click();
    await card.getByTestId('encryption-status').getByText('数据库未加密').waitFor();
    await page.getByText('数据库：加密 → 未加密').waitFor();
    expect(isSqliteFile(dbFile)).toBe(true);
    await shot(page, 'encryption', 'decrypted', false);
  });
});
