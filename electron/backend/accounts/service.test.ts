import { describe, expect, it } from 'vitest';
import { testBackend } from '../../../tests/helpers/backend';
import { anonymousContext, trustedContext, type RequestContext } from '../context';
import { hashPassword, verifyPassword } from './password';
import { resolveContext } from './resolve';
import { changePassword, createAccount, login, resetPassword, setupAdmin, updateAccount } from './service';
import { ABSOLUTE_MS, IDLE_MS, LOCK_MS, MAX_FAILED_LOGINS, TOUCH_MS } from './sessions';

const local = trustedContext('本机用户', 'local');
const admin = { username: 'wangli', displayName: '王丽', password: 'correct horse 1', autoLogin: false };
const at = (iso: string) => new Date(iso);
const T0 = at('2026-11-30T01:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    return err as { code: string; message: string; details?: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
}

describe('passwords', () => {
  it('hashes with scrypt, salted, and verifies only the right password', async () => {
    const t = performance.now();
    const h = await hashPassword('密码 password 1');
    const ms = performance.now() - t;
    expect(h).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await hashPassword('密码 password 1')).not.toBe(h);
    expect(await verifyPassword('密码 password 1', h)).toBe(true);
    expect(await verifyPassword('密码 password 2', h)).toBe(false);
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(ms).toBeGreaterThan(5); // a real key-stretching cost, not a plain hash
  });
});

