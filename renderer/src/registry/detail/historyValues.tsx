// One audit entry's before/after as lines a clerk can read: Chinese labels, names for codes.
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { EnterpriseInput, type Licence } from '../../../../shared/enterprise';
import { fieldLabel } from '../../../../shared/validation';

export interface Lookups {
  township(code: string): string | undefined;
  industry(code: string): string | undefined;
  product(id: string): string | undefined;
}

/** Keys the audit trail writes beside the enterprise's own fields. */
const extraLabels: Record<string, string> = {
  archived: '归档',
  mergedInto: '并入',
  mergedFrom: '合并了',
  notDuplicateOf: '不是重复',
  moved: '转移的记录',
};

export const labelOfKey = (key: string): string => fieldLabel(EnterpriseInput, [key]) ?? extraLabels[key] ?? key;

const isLicence = (v: unknown): v is Licence => typeof v === 'object' && v !== null && 'kind' in v && 'number' in v;

function licenceText(l: Licence): string {
  const until = l.validTo ? `，有效期至 ${l.validTo}` : '';
  return `${l.kind} ${l.number}${l.scope ? `（${l.scope}）` : ''}${until}`;
}

const enterpriseLink = (id: unknown): ReactNode =>
  typeof id === 'number' ? <Link to={`/registry/${id}`}>企业 #{id}</Link> : String(id);

/** A stored value as text (or a link); null when empty. */
export function valueOf(key: string, value: unknown, look: Lookups): ReactNode | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    if (key === 'products') return value.map((id) => look.product(String(id)) ?? String(id)).join('、');
    if (key === 'licences') return value.map((l) => (isLicence(l) ? licenceText(l) : JSON.stringify(l))).join('；');
    return value.map(String).join('、');
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'townshipCode' && typeof value === 'string') return look.township(value) ?? value;
  if (key === 'industryCode' && typeof value === 'string') {
    const name = look.industry(value);
    return name ? `${value} ${name}` : value;
  }
  if (key === 'mergedInto' || key === 'mergedFrom' || key === 'notDuplicateOf') return enterpriseLink(value);
  if (key === 'moved' && typeof value === 'object') {
    const n = Object.values(value as Record<string, number>).reduce((s, x) => s + (typeof x === 'number' ? x : 0), 0);
    return `${n} 条`;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number);
}

export interface ChangeLine {
  key: string;
  label: string;
  before: ReactNode | null;
  after: ReactNode | null;
  /** A field shown only with its new value (a new enterprise, a note). */
  onlyAfter: boolean;
}

/** The fields that changed in an entry, in the order of the form. */
export function changeLines(before: unknown, after: unknown, look: Lookups): ChangeLine[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const order = Object.keys(EnterpriseInput.shape);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort((x, y) => {
    const ix = order.indexOf(x);
    const iy = order.indexOf(y);
    return (ix < 0 ? 99 : ix) - (iy < 0 ? 99 : iy);
  });
  const onlyAfter = before === null || before === undefined;
  return keys
    .map((key) => ({ key, label: labelOfKey(key), before: valueOf(key, b[key], look), after: valueOf(key, a[key], look), onlyAfter }))
    // A new record lists what was filled in, not every empty field.
    .filter((l) => !(l.onlyAfter && l.after === null));
}
