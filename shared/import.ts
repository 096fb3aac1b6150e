// Importing the registry from the spreadsheets offices have: the fields a column can map to.
import { z } from 'zod';
import { EnterpriseFilter, sortFields } from './enterprise';

/** The registry fields an imported column can fill, with the label a clerk sees. */
export const enterpriseImportFields = [
  { key: 'name', label: '企业名称', required: true },
  { key: 'uscc', label: '统一社会信用代码' },
  { key: 'entityType', label: '主体类型' },
  { key: 'legalRep', label: '法定代表人（负责人）' },
  { key: 'idNumber', label: '证件号码' },
  { key: 'phone', label: '联系电话' },
  { key: 'address', label: '住所（经营场所）' },
  { key: 'township', label: '乡镇（街道）' },
  { key: 'grid', label: '网格' },
  { key: 'industry', label: '行业' },
  { key: 'status', label: '登记状态' },
  { key: 'establishedOn', label: '成立日期' },
  { key: 'supervisionClass', label: '监管类别' },
  { key: 'creditClass', label: '信用风险分类' },
  { key: 'formerNames', label: '曾用名' },
  { key: 'tags', label: '标签' },
  { key: 'riskNotes', label: '风险提示' },
] as const;

export type ImportFieldKey = (typeof enterpriseImportFields)[number]['key'];
export const importFieldKeys = enterpriseImportFields.map((f) => f.key) as [ImportFieldKey, ...ImportFieldKey[]];
export const ImportFieldKey = z.enum(importFieldKeys);

/** Which column (0-based) fills which field; unmapped fields are absent. */
export const ColumnMapping = z.partialRecord(ImportFieldKey, z.number().int().min(0).max(500));
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** A file the backend holds in its content-addressed store. */
export const StoredFileRef = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
});
export type StoredFileRef = z.infer<typeof StoredFileRef>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, '文件编号无效，请重新选择文件').describe('文件');

export const ImportPreviewInput = z.object({ file: sha256, fileName: z.string().max(255).default('导入文件') }).strict();
export const ImportPreview = z.object({
  format: z.enum(['xlsx', 'xls', 'csv']),
  encoding: z.string().nullable(),
  sheetName: z.string(),
  /** 1-based row number of the header as Excel shows it; null when none was recognised. */
  headerRow: z.number().int().nullable(),
  headers: z.array(z.string()),
  mapping: ColumnMapping,
  /** The first data rows, as read (for the preview table). */
  sample: z.array(z.object({ row: z.number().int(), cells: z.array(z.string().nullable()) })),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportInput = z
  .object({
    file: sha256,
    fileName: z.string().max(255).default('导入文件'),
    headerRow: z.number().int().min(1).max(50).describe('表头所在行'),
    mapping: ColumnMapping.refine((m) => m.name !== undefined, { error: '请指定哪一列是企业名称' }).describe('列对应关系'),
    /** Only check and report: nothing is written. */
    dryRun: z.boolean().default(true).describe('试导入'),
  })
  .strict();
export type ImportInput = z.input<typeof ImportInput>;

export const RejectedRow = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export type RejectedRow = z.infer<typeof RejectedRow>;

export const FieldChange = z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export const ImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(RejectedRow),
  /** Rows whose credit code fails its check but were imported with the file named as the reason. */
  warnings: z.array(RejectedRow),
  /** The first changes to existing enterprises, for review before applying. */
  changes: z.array(z.object({ row: z.number().int(), id: z.number().int(), name: z.string(), fields: z.array(FieldChange) })),
  /** The first rows that are (or would be) new enterprises. */
  added: z.array(z.object({ row: z.number().int(), name: z.string(), uscc: z.string().nullable() })),
  /** The rejected rows as an xlsx with a 原因 column, to fix and import again. */
  rejectedFile: StoredFileRef.nullable(),
  seconds: z.number(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportInput = z
  .object({
    filter: EnterpriseFilter.default(EnterpriseFilter.parse({})),
    /** Show ID numbers in full (personal data: recorded in the audit log). */
    revealPersonal: z.boolean().default(false).describe('导出完整证件号码'),
    /** The order of the list the clerk sees (by name when not given). */
    sort: z.enum(sortFields).default('name').describe('排序'),
    order: z.enum(['asc', 'desc']).default('asc').describe('顺序'),
  })
  .strict();
export const ExportResult = z.object({ rows: z.number().int(), file: StoredFileRef, seconds: z.number() });
export type ExportResult = z.infer<typeof ExportResult>;
