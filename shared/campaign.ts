// Special campaigns (专项整治): inspectors, campaigns with their scope and target lists, and the
// 双随机 draw. Templates are in campaign-template.ts, field results and tallies in campaign-results.ts.
import { z } from 'zod';
import { isoDate } from './dates';
import { businessStatuses, entityTypes, supervisionClasses } from './enterprise';
import { line, required } from './fields';
import { templateId, TemplateDefinition } from './campaign-template';

// ---------------------------------------------------------------------------------------------
// Inspectors (执法人员)

export const InspectorInput = z
  .object({
    name: required('姓名', 20),
    /** 所在单位, e.g. 华容县市场监督管理局东山市场监督管理所. */
    unit: required('所在单位', 60),
    /** The township office (市场监管所) the inspector belongs to; null for the county bureau. */
    townshipCode: z.string().regex(/^\d{9}$/, '乡镇代码应为 9 位数字').nullable().default(null).describe('所属乡镇（街道）'),
    /** 执法证号: unique. */
    certNo: z
      .string()
      .transform((s) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase())
      .pipe(z.string().min(4, '执法证号至少 4 位').max(30))
      .describe('执法证号'),
    active: z.boolean().default(true).describe('在岗'),
  })
  .strict();
export const Inspector = z.object({
  id: z.number().int(),
  name: z.string(),
  unit: z.string(),
  townshipCode: z.string().nullable(),
  townshipName: z.string().nullable(),
  certNo: z.string(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type Inspector = z.infer<typeof Inspector>;
export const InspectorListInput = z.object({ includeInactive: z.boolean().default(true) }).strict();
export const InspectorSaveInput = z
  .object({
    /** null creates a new inspector. */
    id: z.number().int().positive().nullable().default(null),
    expectedUpdatedAt: z.string().nullable().default(null).describe('读取时的修改时间'),
    data: InspectorInput,
  })
  .strict();

/** Changing a drawn list needs a written reason (it is logged and shown with the draw). */
const changeReason = z.string().max(500).nullable().default(null).describe('变更原因');

// ---------------------------------------------------------------------------------------------
// Campaigns

/** Which enterprises a campaign covers. Township, type, status and class narrow the list; a
 *  business matches when it has any of the tags, industries or products (if any are given). */
export const CampaignScope = z
  .object({
    townshipCodes: z.array(z.string().regex(/^\d{9}$/)).max(100).default([]).describe('乡镇（街道）'),
    entityTypes: z.array(z.enum(entityTypes)).default([]).describe('主体类型'),
    statuses: z.array(z.enum(businessStatuses)).default(['存续']).describe('登记状态'),
    supervisionClasses: z.array(z.enum(supervisionClasses)).default([]).describe('监管类别'),
    tags: z.array(z.string().min(1).max(20)).max(20).default([]).describe('标签'),
    /** 门类 letters or 2–4 digit codes (a code matches its sub-classes). */
    industries: z
      .array(z.string().regex(/^([A-T]|\d{2,4})$/, '应为行业门类字母或 2–4 位行业代码'))
      .max(50)
      .default([])
      .describe('行业'),
    productIds: z.array(z.string().min(1).max(20)).max(50).default([]).describe('重点工业产品'),
  })
  .strict();
export type CampaignScope = z.infer<typeof CampaignScope>;
export type CampaignScopeInput = z.input<typeof CampaignScope>;

export const campaignStatuses = ['进行中', '已结束'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

const CampaignFields = {
  name: required('专项名称', 100),
  /** 文件依据, e.g. 华市监发〔2026〕8号. */
  docRef: line('文件依据', 100),
  startsOn: isoDate.describe('开始日期'),
  endsOn: isoDate.describe('结束日期'),
};

export const CampaignCreateInput = z
  .object({ templateId: templateId, ...CampaignFields, scope: CampaignScope.default(CampaignScope.parse({})) })
  .strict()
  .refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], message: '结束日期不能早于开始日期' });
export const CampaignUpdateInput = z
  .object({
    id: z.number().int().positive(),
    expectedUpdatedAt: z.string().describe('读取时的修改时间'),
    ...CampaignFields,
    /** Parameter values by key (e.g. the phosphorus limit). */
    parameters: z.record(z.string(), z.number()).default({}).describe('参数'),
    status: z.enum(campaignStatuses).describe('状态'),
  })
  .strict()
  .refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], message: '结束日期不能早于开始日期' });
