// 用户与登录: first set-up, login with lockout, logout, own password, and the administrator's
// account management. Every change is audited; passwords and their hashes never are.
// `now` is a parameter so tests can move the clock.
import {
  roleLabels, type Account, type AccountCreateInput, type AccountUpdateInput, type AuthStatus, type ChangePasswordInput,
  type LoginInput, type ResetPasswordInput, type SetupInput,
} from '../../../shared/accounts';
import { AppError } from '../../../shared/errors';
import type { z } from 'zod';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import { writeSetting } from '../settings/store';
import { burnVerification, hashPassword, verifyPassword } from './password';
import {
  AUTO_LOGIN_KEY, accountRow, accountRowByName, activeAdminCount, actorName, autoLoginAccountId, requireAccount, toAccount, type AccountRow,
} from './repo';
import { LOCK_MS, MAX_FAILED_LOGINS, createSession, deleteSession, deleteSessionsOf } from './sessions';

export interface LoginOutcome {
  account: Account;
  expiresAt: string;
  token: string;
}

/** A time as a clerk reads it, in Beijing time: 11月30日 14:05. */
export function beijingTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('month')}月${get('day')}日 ${get('hour')}:${get('minute')}`;
}

const lockedMessage = (until: string): string =>
  `该账户因连续 ${MAX_FAILED_LOGINS} 次密码错误已被锁定，请在 ${beijingTime(until)}（北京时间）之后再试，或请管理员在「设置 → 用户管理」中解锁。`;

/** Who is calling, for the UI: set-up needed, the signed-in account, how it was recognised. */
export function authStatus(core: Core, ctx: RequestContext): AuthStatus {
  const row = ctx.accountId !== null ? accountRow(core.sqlite, ctx.accountId) : undefined;
  return {
    setupNeeded: activeAdminCount(core.sqlite) === 0,
    me: row ? toAccount(row) : null,
    autoLogin: ctx.via === 'autoLogin',
    remote: ctx.transport === 'remote',
  };
}

const clientOf = (ctx: RequestContext): string =>
  ctx.transport === 'desktop' ? 'desktop' : `browser${ctx.remoteAddress ? ` ${ctx.remoteAddress}` : ''}`;

function insertAccount(core: Core, input: { username: string; displayName: string; role: string }, hash: string, mustChange: boolean, now: Date): AccountRow {
  if (accountRowByName(core.sqlite, input.username)) {
    throw new AppError('CONFLICT', `用户名「${input.username}」已被使用，请换一个`, { field: 'username' });
  }
  const at = now.toISOString();
  const id = Number(
    core.sqlite
      .prepare(
        `INSERT INTO accounts (username, display_name, role, password_hash, must_change_password, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.username, input.displayName, input.role, hash, mustChange ? 1 : 0, at, at).lastInsertRowid,
  );
  return requireAccount(core.sqlite, id);
}

/** Creates the first administrator; only while there is none, and only on this computer. Signs them in. */
export async function setupAdmin(core: Core, ctx: RequestContext, input: z.output<typeof SetupInput>, now: Date = new Date()): Promise<LoginOutcome> {
  if (ctx.transport === 'remote') throw new AppError('FORBIDDEN', '管理员只能在服务器这台电脑上创建：请在本机打开清波，或运行 qingbo account add --role admin');
  if (activeAdminCount(core.sqlite) > 0) throw new AppError('CONFLICT', '已经有管理员了，请登录');
  const hash = await hashPassword(input.password);
  return write(core, ctx, 'accounts.setup', (scope) => {
    if (activeAdminCount(core.sqlite) > 0) throw new AppError('CONFLICT', '已经有管理员了，请登录');
    const row = insertAccount(core, { ...input, role: 'admin' }, hash, false, now);
    const account = toAccount(row, now);
    scope.audit({ entity: 'account', entityId: row.id, after: account });
    if (input.autoLogin) {
      writeSetting(core.sqlite, AUTO_LOGIN_KEY, { accountId: row.id });
      scope.audit({ entity: 'settings', entityId: AUTO_LOGIN_KEY, after: { accountId: row.id, username: row.username } });
    }
    core.sqlite.prepare('UPDATE accounts SET last_login_at = ? WHERE id = ?').run(now.toISOString(), row.id);
    const session = createSession(core.sqlite, row.id, clientOf(ctx), now);
    return { account: toAccount(requireAccount(core.sqlite, row.id), now), ...session };
  });
}