describe('accounts', () => {
  it('sets up the first administrator once, only locally, and never stores or audits the password', async () => {
    const b = testBackend();
    const remote = await refusal(setupAdmin(b.core, anonymousContext('remote', '10.0.0.8'), admin, T0));
    expect(remote.code).toBe('FORBIDDEN');
    const first = await setupAdmin(b.core, local, admin, T0);
    expect(first.account).toMatchObject({ username: 'wangli', role: 'admin', active: true });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await refusal(setupAdmin(b.core, local, { ...admin, username: 'other' }, T0));
    expect(again.code).toBe('CONFLICT');
    const dump = JSON.stringify(b.core.sqlite.prepare('SELECT * FROM audit_log').all()) + JSON.stringify(b.core.sqlite.prepare('SELECT * FROM sessions').all());
    expect(dump).not.toContain('correct horse');
    expect(dump).not.toContain(first.token);
    expect(JSON.stringify(b.core.sqlite.prepare('SELECT * FROM audit_log').all())).not.toContain('scrypt$');
  });

  it('signs in once a running import ends instead of answering BUSY at once', async () => {
    const b = testBackend();
    await setupAdmin(b.core, local, admin, T0);
    let finish = () => {};
    const holding = new Promise<void>((resolve) => (finish = resolve));
    const job = b.core.jobs.start('test.import', '导入企业名录', '王丽', null, async (ctx) => {
      ctx.sqlite.prepare("INSERT INTO enterprises (name, entity_type) VALUES ('华容县导入中商行', '企业')").run();
      ctx.audit({ entity: 'enterprise', after: { name: '华容县导入中商行' } });
      await holding;
      return null;
    });
    await new Promise((r) => setTimeout(r, 50));
    let signedIn = false;
    const signing = login(b.core, anonymousContext('remote', '10.0.0.8'), { username: admin.username, password: admin.password }).then((r) => {
      signedIn = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 400));
    expect(signedIn).toBe(false);
    finish();
    expect((await b.core.jobs.wait(job.id)).status).toBe('succeeded');
    expect((await signing).account.username).toBe('wangli');
  });

  it('locks after repeated wrong passwords, says until when in Beijing time, and unlocks after the lock time', async () => {
    const b = testBackend();
    await setupAdmin(b.core, local, admin, T0);
    const ctx = anonymousContext('remote', '10.0.0.8');
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      const e = await refusal(login(b.core, ctx, { username: 'WANGLI', password: 'wrong' }, T0));
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toContain(`再错 ${MAX_FAILED_LOGINS - i} 次`);
    }
    const locked = await refusal(login(b.core, ctx, { username: 'wangli', password: 'wrong' }, T0));
    expect(locked.code).toBe('FORBIDDEN');
    // 01:00Z + 15 min = 09:15 in Beijing.
    expect(locked.message).toContain('11月30日 09:15（北京时间）');
    const stillLocked = await refusal(login(b.core, ctx, { username: 'wangli', password: admin.password }, later(LOCK_MS - 1000)));
    expect(stillLocked.message).toContain('已被锁定');
    const ok = await login(b.core, ctx, { username: 'wangli', password: admin.password }, later(LOCK_MS + 1000));
    expect(ok.account.lockedUntil).toBeNull();
    const audit = b.core.sqlite.prepare("SELECT actor, after FROM audit_log WHERE method = 'accounts.login' ORDER BY id").all() as { actor: string; after: string }[];
    expect(audit.map((a) => (JSON.parse(a.after) as { result: string }).result)).toEqual(['wrongPassword', 'wrongPassword', 'wrongPassword', 'wrongPassword', 'locked', 'ok']);
    expect(audit[0]?.actor).toBe('王丽（wangli）');
  });

  it('ends sessions after 8 idle hours, slides while used, and never outlives 7 days', async () => {
    const b = testBackend();
    const { token } = await setupAdmin(b.core, local, admin, T0);
    const who = (now: Date) => resolveContext(b.core, { transport: 'remote', token }, now);
    expect(who(later(IDLE_MS - 1000)).accountId).not.toBeNull();
    // Used every 7 hours, it stays alive past the first 8 hours…
    let t = 0;
    for (; t + 7 * 3_600_000 < ABSOLUTE_MS; t += 7 * 3_600_000) expect(who(later(t)).role).toBe('admin');
    // …but not past the absolute limit.
    expect(who(later(ABSOLUTE_MS + 1)).role).toBeNull();
    const fresh = await login(b.core, local, { username: 'wangli', password: admin.password }, T0);
    expect(resolveContext(b.core, { transport: 'remote', token: fresh.token }, later(IDLE_MS + 1)).role).toBeNull();
    // last_seen_at is written at most once a minute.
    const fresh2 = await login(b.core, local, { username: 'wangli', password: admin.password }, T0);
    const seen = () => (b.core.sqlite.prepare('SELECT last_seen_at FROM sessions ORDER BY created_at DESC, rowid DESC LIMIT 1').get() as { last_seen_at: string }).last_seen_at;
    resolveContext(b.core, { transport: 'remote', token: fresh2.token }, later(TOUCH_MS - 1));
    expect(seen()).toBe(T0.toISOString());
    resolveContext(b.core, { transport: 'remote', token: fresh2.token }, later(TOUCH_MS));
    expect(seen()).toBe(later(TOUCH_MS).toISOString());
  });

  it('acts as the local administrator before any account, then as the automatic-login account, never remotely', async () => {
    const b = testBackend();
    expect(resolveContext(b.core, { transport: 'desktop' })).toMatchObject({ role: 'admin', accountId: null });
    expect(resolveContext(b.core, { transport: 'remote' }).role).toBeNull();
    await setupAdmin(b.core, local, { ...admin, autoLogin: true }, T0);
    expect(resolveContext(b.core, { transport: 'local' })).toMatchObject({ role: 'admin', via: 'autoLogin', actor: '王丽（wangli）' });
    expect(resolveContext(b.core, { transport: 'local', allowAutoLogin: false }).role).toBeNull();
    expect(resolveContext(b.core, { transport: 'remote' }).role).toBeNull();
  });

  it('keeps one active administrator, ends sessions of a deactivated account, and makes reset passwords temporary', async () => {
    const b = testBackend();
    const first = await setupAdmin(b.core, local, admin, T0);
    const adminCtx = resolveContext(b.core, { transport: 'local', token: first.token }, T0);
    const lastAdmin = await refusal(Promise.resolve().then(() => updateAccount(b.core, adminCtx, { id: first.account.id, role: 'clerk' }, T0)));
    expect(lastAdmin.message).toContain('唯一启用的管理员');
    const clerk = await createAccount(b.core, adminCtx, { username: '<b>li</b>', displayName: "x'); DROP TABLE accounts;--", role: 'clerk', password: 'initial-pass' }, T0);
    expect(clerk).toMatchObject({ mustChangePassword: true, displayName: "x'); DROP TABLE accounts;--" });
    const s = await login(b.core, anonymousContext('remote'), { username: '<b>li</b>', password: 'initial-pass' }, T0);
    const clerkCtx: RequestContext = resolveContext(b.core, { transport: 'remote', token: s.token }, T0);
    expect(clerkCtx.role).toBe('clerk');
    const changed = await changePassword(b.core, clerkCtx, { oldPassword: 'initial-pass', newPassword: 'my-own-pass' }, T0);
    expect(changed.mustChangePassword).toBe(false);
    updateAccount(b.core, adminCtx, { id: clerk.id, active: false }, T0);
    expect(resolveContext(b.core, { transport: 'remote', token: s.token }, T0).role).toBeNull();
    const inactive = await refusal(login(b.core, anonymousContext('remote'), { username: '<b>li</b>', password: 'my-own-pass' }, T0));
    expect(inactive.message).toContain('已停用');
    updateAccount(b.core, adminCtx, { id: clerk.id, active: true }, T0);
    const reset = await resetPassword(b.core, adminCtx, { id: clerk.id, password: 'temporary-1' }, T0);
    expect(reset.mustChangePassword).toBe(true);
    expect((await login(b.core, anonymousContext('remote'), { username: '<B>LI</B>', password: 'temporary-1' }, T0)).account.id).toBe(clerk.id);
  });
});

describe('the API gate', () => {
  it('refuses by role before reading the input, and asks for a login when nobody is signed in', async () => {
    const b = testBackend();
    const readonly: RequestContext = { actor: 'x', accountId: 1, role: 'readonly', transport: 'remote', via: 'session' };
    const r = await b.api.call('enterprises.create', { nonsense: true }, readonly);
    expect(!r.ok && r.error).toMatchObject({ code: 'FORBIDDEN', message: '「只读」用户不能「新增企业」。如需此权限，请联系管理员' });
    const anon = await b.api.call('enterprises.search', {}, anonymousContext('remote'));
    expect(!anon.ok && anon.error.code).toBe('UNAUTHENTICATED');
    const status = await b.api.call('accounts.status', {}, anonymousContext('remote'));
    expect(status.ok && status.value).toEqual({ setupNeeded: true, me: null, autoLogin: false, remote: true });
  });
});
