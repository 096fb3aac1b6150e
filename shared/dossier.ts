// One enterprise, one file (一企一档): the records of everything the office did with an enterprise,
// each kind with its own validated fields, and the deadlines those records open.
import { z } from 'zod';
import { creditClasses, supervisionClasses } from './enterprise';
import { isoDate } from './dates';
import { date, fen, line, names, optionalDate, prose, required } from './fields';
import { noticeTypes } from './notice';
import { fieldLabel } from './validation';

/** 检查结果, as the 双随机 publication uses them. */
export const inspectionResults = [
  '未发现问题',
  '发现问题已责令改正',
  '发现问题待后续处理',
  '未按规定公示应当公示的信息',
  '公示信息隐瞒真实情况弄虚作假',
  '通过登记的住所（经营场所）无法联系',
  '不配合检查情节严重',
  '未发现开展本次抽查涉及的经营活动',
] as const;

export const ChecklistAnswer = z.object({
  item: required('检查事项', 200),
  answer: required('检查结果', 200),
  note: line('说明', 500),
});

const inspectionFields = {
  inspectors: names('执法人员', 1),
  place: line('检查地点', 200),
  checklist: z.array(ChecklistAnswer).max(200).default([]).describe('检查事项'),
  findings: prose('发现的问题'),
  result: z.enum(inspectionResults).describe('检查结果'),
};

export const UnqualifiedItem = z.object({
  item: required('不合格项目', 100),
  measured: line('实测值', 100),
  required: line('标准要求', 100),
});

export const samplingResults = ['合格', '不合格'] as const;
export const rectificationOutcomes = ['已整改', '部分整改', '未整改'] as const;
export const complaintSources = ['12315 平台', '来电', '来信', '来访', '上级转办', '其他部门移送', '其他'] as const;
export const penaltyStatuses = ['立案', '调查', '告知', '决定', '执行完毕', '结案', '不予处罚'] as const;
export const licenceEvents = ['发证', '变更', '延续', '注销', '撤销', '吊销'] as const;
export const creditListings = ['列入经营异常名录', '移出经营异常名录', '列入严重违法失信名单', '移出严重违法失信名单', '信用修复'] as const;

/** The fields of each kind of record, by kind. */
export const recordFields = {
  /** 日常检查 */
  inspection: z.object(inspectionFields),
  /** 专项检查 (a campaign's field result, or a special check outside a campaign) */
  specialInspection: z.object({ ...inspectionFields, campaign: line('专项名称', 100) }),
  /** 监督抽查 */
  sampling: z.object({
    plan: required('抽查计划（任务）', 200),
    product: required('产品名称', 100),
    brand: line('商标', 50),
    model: line('规格型号', 100),
    batch: line('生产日期或批号', 100),
    sampledOn: date('抽样日期'),
    place: line('抽样地点', 200),
    standard: line('检验依据（标准）', 300),
    lab: line('检验机构', 100),
    reportNo: line('检验报告编号', 60),
    /** The objection window (15 days, SAMR Order 18) runs from the day the enterprise receives the result. */
    resultReceivedOn: optionalDate('企业收到检验结果日期'),
    result: z.enum(samplingResults).describe('检验结论'),
    unqualifiedItems: z.array(UnqualifiedItem).max(50).default([]).describe('不合格项目'),
  }),
  /** 责令改正 and its 复查 */
  rectification: z.object({
    problem: required('存在的问题', 2000),
    legalBasis: line('法律依据', 500),
    requirement: prose('整改要求', 2000),
    deadlineOn: date('整改期限'),
    /** When the 复查 must be done by (SAMR Order 18: 75 days after the order); none for a plain order. */
    recheckDueOn: optionalDate('复查期限'),
    recheckOn: optionalDate('复查日期'),
    recheckInspectors: names('复查人员'),
    outcome: z.enum(rectificationOutcomes).nullable().default(null).describe('复查结果'),
    recheckNote: prose('复查情况', 2000),
  }),
  /** 约谈 */
  interview: z.object({
    reason: required('约谈事由', 500),
    officials: names('约谈人'),
    attendees: line('被约谈人', 200),
    content: prose('约谈内容'),
    commitments: prose('企业承诺', 2000),
  }),
  /** 风险提醒 (风险提醒函) */
  riskReminder: z.object({
    risk: required('风险事项', 500),
    content: prose('提醒内容'),
  }),
  /** 挂牌督办 */
  supervision: z.object({
    matter: required('督办事项', 500),
    authority: line('督办单位', 100),
    deadlineOn: optionalDate('办结期限'),
    closedOn: optionalDate('办结日期'),
    result: prose('办理结果', 2000),
  }),
  /** 投诉举报 */
  complaint: z.object({
    source: z.enum(complaintSources).describe('来源'),
    receivedOn: date('收到日期'),
    complainant: line('投诉举报人', 50),
    content: required('投诉举报内容', 5000),
    handling: prose('处理情况', 5000),
    repliedOn: optionalDate('答复日期'),
  }),
  /** 行政处罚 */
  penalty: z.object({
    caseNo: required('案号', 60),
    facts: required('违法事实', 5000),
    legalBasis: line('处罚依据', 500),
    decision: prose('处罚决定', 2000),
    fineFen: fen('罚款（分）'),
    confiscationFen: fen('没收违法所得（分）'),
    status: z.enum(penaltyStatuses).describe('案件状态'),
    decidedOn: optionalDate('决定日期'),
  }),
  /** 许可 / 认证 events */
  licence: z.object({
    event: z.enum(licenceEvents).describe('事项'),
    licenceKind: z.enum(['生产许可证', 'CCC', '其他']).describe('证照类别'),
    number: required('证书编号', 60),
    validTo: optionalDate('有效期至'),
  }),
  /** 信用 changes: the credit class (and listings) */
  credit: z.object({
    to: z.enum(creditClasses).nullable().describe('调整后的信用风险分类'),
    listing: z.enum(creditListings).nullable().default(null).describe('名录事项'),
    reason: required('原因', 1000),
  }),
  /** 分类监管 changes: the supervision class */
  supervisionClass: z.object({
    to: z.enum(supervisionClasses).describe('调整后的监管类别'),
    reason: required('原因', 1000),
  }),
  /** 帮扶 (technical assistance, 质量提升指导) */
  assistance: z.object({
    topic: required('帮扶事项', 200),
    officials: names('帮扶人员'),
    content: prose('帮扶内容'),
  }),
  /** 备注 */
  note: z.object({ text: required('内容', 5000) }),
  /** 文书: an issued notice's frozen copy (PDF and DOCX attached); made only by issuing the notice. */
  notice: z.object({
    noticeId: z.number().int().positive().describe('系统内编号'),
    type: z.enum(noticeTypes).describe('文书种类'),
    title: required('文书名称', 40),
    number: required('文号', 60),
    voided: z.boolean().optional().describe('已作废'),
  }),
} as const;

