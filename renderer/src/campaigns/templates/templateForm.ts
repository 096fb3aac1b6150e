// Between a template definition and the editor's form: a checklist item's problem rule is split
// into plain fields (answers, limit, parameter), and the backend's problem paths are mapped back
// onto those fields.
import type { AnswerType, ChecklistItem, TallySource, TemplateDefinition, TemplateDefinitionInput } from '../../../../shared/campaign-template';

export interface ItemValues {
  key: string;
  group: string | null;
  label: string;
  type: AnswerType;
  unit: string | null;
  choices: string[];
  required: boolean;
  hint: string | null;
  /** 是/否 and choice items: the answers that are a problem. */
  problemAnswers: string[];
  /** Number items: a value at or above this is a problem… */
  problemLimit: number | null;
  /** …or at or above this parameter's value. */
  problemParam: string | null;
  exclusive: boolean;
}

export interface ParamValues {
  key: string;
  label: string;
  unit: string | null;
  value: number | null;
}

export interface QuantityValues {
  key: string;
  label: string;
  unit: string;
  integer: boolean;
  notMoreThan: string | null;
}

export interface TallyValues {
  key: string;
  label: string;
  unit: string;
  source: TallySource;
  quantity: string | null;
}

export interface TemplateValues {
  name: string;
  description: string | null;
  parameters: ParamValues[];
  checklist: ItemValues[];
  quantities: QuantityValues[];
  tallies: TallyValues[];
}

/** The first unused key `prefix1`, `prefix2`, … among `taken`. */
export function nextKey(prefix: string, taken: readonly (string | undefined)[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

export const newItem = (key: string): ItemValues => ({
  key,
  group: null,
  label: '',
  type: 'yesNo',
  unit: null,
  choices: [],
  required: true,
  hint: null,
  problemAnswers: ['否'],
  problemLimit: null,
  problemParam: null,
  exclusive: false,
});
export const newParam = (key: string): ParamValues => ({ key, label: '', unit: null, value: null });
export const newQuantity = (key: string): QuantityValues => ({ key, label: '', unit: '', integer: true, notMoreThan: null });
export const newTally = (key: string): TallyValues => ({ key, label: '', unit: '', source: 'visits', quantity: null });

function itemValues(i: ChecklistItem): ItemValues {
  return {
    key: i.key,
    group: i.group,
    label: i.label,
    type: i.type,
    unit: i.unit,
    choices: i.choices,
    required: i.required,
    hint: i.hint,
    problemAnswers: i.problem?.answers ?? [],
    problemLimit: i.problem?.atLeast ?? null,
    problemParam: i.problem?.atLeastParam ?? null,
    exclusive: i.problem?.exclusive ?? false,
  };
}

export function fromDefinition(d: TemplateDefinition): TemplateValues {
  return {
    name: d.name,
    description: d.description,
    parameters: d.parameters.map((p) => ({ ...p })),
    checklist: d.checklist.map(itemValues),
    quantities: d.quantities.map((q) => ({ ...q })),
    tallies: d.tallies.map((t) => ({ ...t })),
  };
}

type ProblemRuleInput = NonNullable<TemplateDefinitionInput['checklist'][number]['problem']>;

/** The rule the item's fields describe, or null when nothing counts as a problem. */
function ruleOf(i: ItemValues): ProblemRuleInput | null {
  if (i.type === 'yesNo' || i.type === 'choice') {
    const answers = (i.problemAnswers ?? []).filter((a) => i.type === 'yesNo' || (i.choices ?? []).includes(a));
    return answers.length ? { answers, atLeast: null, atLeastParam: null, exclusive: false } : null;
  }
  if (i.type === 'number') {
    const param = i.problemParam ?? null;
    const limit = param ? null : i.problemLimit ?? null;
    return param || limit !== null ? { answers: [], atLeast: limit, atLeastParam: param, exclusive: !!i.exclusive } : null;
  }
  return null;
}

const text = (s: string | null | undefined): string | null => (s && s.trim() ? s : null);

/** What the backend receives as `definition`. */
export function toDefinition(v: TemplateValues): TemplateDefinitionInput {
  return {
    name: v.name ?? '',
    description: text(v.description),
    parameters: (v.parameters ?? []).map((p) => ({ key: p.key, label: p.label ?? '', unit: text(p.unit), value: p.value ?? Number.NaN })),
    checklist: (v.checklist ?? []).map((i) => ({
      key: i.key,
      group: text(i.group),
      label: i.label ?? '',
      type: i.type,
      unit: i.type === 'number' ? text(i.unit) : null,
      choices: i.type === 'choice' ? (i.choices ?? []) : [],
      required: !!i.required,
      problem: ruleOf(i),
      hint: text(i.hint),
    })),
    quantities: (v.quantities ?? []).map((q) => ({
      key: q.key,
      label: q.label ?? '',
      unit: q.unit ?? '',
      integer: !!q.integer,
      notMoreThan: q.notMoreThan ?? null,
    })),
    tallies: (v.tallies ?? []).map((t) => ({
      key: t.key,
      label: t.label ?? '',
      unit: t.unit ?? '',
      source: t.source,
      quantity: t.source === 'quantity' ? (t.quantity ?? null) : null,
    })),
  };
}

/**
 * Where a backend problem belongs in the form: `definition.checklist.2.problem` → the item's
 * limit or answers field. null for problems about a whole list (duplicate keys), shown above.
 */
export function formPath(field: string, values: TemplateValues): (string | number)[] | null {
  const parts = field
    .replace(/^definition\.?/, '')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0] === 'name' || parts[0] === 'description' ? parts : null;
  const [list, index, name, sub] = parts;
  if (list === undefined || typeof index !== 'number' || name === undefined) return null;
  if (list === 'checklist' && name === 'problem') {
    const item = values.checklist?.[index];
    if (sub === 'atLeastParam') return [list, index, 'problemParam'];
    return [list, index, item?.type === 'number' ? 'problemLimit' : 'problemAnswers'];
  }
  return [list, index, name];
}
