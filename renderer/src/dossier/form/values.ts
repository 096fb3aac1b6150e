// Between a record as the backend keeps it and the form's fields: dates as dayjs, 未分类 as a
// value, and the record's own date taken from the field that is its date (抽样日期, 收到日期).
import dayjs, { type Dayjs } from 'dayjs';
import type { RecordKind } from '../../../../shared/dossier';

export interface RecordFormValues {
  occurredOn?: Dayjs | null;
  data: Record<string, unknown>;
}

/** The date fields of each kind, which the form edits as dayjs. */
const DATE_FIELDS: Partial<Record<RecordKind, string[]>> = {
  sampling: ['sampledOn', 'resultReceivedOn'],
  rectification: ['deadlineOn', 'recheckDueOn', 'recheckOn'],
  supervision: ['deadlineOn', 'closedOn'],
  complaint: ['receivedOn', 'repliedOn'],
  penalty: ['decidedOn'],
  licence: ['validTo'],
};

/** Kinds whose record date is one of their own fields: the form asks for it once. */
export const occurredFrom: Partial<Record<RecordKind, string>> = { sampling: 'sampledOn', complaint: 'receivedOn' };

/** What the record's date is called on the form of each kind. */
export const occurredLabels: Record<RecordKind, string> = {
  inspection: '检查日期',
  specialInspection: '检查日期',
  sampling: '抽样日期',
  rectification: '责令改正日期',
  interview: '约谈日期',
  riskReminder: '发函日期',
  supervision: '督办日期',
  complaint: '收到日期',
  penalty: '立案日期',
  licence: '办理日期',
  credit: '调整日期',
  supervisionClass: '调整日期',
  assistance: '帮扶日期',
  note: '日期',
  notice: '出具日期',
};

/** Credit class "未分类" in a Select (null cannot be an option value). */
export const UNCLASSIFIED = 'none';

/** What a new record of `kind` starts with. */
export function newValues(kind: RecordKind): RecordFormValues {
  const today = dayjs();
  const data: Record<string, unknown> = {};
  const from = occurredFrom[kind];
  if (from) data[from] = today;
  if (kind === 'inspection' || kind === 'specialInspection') Object.assign(data, { inspectors: [], checklist: [] });
  if (kind === 'sampling') data['unqualifiedItems'] = [];
  if (kind === 'penalty') Object.assign(data, { fineFen: 0, confiscationFen: 0 });
  return { occurredOn: today, data };
}

/** The form's values for a saved record. */
export function toFormValues(kind: RecordKind, occurredOn: string, stored: Record<string, unknown>): RecordFormValues {
  const data: Record<string, unknown> = { ...stored };
  for (const k of DATE_FIELDS[kind] ?? []) data[k] = typeof stored[k] === 'string' ? dayjs(stored[k]) : null;
  if (kind === 'credit' && stored['to'] === null) data['to'] = UNCLASSIFIED;
  return { occurredOn: dayjs(occurredOn), data };
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * What the backend receives. `base` is the record as saved (editing): fields the form does not
 * show are kept as they were.
 */
export function toInput(kind: RecordKind, v: RecordFormValues, base: Record<string, unknown> = {}): { occurredOn: string; data: Record<string, unknown> } {
  const data: Record<string, unknown> = { ...base };
  for (const [k, value] of Object.entries(v.data ?? {})) {
    // A cleared select is undefined: drop the key so the field's default (empty) applies, not the old value.
    if (value === undefined) {
      delete data[k];
      continue;
    }
    data[k] = dayjs.isDayjs(value) ? iso(value) : value;
  }
  if (kind === 'credit' && data['to'] === UNCLASSIFIED) data['to'] = null;
  // A qualified result has no unqualified items, even if some were typed before the result was chosen.
  if (kind === 'sampling' && data['result'] !== '不合格') data['unqualifiedItems'] = [];
  const from = occurredFrom[kind];
  const own = from ? data[from] : undefined;
  const occurredOn = typeof own === 'string' ? own : v.occurredOn ? iso(v.occurredOn) : '';
  return { occurredOn, data };
}

/** Where on the form the backend's field name points ('data.checklist.0.item' → ['data', 'checklist', 0, 'item']). */
export function problemPath(kind: RecordKind, field: string): (string | number)[] | null {
  if (field === 'occurredOn') {
    const from = occurredFrom[kind];
    return from ? ['data', from] : ['occurredOn'];
  }
  if (!field.startsWith('data.')) return null;
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
