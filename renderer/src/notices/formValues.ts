// Between a notice's fields as the contract carries them and the issue form's values: dates as
// dayjs (also inside the rows of a 送达回证), empty lists as lists, and the backend's field
// problems (fields.rows.0.document) as form paths.
import dayjs, { type Dayjs } from 'dayjs';
import type { NoticeType } from '../../../shared/notice';
import { fieldSpecs, type FieldSpec } from './fieldSpec';

export interface NoticeFormValues {
  fields: Record<string, unknown>;
}

const fromIso = (v: unknown): Dayjs | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayjs(v) : null);
const toIso = (v: unknown): unknown => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v);

function formValue(spec: FieldSpec, v: unknown): unknown {
  switch (spec.kind) {
    case 'date':
      return fromIso(v);
    case 'boolean':
      return v === true;
    case 'money':
      return typeof v === 'number' ? v : 0;
    case 'names':
      return Array.isArray(v) ? v.map(String) : [];
    case 'rows': {
      const rows = Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
      const list = rows.map((r) => Object.fromEntries(spec.columns.map((c) => [c.key, formValue(c, r[c.key])])));
      // A 送达回证 needs at least one row: start with an empty one to fill in.
      return list.length ? list : Array.from({ length: spec.min }, () => ({}));
    }
    default:
      return typeof v === 'string' ? v : v === null || v === undefined ? undefined : String(v);
  }
}

/** The form's starting values from prefilled (or an old notice's) fields. */
export function toFormValues(type: NoticeType, fields: Record<string, unknown>): NoticeFormValues {
  return { fields: Object.fromEntries(fieldSpecs(type).map((s) => [s.key, formValue(s, fields[s.key])])) };
}

function inputValue(spec: FieldSpec, v: unknown): unknown {
  if (spec.kind === 'rows') {
    const rows = Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
    return rows.map((r) => Object.fromEntries(spec.columns.map((c) => [c.key, inputValue(c, r?.[c.key])]).filter(([, x]) => x !== undefined)));
  }
  if (spec.kind === 'date') return dayjs.isDayjs(v) ? toIso(v) : null;
  return v === undefined ? undefined : toIso(v);
}

/**
 * What the backend receives. Fields the form never touched are left out, so the contract's
 * defaults apply; `extra` keeps fields the form does not show (an old notice's own keys).
 */
export function toFields(type: NoticeType, values: NoticeFormValues, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
  const given = values.fields ?? {};
  for (const spec of fieldSpecs(type)) {
    const v = inputValue(spec, given[spec.key]);
    if (v !== undefined) out[spec.key] = v;
  }
  // 立即改正 has no deadline: a date picked before the box was ticked is not sent.
  if (out['immediately'] === true && 'deadlineOn' in out) out['deadlineOn'] = null;
  return out;
}

/** Fields the bulk form sends: only what the clerk filled in, so each notice's own record fills the rest. */
export function filledFields(type: NoticeType, values: NoticeFormValues): Record<string, unknown> {
  const all = toFields(type, values);
  const blank = (v: unknown): boolean =>
    v === null || v === undefined || v === '' || v === false || v === 0 ||
    (Array.isArray(v) && v.every((x) => blank(x))) ||
    (typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((x) => blank(x)));
  return Object.fromEntries(Object.entries(all).filter(([, v]) => !blank(v)));
}

/** Where on the form the backend's field name points ('fields.rows.0.document' → ['fields', 'rows', 0, 'document']); null for other fields. */
export function problemPath(field: string): (string | number)[] | null {
  if (!field.startsWith('fields.')) return null;
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
