// The result form's values, what a new form starts from, and how they become `campaigns.saveResult`
// input; and where a backend problem about a field is shown on the form.
import dayjs, { type Dayjs } from 'dayjs';
import type { Campaign } from '../../../../shared/campaign';
import type { CampaignResult, ResultSaveInput } from '../../../../shared/campaign-results';
import { addDays, todayInChina } from '../../../../shared/dates';
import type { Attachment } from '../../../../shared/dossier';
import type { AnswerValue } from './problems';

export type InspectionResult = ResultSaveInput['result'];

export interface AnswerFormValue {
  value?: AnswerValue;
  note?: string;
  photos?: Attachment[];
}

export interface ResultFormValues {
  inspectedOn: Dayjs;
  inspectorIds: number[];
  place?: string;
  answers: Record<string, AnswerFormValue>;
  quantities: Record<string, number | null | undefined>;
  findings?: string;
  result: InspectionResult;
  rectify: boolean;
  rectification: { problem?: string; requirement?: string; deadlineOn?: Dayjs };
}

/** Results that say nothing was wrong: not allowed when an item is a problem. */
export const CLEAN_RESULTS: ReadonlySet<string> = new Set(['未发现问题', '未发现开展本次抽查涉及的经营活动']);

/** What the next visit keeps from the one just saved. */
export interface Kept {
  inspectedOn: string;
  inspectorIds: number[];
}

/** 整改期限 defaults to 15 days after the visit. */
export const RECTIFY_DAYS = 15;

export const initialKept = (): Kept => ({ inspectedOn: todayInChina(), inspectorIds: [] });

export function newValues(campaign: Campaign, kept: Kept, inspectorIds: number[]): ResultFormValues {
  return {
    inspectedOn: dayjs(kept.inspectedOn),
    inspectorIds,
    place: '',
    answers: Object.fromEntries(campaign.template.checklist.map((i) => [i.key, { value: null, note: '', photos: [] }])),
    quantities: Object.fromEntries(campaign.template.quantities.map((q) => [q.key, null])),
    findings: '',
    result: '未发现问题',
    rectify: false,
    rectification: { problem: '', requirement: '', deadlineOn: dayjs(addDays(kept.inspectedOn, RECTIFY_DAYS)) },
  };
}

/** The result being corrected: its id and the time it was read, so a save over someone else's is refused. */
export interface Editing {
  id: number;
  updatedAt: string;
}

/** A saved result back as form values (photos as attachments); `others` are the files not tied to an item. */
export function valuesFromResult(campaign: Campaign, r: CampaignResult): { values: ResultFormValues; others: Attachment[] } {
  const bySha = new Map(r.attachments.map((a) => [a.sha256, a]));
  const used = new Set<string>();
  const answers = Object.fromEntries(
    campaign.template.checklist.map((i) => {
      const a = r.answers[i.key];
      const photos = (a?.photos ?? []).flatMap((sha) => {
        const f = bySha.get(sha);
        if (f) used.add(sha);
        return f ? [f] : [];
      });
      return [i.key, { value: a?.value ?? null, note: a?.note ?? '', photos }];
    }),
  );
  const values: ResultFormValues = {
    inspectedOn: dayjs(r.inspectedOn),
    inspectorIds: r.inspectorIds,
    place: r.place ?? '',
    answers,
    quantities: Object.fromEntries(campaign.template.quantities.map((q) => [q.key, r.quantities[q.key] ?? null])),
    findings: r.findings ?? '',
    result: r.result,
    rectify: false,
    rectification: { problem: '', requirement: '', deadlineOn: dayjs(addDays(r.inspectedOn, RECTIFY_DAYS)) },
  };
  return { values, others: r.attachments.filter((a) => !used.has(a.sha256)) };
}

export function toInput(campaign: Campaign, enterpriseId: number, v: ResultFormValues, others: Attachment[], editing: Editing | null = null): ResultSaveInput {
  const attachments = new Map<string, Attachment>();
  const answers: ResultSaveInput['answers'] = {};
  for (const item of campaign.template.checklist) {
    const a = v.answers?.[item.key] ?? {};
    const photos = a.photos ?? [];
    for (const p of photos) attachments.set(p.sha256, p);
    const value = a.value === undefined || a.value === '' ? null : a.value;
    if (value === null && !a.note && !photos.length) continue;
    answers[item.key] = { value, note: a.note || null, photos: photos.map((p) => p.sha256) };
  }
  for (const o of others) if (!attachments.has(o.sha256)) attachments.set(o.sha256, o);
  const quantities: Record<string, number> = {};
  for (const [k, n] of Object.entries(v.quantities ?? {})) if (typeof n === 'number') quantities[k] = n;
  const r = v.rectification;
  return {
    campaignId: campaign.id,
    enterpriseId,
    resultId: editing?.id ?? null,
    expectedUpdatedAt: editing?.updatedAt ?? null,
    inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
    inspectorIds: v.inspectorIds,
    place: v.place ?? '',
    answers,
    quantities,
    findings: v.findings ?? '',
    result: v.result,
    attachments: [...attachments.values()],
    rectification:
      v.rectify && r.deadlineOn ? { problem: r.problem ?? '', requirement: r.requirement ?? '', deadlineOn: r.deadlineOn.format('YYYY-MM-DD') } : null,
  };
}

const TOP = new Set(['inspectedOn', 'inspectorIds', 'place', 'findings', 'result']);

/** The form field a backend problem names: answers.quickTest(.value) → ['answers', 'quickTest', 'value']. */
export function fieldPath(field: string, campaign: Campaign): (string | number)[] | null {
  const parts = field.split('.').filter(Boolean);
  const [head, key, sub] = parts;
  if (!head) return null;
  if (TOP.has(head)) return [head];
  if (head === 'answers' && key) {
    const photo = campaign.template.checklist.find((i) => i.key === key)?.type === 'photo';
    return ['answers', key, sub === 'note' ? 'note' : photo || sub === 'photos' ? 'photos' : 'value'];
  }
  if (head === 'quantities' && key) return ['quantities', key];
  if (head === 'rectification') return key ? ['rectification', key] : ['rectify'];
  return null;
}
