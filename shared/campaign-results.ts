// Field results of a campaign (each visit's answers, quantities and order to correct), its
// progress and the tallies computed from the results.
import { z } from 'zod';
import { isoDate } from './dates';
import { Attachment, inspectionResults } from './dossier';
import { line, prose, required } from './fields';
import { StoredFileRef } from './import';
import { targetStatuses } from './campaign';
import { TallyDef } from './campaign-template';

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
