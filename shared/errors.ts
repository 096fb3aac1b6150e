// Error codes and the result envelope that crosses every boundary (IPC, HTTP, CLI).
import { z } from 'zod';

export const errorCodes = {
  VALIDATION: '输入有误',
  NOT_FOUND: '找不到记录',
  CONFLICT: '与已有数据冲突',
  BUSY: '有任务正在进行',
  CANCELLED: '任务已取消',
  FORBIDDEN: '没有权限',
  UNAUTHENTICATED: '请先登录',
  UNKNOWN_METHOD: '未知的操作',
  INTEGRITY: '数据完整性检查未通过',
  LOCKED: '数据库已加密，需要数据库密码',
  INTERNAL: '程序内部错误',
} as const;

export type ErrorCode = keyof typeof errorCodes;
export const ErrorCode = z.enum(Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]]);

export interface ErrorInfo {
  code: ErrorCode;
  /** A sentence for the clerk: what happened and what to do next. */
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message?: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details ? { code, message: message ?? errorCodes[code], details } : { code, message: message ?? errorCodes[code] },
});

/** An error a service throws on purpose; the API layer turns it into `{ ok: false }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? errorCodes[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toInfo(): ErrorInfo {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export const isErrorInfo = (v: unknown): v is ErrorInfo =>
  typeof v === 'object' && v !== null && typeof (v as ErrorInfo).code === 'string' && typeof (v as ErrorInfo).message === 'string';
