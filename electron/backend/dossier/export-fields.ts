// A record's fields as a printed file shows them: every field of its kind in the form's order,
// labelled with the Chinese label of the schema (.describe()), money in 元, lists joined, tables
// for checklists and unqualified items. Plain text out; escaping is the HTML layer's job.
import { creditClassLabels } from '../../../shared/enterprise';
import { deadlineKindLabels, recordFields, type Deadline, type RecordKind } from '../../../shared/dossier';
import { noticeTypeInfo, type NoticeType } from '../../../shared/notice';
import { fieldLabel } from '../../../shared/validation';

export type FieldRow =
  | { label: string; text: string }
  | { label: string; table: { headers: string[]; rows: string[][] } };

export const EMPTY = '—';

/** Fen (分) as 元 with thousands separators and two decimals, computed on the digits (no float error). */
export function formatYuan(fen: number): string {
  const negative = fen < 0;
  const digits = String(Math.abs(Math.trunc(fen))).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${digits.slice(-2)} 元`;
}

/** Bytes as a clerk reads them (12.3 KB, 4.5 MB). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// Fields kept on a record that its form does not edit (written by the backend).
const EXTRA_LABELS: Record<string, string> = { from: '调整前' };

const isMoney = (key: string) => key.endsWith('Fen');

function shapeOf(kind: RecordKind): Record<string, unknown> {
  return (recordFields[kind] as unknown as { shape: Record<string, unknown> }).shape;
}

function scalar(kind: RecordKind, key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return kind === 'credit' && (key === 'to' || key === 'from') && v === null ? '未分类' : EMPTY;
  if (kind === 'credit' && (key === 'to' || key === 'from') && typeof v === 'string' && v in creditClassLabels) {
    return creditClassLabels[v as keyof typeof creditClassLabels];
  }
  if (kind === 'notice' && key === 'type' && typeof v === 'string' && v in noticeTypeInfo) return noticeTypeInfo[v as NoticeType].title;
  if (isMoney(key) && typeof v === 'number') return formatYuan(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The fields of one record, labelled, in the order of its kind's form, then any kept extras. */
export function recordFieldRows(kind: RecordKind, data: Record<string, unknown>): FieldRow[] {
  const schema = recordFields[kind];
  const keys = Object.keys(shapeOf(kind));
  const extras = Object.keys(data).filter((k) => !keys.includes(k));
  const rows: FieldRow[] = [];
  for (const key of [...keys, ...extras]) {
    const raw = fieldLabel(schema, [key]) ?? EXTRA_LABELS[key] ?? key;
    const label = isMoney(key) ? raw.replace(/（分）$/, '') : raw;
    const v = data[key];
    if (Array.isArray(v) && v.some((x) => typeof x === 'object' && x !== null)) {
      const items = v as Record<string, unknown>[];
      const cols = [...new Set(items.flatMap((x) => Object.keys(x)))];
      rows.push({
        label,
        table: {
          headers: cols.map((c) => fieldLabel(schema, [key, 0, c]) ?? c),
          rows: items.map((x) => cols.map((c) => scalar(kind, c, x[c]))),
        },
      });
    } else if (Array.isArray(v)) {
      rows.push({ label, text: v.length ? v.map(String).join('、') : EMPTY });
    } else {
      rows.push({ label, text: scalar(kind, key, v) });
    }
  }
  return rows;
}

/** A deadline's state on the print date, as one phrase (已完成（2026-04-20）, 已逾期 3 天 …). */
export function deadlineState(d: Deadline): string {
  if (d.status === 'done') return `已完成${d.doneOn ? `（${d.doneOn}）` : ''}`;
  if (d.status === 'cancelled') return '已取消';
  if (d.daysLeft < 0) return d.kind === 'objection' ? '已届满' : `已逾期 ${-d.daysLeft} 天`;
  return d.daysLeft === 0 ? '今天到期' : `未到期（还有 ${d.daysLeft} 天）`;
}

/** The name of a deadline as printed. */
export const deadlineName = (d: Deadline): string => deadlineKindLabels[d.kind];
