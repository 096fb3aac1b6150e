// Every API method: its name, kind, input schema and output schema. This object is the one list
// of method names: the IPC binding, the preload allow-list, the HTTP routes and the renderer
// client are all derived from it.
import { z } from 'zod';
import { DivisionNode, Township } from './divisions';
import {
  DeadlineRules, Dossier, DossierInput, DossierRecord, DueList, DueListInput, RecordCreateInput, RecordId, RecordSaved,
  RecordUpdateInput, RecordVoidInput,
} from './dossier';
import { DossierExportInput, DossierExportResult } from './dossier-export';
import {
  ArchiveInput, CodeCheckInput, CodeCheckResult, DuplicateList, DuplicateListInput, Enterprise, EnterpriseHistory,
  EnterpriseId, EnterpriseSaveInput, EnterpriseSaved, EnterpriseSearchInput, EnterpriseSearchResult,
  EnterpriseUpdateInput, MergeInput, MergeResult, PairInput, TagCount,
} from './enterprise';
import { ExportInput, ExportResult, ImportInput, ImportPreview, ImportPreviewInput, ImportResult } from './import';
import { IndustryNode, ProductItem, ProductSaveInput } from './reference';
import { JobId, JobInfo, JobRef } from './jobs';
import { OfficeSettings, OfficeSettingsInput, countyCode } from './office';
import { AuditEntry, AuditListInput, DemoInput, DemoResult, SystemInfo } from './system';
import './validation';

/** query: reads only · mutation: one transaction with its audit row · job: long work, returns a job id */
export type MethodKind = 'query' | 'mutation' | 'job';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: MethodKind;
  /** What the method does, in Chinese, for logs, audit and error messages. */
  title: string;
  input: I;
  output: O;
  /** For jobs: the shape of the finished job's result. */
  result?: z.ZodType;
}

const empty = z.object({}).strict();

const query = <I extends z.ZodType, O extends z.ZodType>(title: string, input: I, output: O): MethodDef<I, O> => ({
  kind: 'query',
  title,
  input,
  output,
});
const mutation = <I extends z.ZodType, O extends z.ZodType>(title: string, input: I, output: O): MethodDef<I, O> => ({
  kind: 'mutation',
  title,
  input,
  output,
});
const job = <I extends z.ZodType>(title: string, input: I, result: z.ZodType): MethodDef<I, typeof JobRef> => ({
  kind: 'job',
  title,
  input,
  output: JobRef,
  result,
});

export const contract = {
  'system.info': query('读取系统信息', empty, SystemInfo),

  'settings.getOffice': query('读取本单位设置', empty, OfficeSettings.nullable()),
  'settings.saveOffice': mutation('保存本单位设置', OfficeSettingsInput.strict(), OfficeSettings),

  'divisions.counties': query('读取县级行政区划', empty, z.array(DivisionNode)),
  'divisions.townships': query('读取乡镇（街道）', z.object({ countyCode }).strict(), z.array(Township)),

  'enterprises.search': query('查找企业', EnterpriseSearchInput, EnterpriseSearchResult),
  'enterprises.get': query('查看企业', EnterpriseId, Enterprise),
  'enterprises.checkCode': query('核对统一社会信用代码', CodeCheckInput, CodeCheckResult),
  'enterprises.create': mutation('新增企业', EnterpriseSaveInput, EnterpriseSaved),
  'enterprises.update': mutation('修改企业信息', EnterpriseUpdateInput, EnterpriseSaved),
  'enterprises.archive': mutation('归档企业', ArchiveInput, Enterprise),
  'enterprises.restore': mutation('恢复归档的企业', ArchiveInput, Enterprise),
  'enterprises.revealIdNumber': mutation('查看完整证件号码', EnterpriseId, z.object({ idNumber: z.string().nullable() })),
  'enterprises.history': query('查看企业的修改记录', EnterpriseId, EnterpriseHistory),
  'enterprises.tags': query('读取企业标签', empty, z.array(TagCount)),
  'enterprises.duplicates': query('查看疑似重复的企业', DuplicateListInput, DuplicateList),
  'enterprises.dismissDuplicate': mutation('标记为不是重复', PairInput, z.object({ ok: z.literal(true) })),
  'enterprises.merge': mutation('合并重复的企业', MergeInput, MergeResult),
  'enterprises.importPreview': query('预览导入文件', ImportPreviewInput, ImportPreview),
  'enterprises.import': job('导入企业名录', ImportInput, ImportResult),
  'enterprises.export': job('导出企业名录', ExportInput, ExportResult),

  'dossier.get': query('查看企业档案', DossierInput, Dossier),
  'dossier.record': query('查看档案记录', RecordId, DossierRecord),
  'dossier.create': mutation('新增档案记录', RecordCreateInput, RecordSaved),
  'dossier.update': mutation('修改档案记录', RecordUpdateInput, RecordSaved),
  'dossier.void': mutation('作废档案记录', RecordVoidInput, DossierRecord),
  'dossier.export': job('导出企业档案', DossierExportInput, DossierExportResult),
  'deadlines.due': query('查看到期事项', DueListInput, DueList),
  'settings.getDeadlineRules': query('读取期限设置', empty, DeadlineRules),
  'settings.saveDeadlineRules': mutation('保存期限设置', DeadlineRules, DeadlineRules),

  'reference.industries': query('读取国民经济行业分类', empty, z.array(IndustryNode)),
  'reference.products': query('读取重点工业产品目录', empty, z.array(ProductItem)),
  'reference.saveProduct': mutation('修改重点工业产品目录', ProductSaveInput, ProductItem),

  'audit.list': query('查看操作记录', AuditListInput.strict(), z.array(AuditEntry)),

  'jobs.list': query('查看任务', empty, z.array(JobInfo)),
  'jobs.get': query('查看任务进度', JobId.strict(), JobInfo),
  'jobs.cancel': mutation('取消任务', JobId.strict(), JobInfo),

  'demo.generate': job('生成演示数据', DemoInput.strict(), DemoResult),
} as const satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.hasOwn(contract, name);
