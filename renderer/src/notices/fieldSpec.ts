// What the issue form shows for each field of a notice type, read from the contract's zod schema
// (noticeFields): its Chinese label, whether it must be filled, how long it may be, and which
// input fits it. The form is generated from this, so a field added to the contract shows up here.
import type { z } from 'zod';
import { noticeFields, type NoticeType } from '../../../shared/notice';

interface Check {
  _zod: { def: { check?: string; minimum?: number; maximum?: number } };
}
interface Node {
  description?: string;
  _zod: {
    def: {
      type: string;
      innerType?: Node;
      in?: Node;
      out?: Node;
      element?: Node;
      shape?: Record<string, Node>;
      entries?: Record<string, string>;
      checks?: Check[];
    };
  };
}

interface Base {
  key: string;
  label: string;
  required: boolean;
}
export type FieldSpec = Base &
  (
    | { kind: 'text' | 'prose'; max: number }
    | { kind: 'date' | 'boolean' | 'money' }
    | { kind: 'choice'; options: string[] }
    | { kind: 'names'; min: number; max: number }
    | { kind: 'rows'; min: number; max: number; columns: FieldSpec[] }
  );

/** Texts longer than this get a text area rather than a one-line input. */
const LONG_TEXT = 200;

const bound = (n: Node, check: 'min_length' | 'max_length'): number | undefined => {
  for (const c of n._zod.def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === check) return check === 'min_length' ? d.minimum : d.maximum;
  }
  return undefined;
};

function describe(key: string, schema: Node): FieldSpec {
  const label = schema.description ?? key;
  let node: Node = schema;
  let optional = false;
  let viaPipe = false;
  let max: number | undefined;
  // Unwrap default/nullable/optional and the text cleaning pipes down to the value's own schema.
  for (;;) {
    const def = node._zod.def;
    if ((def.type === 'default' || def.type === 'nullable' || def.type === 'optional') && def.innerType) {
      optional = true;
      node = def.innerType;
    } else if (def.type === 'pipe' && def.in && def.out) {
      viaPipe = true;
      node = def.out._zod.def.type === 'transform' ? def.in : def.out;
    } else break;
    max = bound(node, 'max_length') ?? max;
  }
  const def = node._zod.def;
  const base = { key, label, required: !optional };
  switch (def.type) {
    case 'boolean':
      return { ...base, kind: 'boolean', required: false };
    case 'number':
      return { ...base, kind: 'money', required: false };
    case 'enum':
      return { ...base, kind: 'choice', options: Object.values(def.entries ?? {}) };
    case 'array': {
      const element = def.element;
      const min = bound(node, 'min_length') ?? 0;
      const most = bound(node, 'max_length') ?? 10;
      if (element && element._zod.def.type === 'object') {
        const columns = Object.entries(element._zod.def.shape ?? {}).map(([k, v]) => describe(k, v));
        return { ...base, required: min > 0, kind: 'rows', min, max: most, columns };
      }
      return { ...base, required: min > 0, kind: 'names', min, max: most };
    }
    case 'string':
      // Texts are cleaned through a pipe; a bare string with a check is a date (YYYY-MM-DD).
      if (!viaPipe) return { ...base, kind: 'date' };
      return { ...base, kind: (max ?? 0) > LONG_TEXT ? 'prose' : 'text', max: max ?? 100 };
    default:
      return { ...base, kind: 'text', max: max ?? 100 };
  }
}

const cache = new Map<NoticeType, FieldSpec[]>();

/** The fields of a notice type, in the contract's order. */
export function fieldSpecs(type: NoticeType): FieldSpec[] {
  const known = cache.get(type);
  if (known) return known;
  const shape = (noticeFields[type] as z.ZodObject).shape as unknown as Record<string, Node>;
  const specs = Object.entries(shape).map(([k, v]) => describe(k, v));
  cache.set(type, specs);
  return specs;
}

/** Money fields are entered in yuan: 罚款（分） is shown as 罚款（元）. */
export const moneyLabel = (label: string): string => label.replace(/（分）$/, '（元）');