export const CampaignIdInput = z.object({ id: z.number().int().positive().describe('专项') }).strict();

// ---------------------------------------------------------------------------------------------
// 双随机 draws

export const DRAW_ALGORITHM = 'qingbo-sha256-fisher-yates';
export const DRAW_ALGORITHM_VERSION = 1;

/** Percent of each credit class to draw (enterprises not yet classified use `none`). */
export const ClassProportions = z
  .object({
    A: z.number().min(0).max(100).describe('A 类比例'),
    B: z.number().min(0).max(100).describe('B 类比例'),
    C: z.number().min(0).max(100).describe('C 类比例'),
    D: z.number().min(0).max(100).describe('D 类比例'),
    none: z.number().min(0).max(100).describe('未分类比例'),
  })
  .strict();

export const DrawParams = z
  .object({
    mode: z.enum(['count', 'proportion']).describe('抽取方式'),
    count: z.number().int().min(1, '抽取户数至少为 1').nullable().default(null).describe('抽取户数'),
    proportions: ClassProportions.nullable().default(null).describe('按信用风险分类的比例'),
    /** Never pair a target with an inspector of its own township office. */
    excludeOwnTownship: z.boolean().default(false).describe('回避本所执法人员'),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.mode === 'count' && p.count === null) ctx.addIssue({ code: 'custom', path: ['count'], message: '请填写抽取户数' });
    if (p.mode === 'proportion' && p.proportions === null) {
      ctx.addIssue({ code: 'custom', path: ['proportions'], message: '请填写各信用风险分类的抽取比例' });
    }
  });
export type DrawParams = z.infer<typeof DrawParams>;

export const DrawInput = z
  .object({
    campaignId: z.number().int().positive(),
    params: DrawParams,
    /** Given to re-run a recorded draw; otherwise a fresh random seed is made. */
    seed: z
      .string()
      .regex(/^[0-9a-f]{8,64}$/, '随机种子应为 8–64 位十六进制数字（0–9、a–f）')
      .nullable()
      .default(null)
      .describe('随机种子'),
    /** Required when the campaign already has a draw. */
    reason: changeReason,
  })
  .strict();

export const DrawSummary = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  createdAt: z.string(),
  actor: z.string(),
  algorithm: z.string(),
  algorithmVersion: z.number().int(),
  seed: z.string(),
  /** The parameters as given (mode, count or proportions, exclusion rule). */
  params: DrawParams,
  poolSize: z.number().int(),
  poolHash: z.string(),
  inspectorPoolSize: z.number().int(),
  inspectorPoolHash: z.string(),
  drawnCount: z.number().int(),
  resultHash: z.string(),
  /** A later draw replaced this one (with a reason). */
  superseded: z.boolean(),
  reason: z.string().nullable(),
});
export type DrawSummary = z.infer<typeof DrawSummary>;

/** What a campaign's list row and its page both show first. */
const campaignHead = {
  id: z.number().int(),
  name: z.string(),
  docRef: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(campaignStatuses),
};

