// Special campaigns (专项整治): checklist templates, campaigns with their target lists, the
// 双随机 draw, field results and the tallies computed from them.
import { z } from 'zod';
import { isoDate } from './dates';
import { Attachment, inspectionResults } from './dossier';
import { businessStatuses, entityTypes, supervisionClasses } from './enterprise';
import { line, prose, required } from './fields';
import { StoredFileRef } from './import';

// ---------------------------------------------------------------------------------------------
// Templates

/** A key inside a template (checklist item, quantity, tally, parameter): letters, digits, underscore. */
const key = (label: string) =>
  z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, '只能由字母、数字和下划线组成，以字母开头，最多 40 个字符')
    .describe(label);

export const answerTypes = ['yesNo', 'number', 'text', 'choice', 'photo'] as const;
export type AnswerType = (typeof answerTypes)[number];
export const answerTypeLabels: Record<AnswerType, string> = {
  yesNo: '是/否/不适用',
  number: '数值',
  text: '文字',
  choice: '选项',
  photo: '照片',
};
export const yesNoAnswers = ['是', '否', '不适用'] as const;

/** When an answer means a problem was found (发现问题). */
export const ProblemRule = z
  .object({
    /** For 是/否 and choice items: the answers that are a problem. */
    answers: z.array(z.string().min(1).max(40)).max(20).default([]).describe('视为问题的答案'),
    /** For number items: a value at or above this limit is a problem… */
    atLeast: z.number().nullable().default(null).describe('问题下限'),
    /** …or at or above the value of this template parameter (e.g. the phosphorus limit). */
    atLeastParam: key('问题下限参数').nullable().default(null),
    /** Only a value strictly above the limit is a problem (车速 > 25 km/h), not one equal to it. */
    exclusive: z.boolean().default(false).describe('不含等于'),
  })
  .strict();
export type ProblemRule = z.infer<typeof ProblemRule>;

export const ChecklistItem = z
  .object({
    key: key('事项代号'),
    group: line('分组', 40),
    label: required('检查事项', 200),
    type: z.enum(answerTypes).describe('答案类型'),
    unit: line('单位', 10),
    choices: z.array(required('选项', 40)).max(20).default([]).describe('选项'),
    required: z.boolean().default(true).describe('必填'),
    problem: ProblemRule.nullable().default(null).describe('问题判定'),
    hint: line('填写说明', 200),
  })
  .strict();
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** A quantity recorded at each visit (下架 瓶/袋, 查扣 kg, 抽检批次 …); never negative. */
export const QuantityDef = z
  .object({
    key: key('数量代号'),
    label: required('数量名称', 40),
    unit: required('单位', 10),
    /** Counted things (批次, 件) are whole numbers; weights and money may have two decimals. */
    integer: z.boolean().default(true).describe('只能为整数'),
    /** Another quantity this one can never exceed (合格批次 ≤ 抽检批次). */
    notMoreThan: key('不超过').nullable().default(null),
  })
  .strict();
export type QuantityDef = z.infer<typeof QuantityDef>;

export const tallySources = ['visits', 'enterprises', 'problems', 'rectifications', 'quantity'] as const;
export type TallySource = (typeof tallySources)[number];
export const tallySourceLabels: Record<TallySource, string> = {
  visits: '检查户次',
  enterprises: '检查户数（同一主体只计一次）',
  problems: '发现问题户次',
  rectifications: '责令整改件数',
  quantity: '数量合计',
};

/** A figure reported upward, computed from the recorded results. */
export const TallyDef = z
  .object({
    key: key('统计项代号'),
    label: required('统计项名称', 40),
    unit: required('单位', 10),
    source: z.enum(tallySources).describe('计算方法'),
    /** For source 'quantity': which quantity is summed. */
    quantity: key('数量代号').nullable().default(null),
  })
  .strict();
export type TallyDef = z.infer<typeof TallyDef>;

/** A number the office sets for the campaign (e.g. the phosphorus limit, % P₂O₅). */
export const TemplateParameter = z
  .object({
    key: key('参数代号'),
    label: required('参数名称', 60),
    unit: line('单位', 10),
    value: z.number().describe('参数值'),
  })
  .strict();
export type TemplateParameter = z.infer<typeof TemplateParameter>;

const duplicates = (keys: string[]): string[] => keys.filter((k, i) => keys.indexOf(k) !== i);

