// Which form each kind of record uses, and how the kinds are offered to choose from.
import type { ReactNode } from 'react';
import { recordKinds, type DossierRecord, type RecordKind } from '../../../../shared/dossier';
import type { Enterprise } from '../../../../shared/enterprise';
import { AssistanceFields, ComplaintFields, InterviewFields, NoteFields, RiskReminderFields, SupervisionFields } from './CaseFields';
import { CreditFields, SupervisionClassFields } from './ClassFields';
import { InspectionFields } from './InspectionFields';
import { LicenceFields, PenaltyFields } from './PenaltyFields';
import { RectificationFields } from './RectificationFields';
import { SamplingFields } from './SamplingFields';

/** Kinds a clerk records by hand; a 文书 record is made only by issuing the notice. */
export type ManualKind = Exclude<RecordKind, 'notice'>;

export const isManualKind = (k: string | null | undefined): k is ManualKind => !!k && k !== 'notice' && (recordKinds as string[]).includes(k);

export interface FormContext {
  enterprise: Enterprise;
  /** The record being edited; null for a new one. */
  record: DossierRecord | null;
}

export const kindFields: Record<ManualKind, (c: FormContext) => ReactNode> = {
  inspection: () => <InspectionFields kind="inspection" />,
  specialInspection: () => <InspectionFields kind="specialInspection" />,
  // The order to correct is opened once: by a new unqualified result, or a result edited to 不合格.
  sampling: ({ record }) => <SamplingFields opensFollowUp={record?.data['result'] !== '不合格'} />,
  rectification: () => <RectificationFields />,
  interview: () => <InterviewFields />,
  riskReminder: () => <RiskReminderFields />,
  supervision: () => <SupervisionFields />,
  complaint: () => <ComplaintFields />,
  penalty: () => <PenaltyFields />,
  licence: () => <LicenceFields />,
  credit: ({ enterprise }) => <CreditFields current={enterprise.creditClass} />,
  supervisionClass: ({ enterprise }) => <SupervisionClassFields current={enterprise.supervisionClass} />,
  assistance: () => <AssistanceFields />,
  note: () => <NoteFields />,
};

/** One line under each kind on the chooser: when to use it. */
export const kindHints: Record<ManualKind, string> = {
  inspection: '日常监督检查、双随机检查',
  specialInspection: '专项整治中的现场检查',
  sampling: '产品抽样、检验结论；不合格自动生成责令改正',
  rectification: '责令改正、限期整改及复查',
  interview: '约谈企业负责人',
  riskReminder: '发出产品质量风险提醒函',
  supervision: '上级挂牌督办事项',
  complaint: '投诉举报的受理和答复',
  penalty: '立案、处罚决定、罚没款',
  licence: '生产许可证、CCC 证书的办理',
  credit: '信用风险分类调整、经营异常名录',
  supervisionClass: '严管、专管、普通之间调整',
  assistance: '技术帮扶、质量提升指导',
  note: '其他需要留档的情况',
};

export const kindGroups: { title: string; kinds: ManualKind[] }[] = [
  { title: '检查与抽查', kinds: ['inspection', 'specialInspection', 'sampling'] },
  { title: '处置', kinds: ['rectification', 'interview', 'riskReminder', 'supervision', 'penalty'] },
  { title: '其他', kinds: ['complaint', 'licence', 'credit', 'supervisionClass', 'assistance', 'note'] },
];
