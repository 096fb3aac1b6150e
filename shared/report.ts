// Report exports: the contract's inputs and outputs (formats, checks and findings, the 报送记录 of
// every table sent), the county → city exchange packages, and the period presets.
import { z } from 'zod';
import { addDays, isoDate, todayInChina } from './dates';
import { EnterpriseFilter } from './enterprise';
import { StoredFileRef } from './import';
import { ReportFormatDefinition, reportSources, SourceField } from './report-format';

// ---------------------------------------------------------------------------------------------
// Contract inputs and outputs

const formatId = z.string().min(1).max(60).describe('报表格式');
const sha = z.string().regex(/^[0-9a-f]{64}$/, '文件编号无效，请重新选择文件').describe('文件');

export const ReportFormatInfo = z.object({
  id: z.string(),
  builtin: z.boolean(),
  archived: z.boolean(),
  /** Raised on every save; each export records the version it used. */
  version: z.number().int(),
  updatedAt: z.string(),
  definition: ReportFormatDefinition,
});
export type ReportFormatInfo = z.infer<typeof ReportFormatInfo>;

export const ReportFormatSummary = z.object({
  id: z.string(),
  name: z.string(),
  source: z.enum(reportSources),
  builtin: z.boolean(),
  archived: z.boolean(),
  version: z.number().int(),
  columns: z.number().int(),
  updatedAt: z.string(),
});
export type ReportFormatSummary = z.infer<typeof ReportFormatSummary>;

export const ReportFormatIdInput = z.object({ id: formatId }).strict();
export const ReportFormatSaveInput = z
  .object({ id: formatId, expectedUpdatedAt: z.string().describe('读取时的修改时间'), definition: ReportFormatDefinition })
  .strict();
export const ReportFormatCopyInput = z.object({ id: formatId, name: z.string().trim().min(1, '请填写新报表名称').max(80).describe('新报表名称') }).strict();
export const ReportFormatArchiveInput = z.object({ id: formatId, archived: z.boolean() }).strict();
export const ReportFormatImportInput = z.object({ file: sha }).strict();

export const SourceInfo = z.object({
  source: z.enum(reportSources),
  label: z.string(),
  fields: z.array(SourceField),
  /** What an export of this source needs: a campaign, a period. */
  needsCampaign: z.boolean(),
  needsPeriod: z.boolean(),
});
export const SourcesInput = z
  .object({ templateId: z.string().max(60).nullable().default(null).describe('专项模板') })
  .strict();

/** What a table is made of: the format, campaign, period, roll-up and footer fill-ins. */
export const ReportParams = z
  .object({
    formatId,
    campaignId: z.number().int().positive().nullable().default(null).describe('专项'),
    from: isoDate.nullable().default(null).describe('开始日期'),
    to: isoDate.nullable().default(null).describe('结束日期'),
    /** City office: sum the imported county packages of this period, one row per county. */
    rollup: z.boolean().default(false).describe('汇总各县数据'),
    /** Roll-up: only these packages (default: every package in force of the period). */
    packageIds: z.array(z.number().int().positive()).max(200).nullable().default(null).describe('汇总的数据包'),
    /** registry: which enterprises. */
    filter: EnterpriseFilter.nullable().default(null).describe('筛选条件'),
    preparer: z.string().trim().max(20).nullable().default(null).describe('填报人'),
    phone: z.string().trim().max(30).nullable().default(null).describe('联系电话'),
  })
  .strict()
  .refine((p) => !p.from || !p.to || p.to >= p.from, { path: ['to'], message: '结束日期不能早于开始日期' });
export type ReportParams = z.output<typeof ReportParams>;
export type ReportParamsInput = z.input<typeof ReportParams>;

