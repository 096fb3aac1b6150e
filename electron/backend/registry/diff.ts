// What changed between two versions of an enterprise, as the audit trail and the import preview show it.
import type { EnterpriseData } from '../../../shared/enterprise';
import { maskIdNumber } from '../../../shared/idcard';

type Key = keyof EnterpriseData;

/** A value as it goes into the audit log: the ID number masked (personal data). */
function shown(key: Key, value: unknown): unknown {
  if (key === 'idNumber' && typeof value === 'string') return maskIdNumber(value);
  return value;
}

const same = (a: unknown, b: unknown): boolean => {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  // Lists and licences compare by content; differing plain values differ.
  return typeof x === 'object' && typeof y === 'object' && x !== null && y !== null && JSON.stringify(x) === JSON.stringify(y);
};

/** The fields that differ, with before and after values (only those fields); null when nothing changed. */
export function diffData(
  before: Partial<EnterpriseData> | null,
  after: Partial<EnterpriseData>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Key[]) {
    const old = before?.[key] ?? null;
    const now = after[key] ?? null;
    if (same(old, now)) continue;
    if (before) b[key] = shown(key, old);
    a[key] = shown(key, now);
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

/** A value as one line of text for the import preview. */
export function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、') : null;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number | boolean);
}
