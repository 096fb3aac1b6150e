// Puts a VALIDATION or CONFLICT error's field problems next to the form's fields.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** Shows the error's field problems on the form; returns true when any field got one. */
export function applyFieldErrors<T extends object>(form: FormInstance<T>, err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  const details = err.info.details ?? {};
  const problems = (details['problems'] as { field: string; message: string }[] | undefined) ?? [];
  const field = details['field'];
  const list = problems.length ? problems : typeof field === 'string' ? [{ field, message: err.info.message }] : [];
  if (!list.length) return false;
  form.setFields(list.map((p) => ({ name: p.field as never, errors: [p.message] })));
  return true;
}
