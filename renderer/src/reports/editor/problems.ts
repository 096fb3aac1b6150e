// The backend's reasons for refusing a format, placed at their field: structured problems
// ({ field: 'definition.columns.3.field', message }) or sentences that name the column
// (「第 4 列「检查经营主体／户数」：数据源「专项统计」没有字段 enterprisez」).
import { ApiError } from '../../api/client';
import { formPath, type FormatValues } from './formatForm';

export interface PlacedProblems {
  /** Messages under form fields. */
  fields: { name: (string | number)[]; errors: string[] }[];
  /** Messages about the whole format, shown above the form. */
  others: string[];
}

const COLUMN = /^第\s*(\d+)\s*列(?:「[^」]*」)?[：:]\s*(.+)$/;

/** Which input of a column a sentence is about. */
function columnField(message: string, col: FormatValues['columns'][number] | undefined): string {
  if (/代码表/.test(message)) return 'codeTable';
  if (/表头/.test(message)) return 'header';
  if (/计算式|表达式/.test(message) || col?.kind === 'expr') return 'expr';
  if (col?.kind === 'formula') return 'formula';
  if (col?.kind === 'text') return 'text';
  if (col?.kind === 'seq') return 'kind';
  return 'field';
}

function placeText(text: string, values: FormatValues, out: PlacedProblems): void {
  const m = COLUMN.exec(text);
  const index = m ? Number(m[1]) - 1 : -1;
  if (m && values.columns?.[index]) {
    out.fields.push({ name: ['columns', index, columnField(m[2]!, values.columns[index])], errors: [m[2]!] });
  } else out.others.push(text);
}

/** The problems of a refused save or import, placed for the form; empty when the error has none. */
export function placeProblems(err: unknown, values: FormatValues): PlacedProblems {
  const out: PlacedProblems = { fields: [], others: [] };
  if (!(err instanceof ApiError) || err.info.code !== 'VALIDATION') return out;
  const { details, message } = err.info;
  const problems = Array.isArray(details?.['problems']) ? (details['problems'] as unknown[]) : [];
  for (const p of problems) {
    if (typeof p === 'string') placeText(p, values, out);
    else if (p && typeof p === 'object' && typeof (p as { message?: unknown }).message === 'string') {
      const { field, label, message: text } = p as { field?: unknown; label?: unknown; message: string };
      const path = typeof field === 'string' ? formPath(field, values) : null;
      if (path) out.fields.push({ name: path, errors: [text.replace(COLUMN, '$2')] });
      else if (COLUMN.test(text)) placeText(text, values, out);
      else out.others.push(typeof label === 'string' && label && !text.includes(label) ? `${label}：${text}` : text);
    }
  }
  if (problems.length === 0) placeText(message, values, out);
  return out;
}
