// Binds each contract method to a service call. Input is parsed with the contract's schema
// before anything else; every outcome leaves as a Result.
import {
  contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput,
} from '../../shared/contract';
import { roleLabels, roleMay } from '../../shared/accounts';
import { AppError, fail, ok, type Result } from '../../shared/errors';
import { methodAccess } from '../../shared/permissions';
import { describeZodError } from '../../shared/validation';
import type { RequestContext } from './context';
import { encryptionStatus, setEncryption } from './backup/encryption';
import { integrityReport, listBackupsOf, restoreByName, startBackupJob, verifyBackupByName } from './backup/service';
import { backupSettingsView, saveBackupSettings } from './backup/settings';
import { listAccounts } from './accounts/repo';
import {
  authStatus, changePassword, createAccount, getAutoLogin, login, logout, resetPassword, setAutoLogin, setupAdmin, updateAccount,
} from './accounts/service';
import { listAudit, searchAudit } from './audit/list';
import { verifyAudit } from './audit/verify';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns/campaigns';
import { drawDetail, drawTargets, listDraws, verifyDraw } from './campaigns/draw';
import { exportDraw } from './campaigns/export-draw';
import { exportTally } from './campaigns/export-tally';
import { listInspectors, saveInspector } from './campaigns/inspectors';
import { campaignProgress } from './campaigns/progress';
import { getResult, listResults, saveResult } from './campaigns/results';
import { campaignTally } from './campaigns/tally';
import { addTargets, applyScope, assignTargets, listTargets, removeTargets, targetChanges } from './campaigns/targets';
import {
  archiveTemplate, copyTemplate, exportTemplate, getTemplate, importTemplate, listTemplates, saveTemplate,
} from './campaigns/templates';
import type { Core } from './core';
import { generateDemo } from './demo/generate';
import { dueList } from './dossier/deadlines';
import { exportDossierJob } from './dossier/export-job';
import { getDossier, getRecord } from './dossier/read';
import { createRecord, updateRecord, voidRecord } from './dossier/records';
import { getDeadlineRules, saveDeadlineRules } from './dossier/rules';
import { countyByCode, countyTree, townshipsOf } from './divisions/divisions';
import { industries } from './reference/industries';
import { listProducts, saveProduct } from './reference/products';
import { dismissDuplicate, listDuplicates, mergeEnterprises } from './registry/duplicates';
import { phoneFor } from './registry/personal';
import { getEnterprise } from './registry/repo';
import {
  archiveEnterprise, createEnterprise, enterpriseHistory, restoreEnterprise, revealIdNumber, updateEnterprise,
} from './registry/save';
import { searchEnterprises, tagCounts } from './registry/search';
import { checkCodeFor } from './registry/validate';
import { exportEnterprisesJob } from './registry/export';
import { importEnterprisesJob, previewImport } from './registry/import';
import { bulkIssueJob } from './notices/bulk';
import { issueNotice, previewNotice, recordService, voidNotice } from './notices/issue';
import { prepareNotice } from './notices/prepare';
import { getNotice, listNotices } from './notices/read';
import { listNoticeTemplates, resetNoticeTemplate, saveNoticeTemplate } from './notices/templates';
import { getOffice, saveOffice } from './settings/office';
import { systemInfo } from './system';
import { checkReport, listSent, previewReport, sentFile, startExport } from './reports/export';
import { listSources } from './reports/fields';
import { archiveFormat, copyFormat, exportFormatFile, getFormat, importFormat, listFormats, saveFormat } from './reports/formats';
import { exportPackage, importPackage, listPackages, withdrawPackage } from './reports/packages';

type Handler<M extends MethodName> = (core: Core, input: ParsedInput<M>, ctx: RequestContext) => MethodOutput<M> | Promise<MethodOutput<M>>;
type Handlers = { [M in MethodName]: Handler<M> };

