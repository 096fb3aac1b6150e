// The enterprise (市场主体) as the registry keeps it. Codes are stored, names are shown.
import { z } from 'zod';

export const entityTypes = ['企业', '个体工商户', '农民专业合作社', '其他'] as const;
export const businessStatuses = ['存续', '停业', '注销', '吊销', '迁出'] as const;
/** 分类监管 */
export const supervisionClasses = ['严管', '专管', '普通'] as const;
/** 信用风险分类: A 低, B 一般, C 较高, D 高 */
export const creditClasses = ['A', 'B', 'C', 'D'] as const;
export const creditClassLabels: Record<(typeof creditClasses)[number], string> = {
  A: 'A 类（低风险）',
  B: 'B 类（一般风险）',
  C: 'C 类（较高风险）',
  D: 'D 类（高风险）',
};

export const EnterpriseSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  uscc: z.string().nullable(),
  entityType: z.enum(entityTypes),
  legalRep: z.string().nullable(),
  address: z.string().nullable(),
  townshipCode: z.string().nullable(),
  townshipName: z.string().nullable(),
  status: z.enum(businessStatuses),
  supervisionClass: z.enum(supervisionClasses),
  creditClass: z.enum(creditClasses).nullable(),
});
export type EnterpriseSummary = z.infer<typeof EnterpriseSummary>;

export const EnterpriseListInput = z.object({
  page: z.number().int().min(1).default(1).describe('页码'),
  pageSize: z.number().int().min(1).max(500).default(50).describe('每页条数'),
});
export type EnterpriseListInput = z.input<typeof EnterpriseListInput>;

export const EnterpriseList = z.object({ total: z.number().int(), rows: z.array(EnterpriseSummary) });
export type EnterpriseList = z.infer<typeof EnterpriseList>;
