// What one operation changed, field by field: the value before and after, changed fields marked.
import { Typography } from 'antd';
import type { AuditRecord } from '../../../shared/system';
import { EMPTY } from '../ui/format';
import { fieldLabel } from './labels';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as text: strings as they are, everything else as JSON. */
export function valueText(v: unknown): string {
  if (v === undefined || v === null || v === '') return EMPTY;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.length === 0 ? EMPTY : v.every((x) => typeof x === 'string') ? v.join('、') : JSON.stringify(v);
  return JSON.stringify(v);
}

const isRun = (r: unknown): r is [number, number, number] => Array.isArray(r) && r.length === 3 && r.every((x) => typeof x === 'number');

/** The enterprises an import created, from its runs of [first id, first row, count]. */
function createdText(runs: unknown): string | null {
  if (!Array.isArray(runs) || !runs.every(isRun)) return null;
  return runs
    .map(([id, row, n]) => (n === 1 ? `编号 ${id}（第 ${row} 行）` : `编号 ${id}–${id + n - 1}（第 ${row}–${row + n - 1} 行）`))
    .join('；');
}

/** A field's value as text; the runs an import created have their own wording. */
const fieldText = (entity: string, key: string, v: unknown): string => (entity === 'import' && key === 'created' ? createdText(v) : null) ?? valueText(v);

interface Row {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

// Nested objects of a record (`data` of a dossier record) are opened one level, so each field has its own line.
function flatten(v: unknown): Record<string, unknown> {
  if (!isPlainObject(v)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'data' && isPlainObject(x)) for (const [k2, y] of Object.entries(x)) out[k2] = y;
    else out[k] = x;
  }
  return out;
}

/** The rows of the diff; a value that is not an object becomes one row “内容”. */
export function diffRows(entry: Pick<AuditRecord, 'entity' | 'before' | 'after'>): Row[] {
  const { before, after } = entry;
  if ((before !== null && !isPlainObject(before)) || (after !== null && !isPlainObject(after))) {
    const b = valueText(before);
    const a = valueText(after);
    return [{ key: '', label: '内容', before: b, after: a, changed: a !== b }];
  }
  const b = flatten(before);
  const a = flatten(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => {
    const bt = before === null ? '' : fieldText(entry.entity, key, b[key]);
    const at = after === null ? '' : fieldText(entry.entity, key, a[key]);
    return { key, label: fieldLabel(entry.entity, key), before: bt, after: at, changed: bt !== at };
  });
}

export function AuditDiff({ entry }: { entry: AuditRecord }) {
  const rows = diffRows(entry);
  const changed = rows.filter((r) => r.changed);
  // A creation or a removal shows every field that has a value; a change shows what changed.
  const shown = entry.before === null || entry.after === null ? rows.filter((r) => (r.before || r.after) !== EMPTY) : changed;
  if (shown.length === 0) return <Typography.Text type="secondary">没有字段变化</Typography.Text>;
  return (
    <table className="qb-audit-diff" aria-label={`第 ${entry.id} 条的改动`}>
      <thead>
        <tr>
          <th>字段</th>
          {entry.before !== null && <th>改动前</th>}
          {entry.after !== null && <th>改动后</th>}
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr key={r.key} className={r.changed && entry.before !== null && entry.after !== null ? 'qb-audit-changed' : ''}>
            <th scope="row" title={r.key}>
              {r.label}
            </th>
            {entry.before !== null && <td>{r.before || EMPTY}</td>}
            {entry.after !== null && <td>{r.after || EMPTY}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
