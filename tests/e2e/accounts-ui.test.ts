// Accounts in real Chromium against the office server (`qingbo serve --host`, 127.0.0.2 here):
// two clerks in two browsers editing at once, a locked account after wrong passwords, and
// injection strings kept as text.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { PAGE_OPTIONS } from '../helpers/page';
import { qingbo, serve, sessionClient, type SessionClient } from '../helpers/server';
import { tempDir } from '../helpers/tmp';
import { button, shot } from '../helpers/ui';

const HOST = '127.0.0.2';
const ADMIN_PASSWORD = 'office-pass-1';

async function officeServer(enterprises = 0) {
  const data = tempDir();
  if (enterprises) expect(qingbo(['demo', '--data', data, '--enterprises', String(enterprises), '--records-per-enterprise', '0']).status).toBe(0);
  expect(qingbo(['account', 'add', '--data', data, '--role', 'admin', '--username', 'admin', '--display-name', '王管理', '--password', ADMIN_PASSWORD]).status).toBe(0);
  const server = await serve(data, ['--host', HOST]);
  const admin = sessionClient(server.url, '127.0.0.40');
  expect((await admin.login('admin', ADMIN_PASSWORD)).ok).toBe(true);
  return { server, admin };
}

async function newPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext(PAGE_OPTIONS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => errors.push(`dialog: ${d.message()}`));
  await page.goto(url);
  return Object.assign(page, { errors });
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await button(page, '登录').click();
}

const create = async (admin: SessionClient, username: string, displayName: string, role: string, password: string) => {
  const r = await admin.api<{ id: number }>('accounts.create', { username, displayName, role, password });
  expect(r.error?.message ?? '').toBe('');
  return r.value!.id;
};

