import { describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../shared/dates';
import { contract, methodNames } from '../../shared/contract';
import { callOk, clerk, snapshot, testBackend } from '../../tests/helpers/backend';

describe('the contract API', () => {
  it('answers a bad input with VALIDATION naming the field, and writes nothing', async () => {
    const b = testBackend();
    await callOk(b, 'settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' });
    const before = snapshot(b);
    const r = await b.api.call('settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '4306', docAbbrev: '华市监' }, clerk);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toContain('所在县（区）');
    expect(r.error.details?.['field']).toBe('countyCode');
    expect(snapshot(b)).toBe(before);
  });

  it('refuses unknown fields, wrong types and missing input fields', async () => {
    const b = testBackend();
    const extra = await b.api.call('settings.saveOffice', { name: '某局', countyCode: '430623', docAbbrev: '某市监', admin: true }, clerk);
    expect(!extra.ok && extra.error.message).toContain('admin');
    const missing = await b.api.call('divisions.townships', {}, clerk);
    expect(!missing.ok && missing.error.message).toBe('所在县（区）：必须填写');
    const wrongType = await b.api.call('enterprises.search', { offset: 'one' }, clerk);
    expect(!wrongType.ok && wrongType.error.message).toBe('起始行：类型不对');
    const notObject = await b.api.call('system.info', 'hello', clerk);
    expect(!notObject.ok && notObject.error.code).toBe('VALIDATION');
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const b = testBackend();
    const r = await b.api.call('registry.dropEverything', {}, clerk);
    expect(!r.ok && r.error.code).toBe('UNKNOWN_METHOD');
    const proto = await b.api.call('__proto__', {}, clerk);
    expect(!proto.ok && proto.error.code).toBe('UNKNOWN_METHOD');
  });

  it('saves the office with an audit row holding who, before and after', async () => {
    const b = testBackend();
    const first = await callOk(b, 'settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' });
    expect(first.countyName).toBe('湖南省岳阳市华容县');
    await callOk(b, 'settings.saveOffice', { name: '岳阳市君山区市场监督管理局', countyCode: '430611', docAbbrev: '岳君市监' });
    expect(await callOk(b, 'settings.getOffice', {})).toMatchObject({ countyName: '湖南省岳阳市君山区', docAbbrev: '岳君市监' });
    const audit = await callOk(b, 'audit.list', { entity: 'settings' });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actor: '张干事', method: 'settings.saveOffice', before: { docAbbrev: '华市监' }, after: { docAbbrev: '岳君市监' } });
    expect(audit[1]?.before).toBeNull();
  });

  it('refuses a county code that is not a real division', async () => {
    const b = testBackend();
    const r = await b.api.call('settings.saveOffice', { name: '某县市场监督管理局', countyCode: '999999', docAbbrev: '某市监' }, clerk);
    expect(!r.ok && r.error).toMatchObject({ code: 'VALIDATION', details: { field: 'countyCode' } });
    expect(await callOk(b, 'settings.getOffice', {})).toBeNull();
  });

  it('offers real division data down to townships', async () => {
    const b = testBackend();
    const tree = await callOk(b, 'divisions.counties', {});
    expect(tree.length).toBe(31);
    const towns = await callOk(b, 'divisions.townships', { countyCode: '430623' });
    expect(towns.map((t) => t.name)).toContain('章华镇');
    expect(towns.every((t) => t.code.startsWith('430623'))).toBe(true);
  });

  it('validates every output against the contract', async () => {
    const b = testBackend();
    const started = await callOk(b, 'demo.generate', { enterprises: 50 });
    await b.core.jobs.wait(started.jobId);
    const first = await callOk(b, 'enterprises.get', { id: 1 });
    // Uploads the loop uses, put back after the restore: a restore brings back the backup's file
    // store, which keeps no upload that no record uses yet.
    const uploads: [Buffer, string][] = [];
    const upload = (bytes: Buffer, name: string) => {
      uploads.push([bytes, name]);
      return b.core.files.putBytes(bytes, name);
    };
    const csv = await upload(Buffer.from('企业名称,联系电话\n华容县测试商行,13800000000\n'), '名录.csv');
    const office = { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' };
    const note = (text: string) => ({ enterpriseId: 1, kind: 'note' as const, occurredOn: '2026-03-02', data: { text } });
    const kept = (await callOk(b, 'dossier.create', note('契约测试备注'))).record;
    const voided = (await callOk(b, 'dossier.create', note('待作废的备注'))).record;
    // The demo's campaign (1, drawn, with results) and a template copy to edit.
    const demoCampaign = await callOk(b, 'campaigns.get', { id: 1 });
    const copy = await callOk(b, 'campaignTemplates.copy', { id: 'phosphate-detergent', name: '契约测试模板' });
    const [firstResult] = await callOk(b, 'campaigns.results', { campaignId: 1 });
    if (!firstResult) throw new Error('the demo campaign has no results');
    const templateFile = await upload(
      Buffer.from(JSON.stringify({ format: 'qingbo.campaign-template', formatVersion: 1, template: { ...copy.definition, name: '契约测试导入' } })),
      '模板.json',
    );
    const today = todayInChina();
    // Report formats: a copy to edit, a format file to import, a sent table, and two county packages
    // (one imported already, the other of another period for the import call).
    const reportCopy = await callOk(b, 'reports.copy', { id: 'phosphate-progress', name: '契约测试报表' });
    const formatFile = await upload(
      Buffer.from(JSON.stringify({ format: 'qingbo.report-format', formatVersion: 1, report: { ...reportCopy.definition, name: '契约测试导入报表' } })),
      '报表格式.json',
    );
    const reportParams = { formatId: 'phosphate-progress', campaignId: 1, from: demoCampaign.startsOn, to: today };
    const sentJob = await callOk(b, 'reports.export', { params: reportParams, confirmFindings: true });
    const sentDone = await b.core.jobs.wait(sentJob.jobId);
    const sentId = (sentDone.result as { id: number }).id;
    const packageA = await callOk(b, 'reports.exportPackage', { campaignId: 1, from: demoCampaign.startsOn, to: today });
    const packageB = await callOk(b, 'reports.exportPackage', { campaignId: 1, from: demoCampaign.startsOn, to: addDays(demoCampaign.startsOn, 6) });
    const importedA = await callOk(b, 'reports.importPackage', { file: packageA.file.sha256 });
    // Two issued notices: one to void, one to record the service of.
    const risk = { type: 'riskReminder' as const, enterpriseId: 1, fields: { risk: '销售含磷洗涤用品', content: '请立即自查下架。' } };
    const toVoid = await callOk(b, 'notices.issue', risk);
    const toServe = await callOk(b, 'notices.issue', risk);
    const riskTemplate = (await callOk(b, 'notices.templates', {})).find((t) => t.type === 'riskReminder')!;
    // A backup of the state the loop starts from: restoring it in the loop changes nothing later calls rely on.
    const backupJob = await callOk(b, 'backups.create', {});
    const backup = (await b.core.jobs.wait(backupJob.jobId)).result as { name: string };
    const inputs: Partial<Record<string, unknown>> = {
      // Encrypted early in the loop: every later call works on the encrypted database.
      'system.setEncryption': { current: null, next: 'contract-test-key', remember: false },
      'system.unlock': { password: 'contract-test-key' },
      'backups.verify': { name: backup.name },
      'backups.restore': { name: backup.name },
      'backups.saveSettings': { folder: null, keepDaily: 10, keepWeekly: 4, keepMonthly: 12, keepOtherDays: 90 },
      'notices.saveTemplate': { type: 'riskReminder', text: `${riskTemplate.text}\n联系电话：0730-4221234` },
      'notices.resetTemplate': { type: 'riskReminder' },
      'notices.prepare': { type: 'correctionOrder', enterpriseId: 1 },
      'notices.preview': risk,
      'notices.issue': risk,
      'notices.get': { id: toVoid.id },
      'notices.void': { id: toVoid.id, reason: '契约测试' },
      'notices.recordService': { id: toServe.id, service: { method: '直接送达', servedOn: today, recipient: '王建国', server: '李明' } },
      'notices.bulkIssue': { type: 'riskReminder', enterpriseIds: [1, 2], fields: risk.fields },
      'campaignTemplates.get': { id: 'phosphate-detergent' },
      'campaignTemplates.save': { id: copy.id, expectedUpdatedAt: copy.updatedAt, definition: { ...copy.definition, description: '改过的说明' } },
      'campaignTemplates.copy': { id: 'e-bike', name: '电动自行车（副本）' },
      'campaignTemplates.archive': { id: 'e-bike', archived: true },
      'campaignTemplates.import': { file: templateFile.sha256 },
      'campaignTemplates.export': { id: 'phosphate-detergent' },
      'inspectors.save': { data: { name: '契约测试', unit: '华容县市场监督管理局', certNo: 'TEST0001' } },
      'campaigns.get': { id: 1 },
      'campaigns.create': { templateId: 'phosphate-detergent', name: '契约测试专项', startsOn: '2026-01-01', endsOn: '2026-12-31' },
      'campaigns.update': {
        id: 1, expectedUpdatedAt: demoCampaign.updatedAt, name: demoCampaign.name, docRef: demoCampaign.docRef, startsOn: demoCampaign.startsOn,
        endsOn: demoCampaign.endsOn, parameters: { phosphorusLimit: 1.2 }, status: '进行中',
      },
      'campaigns.applyScope': { campaignId: 1, scope: demoCampaign.scope, reason: '契约测试' },
      'campaigns.targets': { campaignId: 1 },
      'campaigns.addTargets': { campaignId: 1, enterpriseIds: [1], reason: '契约测试' },
      'campaigns.removeTargets': { campaignId: 2, enterpriseIds: [3], reason: '契约测试' },
      'campaigns.assign': { campaignId: 1, enterpriseIds: [firstResult.enterpriseId], inspectorIds: firstResult.inspectorIds, reason: '契约测试' },
      'campaigns.changes': { campaignId: 1 },
      'campaigns.draw': { campaignId: 2, params: { mode: 'count', count: 2 }, seed: '0123456789abcdef' },
      'campaigns.draws': { id: 2 },
      'campaigns.drawDetail': { id: 2 },
      'campaigns.verifyDraw': { id: 2 },
      'campaigns.exportDraw': { id: 2 },
      'campaigns.saveResult': {
        campaignId: 1, enterpriseId: firstResult.enterpriseId, inspectedOn: today, inspectorIds: firstResult.inspectorIds,
        answers: firstResult.answers, quantities: firstResult.quantities, result: firstResult.result, attachments: firstResult.attachments,
      },
      'campaigns.results': { campaignId: 1 },
      'campaigns.result': { id: firstResult.id },
      'campaigns.progress': { campaignId: 1 },
      'campaigns.tally': { campaignId: 1, from: demoCampaign.startsOn, to: today },
      'campaigns.exportTally': { campaignId: 1, from: demoCampaign.startsOn, to: today },
      'divisions.townships': { countyCode: '430623' },
      'jobs.get': { jobId: started.jobId },
      'jobs.cancel': { jobId: started.jobId },
      'settings.saveOffice': office,
      'demo.generate': { enterprises: 1 },
      'accounts.setup': { username: 'wangli', displayName: '王丽', password: 'correct-horse-1', autoLogin: false },
      'accounts.login': { username: 'wangli', password: 'correct-horse-1' },
      'accounts.changePassword': { oldPassword: 'correct-horse-1', newPassword: 'new-horse-22' },
      'accounts.create': { username: 'lisi', displayName: '李四', role: 'clerk', password: 'initial-pass' },
      'accounts.update': { id: 1, displayName: '王丽丽' },
      'accounts.resetPassword': { id: 2, password: 'another-pass' },
      'accounts.setAutoLogin': { accountId: 1 },
      'enterprises.get': { id: 1 },
      'enterprises.checkCode': { code: first.uscc ?? '91430623MA4L000000' },
      'enterprises.create': { data: { name: '华容县契约测试商行' } },
      'enterprises.update': {
        id: 1,
        data: { name: first.name, phone: '13900000000', supervisionClass: first.supervisionClass, creditClass: first.creditClass },
        expectedUpdatedAt: first.updatedAt,
      },
      'enterprises.archive': { id: 2, reason: '测试归档' },
      'enterprises.restore': { id: 2, reason: '测试恢复' },
      'enterprises.revealIdNumber': { id: 1 },
      'enterprises.history': { id: 1 },
      'enterprises.dismissDuplicate': { aId: 3, bId: 4, reason: '不是同一家' },
      'enterprises.merge': { keepId: 5, mergeId: 6, reason: '测试合并' },
      'enterprises.importPreview': { file: csv.sha256, fileName: '名录.csv' },
      'enterprises.import': { file: csv.sha256, fileName: '名录.csv', headerRow: 1, mapping: { name: 0, phone: 1 }, dryRun: true },
      'dossier.get': { enterpriseId: 1 },
      'dossier.record': { id: kept.id },
      'dossier.create': note('又一条备注'),
      'dossier.update': { id: kept.id, expectedUpdatedAt: kept.updatedAt, kind: 'note', occurredOn: '2026-03-03', data: { text: '改过的备注' } },
      'dossier.void': { id: voided.id, reason: '录重了' },
      'dossier.export': { enterpriseId: 1, format: 'pdf' },
      'settings.saveDeadlineRules': { objection: { days: 15, unit: 'working' } },
      'reports.get': { id: 'phosphate-progress' },
      'reports.save': { id: reportCopy.id, expectedUpdatedAt: reportCopy.updatedAt, definition: { ...reportCopy.definition, description: '改过的说明' } },
      'reports.copy': { id: 'enterprise-directory', name: '企业名录（副本）' },
      'reports.archive': { id: 'random-check-results', archived: true },
      'reports.import': { file: formatFile.sha256 },
      'reports.exportFormat': { id: 'phosphate-progress' },
      'reports.preview': { params: reportParams },
      'reports.check': reportParams,
      'reports.export': { params: reportParams, confirmFindings: true },
      'reports.download': { id: sentId },
      'reports.exportPackage': { campaignId: 1, from: demoCampaign.startsOn, to: today },
      'reports.importPackage': { file: packageB.file.sha256 },
      'reports.withdrawPackage': { id: importedA.id, reason: '契约测试' },
      'reference.saveProduct': { id: null, category: '日用化学制品及卫生用品', name: '洗涤剂' },
    };
    for (const method of methodNames) {
      const r = await b.api.call(method, inputs[method] ?? {}, clerk);
      if (method === 'jobs.cancel' || method === 'system.unlock') {
        expect(!r.ok && r.error.code).toBe('CONFLICT'); // already finished; already open
        continue;
      }
      if (method === 'backups.restore') for (const [bytes, name] of uploads) await b.core.files.putBytes(bytes, name);
      if (method === 'accounts.changePassword') {
        expect(!r.ok && r.error.code).toBe('UNAUTHENTICATED'); // a trusted caller has no password of its own
        continue;
      }
      expect(r.ok, `${method}: ${JSON.stringify(r)}`).toBe(true);
      if (r.ok) expect(contract[method].output.safeParse(r.value).success, method).toBe(true);
      if (contract[method].kind === 'job' && r.ok) {
        const done = await b.core.jobs.wait((r.value as { jobId: string }).jobId);
        expect(done.status, `${method}: ${done.message}`).toBe('succeeded');
        expect(contract[method].result?.safeParse(done.result).success, `${method} result`).toBe(true);
      }
    }
  });
});