/** A check made before export. `row` is the row number in the written sheet (null: the whole table). */
export const Finding = z.object({
  level: z.enum(['error', 'warning']),
  row: z.number().int().nullable(),
  /** The column's header text (null: the whole row). */
  column: z.string().nullable(),
  message: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const CheckResult = z.object({ rowCount: z.number().int(), findings: z.array(Finding) });
export type CheckResult = z.infer<typeof CheckResult>;

/** A header cell with its merge (rows and columns spanned), for the preview. */
export const HeaderCell = z.object({ text: z.string(), row: z.number().int(), col: z.number().int(), rowSpan: z.number().int(), colSpan: z.number().int() });
export type HeaderCell = z.infer<typeof HeaderCell>;
export const ReportPreview = z.object({
  title: z.array(z.string()),
  header: z.array(HeaderCell),
  headerRows: z.number().int(),
  columnWidths: z.array(z.number()),
  /** Cells as written (labels for codes, rounded numbers); the first `limit` rows and the 合计 row. */
  rows: z.array(z.object({ sheetRow: z.number().int(), total: z.boolean(), cells: z.array(z.union([z.string(), z.number()]).nullable()) })),
  rowCount: z.number().int(),
  footer: z.array(z.string()),
  findings: z.array(Finding),
});
export type ReportPreview = z.infer<typeof ReportPreview>;
export const ReportPreviewInput = z.object({ params: ReportParams.describe('报表参数'), limit: z.number().int().min(1).max(500).default(100) }).strict();

export const ReportExportInput = z
  .object({
    params: ReportParams.describe('报表参数'),
    /** Default: the format's own output type. */
    type: z.enum(['xlsx', 'csv']).nullable().default(null).describe('文件类型'),
    /** Export even though the checks found problems (the findings are kept with the export). */
    confirmFindings: z.boolean().default(false).describe('确认问题后仍导出'),
  })
  .strict();

/** 报送记录: one table sent, kept byte for byte. */
export const SentReport = z.object({
  id: z.number().int(),
  formatId: z.string(),
  formatName: z.string(),
  formatVersion: z.number().int(),
  formatSha256: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  fileType: z.enum(['xlsx', 'csv']),
  file: StoredFileRef,
  rowCount: z.number().int(),
  findings: z.array(Finding),
  rollup: z.boolean(),
  exportedBy: z.string(),
  exportedAt: z.string(),
});
export type SentReport = z.infer<typeof SentReport>;
export const SentListInput = z
  .object({
    formatId: z.string().max(60).nullable().default(null).describe('报表格式'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export const SentList = z.object({ total: z.number().int(), rows: z.array(SentReport) });
export const SentIdInput = z.object({ id: z.number().int().positive().describe('报送记录') }).strict();

// ---------------------------------------------------------------------------------------------
// Exchange packages (county → city)

export const PACKAGE_FORMAT = 'qingbo-report-package';
export const PACKAGE_FORMAT_VERSION = 1;

export const PackagePart = z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0) }).strict();
export const PackageManifest = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
    office: z.object({ name: z.string(), countyCode: z.string().regex(/^\d{6}$/), countyName: z.string() }).strict(),
    period: z.object({ from: isoDate, to: isoDate }).strict(),
    campaigns: z.array(z.object({ id: z.number().int(), name: z.string(), templateId: z.string() }).strict()),
    createdAt: z.string(),
    createdBy: z.string(),
    appVersion: z.string(),
    /** The formats (id + version) this data serves. */
    formats: z.array(z.object({ id: z.string(), version: z.number().int(), source: z.enum(reportSources) }).strict()),
    parts: z.array(PackagePart),
  })
  .strict();
export type PackageManifest = z.infer<typeof PackageManifest>;

export const ReportPackage = z.object({
  id: z.number().int(),
  direction: z.enum(['exported', 'imported']),
  officeCode: z.string(),
  officeName: z.string(),
  countyName: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  campaigns: z.array(z.object({ name: z.string(), templateId: z.string() })),
  manifestSha256: z.string(),
  file: StoredFileRef,
  withdrawnAt: z.string().nullable(),
  actor: z.string(),
  at: z.string(),
});
export type ReportPackage = z.infer<typeof ReportPackage>;

export const PackageListInput = z
  .object({
    direction: z.enum(['exported', 'imported']).nullable().default(null).describe('方向'),
    includeWithdrawn: z.boolean().default(false).describe('含已撤下的'),
  })
  .strict();
export const PackageExportInput = z
  .object({ campaignId: z.number().int().positive().describe('专项'), from: isoDate.describe('开始日期'), to: isoDate.describe('结束日期') })
  .strict()
  .refine((p) => p.to >= p.from, { path: ['to'], message: '结束日期不能早于开始日期' });
export const PackageImportInput = z
  .object({
    file: sha,
    fileName: z.string().max(255).default('数据包.zip'),
    /** A package of the same county and period is already in force: withdraw it and use this one. */
    replace: z.boolean().default(false).describe('替换同期数据包'),
  })
  .strict();
export const PackageWithdrawInput = z
  .object({ id: z.number().int().positive().describe('数据包'), reason: z.string().trim().min(2, '请填写撤下原因').max(500).describe('撤下原因') })
  .strict();

// ---------------------------------------------------------------------------------------------
// Period presets (Asia/Shanghai calendar)

export const PeriodPreset = z.object({ key: z.string(), label: z.string(), from: isoDate, to: isoDate });
export type PeriodPreset = z.infer<typeof PeriodPreset>;

/** 上周 (Monday–Sunday before this week), 本周, 上月, 本月, 本季度, 本年 as of `today` (China's date). */
export function periodPresets(today: string = todayInChina()): PeriodPreset[] {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const monday = addDays(today, -weekday);
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const ym = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, '0')}`;
  const lastDay = (yy: number, mm: number) => addDays(`${ym(mm === 12 ? yy + 1 : yy, mm === 12 ? 1 : mm + 1)}-01`, -1);
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  const q = Math.floor((m - 1) / 3) * 3 + 1;
  return [
    { key: 'lastWeek', label: '上周', from: addDays(monday, -7), to: addDays(monday, -1) },
    { key: 'thisWeek', label: '本周', from: monday, to: addDays(monday, 6) },
    { key: 'lastMonth', label: '上月', from: `${ym(py, pm)}-01`, to: lastDay(py, pm) },
    { key: 'thisMonth', label: '本月', from: `${ym(y, m)}-01`, to: lastDay(y, m) },
    { key: 'thisQuarter', label: '本季度', from: `${ym(y, q)}-01`, to: lastDay(y, q + 2) },
    { key: 'thisYear', label: '本年', from: `${y}-01-01`, to: `${y}-12-31` },
  ];
}
