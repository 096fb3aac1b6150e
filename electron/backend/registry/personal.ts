// Personal data by role: phone numbers are shown in full only to roles in `personalDataRoles`;
// full ID numbers additionally need an explicit, audited request.
import { maskPhone, roleLabels, seesPersonalData } from '../../../shared/accounts';
import { AppError } from '../../../shared/errors';
import type { RequestContext } from '../context';

/** The value with its `phone` masked unless the caller's role sees personal data. */
export function phoneFor<T extends { phone: string | null }>(ctx: RequestContext, value: T): T {
  return seesPersonalData(ctx.role) || value.phone === null ? value : { ...value, phone: maskPhone(value.phone) };
}

/** Refuses a request for full personal data (an export with full ID numbers) from a role that may not see it. */
export function assertMaySeePersonalData(ctx: RequestContext, what: string): void {
  if (!seesPersonalData(ctx.role)) {
    throw new AppError('FORBIDDEN', `「${ctx.role ? roleLabels[ctx.role] : '未登录'}」用户不能${what}。请不勾选此项再导出`, { field: 'revealPersonal' });
  }
}
