// Official notices (执法文书): the types an office issues, the fields each is completed with, the
// model a template is filled from, the template language, and issued notices.
import { z } from 'zod';
import { isoDate } from './dates';
import { fen, line, names, optionalDate, prose, required, requiredProse } from './fields';
import { StoredFileRef } from './import';

// ---------------------------------------------------------------------------------------------
// Types and their fields

export const noticeTypes = [
  'correctionOrder',
  'siteRecord',
  'serviceReceipt',
  'interviewNotice',
  'riskReminder',
  'rectificationGuidance',
  'improvementAdvice',
  'penaltyDecision',
] as const;
export type NoticeType = (typeof noticeTypes)[number];

/** Each type's title (as printed) and its abbreviation in the document number (华市监责改〔2026〕1号). */
export const noticeTypeInfo: Record<NoticeType, { title: string; abbrev: string }> = {
  correctionOrder: { title: '责令改正通知书', abbrev: '责改' },
  siteRecord: { title: '现场笔录', abbrev: '现笔' },
  serviceReceipt: { title: '送达回证', abbrev: '送达' },
  interviewNotice: { title: '约谈通知书', abbrev: '约谈' },
  riskReminder: { title: '产品质量风险提醒函', abbrev: '提醒' },
  rectificationGuidance: { title: '不合格整改指导意见书', abbrev: '整改指导' },
  improvementAdvice: { title: '产品质量提升指导建议书', abbrev: '提升建议' },
  penaltyDecision: { title: '行政处罚决定书', abbrev: '处罚' },
};

/** The type by its printed title (the CLI takes titles: --type 责令改正通知书). */
export function noticeTypeByTitle(title: string): NoticeType | undefined {
  return noticeTypes.find((t) => noticeTypeInfo[t].title === title.trim());
}

/** Said when the office name or its document abbreviation is not set: notices cannot be numbered. */
export const OFFICE_MISSING = '请先在“设置 → 本单位”中填写单位名称和文号代字（如「华市监」），再预览或出具文书';

export const serviceMethods = ['直接送达', '留置送达', '邮寄送达', '委托送达', '电子送达', '公告送达'] as const;

const ServiceRow = z
  .object({
    document: required('送达文书名称及文号', 200),
    place: line('送达地点', 200),
    method: z.enum(serviceMethods).describe('送达方式'),
    servedOn: optionalDate('送达日期'),
    server: line('送达人', 60),
  })
  .strict();

/** The fields a clerk completes for each type (prefilled from the dossier record where one is given). */
export const noticeFields = {
  /** 责令改正通知书 */
  correctionOrder: z.object({
    finding: requiredProse('经查明的违法事实', 2000),
    violated: required('违反的规定', 500),
    legalBasis: required('责令改正的依据', 500),
    /** Either 立即 (immediately) or by a date. */
    immediately: z.boolean().default(false).describe('立即改正'),
    deadlineOn: optionalDate('改正期限'),
    requirement: requiredProse('改正内容和要求', 2000),
    consequence: prose('逾期不改正的后果', 1000),
    reviewOrgan: line('行政复议机关', 200),
    court: line('行政诉讼法院', 200),
  }).refine((f) => !(f.immediately && f.deadlineOn), { path: ['deadlineOn'], message: '已选择立即改正，请不要再填写改正期限' }),
  /** 现场笔录 */
  siteRecord: z.object({
    place: required('检查地点', 200),
    startedAt: required('检查开始时间', 40),
    endedAt: required('检查结束时间', 40),
    inspectors: names('执法人员', 2),
    certNos: z.array(required('执法证号', 30)).min(2).max(10).default([]).describe('执法证号'),
    present: line('当事人在场人员', 100),
    content: requiredProse('现场检查情况', 5000),
  }),
  /** 送达回证 */
  serviceReceipt: z.object({
    caseName: required('案由', 200),
    recipient: required('受送达人', 100),
    rows: z.array(ServiceRow).min(1, '至少填写一份送达的文书').max(10).describe('送达文书'),
    remarks: prose('备注', 1000),
  }),
  /** 约谈通知书 */
  interviewNotice: z.object({
    reason: required('约谈事由', 1000),
    time: required('约谈时间', 60),
    place: required('约谈地点', 200),
    attendees: required('参加人员', 200),
    materials: prose('需携带的材料', 1000),
    contact: line('联系人及电话', 100),
  }),
  /** 产品质量风险提醒函 */
  riskReminder: z.object({
    risk: required('风险事项', 500),
    content: requiredProse('提醒内容', 5000),
    requirements: prose('工作要求', 2000),
  }),
  /** 不合格整改指导意见书 */
  rectificationGuidance: z.object({
    product: required('产品名称及批号', 200),
    unqualifiedItems: required('不合格项目', 1000),
    analysis: prose('原因分析', 3000),
    guidance: requiredProse('整改指导意见', 5000),
    deadlineOn: optionalDate('整改完成期限'),
  }),
  /** 产品质量提升指导建议书 */
  improvementAdvice: z.object({
    product: required('产品名称', 200),
    findings: prose('抽查检验情况', 3000),
    advice: requiredProse('质量提升建议', 5000),
  }),
  /** 行政处罚决定书 */
  penaltyDecision: z.object({
    facts: requiredProse('违法事实', 5000),
    evidence: prose('证据', 3000),
    violated: required('违反的规定', 500),
    legalBasis: required('处罚依据', 500),
    decision: required('处罚决定', 2000),
    fineFen: fen('罚款（分）'),
    confiscationFen: fen('没收违法所得（分）'),
    payment: prose('缴款方式', 1000),
    reviewOrgan: line('行政复议机关', 200),
    court: line('行政诉讼法院', 200),
  }),
} as const;

