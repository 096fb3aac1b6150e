// 居民身份证号码 (GB 11643-1999): 18 characters with an ISO 7064 MOD 11-2 check, or the old 15 digits.
import { isIsoDate } from './dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The 18th character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '?';
}

/** Null when `raw` is a plausible ID number (after upper-casing); otherwise a Chinese reason. */
export function checkIdNumber(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (/^\d{15}$/.test(id)) return isIsoDate(`19${id.slice(6, 8)}-${id.slice(8, 10)}-${id.slice(10, 12)}`) ? null : '15 位证件号码中的出生日期不存在';
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为 18 位（最后一位可以是 X），或旧式 15 位数字';
  if (!isIsoDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)) return '身份证号码中的出生日期不存在';
  const expected = idCheckChar(id.slice(0, 17));
  return id[17] === expected ? null : `身份证号码校验位错误，最后一位应为 ${expected}`;
}

/** Shows the first 6 and last 4 characters only: 430623********1234. */
export function maskIdNumber(id: string): string {
  return id.length <= 10 ? '*'.repeat(id.length) : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
