// Checks on enterprise data that need more than its schema: the credit code, reference codes,
// and uniqueness. Each failure names the field the way the form shows it.
import { AppError } from '../../../shared/errors';
import { EnterpriseInput, type EnterpriseData } from '../../../shared/enterprise';
import { checkCode, normalizeCode } from '../../../shared/uscc';
import { fieldLabel } from '../../../shared/validation';
import type { Sqlite } from '../db/open';
import { townshipName } from '../divisions/divisions';
import { industries, industryByCode } from '../reference/industries';

/** The Chinese label of an enterprise field. */
export const labelOf = (field: string): string => fieldLabel(EnterpriseInput, [field]) ?? field;

function invalid(field: string, message: string, extra: Record<string, unknown> = {}): AppError {
  const label = labelOf(field);
  return new AppError('VALIDATION', `${label}：${message}`, {
    field: `data.${field}`,
    problems: [{ field: `data.${field}`, label, message }],
    ...extra,
  });
}

export interface CheckedCode {
  code: string | null;
  /** Kept only when the code fails its check and the clerk accepted it anyway. */
  overrideReason: string | null;
}

/**
 * Normalises the credit code and checks it. Structure errors are refused; a failed check
 * character is refused unless a reason is given. Throws VALIDATION naming the expected character.
 */
export function checkCreditCode(raw: string | null, overrideReason: string | null): CheckedCode {
  if (raw === null) return { code: null, overrideReason: null };
  const result = checkCode(raw);
  if (result.problems.length === 0) return { code: result.normalized, overrideReason: null };
  const message = result.problems.map((p) => p.message).join('；');
  if (!result.overridable) throw invalid('uscc', message, { overridable: false });
  if (!overrideReason) {
    throw invalid('uscc', `${message}。如确认代码无误（例如早期试点代码），请勾选“代码核对无误”并填写说明`, {
      overridable: true,
      expected: result.problems.find((p) => p.kind === 'check')?.expected ?? null,
    });
  }
  return { code: result.normalized, overrideReason };
}

/** The enterprise already holding `code`, other than `exceptId`. */
export function holderOfCode(sqlite: Sqlite, code: string, exceptId: number | null): { id: number; name: string; archived: boolean } | null {
  const r = sqlite.prepare('SELECT id, name, archived_at FROM enterprises WHERE uscc = ? AND id IS NOT ?').get(normalizeCode(code), exceptId) as
    | { id: number; name: string; archived_at: string | null }
    | undefined;
  return r ? { id: r.id, name: r.name, archived: r.archived_at !== null } : null;
}

/** Refuses a code another enterprise already has, pointing at it. */
export function assertCodeFree(sqlite: Sqlite, code: string | null, exceptId: number | null): void {
  if (!code) return;
  const holder = holderOfCode(sqlite, code, exceptId);
  if (holder) {
    throw new AppError('CONFLICT', `统一社会信用代码 ${code} 已登记为「${holder.name}」（编号 ${holder.id}${holder.archived ? '，已归档' : ''}），不能重复登记`, {
      field: 'data.uscc',
      existingId: holder.id,
    });
  }
}

/** Checks township, industry and product codes against the shipped reference data. */
export function checkReferences(sqlite: Sqlite, data: EnterpriseData): void {
  if (data.townshipCode && !townshipName(data.townshipCode)) throw invalid('townshipCode', `找不到乡镇代码 ${data.townshipCode}`);
  if (data.industryCode && industries().length > 0 && !industryByCode(data.industryCode)) {
    throw invalid('industryCode', `找不到行业代码 ${data.industryCode}（应为 GB/T 4754-2017 的代码）`);
  }
  if (data.products.length) {
    const known = new Set(
      (sqlite.prepare('SELECT id FROM reference_products').all() as { id: string }[]).map((r) => r.id),
    );
    const unknown = data.products.filter((p) => !known.has(p));
    if (unknown.length) throw invalid('products', `目录中没有这些产品：${unknown.join('、')}`);
  }
  if (data.idNumber) data.idNumber = data.idNumber.toUpperCase();
}

/** The form's live check of a credit code: its problems and who already holds it. */
export function checkCodeFor(sqlite: Sqlite, raw: string, exceptId: number | null) {
  const result = checkCode(raw);
  return { ...result, existing: result.normalized ? holderOfCode(sqlite, result.normalized, exceptId) : null };
}
