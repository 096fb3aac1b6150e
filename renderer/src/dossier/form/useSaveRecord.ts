// Saving a record from its form: create or update, then back to the dossier with the record
// highlighted and a notice of what the save did. Field problems from the backend go under their
// fields; a record someone else saved first is never overwritten (CONFLICT).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useNavigate } from 'react-router';
import type { Attachment, DossierRecord, RecordKind, RecordSaved } from '../../../../shared/dossier';
import { ApiError, call } from '../../api/client';
import { formatInstant } from '../../ui/format';
import { refreshAfterSave } from '../queries';
import { savedNotice } from '../SavedNotice';
import { problemPath, toInput, type RecordFormValues } from './values';

interface Problem {
  field: string;
  label: string;
  message: string;
}

interface Options {
  enterpriseId: number;
  kind: RecordKind;
  record: DossierRecord | null;
  form: FormInstance<RecordFormValues>;
  /** Problems that belong to no field on the form (shown above it). */
  onOtherProblems(problems: string[]): void;
}

/** Field problems of a VALIDATION error: the contract's list, or the one field a service named. */
export function problemsOf(err: ApiError): Problem[] {
  const details = err.info.details ?? {};
  const listed = details['problems'];
  if (Array.isArray(listed) && listed.length) return listed as Problem[];
  const field = details['field'];
  return typeof field === 'string' ? [{ field, label: '', message: err.info.message }] : [];
}

/** Puts the backend's problems under their fields; returns the ones that have no field. */
export function showProblems(form: FormInstance, kind: RecordKind, problems: Problem[]): string[] {
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const others: string[] = [];
  for (const p of problems) {
    const path = problemPath(kind, p.field);
    if (path) fields.push({ name: path, errors: [p.message] });
    else others.push(p.label ? `${p.label}：${p.message}` : p.message);
  }
  form.setFields(fields);
  const first = fields[0]?.name;
  if (first) form.scrollToField(first, { block: 'center' });
  return others;
}

export function useSaveRecord({ enterpriseId, kind, record, form, onOtherProblems }: Options) {
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: ({ values, attachments }: { values: RecordFormValues; attachments: Attachment[] }): Promise<RecordSaved> => {
      const { occurredOn, data } = toInput(kind, values, record?.data);
      if (!record) return call('dossier.create', { enterpriseId, kind, occurredOn, data, attachments });
      return call('dossier.update', { id: record.id, expectedUpdatedAt: record.updatedAt, kind, occurredOn, data, attachments });
    },
    onSuccess: (saved) => {
      refreshAfterSave(queryClient, enterpriseId);
      void navigate(`/dossier/${enterpriseId}?record=${saved.record.id}`, { state: { saved: savedNotice(saved, record !== null) } });
    },
    onError: (err) => {
      if (!(err instanceof ApiError)) return void modal.error({ title: '没有保存', content: String(err) });
      const { code, details, message } = err.info;
      if (code === 'VALIDATION') {
        const others = showProblems(form as unknown as FormInstance, kind, problemsOf(err));
        onOtherProblems(others.length || problemsOf(err).length ? others : [message]);
        return;
      }
      if (code === 'CONFLICT' && details?.['updatedAt']) {
        modal.confirm({
          title: '这条记录已被别人修改',
          content: `它在您打开之后已被修改（${formatInstant(String(details['updatedAt']))}）。您的修改还没有保存。重新打开会显示最新的内容，您的修改需要重新填写。`,
          okText: '重新打开',
          cancelText: '留在此页',
          onOk: () => queryClient.invalidateQueries({ queryKey: ['dossier.record', record?.id] }),
        });
        return;
      }
      modal.error({ title: '没有保存', content: message });
    },
  });
}
