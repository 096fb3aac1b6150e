// The API of a backend that answers only a few methods (rescue mode, locked mode): unknown and
// other methods are refused with the mode's reason, input is checked against the contract, and
// a handler's failure becomes the same result envelope the full API gives.
import { contract, isMethodName, type MethodName } from '../../../shared/contract';
import { AppError, fail, ok, type ErrorCode, type Result } from '../../../shared/errors';
import { describeZodError } from '../../../shared/validation';
import type { Api } from '../api';
import type { RequestContext } from '../context';
import type { Core } from '../core';

/** Answers one allowed method with parsed input: a value, or a refusal (Result) of its own. */
export type LimitedHandler = (method: MethodName, input: unknown, ctx: RequestContext) => Promise<unknown>;

/** Signals a refusal a handler returns as it is (e.g. FORBIDDEN), not as a value. */
export class Refusal {
  constructor(readonly result: Result<never>) {}
}

export function limitedApi(core: Core, mode: string, allowed: readonly MethodName[], refused: { code: ErrorCode; message: string }, handle: LimitedHandler): Api {
  return {
    async call(method, rawInput, ctx) {
      if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `未知的操作：${String(method).slice(0, 80)}`);
      if (!allowed.includes(method)) return fail(refused.code, refused.message);
      const def = contract[method];
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const { message, problems } = describeZodError(def.input, parsed.error);
        return fail('VALIDATION', message, { field: problems[0]?.field, problems });
      }
      try {
        const value = await handle(method, parsed.data, ctx);
        return value instanceof Refusal ? value.result : ok(value);
      } catch (err) {
        if (err instanceof AppError) return { ok: false, error: err.toInfo() };
        core.log.error(`${mode} method failed`, { method, error: (err as Error).stack ?? String(err) });
        return fail('INTERNAL', `「${def.title}」失败：${(err as Error).message}。详情已写入日志。`);
      }
    },
  };
}
