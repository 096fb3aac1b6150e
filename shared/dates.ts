// Dates are 'YYYY-MM-DD' strings (calendar dates, no time zone); instants are UTC ISO strings.
import { z } from 'zod';

/** True when `s` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d && y >= 1900 && y <= 2199;
}

export const isoDate = z.string().refine(isIsoDate, { error: '应为有效日期，格式 YYYY-MM-DD' });

/** Today's date in China (Asia/Shanghai, UTC+8 without daylight saving). */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
