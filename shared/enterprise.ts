// The enterprise (市场主体) as the registry keeps it. Codes are stored, names are shown.
import { z } from 'zod';
import { AuditEntry } from './system';
import { isoDate } from './dates';
import { checkIdNumber } from './idcard';

export const entityTypes = ['企业', '个体工商户', '农民专业合作社', '其他'] as const;
export const businessStatuses = ['存续', '停业', '注销', '吊销', '迁出'] as const;
/** 分类监管 */
export const supervisionClasses = ['严管', '专管', '普通'] as const;
/** 信用风险分类: A 低, B 一般, C 较高, D 高 */
export const creditClasses = ['A', 'B', 'C', 'D'] as const;
/** How an enterprise without a credit risk class is shown and exported. */
export const UNCLASSIFIED = '未分类';
export const creditClassLabels: Record<(typeof creditClasses)[number], string> = {
  A: 'A 类（低风险）',
  B: 'B 类（一般风险）',
  C: 'C 类（较高风险）',
  D: 'D 类（高风险）',
};
export const licenceKinds = ['生产许可证', 'CCC', '其他'] as const;

// Control characters and zero-width marks come from pasted text and break search and printing.
const CONTROL = /[\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g;

// Anything cleanText would change: a control character, a space other than ' ', two spaces in a
// row, or a space at either end. Most text has none, and testing costs less than rewriting.
const UNCLEAN = /[\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]|[^\S ]|\s\s|^\s|\s$/;

/** Trimmed single-line text with control characters removed; empty becomes null. */
export const cleanText = (raw: string): string => (UNCLEAN.test(raw) ? raw.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim() : raw);

const text = (label: string, max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().max(max))
    .nullable()
    .default(null)
    .transform((v) => (v ? v : null))
    .describe(label);

export const Licence = z.object({
  id: z.number().int().optional(),
  kind: z.enum(licenceKinds).describe('证照类别'),
  number: z.string().transform(cleanText).pipe(z.string().min(1).max(60)).describe('证书编号'),
  scope: text('许可范围', 500),
  validFrom: isoDate.nullable().default(null).describe('有效期起'),
  validTo: isoDate.nullable().default(null).describe('有效期至'),
});
export type Licence = z.infer<typeof Licence>;

export const EnterpriseInput = z
  .object({
    name: z.string().transform(cleanText).pipe(z.string().min(2).max(100)).describe('企业名称'),
    formerNames: z
      .array(z.string().transform(cleanText).pipe(z.string().min(2).max(100)))
      .max(10)
      .default([])
      .describe('曾用名'),
    uscc: text('统一社会信用代码', 40),
    entityType: z.enum(entityTypes).default('企业').describe('主体类型'),
    legalRep: text('法定代表人（负责人）', 50),
    idNumber: text('证件号码', 30).refine((v) => v === null || checkIdNumber(v) === null, {
      error: (iss) => checkIdNumber(String(iss.input)) ?? '证件号码有误',
    }),
    phone: text('联系电话', 40).refine((v) => v === null || /^[0-9０-９+\-()（） /、,，转]{5,40}$/.test(v), {
      error: '只能包含数字、空格和 - + ( ) / 、',
    }),
    address: text('住所（经营场所）', 200),
    townshipCode: z.string().regex(/^\d{9}$/, '应为 9 位乡镇代码').nullable().default(null).describe('乡镇（街道）'),
    grid: text('网格', 50),
    industryCode: z.string().regex(/^\d{2,4}$/, '应为 2–4 位行业代码').nullable().default(null).describe('行业'),
    status: z.enum(businessStatuses).default('存续').describe('登记状态'),
    supervisionClass: z.enum(supervisionClasses).default('普通').describe('监管类别'),
    creditClass: z.enum(creditClasses).nullable().default(null).describe('信用风险分类'),
    establishedOn: isoDate.nullable().default(null).describe('成立日期'),
    riskNotes: z.string().max(1000).nullable().default(null).transform((v) => v?.trim() || null).describe('风险提示'),
    tags: z
      .array(z.string().transform(cleanText).pipe(z.string().min(1).max(20)))
      .max(20)
      .default([])
      .transform((t) => [...new Set(t)])
      .describe('标签'),
    products: z.array(z.string().min(1).max(20)).max(50).default([]).transform((p) => [...new Set(p)]).describe('重点工业产品'),
    licences: z.array(Licence).max(30).default([]).describe('许可证照'),
  })
  .strict();
export type EnterpriseInput = z.input<typeof EnterpriseInput>;
export type EnterpriseData = z.output<typeof EnterpriseInput>;

/** One row of the registry list. */
export const EnterpriseRow = z.object({
  id: z.number().int(),
  name: z.string(),
  uscc: z.string().nullable(),
  entityType: z.enum(entityTypes),
  legalRep: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  townshipCode: z.string().nullable(),
  townshipName: z.string().nullable(),
  industryCode: z.string().nullable(),
  status: z.enum(businessStatuses),
  supervisionClass: z.enum(supervisionClasses),
  creditClass: z.enum(creditClasses).nullable(),
  establishedOn: z.string().nullable(),
  tags: z.array(z.string()),
  archived: z.boolean(),
  updatedAt: z.string(),
});
export type EnterpriseRow = z.infer<typeof EnterpriseRow>;
/** Kept for the pages written against the first list. */
export type EnterpriseSummary = EnterpriseRow;

/** A possible duplicate of an enterprise and why it is suspected. */
export const DuplicateHint = z.object({
  id: z.number().int(),
  name: z.string(),
  uscc: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  reasons: z.array(z.string()),
});
export type DuplicateHint = z.infer<typeof DuplicateHint>;

/** The whole record as the form and the detail page show it. ID number masked. */
export const Enterprise = EnterpriseRow.extend({
  formerNames: z.array(z.string()),
  idNumberMasked: z.string().nullable(),
  grid: z.string().nullable(),
  industryName: z.string().nullable(),
  riskNotes: z.string().nullable(),
  products: z.array(z.object({ id: z.string(), name: z.string() })),
  licences: z.array(Licence.extend({ id: z.number().int() })),
  codeOverrideReason: z.string().nullable(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  mergedInto: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type Enterprise = z.infer<typeof Enterprise>;

export const sortFields = ['relevance', 'name', 'establishedOn', 'updatedAt', 'township', 'creditClass'] as const;
export const sortFieldLabels: Record<(typeof sortFields)[number], string> = {
  relevance: '匹配程度',
  name: '名称（拼音）',
  establishedOn: '成立日期',
  updatedAt: '最近修改',
  township: '乡镇',
  creditClass: '信用风险分类',
};

/** What narrows the registry list; shared by the list, the count and the export. */
export const EnterpriseFilter = z
  .object({
    q: z.string().max(100).default('').transform((s) => cleanText(s)).describe('搜索'),
    townshipCodes: z.array(z.string().regex(/^\d{9}$/)).max(100).default([]).describe('乡镇（街道）'),
    supervisionClasses: z.array(z.enum(supervisionClasses)).default([]).describe('监管类别'),
    /** 'none' selects enterprises not yet classified. */
    creditClasses: z.array(z.enum([...creditClasses, 'none'])).default([]).describe('信用风险分类'),
    statuses: z.array(z.enum(businessStatuses)).default([]).describe('登记状态'),
    entityTypes: z.array(z.enum(entityTypes)).default([]).describe('主体类型'),
    /** A 门类 letter, or a 2–4 digit code (matches its sub-classes). */
    industry: z.string().regex(/^([A-T]|\d{2,4})$/, '应为行业门类字母或 2–4 位行业代码').nullable().default(null).describe('行业'),
    tags: z.array(z.string().max(20)).max(20).default([]).describe('标签'),
    productId: z.string().max(20).nullable().default(null).describe('重点工业产品'),
    licenceExpiringDays: z.number().int().min(0).max(3650).nullable().default(null).describe('证照到期天数'),
    archived: z.enum(['active', 'archived', 'all']).default('active').describe('归档'),
  })
  .strict();
export type EnterpriseFilterInput = z.input<typeof EnterpriseFilter>;
export type EnterpriseFilter = z.output<typeof EnterpriseFilter>;

export const EnterpriseSearchInput = z
  .object({
    filter: EnterpriseFilter.default(EnterpriseFilter.parse({})),
    sort: z.enum(sortFields).default('relevance').describe('排序'),
    order: z.enum(['asc', 'desc']).default('asc').describe('顺序'),
    offset: z.number().int().min(0).default(0).describe('起始行'),
    limit: z.number().int().min(1).max(500).default(100).describe('条数'),
  })
  .strict();
export type EnterpriseSearchInput = z.input<typeof EnterpriseSearchInput>;

export const EnterpriseSearchResult = z.object({
  total: z.number().int(),
  rows: z.array(EnterpriseRow),
  tookMs: z.number(),
});
export type EnterpriseSearchResult = z.infer<typeof EnterpriseSearchResult>;

export const EnterpriseId = z.object({ id: z.number().int().min(1).describe('企业编号') }).strict();

const reason = z.string().transform(cleanText).pipe(z.string().min(2).max(500)).describe('原因');

export const EnterpriseSaveInput = z
  .object({
    data: EnterpriseInput,
    /** Required when the credit code fails its check but the clerk knows it is genuine. */
    codeOverrideReason: reason.nullable().default(null).describe('代码校验不通过的说明'),
  })
  .strict();
export const EnterpriseUpdateInput = EnterpriseSaveInput.extend({
  id: z.number().int().min(1).describe('企业编号'),
  /** The `updatedAt` the form was loaded with; a newer one means someone else saved first. */
  expectedUpdatedAt: z.string().describe('读取时的修改时间'),
  /** Keep the stored ID number (the form never saw it in full); `data.idNumber` is then ignored. */
  keepIdNumber: z.boolean().default(false).describe('保留原证件号码'),
}).strict();

export const EnterpriseSaved = z.object({ enterprise: Enterprise, duplicates: z.array(DuplicateHint) });
export type EnterpriseSaved = z.infer<typeof EnterpriseSaved>;

export const ArchiveInput = EnterpriseId.extend({ reason }).strict();

export const CodeCheckInput = z.object({ code: z.string().max(60).describe('统一社会信用代码'), exceptId: z.number().int().nullable().default(null) }).strict();
export const CodeCheckResult = z.object({
  normalized: z.string(),
  type: z.enum(['uscc', 'regno', 'unknown']),
  problems: z.array(z.object({ kind: z.string(), message: z.string(), expected: z.string().optional() })),
  overridable: z.boolean(),
  existing: z.object({ id: z.number().int(), name: z.string(), archived: z.boolean() }).nullable(),
});

export const EnterpriseHistory = z.array(AuditEntry.extend({ reason: z.string().nullable() }));

export const DuplicatePair = z.object({
  a: DuplicateHint.omit({ reasons: true }),
  b: DuplicateHint.omit({ reasons: true }),
  reasons: z.array(z.string()),
});
export type DuplicatePair = z.infer<typeof DuplicatePair>;
export const DuplicateListInput = z
  .object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) })
  .strict();
export const DuplicateList = z.object({ total: z.number().int(), pairs: z.array(DuplicatePair) });

export const PairInput = z
  .object({ aId: z.number().int().min(1), bId: z.number().int().min(1), reason })
  .strict()
  .refine((v) => v.aId !== v.bId, { error: '不能是同一家企业', path: ['bId'] });
export const MergeInput = z
  .object({
    keepId: z.number().int().min(1).describe('保留的企业'),
    mergeId: z.number().int().min(1).describe('并入的企业'),
    reason,
  })
  .strict()
  .refine((v) => v.keepId !== v.mergeId, { error: '不能把企业并入它自己', path: ['mergeId'] });
export const MergeResult = z.object({ enterprise: Enterprise, moved: z.record(z.string(), z.number().int()) });

export const TagCount = z.object({ tag: z.string(), count: z.number().int() });
