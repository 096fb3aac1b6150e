// Checking a field result against its campaign's template: every answer of the right kind, the
// required ones present, quantities whole where they must be and within their limits; and
// which answers are problems (发现问题) under the template's rules and the campaign's parameters.
import type { AnswerInput } from '../../../shared/campaign-results';
import type { ChecklistItem, TemplateDefinition } from '../../../shared/campaign-template';
import { yesNoAnswers } from '../../../shared/campaign-template';
import { AppError } from '../../../shared/errors';

export interface CheckedAnswer {
  value: string | number | null;
  note: string | null;
  photos: string[];
}

const invalid = (field: string, message: string) => new AppError('VALIDATION', message, { field });

/** Whether one answer is a problem under the item's rule (parameters give limits like the phosphorus limit). */
export function isProblem(item: ChecklistItem, answer: CheckedAnswer | undefined, parameters: Record<string, number>): boolean {
  const rule = item.problem;
  if (!rule || !answer || answer.value === null) return false;
  if (item.type === 'number' && typeof answer.value === 'number') {
    const limit = rule.atLeastParam ? parameters[rule.atLeastParam] : rule.atLeast;
    if (limit === undefined || limit === null) return false;
    return rule.exclusive ? answer.value > limit : answer.value >= limit;
  }
  return typeof answer.value === 'string' && rule.answers.includes(answer.value);
}

/** The answers checked against the template; throws VALIDATION naming the item. */
export function checkAnswers(
  template: TemplateDefinition,
  raw: Record<string, AnswerLike>,
  attachmentShas: ReadonlySet<string>,
): Record<string, CheckedAnswer> {
  const items = new Map(template.checklist.map((i) => [i.key, i]));
  for (const key of Object.keys(raw)) {
    if (!items.has(key)) throw invalid(`answers.${key}`, `检查事项「${key}」不在本专项的检查清单中`);
  }
  const out: Record<string, CheckedAnswer> = {};
  for (const item of template.checklist) {
    const a = raw[item.key];
    const field = `answers.${item.key}`;
    const label = `检查事项「${item.label}」`;
    const value = a?.value ?? null;
    const photos = a?.photos ?? [];
    const blank = value === null || (typeof value === 'string' && value.trim() === '');
    for (const p of photos) {
      if (!attachmentShas.has(p)) throw invalid(field, `${label}的照片没有上传完整，请重新添加`);
    }
    if (item.type === 'photo') {
      if (item.required && photos.length === 0) throw invalid(field, `${label}须至少上传一张照片`);
    } else if (blank) {
      if (item.required) throw invalid(field, `${label}未填写`);
    } else if (item.type === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(field, `${label}应填写数值（${item.unit ?? ''}）`);
    } else if (typeof value !== 'string') {
      throw invalid(field, `${label}应填写文字`);
    } else if (item.type === 'yesNo' && !(yesNoAnswers as readonly string[]).includes(value)) {
      throw invalid(field, `${label}只能回答：${yesNoAnswers.join('、')}`);
    } else if (item.type === 'choice' && !item.choices.includes(value)) {
      throw invalid(field, `${label}只能选择：${item.choices.join('、')}`);
    }
    if (!blank || photos.length > 0 || a?.note) {
      out[item.key] = { value: blank ? null : typeof value === 'string' ? value.trim() : value, note: a?.note ?? null, photos };
    }
  }
  return out;
}

type AnswerLike = { value?: string | number | null; note?: string | null; photos?: string[] } | AnswerInput;

/** The quantities checked (unknown keys, fractions where whole numbers are due, limits); missing ones are 0. */
export function checkQuantities(template: TemplateDefinition, raw: Record<string, number>): Record<string, number> {
  const defs = new Map(template.quantities.map((q) => [q.key, q]));
  for (const key of Object.keys(raw)) {
    if (!defs.has(key)) throw invalid(`quantities.${key}`, `数量「${key}」不在本专项的统计口径中`);
  }
  const out: Record<string, number> = {};
  for (const q of template.quantities) {
    const v = raw[q.key] ?? 0;
    const field = `quantities.${q.key}`;
    if (!Number.isFinite(v) || v < 0) throw invalid(field, `${q.label}不能为负数`);
    if (q.integer && !Number.isInteger(v)) throw invalid(field, `${q.label}（${q.unit}）应为整数`);
    if (!q.integer && Math.abs(v * 100 - Math.round(v * 100)) > 1e-6) throw invalid(field, `${q.label}最多保留两位小数`);
    if (v > 1e10) throw invalid(field, `${q.label}数值过大，请核对`);
    out[q.key] = v;
  }
  for (const q of template.quantities) {
    if (q.notMoreThan && out[q.key]! > out[q.notMoreThan]!) {
      const other = defs.get(q.notMoreThan)!;
      throw invalid(`quantities.${q.key}`, `${q.label}（${out[q.key]}）不能多于${other.label}（${out[q.notMoreThan]}）`);
    }
  }
  return out;
}

/** The answer as the dossier's checklist shows it: 是, 1.8 %, 已拍照 3 张. */
export function answerText(item: ChecklistItem, a: CheckedAnswer): string {
  if (item.type === 'photo') return `已拍照 ${a.photos.length} 张`;
  if (a.value === null) return a.photos.length ? `已拍照 ${a.photos.length} 张` : '未填';
  const text = item.type === 'number' ? `${a.value}${item.unit ? ` ${item.unit}` : ''}` : String(a.value);
  return a.photos.length ? `${text}（照片 ${a.photos.length} 张）` : text;
}
