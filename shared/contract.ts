// Every API method: its name, kind, input schema and output schema. This object is the one list
// of method names: the IPC binding, the preload allow-list, the HTTP routes and the renderer
// client are all derived from it.
import { z } from 'zod';
import {
  Account, AccountCreateInput, AccountUpdateInput, AuthStatus, AutoLoginSetting, ChangePasswordInput, LoginInput, LoginResult,
  ResetPasswordInput, SetupInput,
} from './accounts';
import { ApplyScopeInput, ApplyScopeResult, AssignInput, Campaign, CampaignCreateInput, CampaignIdInput, CampaignSummary, CampaignUpdateInput, DrawDetail, DrawIdInput, DrawInput, DrawSummary, DrawVerifyResult, Inspector, InspectorListInput, InspectorSaveInput, TargetChange, TargetChangesInput, TargetList, TargetListInput, TargetsChanged, TargetsChangeInput } from './campaign';
import { CampaignResult, Progress, ProgressInput, ResultIdInput, ResultListInput, ResultSaved, ResultSaveInput, Tally, TallyInput } from './campaign-results';
import { CampaignTemplate, TemplateArchiveInput, TemplateCopyInput, TemplateIdInput, TemplateImportInput, TemplateSaveInput, TemplateSummary } from './campaign-template';
import {
  BackupCreateInput, BackupInfo, BackupNameInput, BackupResult, BackupSettings, BackupSettingsView, BackupVerifyResult, EncryptionSetInput,
  EncryptionStatus, IntegrityReport,
  RestoreResult, UnlockInput,
} from './backup';
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
import { ExportInput, ExportResult, ImportInput, ImportPreview, ImportPreviewInput, ImportResult, StoredFileRef } from './import';
import {
  Notice, NoticeBulkInput, NoticeBulkResult, NoticeDraft, NoticeFillInput, NoticeIdInput, NoticeList, NoticeListInput,
  NoticePrepareInput, NoticeServiceInput, NoticeTemplateInfo, NoticeTemplateSaveInput, NoticeTypeInput, NoticeVoidInput,
} from './notice';
import { IndustryNode, ProductItem, ProductSaveInput } from './reference';
import { CheckResult, PackageExportInput, PackageImportInput, PackageListInput, PackageWithdrawInput, ReportExportInput, ReportFormatArchiveInput, ReportFormatCopyInput, ReportFormatIdInput, ReportFormatImportInput, ReportFormatInfo, ReportFormatSaveInput, ReportFormatSummary, ReportPackage, ReportParams, ReportPreview, ReportPreviewInput, SentIdInput, SentList, SentListInput, SentReport, SourceInfo, SourcesInput } from './report';
import { JobId, JobInfo, JobRef } from './jobs';
import { OfficeSettings, OfficeSettingsInput, countyCode } from './office';
import { AuditEntry, AuditListInput, AuditPage, AuditVerifyResult, DemoInput, DemoResult, SystemInfo } from './system';
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
  'system.integrity': query('读取数据检查结果', empty, IntegrityReport),
  'system.unlock': mutation('打开加密的数据库', UnlockInput, z.object({ unlocked: z.literal(true) })),
  'system.encryption': query('读取数据库加密状态', empty, EncryptionStatus),
  'system.setEncryption': mutation('设置数据库加密', EncryptionSetInput, EncryptionStatus),

  'backups.list': query('查看备份', empty, z.array(BackupInfo)),
  'backups.create': job('备份数据', BackupCreateInput, BackupResult),
  'backups.verify': query('校验备份', BackupNameInput, BackupVerifyResult),
  'backups.restore': mutation('从备份恢复', BackupNameInput, RestoreResult),
  'backups.getSettings': query('读取备份设置', empty, BackupSettingsView),
  'backups.saveSettings': mutation('保存备份设置', BackupSettings.strict(), BackupSettingsView),

  'accounts.status': query('读取登录状态', empty, AuthStatus),
  'accounts.setup': mutation('创建管理员', SetupInput, LoginResult),
  'accounts.login': mutation('登录', LoginInput, LoginResult),
  'accounts.logout': mutation('退出登录', empty, z.object({ ok: z.literal(true) })),
  'accounts.changePassword': mutation('修改自己的密码', ChangePasswordInput, Account),
  'accounts.list': query('查看用户', empty, z.array(Account)),
  'accounts.create': mutation('新增用户', AccountCreateInput, Account),
  'accounts.update': mutation('修改用户', AccountUpdateInput, Account),
  'accounts.resetPassword': mutation('重设用户密码', ResetPasswordInput, Account),
  'accounts.getAutoLogin': query('读取本机自动登录设置', empty, AutoLoginSetting),
  'accounts.setAutoLogin': mutation('设置本机自动登录', AutoLoginSetting, AutoLoginSetting),

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

  'campaignTemplates.list': query('查看专项检查模板', empty, z.array(TemplateSummary)),
  'campaignTemplates.get': query('读取专项检查模板', TemplateIdInput, CampaignTemplate),
  'campaignTemplates.save': mutation('保存专项检查模板', TemplateSaveInput, CampaignTemplate),
  'campaignTemplates.copy': mutation('复制专项检查模板', TemplateCopyInput, CampaignTemplate),
  'campaignTemplates.archive': mutation('停用或恢复专项检查模板', TemplateArchiveInput, CampaignTemplate),
  'campaignTemplates.import': mutation('导入专项检查模板', TemplateImportInput, CampaignTemplate),
  'campaignTemplates.export': mutation('导出专项检查模板', TemplateIdInput, StoredFileRef),

  'inspectors.list': query('查看执法人员', InspectorListInput, z.array(Inspector)),
  'inspectors.save': mutation('保存执法人员', InspectorSaveInput, Inspector),

  'campaigns.list': query('查看专项整治', empty, z.array(CampaignSummary)),
  'campaigns.get': query('查看专项', CampaignIdInput, Campaign),
  'campaigns.create': mutation('新建专项', CampaignCreateInput, Campaign),
  'campaigns.update': mutation('修改专项', CampaignUpdateInput, Campaign),
  'campaigns.applyScope': mutation('按范围生成检查对象', ApplyScopeInput, ApplyScopeResult),
  'campaigns.targets': query('查看检查对象', TargetListInput, TargetList),
  'campaigns.addTargets': mutation('添加检查对象', TargetsChangeInput, TargetsChanged),
  'campaigns.removeTargets': mutation('移出检查对象', TargetsChangeInput, TargetsChanged),
  'campaigns.assign': mutation('分配执法人员', AssignInput, TargetsChanged),
  'campaigns.changes': query('查看抽取后的变更', TargetChangesInput, z.array(TargetChange)),
  'campaigns.draw': mutation('双随机抽取', DrawInput, DrawDetail),
  'campaigns.draws': query('查看抽取记录', CampaignIdInput, z.array(DrawSummary)),
  'campaigns.drawDetail': query('查看抽取结果', DrawIdInput, DrawDetail),
  'campaigns.verifyDraw': query('复核抽取结果', DrawIdInput, DrawVerifyResult),
  'campaigns.exportDraw': mutation('导出抽取结果公示表', DrawIdInput, StoredFileRef),
  'campaigns.saveResult': mutation('录入检查结果', ResultSaveInput, ResultSaved),
  'campaigns.results': query('查看检查结果', ResultListInput, z.array(CampaignResult)),
  'campaigns.result': query('读取检查结果', ResultIdInput, CampaignResult),
  'campaigns.progress': query('查看专项进度', ProgressInput, Progress),
  'campaigns.tally': query('统计专项数据', TallyInput, Tally),
  'campaigns.exportTally': mutation('导出专项统计表', TallyInput, StoredFileRef),

  'notices.templates': query('查看文书模板', empty, z.array(NoticeTemplateInfo)),
  'notices.saveTemplate': mutation('修改文书模板', NoticeTemplateSaveInput, NoticeTemplateInfo),
  'notices.resetTemplate': mutation('恢复默认文书模板', NoticeTypeInput, NoticeTemplateInfo),
  'notices.prepare': query('准备文书内容', NoticePrepareInput, NoticeDraft),
  'notices.preview': query('预览文书', NoticeFillInput, StoredFileRef),
  'notices.issue': mutation('出具文书', NoticeFillInput, Notice),
  'notices.list': query('查看文书', NoticeListInput, NoticeList),
  'notices.get': query('读取文书', NoticeIdInput, Notice),
  'notices.void': mutation('作废文书', NoticeVoidInput, Notice),
  'notices.recordService': mutation('登记送达', NoticeServiceInput, Notice),
  'notices.bulkIssue': job('批量出具文书', NoticeBulkInput, NoticeBulkResult),

  'reports.sources': query('读取报表数据来源', SourcesInput, z.array(SourceInfo)),
  'reports.list': query('查看报表格式', empty, z.array(ReportFormatSummary)),
  'reports.get': query('读取报表格式', ReportFormatIdInput, ReportFormatInfo),
  'reports.save': mutation('保存报表格式', ReportFormatSaveInput, ReportFormatInfo),
  'reports.copy': mutation('复制报表格式', ReportFormatCopyInput, ReportFormatInfo),
  'reports.archive': mutation('停用或恢复报表格式', ReportFormatArchiveInput, ReportFormatInfo),
  'reports.import': mutation('导入报表格式', ReportFormatImportInput, ReportFormatInfo),
  'reports.exportFormat': mutation('导出报表格式文件', ReportFormatIdInput, StoredFileRef),
  'reports.preview': query('预览报表', ReportPreviewInput, ReportPreview),
  'reports.check': query('检查报表数据', ReportParams, CheckResult),
  'reports.export': job('导出报表', ReportExportInput, SentReport),
  'reports.sent': query('查看报送记录', SentListInput, SentList),
  'reports.download': query('下载报送的报表', SentIdInput, StoredFileRef),
  'reports.packages': query('查看数据包', PackageListInput, z.array(ReportPackage)),
  'reports.exportPackage': mutation('导出上报数据包', PackageExportInput, ReportPackage),
  'reports.importPackage': mutation('导入县级数据包', PackageImportInput, ReportPackage),
  'reports.withdrawPackage': mutation('撤下数据包', PackageWithdrawInput, ReportPackage),

  'reference.industries': query('读取国民经济行业分类', empty, z.array(IndustryNode)),
  'reference.products': query('读取重点工业产品目录', empty, z.array(ProductItem)),
  'reference.saveProduct': mutation('修改重点工业产品目录', ProductSaveInput, ProductItem),

  'audit.list': query('查看操作记录', AuditListInput.strict(), z.array(AuditEntry)),
  'audit.search': query('查找操作记录', AuditListInput.strict(), AuditPage),
  'audit.verify': query('校验操作记录链', empty, AuditVerifyResult),

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