const handlers: Handlers = {
  'system.info': (core, _input, ctx) => systemInfo(core, ctx),
  'system.integrity': (core) => integrityReport(core),
  'system.unlock': () => {
    throw new AppError('CONFLICT', '数据库已经打开，无需输入数据库密码');
  },
  'system.encryption': (core) => encryptionStatus(core),
  'system.setEncryption': (core, input, ctx) => setEncryption(core, ctx, input),
  'backups.list': (core) => listBackupsOf(core),
  'backups.create': (core, input, ctx) => ({ jobId: startBackupJob(core, ctx, '手动', input.folder).id }),
  'backups.verify': (core, input) => verifyBackupByName(core, input.name),
  'backups.restore': (core, input, ctx) => restoreByName(core, ctx, input.name),
  'backups.getSettings': (core) => backupSettingsView(core),
  'backups.saveSettings': (core, input, ctx) => saveBackupSettings(core, ctx, input),
  'accounts.status': (core, _input, ctx) => authStatus(core, ctx),
  'accounts.setup': (core, input, ctx) => setupAdmin(core, ctx, input),
  'accounts.login': (core, input, ctx) => login(core, ctx, input),
  'accounts.logout': (core, _input, ctx) => logout(core, ctx),
  'accounts.changePassword': (core, input, ctx) => changePassword(core, ctx, input),
  'accounts.list': (core) => listAccounts(core.sqlite),
  'accounts.create': (core, input, ctx) => createAccount(core, ctx, input),
  'accounts.update': (core, input, ctx) => updateAccount(core, ctx, input),
  'accounts.resetPassword': (core, input, ctx) => resetPassword(core, ctx, input),
  'accounts.getAutoLogin': (core) => getAutoLogin(core),
  'accounts.setAutoLogin': (core, input, ctx) => setAutoLogin(core, ctx, input),
  'settings.getOffice': (core) => getOffice(core),
  'settings.saveOffice': (core, input, ctx) => saveOffice(core, ctx, input),
  'divisions.counties': () => countyTree(),
  'divisions.townships': (_core, input) => {
    if (!countyByCode(input.countyCode)) throw new AppError('NOT_FOUND', `找不到区划代码 ${input.countyCode}`);
    return townshipsOf(input.countyCode);
  },
  'enterprises.search': (core, input, ctx) => {
    const result = searchEnterprises(core.sqlite, input);
    return { ...result, rows: result.rows.map((r) => phoneFor(ctx, r)) };
  },
  'enterprises.get': (core, input, ctx) => phoneFor(ctx, getEnterprise(core.sqlite, input.id)),
  'enterprises.checkCode': (core, input) => checkCodeFor(core.sqlite, input.code, input.exceptId),
  'enterprises.create': (core, input, ctx) => createEnterprise(core, ctx, input.data, input.codeOverrideReason),
  'enterprises.update': (core, input, ctx) =>
    updateEnterprise(core, ctx, input.id, input.data, input.codeOverrideReason, input.expectedUpdatedAt, input.keepIdNumber),
  'enterprises.archive': (core, input, ctx) => archiveEnterprise(core, ctx, input.id, input.reason),
  'enterprises.restore': (core, input, ctx) => restoreEnterprise(core, ctx, input.id, input.reason),
  'enterprises.revealIdNumber': (core, input, ctx) => revealIdNumber(core, ctx, input.id),
  'enterprises.history': (core, input) => enterpriseHistory(core, input.id),
  'enterprises.tags': (core) => tagCounts(core.sqlite),
  'enterprises.duplicates': (core, input) => listDuplicates(core.sqlite, input.offset, input.limit),
  'enterprises.dismissDuplicate': (core, input, ctx) => dismissDuplicate(core, ctx, input.aId, input.bId, input.reason),
  'enterprises.merge': (core, input, ctx) => mergeEnterprises(core, ctx, input.keepId, input.mergeId, input.reason),
  'enterprises.importPreview': (core, input) => previewImport(core, input),
  'enterprises.import': (core, input, ctx) => ({ jobId: importEnterprisesJob(core, ctx, input).id }),
  'enterprises.export': (core, input, ctx) => ({ jobId: exportEnterprisesJob(core, ctx, input).id }),
  'dossier.get': (core, input) => getDossier(core.sqlite, input),
  'dossier.record': (core, input) => getRecord(core.sqlite, input.id),
  'dossier.create': (core, input, ctx) => createRecord(core, ctx, input.enterpriseId, input),
  'dossier.update': (core, input, ctx) => updateRecord(core, ctx, input.id, input.expectedUpdatedAt, input),
  'dossier.void': (core, input, ctx) => voidRecord(core, ctx, input.id, input.reason),
  'dossier.export': (core, input, ctx) => ({ jobId: exportDossierJob(core, ctx, input).id }),
  'deadlines.due': (core, input) => dueList(core.sqlite, input),
  'settings.getDeadlineRules': (core) => getDeadlineRules(core.sqlite),
  'settings.saveDeadlineRules': (core, input, ctx) => saveDeadlineRules(core, ctx, input),
  'campaignTemplates.list': (core) => listTemplates(core.sqlite),
  'campaignTemplates.get': (core, input) => getTemplate(core.sqlite, input.id),
  'campaignTemplates.save': (core, input, ctx) => saveTemplate(core, ctx, input),
  'campaignTemplates.copy': (core, input, ctx) => copyTemplate(core, ctx, input.id, input.name),
  'campaignTemplates.archive': (core, input, ctx) => archiveTemplate(core, ctx, input.id, input.archived),
  'campaignTemplates.import': (core, input, ctx) => importTemplate(core, ctx, input.file),
  'campaignTemplates.export': (core, input, ctx) => exportTemplate(core, ctx, input.id),
  'inspectors.list': (core, input) => listInspectors(core.sqlite, input.includeInactive),
  'inspectors.save': (core, input, ctx) => saveInspector(core, ctx, input),
  'campaigns.list': (core) => listCampaigns(core.sqlite),
  'campaigns.get': (core, input) => getCampaign(core.sqlite, input.id),
  'campaigns.create': (core, input, ctx) => createCampaign(core, ctx, input),
  'campaigns.update': (core, input, ctx) => updateCampaign(core, ctx, input),
  'campaigns.applyScope': (core, input, ctx) => applyScope(core, ctx, input),
  'campaigns.targets': (core, input) => listTargets(core.sqlite, input),
  'campaigns.addTargets': (core, input, ctx) => addTargets(core, ctx, input),
  'campaigns.removeTargets': (core, input, ctx) => removeTargets(core, ctx, input),
  'campaigns.assign': (core, input, ctx) => assignTargets(core, ctx, input),
  'campaigns.changes': (core, input) => targetChanges(core.sqlite, input.campaignId),
  'campaigns.draw': (core, input, ctx) => drawTargets(core, ctx, input),
  'campaigns.draws': (core, input) => listDraws(core.sqlite, input.id),
  'campaigns.drawDetail': (core, input) => drawDetail(core.sqlite, input.id),
  'campaigns.verifyDraw': (core, input) => verifyDraw(core.sqlite, input.id),
  'campaigns.exportDraw': (core, input, ctx) => exportDraw(core, ctx, input.id),
  'campaigns.saveResult': (core, input, ctx) => saveResult(core, ctx, input),
  'campaigns.results': (core, input) => listResults(core.sqlite, input),
  'campaigns.result': (core, input) => getResult(core.sqlite, input.id),
  'campaigns.progress': (core, input) => campaignProgress(core.sqlite, input),
  'campaigns.tally': (core, input) => campaignTally(core.sqlite, input),
  'campaigns.exportTally': (core, input, ctx) => exportTally(core, ctx, input),
  'notices.templates': (core) => listNoticeTemplates(core),
  'notices.saveTemplate': (core, input, ctx) => saveNoticeTemplate(core, ctx, input.type, input.text),
  'notices.resetTemplate': (core, input, ctx) => resetNoticeTemplate(core, ctx, input.type),
  'notices.prepare': (core, input) => prepareNotice(core, input),
  'notices.preview': (core, input) => previewNotice(core, input),
  'notices.issue': (core, input, ctx) => issueNotice(core, ctx, input),
  'notices.list': (core, input) => listNotices(core.sqlite, input),
  'notices.get': (core, input) => getNotice(core.sqlite, input.id),
  'notices.void': (core, input, ctx) => voidNotice(core, ctx, input.id, input.reason),
  'notices.recordService': (core, input, ctx) => recordService(core, ctx, input.id, input.service),
  'notices.bulkIssue': (core, input, ctx) => ({ jobId: bulkIssueJob(core, ctx, input).id }),
  'reports.sources': (core, input) => listSources(core.sqlite, input.templateId),
  'reports.list': (core) => listFormats(core.sqlite),
  'reports.get': (core, input) => getFormat(core.sqlite, input.id),
  'reports.save': (core, input, ctx) => saveFormat(core, ctx, input),
  'reports.copy': (core, input, ctx) => copyFormat(core, ctx, input.id, input.name),
  'reports.archive': (core, input, ctx) => archiveFormat(core, ctx, input.id, input.archived),
  'reports.import': (core, input, ctx) => importFormat(core, ctx, input.file),
  'reports.exportFormat': (core, input, ctx) => exportFormatFile(core, ctx, input.id),
  'reports.preview': (core, input) => previewReport(core, input.params, input.limit),
  'reports.check': (core, input) => checkReport(core, input),
  'reports.export': (core, input, ctx) => startExport(core, ctx, input),
  'reports.sent': (core, input) => listSent(core.sqlite, input),
  'reports.download': (core, input) => sentFile(core, input.id),
  'reports.packages': (core, input) => listPackages(core.sqlite, input),
  'reports.exportPackage': (core, input, ctx) => exportPackage(core, ctx, input),
  'reports.importPackage': (core, input, ctx) => importPackage(core, ctx, input),
  'reports.withdrawPackage': (core, input, ctx) => withdrawPackage(core, ctx, input.id, input.reason),
  'reference.industries': () => industries(),
  'reference.products': (core) => listProducts(core.sqlite),
  'reference.saveProduct': (core, input, ctx) => saveProduct(core, ctx, input),
  'audit.list': (core, input) => listAudit(core, input),
  'audit.search': (core, input) => searchAudit(core, input),
  'audit.verify': (core) => verifyAudit(core.sqlite),
  'jobs.list': (core) => core.jobs.list(),
  'jobs.get': (core, input) => core.jobs.get(input.jobId),
  'jobs.cancel': (core, input) => core.jobs.cancel(input.jobId),
  'demo.generate': (core, input, ctx) => {
    const job = core.jobs.start('demo.generate', contract['demo.generate'].title, ctx.actor, input, (jc) =>
      generateDemo(jc, input, core),
    );
    return { jobId: job.id };
  },
};