export const Campaign = z.object({
  ...campaignHead,
  templateId: z.string(),
  templateVersion: z.number().int(),
  /** The template as it was when the campaign was created: later template edits do not change it. */
  template: TemplateDefinition,
  /** Parameter values in force (start from the template's). */
  parameters: z.record(z.string(), z.number()),
  scope: CampaignScope,
  targetCount: z.number().int(),
  /** The current draw, if targets were drawn; then only drawn targets are to be inspected. */
  draw: DrawSummary.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignSummary = z.object({
  ...campaignHead,
  templateName: z.string(),
  targetCount: z.number().int(),
  /** Targets to inspect: the drawn ones after a draw, else all. */
  plannedCount: z.number().int(),
  inspectedCount: z.number().int(),
  drawn: z.boolean(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

// ---------------------------------------------------------------------------------------------
// Targets

export const targetStatuses = ['未检查', '已检查无问题', '发现问题', '整改中', '已整改'] as const;
export type TargetStatus = (typeof targetStatuses)[number];

export const TargetInspector = z.object({ id: z.number().int(), name: z.string(), certNo: z.string() });

export const TargetRow = z.object({
  enterpriseId: z.number().int(),
  name: z.string(),
  uscc: z.string().nullable(),
  address: z.string().nullable(),
  townshipCode: z.string().nullable(),
  townshipName: z.string().nullable(),
  creditClass: z.string().nullable(),
  /** How it joined the list: the scope, or added by hand. */
  source: z.enum(['scope', 'manual']),
  /** Drawn in the current draw (always true when the campaign has no draw). */
  planned: z.boolean(),
  /** 责任单位 (the township office responsible); null means the township's own office. */
  responsibleUnit: z.string().nullable(),
  inspectors: z.array(TargetInspector),
  status: z.enum(targetStatuses),
  visits: z.number().int(),
  lastInspectedOn: z.string().nullable(),
});
export type TargetRow = z.infer<typeof TargetRow>;

export const TargetListInput = z
  .object({
    campaignId: z.number().int().positive(),
    q: z.string().max(50).default('').describe('搜索'),
    townshipCode: z.string().regex(/^\d{9}$/).nullable().default(null).describe('乡镇（街道）'),
    status: z.enum(targetStatuses).nullable().default(null).describe('状态'),
    /** Only the targets to inspect (drawn ones after a draw). */
    plannedOnly: z.boolean().default(true),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export const TargetList = z.object({ total: z.number().int(), rows: z.array(TargetRow) });
export type TargetList = z.infer<typeof TargetList>;

export const ApplyScopeInput = z
  .object({ campaignId: z.number().int().positive(), scope: CampaignScope, reason: changeReason })
  .strict();
export const ApplyScopeResult = z.object({ added: z.number().int(), removed: z.number().int(), total: z.number().int() });
export const TargetsChangeInput = z
  .object({
    campaignId: z.number().int().positive(),
    enterpriseIds: z.array(z.number().int().positive()).min(1, '请至少选择一户').max(5000).describe('企业'),
    reason: changeReason,
  })
  .strict();
export const TargetsChanged = z.object({ changed: z.number().int(), total: z.number().int() });
export const AssignInput = z
  .object({
    campaignId: z.number().int().positive(),
    enterpriseIds: z.array(z.number().int().positive()).min(1, '请至少选择一户').max(5000).describe('企业'),
    inspectorIds: z.array(z.number().int().positive()).max(5).default([]).describe('执法人员'),
    responsibleUnit: line('责任单位', 60),
    reason: changeReason,
  })
  .strict();

/** A change to the list after the draw: what, to whom, why, by whom. */
export const TargetChange = z.object({
  at: z.string(),
  actor: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  change: z.string(),
  reason: z.string(),
});
export const TargetChangesInput = z.object({ campaignId: z.number().int().positive() }).strict();

export const DrawnTarget = z.object({
  position: z.number().int(),
  enterpriseId: z.number().int(),
  name: z.string(),
  uscc: z.string().nullable(),
  townshipName: z.string().nullable(),
  creditClass: z.string().nullable(),
  inspectors: z.array(TargetInspector),
});
export const DrawDetail = z.object({ draw: DrawSummary, targets: z.array(DrawnTarget) });
export type DrawDetail = z.infer<typeof DrawDetail>;
export const DrawIdInput = z.object({ id: z.number().int().positive().describe('抽取记录') }).strict();
export const DrawVerifyResult = z.object({
  poolMatches: z.boolean(),
  inspectorPoolMatches: z.boolean(),
  resultMatches: z.boolean(),
  /** A sentence for the clerk. */
  message: z.string(),
});
