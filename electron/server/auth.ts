// Sessions over HTTP: the token travels only in an HttpOnly, SameSite=Strict cookie, and requests
// are rate-limited per remote address.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveContext } from '../backend/accounts/resolve';
import type { Backend } from '../backend/backend';
import type { RequestContext } from '../backend/context';

export const SESSION_COOKIE = 'qingbo_session';
/** Set after logging out on this computer, so the automatic login does not sign the browser straight back in. */
export const SIGNED_OUT_COOKIE = 'qingbo_signed_out';

/** The cookies of a request by name. */
export function readCookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    try {
      out[name] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // A cookie we did not write; ignore it.
    }
  }
  return out;
}

const cookie = (name: string, value: string, maxAgeSeconds: number): string =>
  `${name}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`;

/** Hands a new session to the browser (and forgets an earlier logout). */
export function setSessionCookie(res: ServerResponse, token: string, expiresAt: string): void {
  res.setHeader('Set-Cookie', [
    cookie(SESSION_COOKIE, token, (Date.parse(expiresAt) - Date.now()) / 1000),
    cookie(SIGNED_OUT_COOKIE, '', 0),
  ]);
}

/** Removes the session from the browser and marks it signed out. */
export function clearSessionCookie(res: ServerResponse): void {
  res.setHeader('Set-Cookie', [cookie(SESSION_COOKIE, '', 0), cookie(SIGNED_OUT_COOKIE, '1', 365 * 24 * 3600)]);
}

/** The peer's address without the IPv4-in-IPv6 prefix. */
export const remoteAddressOf = (req: IncomingMessage): string => (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');

/** Who an HTTP request acts as: its session cookie, or on a local server the automatic login. */
export function requestContext(backend: Backend, req: IncomingMessage, office: boolean): RequestContext {
  const cookies = readCookies(req);
  return resolveContext(backend.core, {
    transport: office ? 'remote' : 'local',
    token: cookies[SESSION_COOKIE],
    remoteAddress: remoteAddressOf(req),
    allowAutoLogin: cookies[SIGNED_OUT_COOKIE] !== '1',
  });
}

/** A token bucket per key: `rate` tokens a second up to `burst`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; false when none is left. */
  take(key: string): boolean {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.rate);
    b.at = t;
    if (this.buckets.size > 10_000) this.buckets.clear();
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

/** Office mode: 20 API requests a second per address, bursts up to 60. */
export const API_RATE = { rate: 20, burst: 60 } as const;
/** Login attempts per address, everywhere: 10 a minute. */
export const LOGIN_RATE = { rate: 10 / 60, burst: 10 } as const;