export type NoticeFields<T extends NoticeType = NoticeType> = z.output<(typeof noticeFields)[T]>;

// ---------------------------------------------------------------------------------------------
// The model a template is filled from

/** The standard party block (当事人…联系电话); a missing value prints as a blank line to fill by hand. */
export const PartyBlock = z.object({
  name: z.string(),
  /** 主体资格证照名称: 营业执照 for registered businesses. */
  licenceName: z.string(),
  /** 统一社会信用代码（注册号）; null when the enterprise has none. */
  code: z.string().nullable(),
  address: z.string().nullable(),
  /** 法定代表人（负责人、经营者）. */
  legalRep: z.string().nullable(),
  /** 身份证（其他有效证件）号码, in full: notices are served on the party. */
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
});
export type PartyBlock = z.infer<typeof PartyBlock>;

/**
 * Everything a template can refer to. Placeholders are paths into this object
 * (`{{party.name}}`, `{{fields.finding}}`, `{{amounts.fineCapital}}`); a notice records the model
 * it was issued from, so what was printed can always be explained.
 */
export const NoticeModel = z.object({
  type: z.enum(noticeTypes),
  title: z.string(),
  office: z.object({ name: z.string(), abbrev: z.string(), county: z.string() }),
  party: PartyBlock,
  /** The document number, or null in a preview (printed as 〔预览，未编号〕). */
  number: z.string().nullable(),
  /** The date printed on the notice, without zero padding: 2026年11月30日. */
  date: z.string(),
  fields: z.record(z.string(), z.unknown()),
  /** Amounts in capital Chinese numerals, e.g. 罚款 壹仟贰佰伍拾元整 (for penaltyDecision). */
  amounts: z.record(z.string(), z.string()),
  /** The campaign the notice belongs to, if any. */
  campaign: z.string().nullable(),
  /** The notice this one corrects (its number), if any. */
  corrects: z.string().nullable(),
});
export type NoticeModel = z.infer<typeof NoticeModel>;

// ---------------------------------------------------------------------------------------------
// Templates

/**
 * A notice template is plain UTF-8 text, one block per line:
 * - `# 标题` the title (2号小标宋, centred); `## 小标题` a heading (3号黑体)
 * - `@文号` the document number line; `@当事人` the standard party block; `@落款` the office,
 *   seal space and date; `@送达表` the service table of a 送达回证; `@分页` a page break;
 *   `@顶格 text` a line set flush left (the addressee line 当事人名称：)
 * - any other line is a body paragraph (3号仿宋, first line indented two characters); an empty
 *   line ends nothing and prints nothing
 * - `{{path}}` inserts a value of the model; `[[ … ]]` is printed only when every placeholder
 *   inside it has a value. An unknown path is refused when the template is saved.
 */
export const NoticeTemplateText = z.string().min(1, '模板不能为空').max(50_000, '模板不能超过 50000 字');

export const NoticeTemplateInfo = z.object({
  type: z.enum(noticeTypes),
  title: z.string(),
  /** builtin: resources/notices/<type>.txt; office: the office's own copy in the data directory. */
  source: z.enum(['builtin', 'office']),
  text: z.string(),
  sha256: z.string(),
  /** The placeholders the template may use, for the editor's help. */
  placeholders: z.array(z.object({ path: z.string(), label: z.string() })),
});
export type NoticeTemplateInfo = z.infer<typeof NoticeTemplateInfo>;

const typeField = z.enum(noticeTypes).describe('文书种类');
export const NoticeTemplateSaveInput = z.object({ type: typeField, text: NoticeTemplateText.describe('模板内容') }).strict();
export const NoticeTypeInput = z.object({ type: typeField }).strict();

