// Issuing official notices for real: a real SQLite file, the file store, the shipped templates and
// Chromium printing the PDFs. Numbers run without gaps, previews and failures use none, issued
// notices are frozen, and every refused write leaves the data as it was.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { todayInChina } from '../../../shared/dates';
import type { NoticeFillInput, NoticeType } from '../../../shared/notice';
import { composeUscc } from '../../../shared/uscc';
import { callOk, clerk, snapshot, testBackend } from '../../../tests/helpers/backend';
import { tempDir } from '../../../tests/helpers/tmp';
import type { Backend } from '../backend';
import { openBackend } from '../backend';
import { createLogger } from '../log';
import { ChromiumPdfRenderer } from '../pdf/chromium';
import type { PdfRenderOptions } from '../pdf/renderer';
import { pageCount } from './combine';

const YEAR = Number(todayInChina().slice(0, 4));
const CODE = composeUscc('91', '430623', 'MA4L0001');
const inFuture = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** The PDF's text as pdftotext reads it (no layout: one line per text line). */
function pdfText(bytes: Buffer): string {
  const file = join(tempDir(), 'n.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function office(b: Backend) {
  await callOk(b, 'settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' });
}

async function enterprise(b: Backend, data: Record<string, unknown> = {}): Promise<number> {
  const saved = await callOk(b, 'enterprises.create', {
    data: {
      name: '华容县鑫源日化有限公司', uscc: CODE, entityType: '企业', legalRep: '王建国', phone: '13907301234',
      address: '湖南省岳阳市华容县章华镇沿河路18号', townshipCode: '430623101', ...data,
    },
  });
  return saved.enterprise.id;
}

/** An office, an enterprise and an open order to correct in its file. */
async function setup(withOffice = true) {
  const b = testBackend();
  if (withOffice) await office(b);
  const enterpriseId = await enterprise(b);
  const saved = await callOk(b, 'dossier.create', {
    enterpriseId, kind: 'rectification', occurredOn: todayInChina(),
    data: { problem: '销售标注含磷（HL-A）的洗衣粉', legalBasis: '《湖南省洞庭湖保护条例》第三十三条', requirement: '立即下架含磷洗涤用品', deadlineOn: inFuture(15) },
  });
  return { b, enterpriseId, recordId: saved.record.id };
}

/** The fill input of an order to correct, from the prepared draft. */
async function orderInput(b: Backend, enterpriseId: number, recordId: number | null, more: Partial<NoticeFillInput> = {}): Promise<NoticeFillInput> {
  const draft = await callOk(b, 'notices.prepare', { type: 'correctionOrder', enterpriseId, recordId });
  return { type: 'correctionOrder', enterpriseId, recordId, fields: { ...draft.fields, finding: (draft.fields['finding'] as string) || '销售不合格产品' }, ...more };
}

const refused = async (b: Backend, method: string, input: unknown) => {
  const r = await b.api.call(method, input, clerk);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
};