export type RecordKind = keyof typeof recordFields;
export const recordKinds = Object.keys(recordFields) as RecordKind[];

export const recordKindLabels: Record<RecordKind, string> = {
  inspection: '日常检查',
  specialInspection: '专项检查',
  sampling: '监督抽查',
  rectification: '责令改正',
  interview: '约谈',
  riskReminder: '风险提醒',
  supervision: '挂牌督办',
  complaint: '投诉举报',
  penalty: '行政处罚',
  licence: '许可认证',
  credit: '信用变更',
  supervisionClass: '监管类别调整',
  assistance: '帮扶',
  note: '备注',
  notice: '文书',
};

export type RecordData<K extends RecordKind = RecordKind> = z.output<(typeof recordFields)[K]>;

export const Attachment = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '附件编号无效，请重新添加'),
  name: z.string().min(1).max(255).describe('文件名'),
  mime: z.string().max(100),
  size: z.number().int().min(1),
});
export type Attachment = z.infer<typeof Attachment>;

/** Why a 文书 record cannot be added or edited in the dossier (issuing a notice makes it). */
export const NOTICE_RECORD_REFUSED =
  '“文书”记录由出具执法文书时自动生成，不能在档案中直接添加或修改；请在“执法文书”中出具、作废或更正文书';

/** What a form submits: the kind, its date and fields, and the attachments. */
const recordBase = {
  kind: z.enum(recordKinds as [RecordKind, ...RecordKind[]]).describe('记录类别'),
  occurredOn: date('日期'),
  data: z.record(z.string(), z.unknown()).describe('内容'),
  attachments: z.array(Attachment).max(200).default([]).describe('附件'),
};

/** Checks `data` against the fields of its kind, reporting each problem at data.<field>. */
function checkData(v: { kind: RecordKind; data: Record<string, unknown> }, ctx: z.RefinementCtx): void {
  if (v.kind === 'notice') {
    ctx.addIssue({ code: 'custom', message: NOTICE_RECORD_REFUSED, path: ['kind'], params: { label: '记录类别' } });
    return;
  }
  const r = recordFields[v.kind].safeParse(v.data);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const label = fieldLabel(recordFields[v.kind], issue.path) ?? issue.path.join('.');
      ctx.addIssue({ code: 'custom', message: issue.message, path: ['data', ...issue.path], params: { label } });
    }
  }
}

export const RecordCreateInput = z
  .object({ enterpriseId: z.number().int().positive().describe('企业'), ...recordBase })
  .strict()
  .superRefine(checkData);
export type RecordCreateInput = z.input<typeof RecordCreateInput>;

