// Reference tables shipped as data: GB/T 4754-2017 industries and the key industrial products list.
import { z } from 'zod';

export const IndustryNode = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int().min(1).max(4),
  parent: z.string().nullable(),
});
export type IndustryNode = z.infer<typeof IndustryNode>;

export const ProductItem = z.object({ id: z.string(), category: z.string(), name: z.string(), builtin: z.boolean(), archived: z.boolean() });
export type ProductItem = z.infer<typeof ProductItem>;

export const ProductSaveInput = z
  .object({
    id: z.string().max(20).nullable().default(null).describe('产品编号'),
    category: z.string().trim().min(2).max(40).describe('产品类别'),
    name: z.string().trim().min(1).max(60).describe('产品名称'),
    archived: z.boolean().default(false).describe('停用'),
  })
  .strict();
