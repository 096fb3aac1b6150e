// Saving a visit's result: `campaigns.saveResult`, then the target list, progress, tallies and
// the enterprise's dossier are refreshed. Field problems from the backend go beside their fields;
// the rest is returned to be shown above the form.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import type { Campaign } from '../../../../shared/campaign';
import type { CampaignResult } from '../../../../shared/campaign-results';
import type { Attachment } from '../../../../shared/dossier';
import { ApiError, call } from '../../api/client';
import { refreshAfterResult } from '../fieldQueries';
import { problemsOf } from '../queries';
import { fieldPath, toInput, type Editing, type ResultFormValues } from './formValues';

interface Options {
  campaign: Campaign;
  enterpriseId: number;
  form: FormInstance<ResultFormValues>;
  /** Set when an earlier result is being corrected. */
  editing: Editing | null;
  onSaved(result: CampaignResult, warnings: string[]): void;
  /** Problems with no field on the form, or the error's message. */
  onFailed(messages: string[]): void;
}

/** Backend checklist keys are the template's; a label makes a problem readable above the form. */
function labelOf(campaign: Campaign, field: string): string {
  const [, key] = field.split('.');
  const t = campaign.template;
  return t.checklist.find((i) => i.key === key)?.label ?? t.quantities.find((q) => q.key === key)?.label ?? '';
}

/** Whether the form shows a field at this path (answers and quantities of the template only). */
function onForm(campaign: Campaign, name: (string | number)[]): boolean {
  const [head, key] = name;
  if (head === 'answers') return campaign.template.checklist.some((i) => i.key === key);
  if (head === 'quantities') return campaign.template.quantities.some((q) => q.key === key);
  return true;
}

export function useSaveResult({ campaign, enterpriseId, form, editing, onSaved, onFailed }: Options) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: ({ values, attachments }: { values: ResultFormValues; attachments: Attachment[] }) =>
      call('campaigns.saveResult', toInput(campaign, enterpriseId, values, attachments, editing)),
    onSuccess: (saved) => {
      refreshAfterResult(queryClient, campaign.id, enterpriseId);
      onSaved(saved.result, saved.warnings);
    },
    onError: (err) => {
      const problems = [...problemsOf(err)];
      // A service names one field (details.field) where the contract's check lists several.
      const field = err instanceof ApiError && err.info.code === 'VALIDATION' ? err.info.details?.['field'] : undefined;
      if (!problems.length && typeof field === 'string') problems.push({ field, label: '', message: err.message });
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      const others: string[] = [];
      for (const p of problems) {
        const name = fieldPath(p.field, campaign);
        if (name && onForm(campaign, name)) fields.push({ name, errors: [p.message] });
        else others.push(`${p.label || labelOf(campaign, p.field) || p.field}：${p.message}`);
      }
      (form as FormInstance).setFields(fields); // paths come from the backend, not typed by the form
      const first = fields[0]?.name;
      if (first) form.scrollToField(first, { block: 'center' });
      onFailed(others.length ? others : fields.length ? [] : [err.message]);
    },
  });
}
