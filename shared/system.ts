import { z } from 'zod';
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
  entity: z.string().optional().describe('对象类型'),
  entityId: z.string().optional().describe('对象编号'),
  limit: z.number().int().min(1).max(500).default(50).describe('条数'),
});

export const DemoInput = z.object({
  enterprises: z.number().int().min(1).max(2_000_000).default(3000).describe('企业数量'),
  seed: z.number().int().default(20260101).describe('随机种子'),
  /** 0 gives a registry without files. */
  recordsPerEnterprise: z.number().int().min(0).max(100).default(10).describe('每家企业的档案记录数'),
});
export type DemoInput = z.input<typeof DemoInput>;
export const DemoResult = z.object({ enterprises: z.number().int(), records: z.number().int(), county: z.string() });