/** A checklist template: what is asked, what is counted, and what is reported. */
export const TemplateDefinition = z
  .object({
    name: required('模板名称', 60),
    description: prose('说明', 2000),
    checklist: z.array(ChecklistItem).min(1, '至少需要一个检查事项').max(100).describe('检查事项'),
    quantities: z.array(QuantityDef).max(30).default([]).describe('数量'),
    tallies: z.array(TallyDef).min(1, '至少需要一个统计项').max(30).describe('统计项'),
    parameters: z.array(TemplateParameter).max(10).default([]).describe('参数'),
  })
  .strict()
  .superRefine((t, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const itemKeys = t.checklist.map((i) => i.key);
    const quantityKeys = t.quantities.map((q) => q.key);
    const paramKeys = t.parameters.map((p) => p.key);
    for (const d of new Set(duplicates(itemKeys))) problem(['checklist'], `检查事项代号「${d}」重复`);
    for (const d of new Set(duplicates(quantityKeys))) problem(['quantities'], `数量代号「${d}」重复`);
    for (const d of new Set(duplicates(t.tallies.map((x) => x.key)))) problem(['tallies'], `统计项代号「${d}」重复`);
    for (const d of new Set(duplicates(paramKeys))) problem(['parameters'], `参数代号「${d}」重复`);
    t.checklist.forEach((item, i) => {
      const at = `第 ${i + 1} 个检查事项「${item.label}」`;
      if (item.type === 'choice' && item.choices.length < 2) problem(['checklist', i, 'choices'], `${at}是选项题，至少需要两个选项`);
      if (item.type === 'number' && !item.unit) problem(['checklist', i, 'unit'], `${at}是数值，请填写单位`);
      const rule = item.problem;
      if (!rule) return;
      if (item.type === 'yesNo' || item.type === 'choice') {
        const allowed: readonly string[] = item.type === 'yesNo' ? yesNoAnswers : item.choices;
        for (const a of rule.answers) {
          if (!allowed.includes(a)) problem(['checklist', i, 'problem'], `${at}的问题答案「${a}」不在可选答案中`);
        }
      }
      if (item.type === 'number' && rule.atLeast === null && rule.atLeastParam === null) {
        problem(['checklist', i, 'problem'], `${at}：请填写视为问题的下限或选择参数`);
      }
      if (rule.atLeastParam && !paramKeys.includes(rule.atLeastParam)) {
        problem(['checklist', i, 'problem'], `${at}引用的参数「${rule.atLeastParam}」不存在`);
      }
    });
    t.quantities.forEach((q, i) => {
      if (q.notMoreThan && !quantityKeys.includes(q.notMoreThan)) {
        problem(['quantities', i, 'notMoreThan'], `数量「${q.label}」引用的数量「${q.notMoreThan}」不存在`);
      }
    });
    t.tallies.forEach((tally, i) => {
      if (tally.source === 'quantity' && (!tally.quantity || !quantityKeys.includes(tally.quantity))) {
        problem(['tallies', i, 'quantity'], `统计项「${tally.label}」要合计的数量「${tally.quantity ?? ''}」不存在`);
      }
    });
  });
export type TemplateDefinition = z.infer<typeof TemplateDefinition>;
export type TemplateDefinitionInput = z.input<typeof TemplateDefinition>;

/** The file a template is exported to and imported from. */
export const TEMPLATE_FILE_FORMAT = 'qingbo.campaign-template';
export const TemplateFile = z
  .object({
    format: z.literal(TEMPLATE_FILE_FORMAT).describe('文件类型'),
    formatVersion: z.literal(1).describe('文件版本'),
    template: TemplateDefinition,
  })
  .strict();

export const CampaignTemplate = z.object({
  id: z.string(),
  builtin: z.boolean(),
  archived: z.boolean(),
  /** Raised on every save; a campaign records the version it was made from. */
  version: z.number().int(),
  updatedAt: z.string(),
  definition: TemplateDefinition,
});
export type CampaignTemplate = z.infer<typeof CampaignTemplate>;

export const TemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  archived: z.boolean(),
  version: z.number().int(),
  items: z.number().int(),
  updatedAt: z.string(),
});

const templateId = z.string().min(1).max(60).describe('模板');
export const TemplateIdInput = z.object({ id: templateId }).strict();
export const TemplateSaveInput = z
  .object({ id: templateId, expectedUpdatedAt: z.string().describe('读取时的修改时间'), definition: TemplateDefinition })
  .strict();
export const TemplateCopyInput = z.object({ id: templateId, name: required('新模板名称', 60) }).strict();
export const TemplateArchiveInput = z.object({ id: templateId, archived: z.boolean() }).strict();
export const TemplateImportInput = z
  .object({ file: z.string().regex(/^[0-9a-f]{64}$/, '文件编号无效，请重新选择文件').describe('文件') })
  .strict();

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

// ---------------------------------------------------------------------------------------------
// Field results

/** One checklist answer: 是/否/不适用 or a choice or text (string), a number, or photos only. */
export const AnswerInput = z
  .object({
    value: z.union([z.string().max(500), z.number()]).nullable().default(null).describe('答案'),
    note: line('说明', 500),
    /** Photos for this item (sha256 of attachments of the result). */
    photos: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(20).default([]).describe('照片'),
  })
  .strict();
export type AnswerInput = z.input<typeof AnswerInput>;