/** How long a sign-in waits for a job holding the write transaction before it answers BUSY. */
const LOGIN_WAITS_FOR_JOB_MS = 60_000;

/** Checks a password; counts failures and locks the account after MAX_FAILED_LOGINS. */
export async function login(core: Core, ctx: RequestContext, input: z.output<typeof LoginInput>, now: Date = new Date()): Promise<LoginOutcome> {
  const row = accountRowByName(core.sqlite, input.username);
  if (!row) {
    await burnVerification(input.password);
    throw new AppError('VALIDATION', '用户名或密码不对，请重新输入', { field: 'password' });
  }
  const who = { ...ctx, actor: actorName({ displayName: row.display_name, username: row.username }) };
  if (row.locked_until && row.locked_until > now.toISOString()) throw new AppError('FORBIDDEN', lockedMessage(row.locked_until), { lockedUntil: row.locked_until });
  if (row.active !== 1) throw new AppError('FORBIDDEN', '该账户已停用，请联系管理员');
  const good = await verifyPassword(input.password, row.password_hash);
  // Signing in writes (the session, the audit row): during an import it waits for the import
  // rather than turning the clerk away at once.
  await core.jobs.whenIdle(LOGIN_WAITS_FOR_JOB_MS);
  const at = now.toISOString();
  if (!good) {
    const failed = row.failed_logins + 1;
    const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MS).toISOString() : null;
    write(core, who, 'accounts.login', (scope) => {
      core.sqlite
        .prepare('UPDATE accounts SET failed_logins = ?, locked_until = ? WHERE id = ?')
        .run(lockedUntil ? 0 : failed, lockedUntil, row.id);
      scope.audit({
        entity: 'account', entityId: row.id,
        after: lockedUntil ? { result: 'locked', lockedUntil, client: clientOf(ctx) } : { result: 'wrongPassword', failedLogins: failed, client: clientOf(ctx) },
      });
    });
    if (lockedUntil) throw new AppError('FORBIDDEN', lockedMessage(lockedUntil), { lockedUntil });
    const left = MAX_FAILED_LOGINS - failed;
    throw new AppError('VALIDATION', `用户名或密码不对，请重新输入。再错 ${left} 次账户将被锁定 ${LOCK_MS / 60_000} 分钟`, { field: 'password' });
  }
  return write(core, who, 'accounts.login', (scope) => {
    core.sqlite.prepare('UPDATE accounts SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(at, row.id);
    const session = createSession(core.sqlite, row.id, clientOf(ctx), now);
    scope.audit({ entity: 'account', entityId: row.id, after: { result: 'ok', client: clientOf(ctx) } });
    return { account: toAccount(requireAccount(core.sqlite, row.id), now), ...session };
  });
}

/** Ends the caller's session (nothing to end for automatic or trusted callers). */
export function logout(core: Core, ctx: RequestContext): { ok: true } {
  const token = ctx.sessionToken;
  if (!token || ctx.accountId === null) return { ok: true };
  write(core, ctx, 'accounts.logout', (scope) => {
    if (deleteSession(core.sqlite, token)) scope.audit({ entity: 'account', entityId: ctx.accountId, after: { result: 'logout' } });
  }, { allowNoAudit: true });
  return { ok: true };
}

function requireSignedIn(core: Core, ctx: RequestContext): AccountRow {
  if (ctx.accountId === null) throw new AppError('UNAUTHENTICATED', '请先创建管理员或登录，再修改密码');
  return requireAccount(core.sqlite, ctx.accountId);
}

/** Changes the caller's own password after checking the old one; other sessions of the account end. */
export async function changePassword(core: Core, ctx: RequestContext, input: z.output<typeof ChangePasswordInput>, now: Date = new Date()): Promise<Account> {
  const row = requireSignedIn(core, ctx);
  if (!(await verifyPassword(input.oldPassword, row.password_hash))) throw new AppError('VALIDATION', '原密码不对', { field: 'oldPassword' });
  if (input.oldPassword === input.newPassword) throw new AppError('VALIDATION', '新密码不能与原密码相同', { field: 'newPassword' });
  const hash = await hashPassword(input.newPassword);
  return write(core, ctx, 'accounts.changePassword', (scope) => {
    core.sqlite.prepare('UPDATE accounts SET password_hash = ?, must_change_password = 0, updated_at = ? WHERE id = ?').run(hash, now.toISOString(), row.id);
    deleteSessionsOf(core.sqlite, row.id, ctx.sessionToken);
    scope.audit({ entity: 'account', entityId: row.id, after: { passwordChanged: true } });
    return toAccount(requireAccount(core.sqlite, row.id), now);
  });
}