export const RecordUpdateInput = z
  .object({ id: z.number().int().positive(), expectedUpdatedAt: z.string().describe('打开时的修改时间'), ...recordBase })
  .strict()
  .superRefine(checkData);
export type RecordUpdateInput = z.input<typeof RecordUpdateInput>;

export const RecordVoidInput = z.object({ id: z.number().int().positive(), reason: required('作废原因', 500) }).strict();
export const RecordId = z.object({ id: z.number().int().positive() }).strict();

export const deadlineKinds = ['objection', 'correct', 'recheck', 'reply', 'supervision'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];
export const deadlineKindLabels: Record<DeadlineKind, string> = {
  objection: '异议期届满',
  correct: '整改期限',
  recheck: '复查期限',
  reply: '答复期限',
  supervision: '督办期限',
};

export const Deadline = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  townshipCode: z.string().nullable(),
  recordId: z.number().int(),
  recordKind: z.enum(recordKinds as [RecordKind, ...RecordKind[]]),
  kind: z.enum(deadlineKinds),
  title: z.string(),
  startOn: isoDate,
  dueOn: isoDate,
  /** Days from today: negative when overdue. */
  daysLeft: z.number().int(),
  doneOn: isoDate.nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  warnings: z.array(z.string()),
});
export type Deadline = z.infer<typeof Deadline>;

export const DossierRecord = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  kind: z.enum(recordKinds as [RecordKind, ...RecordKind[]]),
  occurredOn: isoDate,
  /** One line for the timeline (e.g. 监督抽查：洗衣粉 不合格). */
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
  attachments: z.array(Attachment),
  /** The record that opened this one (an unqualified sampling for its rectification). */
  sourceId: z.number().int().nullable(),
  /** Set when the enterprise was archived when the record was made. */
  enterpriseArchived: z.boolean(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deadlines: z.array(Deadline),
});
export type DossierRecord = z.infer<typeof DossierRecord>;

export const RecordSaved = z.object({
  record: DossierRecord,
  /** Records opened by this one in the same save (the order to correct of an unqualified sampling). */
  opened: z.array(DossierRecord),
  /** What the clerk should know: an archived enterprise, a holiday year not shipped yet. */
  warnings: z.array(z.string()),
});
export type RecordSaved = z.infer<typeof RecordSaved>;

export const DossierInput = z
  .object({
    enterpriseId: z.number().int().positive(),
    kinds: z.array(z.enum(recordKinds as [RecordKind, ...RecordKind[]])).max(20).default([]).describe('记录类别'),
    year: z.number().int().min(1900).max(2199).nullable().default(null).describe('年份'),
    includeVoided: z.boolean().default(false),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const DossierSummary = z.object({
  /** Inspections (日常 + 专项) per year, newest year first. */
  inspectionsByYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  sampling: z.object({ total: z.number().int(), qualified: z.number().int() }),
  openRectifications: z.number().int(),
  openDeadlines: z.number().int(),
  overdue: z.number().int(),
  /** Record counts by kind, for the filter. */
  byKind: z.array(z.object({ kind: z.enum(recordKinds as [RecordKind, ...RecordKind[]]), count: z.number().int() })),
  years: z.array(z.number().int()),
});

export const Dossier = z.object({
  total: z.number().int(),
  records: z.array(DossierRecord),
  openDeadlines: z.array(Deadline),
  summary: DossierSummary,
});
export type Dossier = z.infer<typeof Dossier>;

export const DueListInput = z
  .object({
    /** Days ahead counted as "due soon" (this week by default). */
    days: z.number().int().min(1).max(60).default(7),
    townshipCode: z.string().regex(/^\d{9,12}$/).nullable().default(null),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export const DueList = z.object({
  today: isoDate,
  overdue: z.array(Deadline),
  overdueTotal: z.number().int(),
  dueSoon: z.array(Deadline),
  dueSoonTotal: z.number().int(),
});
export type DueList = z.infer<typeof DueList>;

const rule = (label: string, days: number, unit: 'calendar' | 'working') =>
  z
    .object({ days: z.number().int().min(0).max(365), unit: z.enum(['calendar', 'working']) })
    .default({ days, unit })
    .describe(label);

/** How many days each deadline runs: settings, not constants (SAMR Order 18 gives the defaults). */
export const DeadlineRules = z
  .object({
    objection: rule('异议期（收到检验结果后）', 15, 'calendar'),
    correct: rule('不合格整改期限', 60, 'calendar'),
    recheck: rule('复查期限（自责令整改之日）', 75, 'calendar'),
    complaintReply: rule('投诉举报答复期限', 60, 'calendar'),
    /** A calendar-day period whose last day is a rest day ends on the next working day. */
    extendPastRestDays: z.boolean().default(true).describe('期限最后一日遇法定节假日顺延'),
  })
  .strict();
export type DeadlineRules = z.infer<typeof DeadlineRules>;
