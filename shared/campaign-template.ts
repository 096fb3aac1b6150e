// 专项检查模板: the checklist a campaign is run with — items and their answers, what counts as a
// problem, quantities, tallies reported upward and parameters — and the template file format.
import { z } from 'zod';
import { line, prose, required } from './fields';

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

export const templateId = z.string().min(1).max(60).describe('模板');
export const TemplateIdInput = z.object({ id: templateId }).strict();
export const TemplateSaveInput = z
  .object({ id: templateId, expectedUpdatedAt: z.string().describe('读取时的修改时间'), definition: TemplateDefinition })
  .strict();
export const TemplateCopyInput = z.object({ id: templateId, name: required('新模板名称', 60) }).strict();
export const TemplateArchiveInput = z.object({ id: templateId, archived: z.boolean() }).strict();
export const TemplateImportInput = z
  .object({ file: z.string().regex(/^[0-9a-f]{64}$/, '文件编号无效，请重新选择文件').describe('文件') })
  .strict();
