// Previewing and issuing from the issue form. A preview renders the notice without a number
// (预览不占用文号); issuing takes the next number and freezes the notice. Field problems from the
// backend (fields.<key>) go beside their fields, the rest above the form.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useNavigate } from 'react-router';
import type { NoticeFillInput } from '../../../shared/notice';
import { ApiError, call } from '../api/client';
import { problemPath, type NoticeFormValues } from './formValues';
import { refreshNotices } from './queries';

interface Problem {
  field: string;
  label?: string;
  message: string;
}

/** Puts the backend's problems beside their fields; returns the sentences for the ones with no field. */
export function placeProblems(form: FormInstance<NoticeFormValues>, err: unknown): string[] {
  if (!(err instanceof ApiError)) return [err instanceof Error ? err.message : String(err)];
  const { code, details, message } = err.info;
  const listed = details?.['problems'];
  const named = details?.['field'];
  const problems: Problem[] =
    Array.isArray(listed) && listed.length ? (listed as Problem[]) : typeof named === 'string' ? [{ field: named, message }] : [];
  if (code !== 'VALIDATION' || !problems.length) return [message];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const others: string[] = [];
  for (const p of problems) {
    const path = problemPath(p.field);
    // Beside its field the message need not name the field again (改正期限：… under 改正期限).
    if (path) fields.push({ name: path, errors: [p.label && p.message.startsWith(`${p.label}：`) ? p.message.slice(p.label.length + 1) : p.message] });
    else others.push(p.label ? `${p.label}：${p.message}` : p.message);
  }
  form.setFields(fields as Parameters<typeof form.setFields>[0]);
  const first = fields[0]?.name;
  if (first) form.scrollToField(first, { block: 'center' });
  return others;
}

export function useIssue(form: FormInstance<NoticeFormValues>, onOthers: (messages: string[]) => void) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const preview = useMutation({
    meta: { quiet: true },
    mutationFn: (input: NoticeFillInput) => call('notices.preview', input),
    onError: (err) => onOthers(placeProblems(form, err)),
  });
  const issue = useMutation({
    meta: { quiet: true },
    mutationFn: (input: NoticeFillInput) => call('notices.issue', input),
    onSuccess: (n) => {
      refreshNotices(queryClient, n.enterpriseId);
      void message.success(`已出具 ${n.number}`);
      void navigate(`/notices/${n.id}`, { state: { issued: true } });
    },
    onError: (err) => onOthers(placeProblems(form, err)),
  });
  return { preview, issue };
}