describe('accounts in the browser', () => {
  it('lets two clerks in two browsers edit two enterprises at the same time; both kept, each audited as its account', async () => {
    const { server, admin } = await officeServer(30);
    await create(admin, 'zhangsan', '张三', 'clerk', 'first-pass-1');
    await create(admin, 'lisi', '李四', 'clerk', 'first-pass-2');
    const rows = (await admin.api<{ rows: { id: number; name: string }[] }>('enterprises.search', { limit: 2, sort: 'name' })).value!.rows;
    expect(rows).toHaveLength(2);
    const browser = await launchChromium();
    try {
      const clerks = [
        { username: 'zhangsan', name: '张三', first: 'first-pass-1', own: 'zhang-own-1', phone: '13807301111', e: rows[0]! },
        { username: 'lisi', name: '李四', first: 'first-pass-2', own: 'li-own-22', phone: '13907302222', e: rows[1]! },
      ];
      const pages = await Promise.all(clerks.map(() => newPage(browser, server.url)));
      for (const [i, c] of clerks.entries()) {
        const page = pages[i]!;
        await page.getByText('清波 · 登录').waitFor();
        await logIn(page, c.username, c.first);
        // A password the administrator set must be replaced first.
        await page.getByText('管理员为您设置了初始密码').waitFor();
        await page.getByLabel('原密码').fill(c.first);
        await page.getByLabel('新密码', { exact: true }).fill(c.own);
        await page.getByLabel('再次输入新密码').fill(c.own);
        await button(page, '修改').click();
        await page.getByText('密码已修改').waitFor();
        await page.getByRole('button', { name: new RegExp(`当前用户：${c.name}`) }).waitFor();
        await page.goto(`${server.url}#/registry/${c.e.id}/edit`);
        await page.getByRole('heading', { name: new RegExp(`编辑：${c.e.name}`) }).waitFor();
        await page.getByLabel('联系电话').fill(c.phone);
      }
      await shot(pages[0]!, 'accounts', 'clerk-editing');
      // Both press 保存 at once.
      await Promise.all(pages.map((p) => button(p, '保存').click()));
      await Promise.all(clerks.map((c, i) => pages[i]!.getByText(`「${c.e.name}」已保存`).waitFor()));
      for (const c of clerks) {
        const e = await admin.api<{ phone: string | null }>('enterprises.get', { id: c.e.id });
        expect(e.value?.phone).toBe(c.phone);
        const audit = await admin.api<{ actor: string; method: string }[]>('audit.list', { entity: 'enterprise', entityId: String(c.e.id), method: 'enterprises.update' });
        expect(audit.value?.map((a) => a.actor)).toEqual([`${c.name}（${c.username}）`]);
      }
      // A clerk may not manage users: the card is not shown and the backend refuses.
      await pages[0]!.goto(`${server.url}#/settings`);
      await pages[0]!.getByText('本单位', { exact: true }).waitFor();
      expect(await pages[0]!.getByText('用户管理').count()).toBe(0);
      for (const p of pages) expect((p as Page & { errors: string[] }).errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('locks an account after wrong passwords and says in Chinese until when', async () => {
    const { server, admin } = await officeServer();
    await create(admin, 'wangwu', '王五', 'readonly', 'right-pass-1');
    const browser = await launchChromium();
    try {
      const page = await newPage(browser, server.url);
      await page.getByText('清波 · 登录').waitFor();
      for (let i = 1; i <= 10; i++) {
        await logIn(page, 'wangwu', `wrong-${i}`);
        if (i < 5) await page.getByText(`再错 ${5 - i} 次账户将被锁定 15 分钟`).waitFor();
        else await page.getByRole('alert').filter({ hasText: /该账户因连续 5 次密码错误已被锁定，请在 \d+月\d+日 \d\d:\d\d（北京时间）之后再试/ }).waitFor();
      }
      await shot(page, 'accounts', 'locked');
      // Even the right password is refused while locked…
      const r = await sessionClient(server.url, '127.0.0.41').login('wangwu', 'right-pass-1');
      expect(r.error?.message).toContain('已被锁定');
      // …until an administrator unlocks it.
      const list = (await admin.api<{ id: number; username: string; lockedUntil: string | null }[]>('accounts.list')).value!;
      const locked = list.find((a) => a.username === 'wangwu')!;
      expect(locked.lockedUntil).not.toBeNull();
      expect((await admin.api('accounts.update', { id: locked.id, unlock: true })).ok).toBe(true);
      expect((await sessionClient(server.url, '127.0.0.42').login('wangwu', 'right-pass-1')).ok).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it('keeps SQL and HTML injection strings in names as plain text', async () => {
    const { server } = await officeServer();
    const browser = await launchChromium();
    // 32 characters, the longest name allowed; an alert would be caught as a dialog.
    const evilName = `<img src=x onerror=alert(1)>';--`;
    expect(evilName).toHaveLength(32);
    try {
      const page = await newPage(browser, server.url);
      await logIn(page, `' OR '1'='1`, `' OR '1'='1`);
      await page.getByText('用户名或密码不对，请重新输入').waitFor();
      await logIn(page, 'admin', ADMIN_PASSWORD);
      // The CLI-made administrator must choose a new password first.
      await page.getByLabel('原密码').fill(ADMIN_PASSWORD);
      await page.getByLabel('新密码', { exact: true }).fill('admin-own-pass');
      await page.getByLabel('再次输入新密码').fill('admin-own-pass');
      await button(page, '修改').click();
      await page.goto(`${server.url}#/settings`);
      await button(page, '新增用户').click();
      const dialog = page.getByRole('dialog', { name: '新增用户' });
      await dialog.getByLabel('用户名').fill(`x' OR 1=1;--`);
      await dialog.getByLabel('姓名').fill(evilName);
      await dialog.getByLabel('初始密码').fill('first-pass-9');
      await button(dialog, '新增').click();
      await dialog.getByText('用户名只能用汉字、字母、数字和 _ . -').waitFor();
      await dialog.getByLabel('用户名').fill('<b>bold</b>');
      await button(dialog, '新增').click();
      await dialog.getByText('用户名只能用汉字、字母、数字和 _ . -').waitFor();
      await dialog.getByLabel('用户名').fill('zhao.liu');
      await button(dialog, '新增').click();
      const card = page.locator('.ant-card').filter({ hasText: '用户管理' });
      await card.getByRole('cell', { name: evilName, exact: true }).waitFor();
      await shot(page, 'accounts', 'users-card');
      expect(await card.locator('img').count()).toBe(0);
      // Shown as text in the header too, once signed in as that user.
      const other = await newPage(browser, server.url);
      await logIn(other, 'zhao.liu', 'first-pass-9');
      await other.getByText('管理员为您设置了初始密码').waitFor();
      await other.getByRole('button', { name: `当前用户：${evilName}` }).waitFor();
      for (const p of [page, other]) expect((p as Page & { errors: string[] }).errors).toEqual([]);
      expect((await sessionClient(server.url, '127.0.0.43').login('admin', 'admin-own-pass')).ok).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
