// Reading accounts and the automatic-login setting; rows become the shared Account shape
// (never with the password hash).
import { Role, type Account } from '../../../shared/accounts';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../db/open';
import { readSetting } from '../settings/store';

export interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  must_change_password: number;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export const AUTO_LOGIN_KEY = 'accounts.autoLogin';

/** The shared view of a row (no hash); an unknown stored role reads as read-only. */
export function toAccount(r: AccountRow, now: Date = new Date()): Account {
  const role = Role.safeParse(r.role);
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: role.success ? role.data : 'readonly',
    active: r.active === 1,
    lockedUntil: r.locked_until && r.locked_until > now.toISOString() ? r.locked_until : null,
    mustChangePassword: r.must_change_password === 1,
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The row of an account by id, or undefined. */
export function accountRow(sqlite: Sqlite, id: number): AccountRow | undefined {
  return sqlite.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
}

/** The row of an account by user name, case-insensitively, or undefined. */
export function accountRowByName(sqlite: Sqlite, username: string): AccountRow | undefined {
  return sqlite.prepare('SELECT * FROM accounts WHERE lower(username) = lower(?)').get(username.trim()) as AccountRow | undefined;
}

/** The account with this id, or NOT_FOUND. */
export function requireAccount(sqlite: Sqlite, id: number): AccountRow {
  const row = accountRow(sqlite, id);
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的用户`);
  return row;
}

/** Every account, administrators first, then by name. */
export function listAccounts(sqlite: Sqlite): Account[] {
  const rows = sqlite
    .prepare("SELECT * FROM accounts ORDER BY active DESC, CASE role WHEN 'admin' THEN 0 WHEN 'coordinator' THEN 1 WHEN 'clerk' THEN 2 ELSE 3 END, username")
    .all() as AccountRow[];
  return rows.map((r) => toAccount(r));
}

/** How many accounts exist at all. */
export function accountCount(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
}

/** How many active administrators exist; none means the first start is not done. */
export function activeAdminCount(sqlite: Sqlite): number {
  return (sqlite.prepare("SELECT count(*) AS n FROM accounts WHERE role = 'admin' AND active = 1").get() as { n: number }).n;
}

/** The account this computer signs in as automatically, or null. */
export function autoLoginAccountId(sqlite: Sqlite): number | null {
  const v = readSetting(sqlite, AUTO_LOGIN_KEY) as { accountId?: unknown } | undefined;
  return typeof v?.accountId === 'number' ? v.accountId : null;
}

/** How an account appears in the audit trail: its name and, to tell namesakes apart, its user name. */
export const actorName = (a: { displayName: string; username: string }): string => `${a.displayName}（${a.username}）`;