describe('issuing notices', () => {
  it('numbers 1, 2, 3 of this year; a preview uses no number; the issued bytes are frozen and filed in the dossier', async () => {
    const { b, enterpriseId, recordId } = await setup();
    const input = await orderInput(b, enterpriseId, recordId);
    expect(input.fields).toMatchObject({ finding: '销售标注含磷（HL-A）的洗衣粉', violated: '《湖南省洞庭湖保护条例》第三十三条', requirement: '立即下架含磷洗涤用品', reviewOrgan: '华容县人民政府', court: '华容县人民法院' });

    const before = snapshot(b);
    const preview = await callOk(b, 'notices.preview', input);
    expect(snapshot(b)).toBe(before);
    const previewText = pdfText(readFileSync(b.core.files.pathOf(preview.sha256)));
    expect(previewText).toContain('预览，未编号');
    expect(previewText).toContain('销售标注含磷（HL-A）的洗衣粉');

    const first = await callOk(b, 'notices.issue', input);
    const second = await callOk(b, 'notices.issue', input);
    await callOk(b, 'notices.preview', input);
    const third = await callOk(b, 'notices.issue', input);
    expect([first, second, third].map((n) => n.number)).toEqual([1, 2, 3].map((n) => `华市监责改〔${YEAR}〕${n}号`));
    expect([first.serial, first.year, first.status, first.recordId]).toEqual([1, YEAR, 'issued', recordId]);

    // Frozen: the stored bytes match their hashes, and every read serves the same bytes.
    const pdf = readFileSync(b.core.files.pathOf(first.pdf.sha256));
    expect(sha(pdf)).toBe(first.pdf.sha256);
    expect(pdfText(pdf)).toContain(`华市监责改〔${YEAR}〕1号`);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(b.core.files.pathOf(first.docx.sha256)).subarray(0, 2).toString()).toBe('PK');
    const again = await callOk(b, 'notices.get', { id: first.id });
    expect(again.pdf).toEqual(first.pdf);
    expect(sha(readFileSync(b.core.files.pathOf(again.pdf.sha256)))).toBe(sha(pdf));
    expect(new Set([first.pdf.sha256, second.pdf.sha256, third.pdf.sha256]).size).toBe(3);
    const stored = b.core.sqlite.prepare('SELECT model, template_sha256 FROM notices WHERE id = ?').get(first.id) as { model: string; template_sha256: string };
    expect(JSON.parse(stored.model)).toMatchObject({ number: first.number, party: { name: '华容县鑫源日化有限公司', code: CODE, licenceName: '营业执照' } });
    expect(stored.template_sha256).toMatch(/^[0-9a-f]{64}$/);

    // The dossier holds a 文书 record per notice with the PDF and DOCX attached.
    const record = await callOk(b, 'dossier.record', { id: first.dossierRecordId });
    expect(record).toMatchObject({ kind: 'notice', sourceId: recordId, data: { noticeId: first.id, type: 'correctionOrder', number: first.number } });
    expect(record.summary).toBe(`文书：责令改正通知书 ${first.number}`);
    expect(record.attachments.map((a) => [a.sha256, a.mime])).toEqual([
      [first.pdf.sha256, 'application/pdf'],
      [first.docx.sha256, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
    const list = await callOk(b, 'notices.list', { type: 'correctionOrder', year: YEAR });
    expect(list.rows.map((n) => n.serial)).toEqual([3, 2, 1]);
    expect((await callOk(b, 'notices.list', { q: '鑫源' })).total).toBe(3);
    const audit = await callOk(b, 'audit.list', { entity: 'notice' });
    expect(audit.filter((a) => a.method === 'notices.issue')).toHaveLength(3);
  }, 60_000);

  it('gives concurrent issues distinct numbers without gaps, within one backend and across two on the same data', async () => {
    const { b, enterpriseId, recordId } = await setup();
    const input = await orderInput(b, enterpriseId, recordId);
    const one = await Promise.all(Array.from({ length: 4 }, () => callOk(b, 'notices.issue', input)));
    expect(one.map((n) => n.serial).sort()).toEqual([1, 2, 3, 4]);
    // A second backend on the same folder (as another process would be): the storing transaction
    // sees the number taken and prints again with the next one.
    const other = openBackend(b.dataDir, { stderrLevel: 'silent' });
    try {
      const both = await Promise.all([0, 1, 2, 3].map((i) => (i % 2 ? other : b).api.call('notices.issue', input, clerk)));
      const serials = both.map((r) => (r.ok ? (r.value as { serial: number }).serial : r.error.message));
      expect([...serials].sort()).toEqual([5, 6, 7, 8]);
    } finally {
      await other.close();
    }
    const rows = b.core.sqlite.prepare("SELECT serial FROM notices WHERE type = 'correctionOrder' ORDER BY serial").pluck().all();
    expect(rows).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Numbers were taken from under a print (and printed again), and no printed file is left in
    // the store without its notice: the reprinted ones were removed.
    expect(readFileSync(join(b.dataDir, 'logs', 'qingbo.log'), 'utf8')).toContain('notice number taken meanwhile');
    expect(b.core.sqlite.prepare('SELECT count(*) FROM files').pluck().get()).toBe(16);
    const onDisk = readdirSync(b.core.files.root, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(onDisk).toHaveLength(16);
  }, 120_000);

  it('voids a notice keeping its number, records service, and links a correction to the notice it corrects', async () => {
    const { b, enterpriseId, recordId } = await setup();
    const input = await orderInput(b, enterpriseId, recordId);
    const first = await callOk(b, 'notices.issue', input);
    const voided = await callOk(b, 'notices.void', { id: first.id, reason: '当事人名称有误' });
    expect(voided).toMatchObject({ status: 'voided', number: first.number, voidReason: '当事人名称有误', pdf: first.pdf });
    expect((await callOk(b, 'dossier.record', { id: first.dossierRecordId })).summary).toBe(`文书：责令改正通知书 ${first.number}（已作废）`);
    const before = snapshot(b);
    expect((await refused(b, 'notices.void', { id: first.id, reason: '再次作废' })).code).toBe('CONFLICT');
    expect((await refused(b, 'notices.recordService', { id: first.id, service: { method: '直接送达', servedOn: todayInChina(), recipient: '王建国', server: '李明' } })).code).toBe('CONFLICT');
    expect(snapshot(b)).toBe(before);

    const second = await callOk(b, 'notices.issue', input);
    expect(second.serial).toBe(2);
    const served = await callOk(b, 'notices.recordService', { id: second.id, service: { method: '留置送达', servedOn: todayInChina(), recipient: '王建国', server: '李明、张华', note: '当事人拒绝签收' } });
    expect(served.service).toMatchObject({ method: '留置送达', recipient: '王建国', note: '当事人拒绝签收' });
    expect((await refused(b, 'notices.recordService', { id: second.id, service: { method: '直接送达', servedOn: '2020-01-01', recipient: '王建国', server: '李明' } })).details).toMatchObject({ field: 'service.servedOn' });

    const correction = await callOk(b, 'notices.issue', { ...input, correctsId: second.id });
    expect(correction).toMatchObject({ serial: 3, correctsId: second.id });
    expect(pdfText(readFileSync(b.core.files.pathOf(correction.pdf.sha256)))).toContain(`系对${second.number}的更正`);
    expect((await callOk(b, 'notices.get', { id: second.id })).correctedById).toBe(correction.id);
    const twice = await refused(b, 'notices.issue', { ...input, correctsId: second.id });
    expect(twice).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`已由${correction.number}更正`) as string });
    expect((await refused(b, 'notices.issue', { ...input, type: 'riskReminder', correctsId: second.id })).code).toBe('VALIDATION');
  }, 60_000);

  it('uses no number and keeps nothing when printing fails', async () => {
    const real = new ChromiumPdfRenderer({ log: createLogger(null, 'silent') });
    let failing = true;
    const flaky = { render: (html: string, o?: PdfRenderOptions) => (failing ? Promise.reject(new Error('打印机崩溃了')) : real.render(html, o)), close: () => real.close() };
    const b = openBackend(tempDir(), { stderrLevel: 'silent', pdfRenderer: flaky });
    onTestFinished(() => b.close());
    await office(b);
    const enterpriseId = await enterprise(b);
    const draft = await orderInput(b, enterpriseId, null);
    const input = { ...draft, fields: { ...draft.fields, violated: '《中华人民共和国产品质量法》第三十九条', immediately: true, requirement: '立即停止销售' } };
    const before = snapshot(b);
    expect((await refused(b, 'notices.issue', input)).message).toContain('打印机崩溃了');
    expect(snapshot(b)).toBe(before);
    failing = false;
    expect((await callOk(b, 'notices.issue', input)).serial).toBe(1);
  }, 60_000);

  it('refuses without the office abbreviation, naming where to set it, and changes nothing', async () => {
    const { b, enterpriseId, recordId } = await setup(false);
    const input = await orderInput(b, enterpriseId, recordId);
    const draft = await callOk(b, 'notices.prepare', { type: 'correctionOrder', enterpriseId, recordId });
    expect(draft.warnings[0]).toContain('设置 → 本单位');
    const before = snapshot(b);
    for (const method of ['notices.issue', 'notices.preview']) {
      const error = await refused(b, method, input);
      expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('请先在“设置 → 本单位”中填写单位名称和文号代字') as string });
    }
    expect(snapshot(b)).toBe(before);
  });

  it('refuses incomplete fields naming the field, and an order with neither a deadline nor 立即', async () => {
    const { b, enterpriseId, recordId } = await setup();
    const input = await orderInput(b, enterpriseId, recordId);
    const before = snapshot(b);
    const missing = await refused(b, 'notices.issue', { ...input, fields: { ...input.fields, finding: '  ' } });
    expect(missing).toMatchObject({ code: 'VALIDATION', details: { field: 'fields.finding' }, message: expect.stringContaining('经查明的违法事实') as string });
    const noDeadline = await refused(b, 'notices.issue', { ...input, fields: { ...input.fields, deadlineOn: null } });
    expect(noDeadline).toMatchObject({ details: { field: 'fields.deadlineOn' }, message: expect.stringContaining('立即改正') as string });
    expect((await refused(b, 'notices.issue', { ...input, fields: { ...input.fields, deadlineOn: '2020-01-01' } })).message).toContain('早于出具日期');
    expect(snapshot(b)).toBe(before);
    // 立即 needs no date; the record of another enterprise is refused.
    const now = await callOk(b, 'notices.issue', { ...input, fields: { ...input.fields, immediately: true, deadlineOn: null } });
    expect(pdfText(readFileSync(b.core.files.pathOf(now.pdf.sha256)))).toContain('立即改正');
    const otherId = await enterprise(b, { name: '华容县另一家商行', uscc: null });
    expect((await refused(b, 'notices.issue', { ...input, enterpriseId: otherId })).details).toMatchObject({ field: 'recordId' });
    // A 文书 record is made only by issuing.
    const direct = await refused(b, 'dossier.create', { enterpriseId, kind: 'notice', occurredOn: todayInChina(), data: { noticeId: now.id, type: 'correctionOrder', title: '责令改正通知书', number: now.number } });
    expect(direct).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('由出具执法文书时自动生成') as string });
    expect((await refused(b, 'dossier.void', { id: now.dossierRecordId, reason: '试试' })).message).toContain('执法文书');
  }, 60_000);

  it('issues to an enterprise without a code (with a warning) and with a 500-character address', async () => {
    const b = testBackend();
    await office(b);
    const id = await enterprise(b, { name: '华容县章华镇老王杂货店', uscc: null, entityType: '个体工商户' });
    const address = `${`湖南省岳阳市华容县章华镇${'沿河路旧城改造安置小区'.repeat(45)}`.slice(0, 497)}十八栋`;
    expect(address).toHaveLength(500);
    // As data from an older system may have it (the form allows 200).
    b.core.sqlite.prepare('UPDATE enterprises SET address = ? WHERE id = ?').run(address, id);
    const draft = await callOk(b, 'notices.prepare', { type: 'riskReminder', enterpriseId: id, recordId: null });
    expect(draft.warnings.join()).toContain('该企业没有统一社会信用代码');
    expect(draft.party).toMatchObject({ code: null, address, licenceName: '营业执照' });
    const notice = await callOk(b, 'notices.issue', {
      type: 'riskReminder', enterpriseId: id, recordId: null,
      fields: { ...draft.fields, risk: '销售无厂名厂址的散装洗涤剂', content: '请立即停止销售“三无”洗涤用品。' },
    });
    const site = await callOk(b, 'notices.issue', {
      type: 'siteRecord', enterpriseId: id, recordId: null,
      fields: { place: '经营场所内', startedAt: '2026年3月2日9时', endedAt: '2026年3月2日10时', inspectors: ['李明', '张华'], certNos: ['43062320001', '43062320002'], content: '现场检查情况正常。' },
    });
    expect(notice.number).toBe(`华市监提醒〔${YEAR}〕1号`);
    // The address runs on to the next page, whole (the page number — 1 — falls inside it in the text).
    const text = pdfText(readFileSync(b.core.files.pathOf(site.pdf.sha256))).replace(/\s+/g, '');
    expect(text.replace(/—\d+—/g, '')).toContain(address);
    expect(text).toContain('统一社会信用代码');
  }, 60_000);

  it('keeps an office template after checking its placeholders, prints with it, and resets to the default', async () => {
    const { b, enterpriseId, recordId } = await setup();
    const [order] = (await callOk(b, 'notices.templates', {})).filter((t) => t.type === 'correctionOrder');
    expect(order).toMatchObject({ source: 'builtin' });
    expect(order!.placeholders.map((p) => p.path)).toContain('fields.finding');
    const before = snapshot(b);
    const bad = await refused(b, 'notices.saveTemplate', { type: 'correctionOrder', text: `${order!.text}\n请于{{fields.dealine}}前改正。` });
    expect(bad).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('{{fields.dealine}}') as string });
    expect(snapshot(b)).toBe(before);
    const own = await callOk(b, 'notices.saveTemplate', { type: 'correctionOrder', text: `${order!.text}\n本局联系电话：0730-4221234。` });
    expect(own.source).toBe('office');
    const n = await callOk(b, 'notices.issue', await orderInput(b, enterpriseId, recordId));
    expect(pdfText(readFileSync(b.core.files.pathOf(n.pdf.sha256)))).toContain('本局联系电话：0730-4221234');
    expect(b.core.sqlite.prepare('SELECT template_sha256 FROM notices').pluck().get()).toBe(own.sha256);
    const reset = await callOk(b, 'notices.resetTemplate', { type: 'correctionOrder' });
    expect(reset).toMatchObject({ source: 'builtin', sha256: order!.sha256 });
    const audit = await callOk(b, 'audit.list', { entity: 'notice_template' });
    expect(audit.map((a) => a.method).sort()).toEqual(['notices.resetTemplate', 'notices.saveTemplate']);
  }, 60_000);

  it('issues in bulk as a job: numbers in one block, one combined PDF of every page; a cancel stores nothing', async () => {
    const b = testBackend();
    await office(b);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await enterprise(b, { name: `华容县第${i + 1}洗涤用品商行`, uscc: composeUscc('92', '430623', `MA4L000${i + 2}`) }));
    const input = { type: 'riskReminder' as NoticeType, enterpriseIds: ids, fields: { risk: '销售含磷洗涤用品', content: '洞庭湖区禁止销售含磷洗涤用品，请立即自查下架。' } };

    // A cancelled batch leaves no notice, no number and no file behind.
    const before = snapshot(b);
    const cancelled = await callOk(b, 'notices.bulkIssue', input);
    await new Promise((r) => setTimeout(r, 300));
    b.core.jobs.cancel(cancelled.jobId);
    expect((await b.core.jobs.wait(cancelled.jobId)).status).toBe('cancelled');
    expect(snapshot(b)).toBe(before);

    const progress: number[] = [];
    const off = b.core.jobs.onProgress((j) => progress.push(j.progress));
    const { jobId } = await callOk(b, 'notices.bulkIssue', input);
    const done = await b.core.jobs.wait(jobId);
    off();
    expect(done.status, done.message).toBe('succeeded');
    const result = done.result as { issued: number; numbers: string[]; combined: { sha256: string } };
    expect(result.issued).toBe(5);
    expect(result.numbers).toEqual([`华市监提醒〔${YEAR}〕1号`, `华市监提醒〔${YEAR}〕5号`]);
    expect(progress.length).toBeGreaterThan(2);
    const { rows } = await callOk(b, 'notices.list', { type: 'riskReminder' });
    expect(rows.map((n) => n.serial).sort()).toEqual([1, 2, 3, 4, 5]);
    let pages = 0;
    for (const n of rows) pages += await pageCount(readFileSync(b.core.files.pathOf(n.pdf.sha256)));
    const combined = readFileSync(b.core.files.pathOf(result.combined.sha256));
    expect(await pageCount(combined)).toBe(pages);
    expect(pdfText(combined)).toContain(`华市监提醒〔${YEAR}〕3号`);
    // Each party's file has its 文书 record.
    for (const n of rows) expect((await callOk(b, 'dossier.get', { enterpriseId: n.enterpriseId, kinds: ['notice'] })).total).toBe(1);
    const audit = await callOk(b, 'audit.list', { entity: 'notice_batch' });
    expect(audit).toHaveLength(1);
  }, 90_000);
});
