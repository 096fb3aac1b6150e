import { z } from 'zod';
import { isoDate } from './dates';
import { OfficeSettings } from './office';

export const SystemInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  office: OfficeSettings.nullable(),
  counts: z.object({ enterprises: z.number().int(), townships: z.number().int() }),
  user: z.string(),
});
export type SystemInfo = z.infer<typeof SystemInfo>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  method: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListInput = z.object({
  entity: z.string().max(100).optional().describe('对象类型'),
  entityId: z.string().max(100).optional().describe('对象编号'),
  actor: z.string().trim().max(100).optional().describe('操作人'),
  /** One method (`enterprises.update`) or every method of a domain (`enterprises.`). */
  method: z.string().trim().max(100).optional().describe('操作类型'),
  /** Days in Asia/Shanghai, both included. */
  from: isoDate.optional().describe('起始日期'),
  to: isoDate.optional().describe('截止日期'),
  /** Found in the content before or after the change, the reason or the object number. */
  q: z.string().trim().max(100).optional().describe('关键词'),
  offset: z.number().int().min(0).max(10_000_000).default(0).describe('起始位置'),
  limit: z.number().int().min(1).max(500).default(50).describe('条数'),
});
export type AuditListInput = z.input<typeof AuditListInput>;

export const AuditRecord = AuditEntry.extend({ reason: z.string().nullable() });
export type AuditRecord = z.infer<typeof AuditRecord>;

/** Counting stops here: beyond it the page says “10000 条以上”. */
export const AUDIT_COUNT_CAP = 10_000;

export const AuditPage = z.object({
  entries: z.array(AuditRecord),
  hasMore: z.boolean(),
  /** Matching rows, counted up to AUDIT_COUNT_CAP; `totalCapped` says the count stopped there. */
  total: z.number().int(),
  totalCapped: z.boolean(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  problem: z.enum(['altered', 'relinked', 'truncated', 'appended', 'rewritten']).nullable(),
  /** The last row as recorded in settings (id and hash), to compare with a copy kept elsewhere. */
  head: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
  reason: z.string(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

export const DemoInput = z.object({
  enterprises: z.number().int().min(1).max(2_000_000).default(3000).describe('企业数量'),
  seed: z.number().int().default(20260101).describe('随机种子'),
  /** 0 gives a registry without files. */
  recordsPerEnterprise: z.number().int().min(0).max(100).default(10).describe('每家企业的档案记录数'),
});
export type DemoInput = z.input<typeof DemoInput>;
export const DemoResult = z.object({ enterprises: z.number().int(), records: z.number().int(), county: z.string() });