export const RectificationOrder = z
  .object({
    problem: required('存在的问题', 2000),
    requirement: prose('整改要求', 2000),
    deadlineOn: isoDate.describe('整改期限'),
  })
  .strict();

export const ResultSaveInput = z
  .object({
    campaignId: z.number().int().positive(),
    enterpriseId: z.number().int().positive().describe('检查对象'),
    /** null records a new visit; an id edits that visit's result. */
    resultId: z.number().int().positive().nullable().default(null),
    expectedUpdatedAt: z.string().nullable().default(null).describe('读取时的修改时间'),
    inspectedOn: isoDate.describe('检查日期'),
    inspectorIds: z.array(z.number().int().positive()).min(2, '至少需要两名执法人员').max(6).describe('执法人员'),
    place: line('检查地点', 200),
    answers: z.record(z.string(), AnswerInput).default({}).describe('检查事项'),
    quantities: z.record(z.string(), z.number().min(0, '数量不能为负数')).default({}).describe('数量'),
    findings: prose('发现的问题'),
    result: z.enum(inspectionResults).describe('检查结果'),
    attachments: z.array(Attachment).max(100).default([]).describe('附件'),
    /** Opens a 责令改正 with its deadline in the same step. */
    rectification: RectificationOrder.nullable().default(null).describe('责令整改'),
  })
  .strict();
export type ResultSaveInput = z.input<typeof ResultSaveInput>;

export const CampaignResult = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  /** The 专项检查 record in the enterprise's dossier. */
  recordId: z.number().int(),
  /** The 责令改正 record opened from it, if any. */
  rectificationId: z.number().int().nullable(),
  inspectedOn: z.string(),
  inspectorIds: z.array(z.number().int()),
  inspectors: z.array(z.string()),
  place: z.string().nullable(),
  answers: z.record(z.string(), z.object({ value: z.union([z.string(), z.number()]).nullable(), note: z.string().nullable(), photos: z.array(z.string()) })),
  quantities: z.record(z.string(), z.number()),
  findings: z.string().nullable(),
  result: z.enum(inspectionResults),
  hasProblem: z.boolean(),
  /** Items whose answers are a problem, by key. */
  problemItems: z.array(z.string()),
  attachments: z.array(Attachment),
  voided: z.boolean(),
  updatedAt: z.string(),
});
export type CampaignResult = z.infer<typeof CampaignResult>;
export const ResultSaved = z.object({ result: CampaignResult, warnings: z.array(z.string()) });
export const ResultListInput = z
  .object({ campaignId: z.number().int().positive(), enterpriseId: z.number().int().positive().nullable().default(null) })
  .strict();
export const ResultIdInput = z.object({ id: z.number().int().positive() }).strict();

// ---------------------------------------------------------------------------------------------
// Progress and tallies

export const ProgressInput = z
  .object({ campaignId: z.number().int().positive(), today: isoDate.nullable().default(null) })
  .strict();

export const TownshipProgress = z.object({
  townshipCode: z.string().nullable(),
  townshipName: z.string(),
  planned: z.number().int(),
  inspected: z.number().int(),
  problems: z.number().int(),
  rectifying: z.number().int(),
  rectified: z.number().int(),
  overdue: z.number().int(),
});
export const Progress = z.object({
  planned: z.number().int(),
  inspected: z.number().int(),
  /** inspected / planned, 0–1. */
  coverage: z.number(),
  byStatus: z.record(z.enum(targetStatuses), z.number().int()),
  byTownship: z.array(TownshipProgress),
  rectifications: z.object({ open: z.number().int(), closed: z.number().int(), overdue: z.number().int() }),
  /** Each tally since the campaign started. */
  tallies: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string(), value: z.number() })),
  /** Visits per ISO week (Monday's date), for the trend chart. */
  weekly: z.array(z.object({ weekOf: z.string(), visits: z.number().int(), problems: z.number().int() })),
  tookMs: z.number(),
});
export type Progress = z.infer<typeof Progress>;

export const TallyInput = z
  .object({
    campaignId: z.number().int().positive(),
    from: isoDate.describe('开始日期'),
    to: isoDate.describe('结束日期'),
  })
  .strict()
  .refine((t) => t.to >= t.from, { path: ['to'], message: '结束日期不能早于开始日期' });

export const TallyRow = z.object({
  townshipCode: z.string().nullable(),
  townshipName: z.string(),
  values: z.record(z.string(), z.number()),
});
export const Tally = z.object({
  campaignId: z.number().int(),
  campaignName: z.string(),
  from: z.string(),
  to: z.string(),
  definitions: z.array(TallyDef),
  /** One row per township of the county (zero rows included), in division order. */
  rows: z.array(TallyRow),
  total: z.record(z.string(), z.number()),
  tookMs: z.number(),
});
export type Tally = z.infer<typeof Tally>;

export const FileResult = StoredFileRef;
