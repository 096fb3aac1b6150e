// Login sessions: a random token handed to the transport, kept in the database only as its
// SHA-256. Idle sessions end after IDLE_MS (sliding), every session after ABSOLUTE_MS.
import { createHash, randomBytes } from 'node:crypto';
import type { Sqlite } from '../db/open';
import { accountRow, type AccountRow } from './repo';

/** Failed logins in a row that lock an account, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;
/** A session unused for 8 hours ends (a working day); any session ends 7 days after login. */
export const IDLE_MS = 8 * 3_600_000;
export const ABSOLUTE_MS = 7 * 24 * 3_600_000;
/** last_seen_at is written at most this often, so reads do not turn into writes. */
export const TOUCH_MS = 60_000;

interface SessionRow {
  token_hash: string;
  account_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const plus = (d: Date, ms: number): string => new Date(d.getTime() + ms).toISOString();
const earlier = (a: string, b: string): string => (a < b ? a : b);

/** Starts a session (inside the caller's write transaction); returns the token, which is not stored. */
export function createSession(sqlite: Sqlite, accountId: number, client: string, now: Date): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const expiresAt = earlier(plus(now, IDLE_MS), plus(now, ABSOLUTE_MS));
  sqlite.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(at);
  sqlite
    .prepare('INSERT INTO sessions (token_hash, account_id, created_at, expires_at, last_seen_at, client) VALUES (?, ?, ?, ?, ?, ?)')
    .run(hashToken(token), accountId, at, expiresAt, at, client.slice(0, 120));
  return { token, expiresAt };
}

/**
 * The active account a token belongs to, or null when the token is unknown, expired or its
 * account deactivated. Moves the idle limit forward at most once a minute. The touch is
 * bookkeeping, not a change of the office's data: it is not audited, and skipped when the
 * database is busy with a job.
 */
export function resolveSession(sqlite: Sqlite, token: string, now: Date): AccountRow | null {
  if (!token || token.length > 200) return null;
  const hash = hashToken(token);
  const s = sqlite.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(hash) as SessionRow | undefined;
  if (!s) return null;
  const at = now.toISOString();
  if (s.expires_at <= at) return null;
  const account = accountRow(sqlite, s.account_id);
  if (!account || account.active !== 1) return null;
  if (now.getTime() - Date.parse(s.last_seen_at) >= TOUCH_MS) {
    const expiresAt = earlier(plus(now, IDLE_MS), plus(new Date(s.created_at), ABSOLUTE_MS));
    // Never waits for the lock: SQLite's busy wait would block the whole process, and with it the
    // job of this process that holds the lock. Busy: the session is simply not extended this time.
    const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
    sqlite.pragma('busy_timeout = 0');
    try {
      sqlite.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?').run(at, expiresAt, hash);
    } catch {
      // SQLITE_BUSY while a job writes.
    } finally {
      sqlite.pragma(`busy_timeout = ${timeout}`);
    }
  }
  return account;
}

/** Ends one session (inside the caller's write transaction); true when it existed. */
export function deleteSession(sqlite: Sqlite, token: string): boolean {
  return sqlite.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token)).changes > 0;
}

/** Ends every session of an account, except `keepToken`'s (inside the caller's write transaction). */
export function deleteSessionsOf(sqlite: Sqlite, accountId: number, keepToken?: string): number {
  const keep = keepToken ? hashToken(keepToken) : '';
  return sqlite.prepare('DELETE FROM sessions WHERE account_id = ? AND token_hash <> ?').run(accountId, keep).changes;
}