/** Adds an account with an initial password the user must change at first login. */
export async function createAccount(core: Core, ctx: RequestContext, input: z.output<typeof AccountCreateInput>, now: Date = new Date()): Promise<Account> {
  const hash = await hashPassword(input.password);
  return write(core, ctx, 'accounts.create', (scope) => {
    const account = toAccount(insertAccount(core, input, hash, true, now), now);
    scope.audit({ entity: 'account', entityId: account.id, after: account });
    return account;
  });
}

/** Changes name, role or active state, or unlocks; refuses to leave the office without an active administrator. */
export function updateAccount(core: Core, ctx: RequestContext, input: z.output<typeof AccountUpdateInput>, now: Date = new Date()): Account {
  return write(core, ctx, 'accounts.update', (scope) => {
    const row = requireAccount(core.sqlite, input.id);
    const before = toAccount(row, now);
    const role = input.role ?? before.role;
    const active = input.active ?? before.active;
    if (before.role === 'admin' && before.active && (role !== 'admin' || !active) && activeAdminCount(core.sqlite) <= 1) {
      throw new AppError('CONFLICT', `「${before.displayName}」是唯一启用的管理员，不能停用或改为「${roleLabels[role]}」。请先把另一个用户设为管理员`);
    }
    const unlock = input.unlock === true;
    core.sqlite
      .prepare(
        `UPDATE accounts SET display_name = ?, role = ?, active = ?, updated_at = ?,
           failed_logins = CASE WHEN ? THEN 0 ELSE failed_logins END, locked_until = CASE WHEN ? THEN NULL ELSE locked_until END
         WHERE id = ?`,
      )
      .run(input.displayName ?? before.displayName, role, active ? 1 : 0, now.toISOString(), unlock ? 1 : 0, unlock ? 1 : 0, row.id);
    // A deactivated account or a new role starts from a fresh login.
    if (!active || role !== before.role) deleteSessionsOf(core.sqlite, row.id);
    const after = toAccount(requireAccount(core.sqlite, row.id), now);
    scope.audit({ entity: 'account', entityId: row.id, before, after });
    return after;
  });
}

/** Sets a new password for someone who forgot theirs; they must change it at next login, their sessions end. */
export async function resetPassword(core: Core, ctx: RequestContext, input: z.output<typeof ResetPasswordInput>, now: Date = new Date()): Promise<Account> {
  requireAccount(core.sqlite, input.id);
  const hash = await hashPassword(input.password);
  return write(core, ctx, 'accounts.resetPassword', (scope) => {
    core.sqlite
      .prepare('UPDATE accounts SET password_hash = ?, must_change_password = 1, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?')
      .run(hash, now.toISOString(), input.id);
    deleteSessionsOf(core.sqlite, input.id);
    scope.audit({ entity: 'account', entityId: input.id, after: { passwordReset: true } });
    return toAccount(requireAccount(core.sqlite, input.id), now);
  });
}

/** The automatic-login account of this computer. */
export const getAutoLogin = (core: Core): { accountId: number | null } => ({ accountId: autoLoginAccountId(core.sqlite) });

/** Names (or clears) the account this computer signs in as without a password; it must be active. */
export function setAutoLogin(core: Core, ctx: RequestContext, input: { accountId: number | null }): { accountId: number | null } {
  return write(core, ctx, 'accounts.setAutoLogin', (scope) => {
    const before = autoLoginAccountId(core.sqlite);
    let username: string | null = null;
    if (input.accountId !== null) {
      const row = requireAccount(core.sqlite, input.accountId);
      if (row.active !== 1) throw new AppError('VALIDATION', `「${row.display_name}」已停用，不能设为本机自动登录`, { field: 'accountId' });
      username = row.username;
    }
    writeSetting(core.sqlite, AUTO_LOGIN_KEY, { accountId: input.accountId });
    scope.audit({ entity: 'settings', entityId: AUTO_LOGIN_KEY, before: { accountId: before }, after: { accountId: input.accountId, username } });
    return { accountId: input.accountId };
  });
}