// ---------------------------------------------------------------------------------------------
// Notices

export const noticeStatuses = ['issued', 'voided'] as const;

export const NoticeService = z
  .object({
    method: z.enum(serviceMethods).describe('送达方式'),
    servedOn: isoDate.describe('送达日期'),
    recipient: required('受送达人', 100),
    server: required('送达人', 60),
    note: line('备注', 500),
  })
  .strict();
export type NoticeService = z.infer<typeof NoticeService>;

/** Where a notice's content comes from: the enterprise, optionally its dossier record and campaign. */
const source = {
  type: typeField,
  enterpriseId: z.number().int().positive().describe('当事人'),
  recordId: z.number().int().positive().nullable().default(null).describe('档案记录'),
  campaignId: z.number().int().positive().nullable().default(null).describe('专项'),
};

export const NoticePrepareInput = z.object(source).strict();
/** A form's starting point: the fields prefilled from the record, and the party block as it will print. */
export const NoticeDraft = z.object({
  type: z.enum(noticeTypes),
  title: z.string(),
  fields: z.record(z.string(), z.unknown()),
  party: PartyBlock,
  /** Things to check before issuing (no credit code, a missing phone…). */
  warnings: z.array(z.string()),
});
export type NoticeDraft = z.infer<typeof NoticeDraft>;

export const NoticeFillInput = z
  .object({
    ...source,
    fields: z.record(z.string(), z.unknown()).describe('文书内容'),
    /** The issued notice this one corrects (更正): the old one keeps its number and is referenced. */
    correctsId: z.number().int().positive().nullable().default(null).describe('更正的文书'),
  })
  .strict();
export type NoticeFillInput = z.input<typeof NoticeFillInput>;

export const Notice = z.object({
  id: z.number().int(),
  type: z.enum(noticeTypes),
  title: z.string(),
  number: z.string(),
  year: z.number().int(),
  serial: z.number().int(),
  status: z.enum(noticeStatuses),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  recordId: z.number().int().nullable(),
  campaignId: z.number().int().nullable(),
  /** The 文书 record in the enterprise's dossier that holds the frozen copy. */
  dossierRecordId: z.number().int(),
  fields: z.record(z.string(), z.unknown()),
  issuedOn: isoDate,
  issuedAt: z.string(),
  issuedBy: z.string(),
  pdf: StoredFileRef,
  docx: StoredFileRef,
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  correctsId: z.number().int().nullable(),
  correctedById: z.number().int().nullable(),
  service: NoticeService.nullable(),
});
export type Notice = z.infer<typeof Notice>;

export const NoticeListInput = z
  .object({
    type: z.enum(noticeTypes).nullable().default(null).describe('文书种类'),
    year: z.number().int().min(2000).max(2199).nullable().default(null).describe('年度'),
    status: z.enum(noticeStatuses).nullable().default(null).describe('状态'),
    enterpriseId: z.number().int().positive().nullable().default(null).describe('当事人'),
    campaignId: z.number().int().positive().nullable().default(null).describe('专项'),
    q: z.string().max(50).default('').describe('搜索'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export const NoticeList = z.object({ total: z.number().int(), rows: z.array(Notice) });
export type NoticeList = z.infer<typeof NoticeList>;

export const NoticeIdInput = z.object({ id: z.number().int().positive().describe('文书') }).strict();
export const NoticeVoidInput = z.object({ id: z.number().int().positive(), reason: required('作废原因', 500) }).strict();
export const NoticeServiceInput = z.object({ id: z.number().int().positive(), service: NoticeService }).strict();

/** Issue one type to many enterprises at once (e.g. a 风险提醒函 to every campaign target with a problem). */
export const NoticeBulkInput = z
  .object({
    type: typeField,
    enterpriseIds: z.array(z.number().int().positive()).min(1, '请至少选择一户').max(2000).describe('当事人'),
    campaignId: z.number().int().positive().nullable().default(null).describe('专项'),
    /** The fields every notice shares; each notice's own record fills the rest. */
    fields: z.record(z.string(), z.unknown()).describe('文书内容'),
    /** For printing on both sides: a blank page after each notice with an odd number of pages. */
    duplex: z.boolean().default(false).describe('双面打印'),
  })
  .strict();
export const NoticeBulkResult = z.object({
  issued: z.number().int(),
  /** First and last number issued. */
  numbers: z.array(z.string()),
  /** One PDF of every notice, for printing in one go. */
  combined: StoredFileRef,
  seconds: z.number(),
});
export type NoticeBulkResult = z.infer<typeof NoticeBulkResult>;

