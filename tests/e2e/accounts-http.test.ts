// The office server (`qingbo serve --host`, any non-loopback address; 127.0.0.2 here) over real
// HTTP: every contract method, as each of the four roles, is refused exactly when the role lacks the right.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roleLabels, roleMay, roles, type Role } from '../../shared/accounts';
import { methodNames } from '../../shared/contract';
import { methodAccess } from '../../shared/permissions';
import { qingbo, serve, sessionClient } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const HOST = '127.0.0.2';
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'qingbo.js');
const PASSWORD = 'office-pass-1';

async function officeServer() {
  const data = tempDir();
  const add = qingbo(['account', 'add', '--data', data, '--role', 'admin', '--username', 'admin', '--display-name', '王管理', '--password', PASSWORD]);
  expect(add.stderr).toBe('');
  expect(add.stdout).toContain('已新增用户 admin');
  return { data, server: await serve(data, ['--host', HOST]) };
}

describe('the office server', () => {
  it('manages accounts from the command line: add, list, reset a password read from standard input', () => {
    const data = tempDir();
    const bad = qingbo(['account', 'add', '--data', data, '--role', 'boss', '--username', 'x1', '--display-name', 'x', '--password', PASSWORD]);
    expect([bad.status, bad.stderr.trim()]).toEqual([2, '--role 应为 admin、coordinator、clerk 或 readonly，收到「boss」']);
    expect(qingbo(['account', 'add', '--data', data, '--role', 'clerk', '--username', 'zhangsan', '--display-name', '张三', '--password', PASSWORD]).status).toBe(0);
    const short = qingbo(['account', 'add', '--data', data, '--role', 'clerk', '--username', 'lisi', '--display-name', '李四', '--password', '123']);
    expect([short.status, short.stderr.trim()]).toEqual([1, '初始密码：密码至少 8 位']);
    const reset = spawnSync(process.execPath, [BIN, 'account', 'reset-password', '--data', data, '--username', 'ZhangSan'], { input: 'from-stdin-9\n', encoding: 'utf8' });
    expect(reset.stdout).toContain('已重设 zhangsan 的密码');
    const list = qingbo(['account', 'list', '--data', data, '--json']);
    const accounts = (JSON.parse(list.stdout) as { accounts: { username: string; role: string; mustChangePassword: boolean }[] }).accounts;
    expect(accounts.map((a) => [a.username, a.role, a.mustChangePassword])).toEqual([['zhangsan', 'clerk', true]]);
    // Only the scrypt hash is kept.
    expect(readFileSync(join(data, 'qingbo.db')).includes(Buffer.from('from-stdin-9'))).toBe(false);
  });

  it('refuses to start on the network without an administrator, naming the command to run', async () => {
    const data = tempDir();
    await expect(serve(data, ['--host', HOST])).rejects.toThrow(/qingbo account add --data .* --role admin/);
  });

  it('gives each role FORBIDDEN for exactly the methods outside its rights, over HTTP', async () => {
    const { server } = await officeServer();
    const admin = sessionClient(server.url, '127.0.0.10');
    // Nobody signed in: only public methods answer; the first set-up is never offered to the network.
    for (const m of methodNames) {
      const r = await admin.api(m, {});
      if (methodAccess[m] === 'public') expect([r.error?.code, m]).not.toEqual(['UNAUTHENTICATED', m]);
      else expect([r.status, r.error?.code, m]).toEqual([401, 'UNAUTHENTICATED', m]);
    }
    const setup = await admin.api('accounts.setup', { username: 'intruder', displayName: '入侵', password: 'whatever-1', autoLogin: true });
    expect(setup.error?.code).toBe('FORBIDDEN');
    expect((await admin.login('admin', PASSWORD)).ok).toBe(true);
    for (const role of roles.filter((r) => r !== 'admin')) {
      const r = await admin.api('accounts.create', { username: `u-${role}`, displayName: roleLabels[role], role, password: PASSWORD });
      expect(r.ok).toBe(true);
    }
    const counts: Record<string, number> = {};
    for (const [i, role] of roles.entries()) {
      const c = role === 'admin' ? admin : sessionClient(server.url, `127.0.0.${11 + i}`);
      if (role !== 'admin') expect((await c.login(`u-${role}`, PASSWORD)).ok).toBe(true);
      const me = await c.api<{ me: { role: Role } }>('accounts.status');
      expect(me.value?.me.role).toBe(role);
      let forbidden = 0;
      for (const m of methodNames) {
        if (m === 'accounts.logout' || m === 'demo.generate') continue;
        const r = await c.api(m, {});
        const allowed = roleMay(role, methodAccess[m]);
        if (allowed) expect([r.error?.code, m]).not.toEqual(['FORBIDDEN', m]);
        else {
          expect([r.status, r.error?.code, m]).toEqual([403, 'FORBIDDEN', m]);
          expect(r.error?.message).toContain(`「${roleLabels[role]}」用户不能`);
          forbidden++;
        }
        expect([r.error?.code, m]).not.toEqual(['UNAUTHENTICATED', m]);
      }
      // demo.generate with {} would start a job; its refusal is checked with a harmless role only.
      if (role !== 'admin') expect((await c.api('demo.generate', {})).error?.code).toBe('FORBIDDEN');
      counts[role] = forbidden;
      const out = await c.api('accounts.logout');
      expect(out.ok).toBe(true);
      expect(out.status).toBe(200);
      expect((await c.api('system.info')).error?.code).toBe('UNAUTHENTICATED');
    }
    expect(counts['admin']).toBe(0);
    expect(counts['readonly']).toBeGreaterThan(counts['clerk']!);
    expect(counts['clerk']).toBeGreaterThan(0);
    expect(counts['coordinator']).toBeGreaterThan(0);
  });

  it('keeps the token in an HttpOnly SameSite=Strict cookie only, guards files and events, and refuses other origins', async () => {
    const { server } = await officeServer();
    const c = sessionClient(server.url, '127.0.0.20');
    expect(await c.get('api/events')).toBe(401);
    expect(await c.get(`api/files/${'a'.repeat(64)}?name=x.pdf`)).toBe(401);
    const login = await c.login('admin', PASSWORD);
    expect(login.ok).toBe(true);
    expect(JSON.stringify(login.value)).not.toContain('token');
    const cookie = c.lastSetCookie.find((x) => x.startsWith('qingbo_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(c.cookie.split('=')[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await c.get('api/events')).toBe(200);
    expect(await c.get(`api/files/${'a'.repeat(64)}?name=x.pdf`)).toBe(404);
    const foreign = await c.api('system.info', {}, { headers: { Origin: 'http://evil.example' } });
    expect([foreign.status, foreign.error?.code]).toEqual([403, 'FORBIDDEN']);
    await c.api('accounts.logout');
    expect(c.cookie).toBe('');
    expect(await c.get('api/events')).toBe(401);
  });

  it('rate-limits requests per address with a Chinese message, and login attempts separately', async () => {
    const { server } = await officeServer();
    const c = sessionClient(server.url, '127.0.0.30');
    const answers = await Promise.all(Array.from({ length: 150 }, () => c.api('accounts.status', {}, { retry: false })));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(50);
    expect(limited[0]?.error?.message).toBe('请求过于频繁，请稍等几秒再试');
    // Another address is not affected.
    expect((await sessionClient(server.url, '127.0.0.31').api('accounts.status', {}, { retry: false })).status).toBe(200);
    const guesser = sessionClient(server.url, '127.0.0.32');
    const tries: number[] = [];
    for (let i = 0; i < 12; i++) tries.push((await guesser.api('accounts.login', { username: 'nobody', password: `guess-${i}` }, { retry: false })).status);
    expect(tries.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(tries.slice(10)).toEqual([429, 429]);
    const last = await guesser.api('accounts.login', { username: 'admin', password: PASSWORD }, { retry: false });
    expect(last.error?.message).toBe('登录尝试过于频繁，请一分钟后再试');
  });
});