/** UNAUTHENTICATED or FORBIDDEN when the caller may not call `method`, before its input is even read. */
function refusal(method: MethodName, ctx: RequestContext): Result<never> | null {
  const access = methodAccess[method];
  if (access === 'public') return null;
  if (ctx.role === null) return fail('UNAUTHENTICATED', `请先登录，再「${contract[method].title}」`);
  if (roleMay(ctx.role, access)) return null;
  return fail('FORBIDDEN', `「${roleLabels[ctx.role]}」用户不能「${contract[method].title}」。如需此权限，请联系管理员`, { method, role: ctx.role });
}

export interface Api {
  /** Calls a method by name with untrusted input; never throws. */
  call(method: string, input: unknown, ctx: RequestContext): Promise<Result<unknown>>;
}

/** The API over one backend: the single entry point for IPC, HTTP and the CLI. */
export function createApi(core: Core): Api {
  return {
    async call(method, rawInput, ctx) {
      if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `未知的操作：${String(method).slice(0, 80)}`);
      const def = contract[method];
      const refused = refusal(method, ctx);
      if (refused) return refused;
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const { message, problems } = describeZodError(def.input, parsed.error);
        return fail('VALIDATION', message, { field: problems[0]?.field, problems });
      }
      try {
        const handler = handlers[method] as Handler<MethodName>;
        const value = await handler(core, parsed.data as never, ctx);
        return ok(value);
      } catch (err) {
        if (err instanceof AppError) return { ok: false, error: err.toInfo() };
        const e = err as Error;
        core.log.error('method failed', { method, error: e.stack ?? String(e) });
        return fail('INTERNAL', `「${def.title}」失败：${e.message}。详情已写入日志。`);
      }
    },
  };
}
