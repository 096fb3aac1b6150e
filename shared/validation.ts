// Turns zod issues into sentences a clerk can act on, naming the field by its Chinese label.
// Labels come from `.describe('单位名称')` on the schema field.
import { z } from 'zod';

type Issue = z.core.$ZodIssue;

z.config(z.locales.zhCN());
z.config({
  customError: (iss) => {
    switch (iss.code) {
      case 'invalid_type':
        return iss.input === undefined || iss.input === null ? '必须填写' : '类型不对';
      case 'too_small':
        if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? '不能为空' : `至少 ${String(iss.minimum)} 个字`;
        if (iss.origin === 'array') return `至少选择 ${String(iss.minimum)} 项`;
        return `不能小于 ${String(iss.minimum)}`;
      case 'too_big':
        if (iss.origin === 'string') return `不能超过 ${String(iss.maximum)} 个字`;
        if (iss.origin === 'array') return `最多 ${String(iss.maximum)} 项`;
        return `不能大于 ${String(iss.maximum)}`;
      case 'invalid_value':
        if (iss.input === undefined || iss.input === null) return '必须填写';
        return `只能是以下之一：${iss.values.map(String).join('、')}`;
      case 'unrecognized_keys':
        return `包含无法识别的字段：${iss.keys.join('、')}`;
      default:
        return undefined;
    }
  },
});

interface Described {
  description?: string;
  _zod: { def: { type: string; innerType?: unknown; shape?: Record<string, unknown>; element?: unknown } };
}

/** The Chinese label of the field at `path`, found through optional/nullable/default wrappers. */
export function fieldLabel(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let node: Described | undefined = schema as unknown as Described;
  let label: string | undefined;
  const unwrap = (n: Described | undefined): Described | undefined => {
    let cur = n;
    while (cur) {
      if (cur.description) label = cur.description;
      const inner = cur._zod.def.innerType as Described | undefined;
      if (!inner) break;
      cur = inner;
    }
    return cur;
  };
  for (const key of path) {
    label = undefined;
    node = unwrap(node);
    if (!node) return undefined;
    const def = node._zod.def;
    if (def.type === 'object' && typeof key === 'string') node = def.shape?.[key] as Described | undefined;
    else if (def.type === 'array') node = def.element as Described | undefined;
    else return undefined;
  }
  unwrap(node);
  return label;
}

export interface FieldProblem {
  field: string;
  label: string;
  message: string;
}

/** One message for the whole error, plus one entry per field. */
export function describeZodError(schema: z.ZodType, error: z.ZodError): { message: string; problems: FieldProblem[] } {
  const problems = error.issues.map((iss: Issue) => {
    const field = iss.path.map(String).join('.');
    // A nested check (a dossier record's fields) may name its field itself.
    const own = iss.code === 'custom' && typeof iss.params?.label === 'string' ? iss.params.label : undefined;
    const label = own ?? fieldLabel(schema, iss.path) ?? (field || '输入');
    return { field, label, message: iss.message };
  });
  const message = problems.map((p) => `${p.label}：${p.message}`).join('；');
  return { message, problems };
}
