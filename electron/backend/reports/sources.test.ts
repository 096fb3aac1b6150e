// The list sources through their built-in formats: the 双随机 publication (drawn targets in draw
// order with their results and handling) and the unqualified-sampling table (each 不合格 result
// with the order, 复查 and case that followed), parsed back from the written xlsx.
import { describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../shared/dates';
import { periodPresets, type SentReport } from '../../../shared/report';
import { callOk, testBackend } from '../../../tests/helpers/backend';
import type { Backend } from '../backend';
import { excelJs } from '../sheets/exceljs';
import { phosphateCounty } from './fixture';

const ExcelJS = excelJs();

const HUARONG = { code: '430623', office: '华容县市场监督管理局', abbrev: '华市监' };
const lastWeek = periodPresets(todayInChina()).find((p) => p.key === 'lastWeek')!;

async function exported(b: Backend, params: Record<string, unknown>) {
  const { jobId } = await callOk(b, 'reports.export', { params: params as never, confirmFindings: true });
  const done = await b.core.jobs.wait(jobId);
  expect(done.status, done.message).toBe('succeeded');
  const sent = done.result as SentReport;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(b.core.files.pathOf(sent.file.sha256));
  return { sent, ws: wb.worksheets[0]! };
}

describe('list sources', () => {
  it('publishes the draw: every drawn target in draw order with its latest result and handling', async () => {
    const b = testBackend();
    const { campaignId } = await phosphateCounty(b, HUARONG, lastWeek.from);
    const campaign = await callOk(b, 'campaigns.get', { id: campaignId });
    const { targets } = await callOk(b, 'campaigns.drawDetail', { id: campaign.draw!.id });
    const results = await callOk(b, 'campaigns.results', { campaignId });
    const { ws, sent } = await exported(b, { formatId: 'random-check-results', campaignId, from: lastWeek.from, to: lastWeek.to });
    expect(sent.rowCount).toBe(6);
    expect(ws.getCell('A1').value).toBe('含磷洗涤用品专项整治双随机抽查结果公示表');
    const classes: Record<string, string> = { A: 'A类（低风险）', B: 'B类（一般风险）', C: 'C类（较高风险）', D: 'D类（高风险）' };
    targets.forEach((t, i) => {
      const row = ws.getRow(4 + i);
      const latest = results.filter((r) => r.enterpriseId === t.enterpriseId && r.inspectedOn >= lastWeek.from).at(-1)!;
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(t.name);
      expect(row.getCell(4).value).toBe(t.townshipName);
      expect(row.getCell(5).value).toBe(classes[t.creditClass!]);
      expect(row.getCell(6).value).toBe(latest.inspectors.join('、'));
      expect(row.getCell(7).value).toBe(latest.inspectedOn);
      expect(row.getCell(8).value).toBe(latest.result);
      expect(row.getCell(9).value).toBe(latest.hasProblem ? `已责令改正，整改期限 ${addDays(lastWeek.from, 14)}` : '无需处理');
    });
    expect(ws.getRow(10).getCell(1).value).toMatch(/^公示日期：/);
  });

  it('lists each unqualified sampling with the order, 复查 and case that followed', async () => {
    const b = testBackend();
    await phosphateCounty(b, HUARONG, lastWeek.from);
    const [first] = (await callOk(b, 'enterprises.search', { filter: { q: '' }, limit: 1 })).rows;
    const sampledOn = addDays(lastWeek.from, 1);
    const sampling = await callOk(b, 'dossier.create', {
      enterpriseId: first!.id,
      kind: 'sampling',
      occurredOn: sampledOn,
      data: {
        plan: '2026 年洗涤用品省级监督抽查', product: '洗衣粉', model: '1.5kg', batch: '20260901', sampledOn, lab: '湖南省产商品质量检验研究院',
        reportNo: 'WT2026-0091', result: '不合格', unqualifiedItems: [{ item: '总五氧化二磷' }, { item: '标签' }],
      },
    });
    const dossier = await callOk(b, 'dossier.get', { enterpriseId: first!.id });
    const order = dossier.records.find((r) => r.kind === 'rectification' && r.sourceId === sampling.record.id)!;
    const orderRecord = await callOk(b, 'dossier.record', { id: order.id });
    const recheckOn = addDays(lastWeek.from, 5);
    await callOk(b, 'dossier.update', {
      id: order.id, expectedUpdatedAt: orderRecord.updatedAt, kind: 'rectification', occurredOn: orderRecord.occurredOn,
      data: { ...orderRecord.data, recheckOn, recheckInspectors: ['王建国'], outcome: '已整改' },
    });
    await callOk(b, 'dossier.create', {
      enterpriseId: first!.id, kind: 'penalty', occurredOn: addDays(lastWeek.from, 3),
      data: { caseNo: '华市监罚〔2026〕7号', facts: '销售不合格洗衣粉', fineFen: 200_000, confiscationFen: 3_050, status: '结案' },
    });
    const { ws, sent } = await exported(b, { formatId: 'unqualified-handling', from: lastWeek.from, to: lastWeek.to });
    expect(sent.rowCount).toBe(1);
    const row = ws.getRow(5);
    const cells = Array.from({ length: 19 }, (_, i) => row.getCell(i + 1).value);
    expect(cells).toEqual([
      1, first!.name, first!.uscc ?? null, first!.townshipName, '洗衣粉', '1.5kg', '20260901', sampledOn, '湖南省产商品质量检验研究院', 'WT2026-0091',
      '总五氧化二磷、标签', orderRecord.occurredOn, (orderRecord.data as { deadlineOn: string }).deadlineOn, recheckOn, '已整改', '华市监罚〔2026〕7号', 2030.5,
      `${orderRecord.occurredOn} 责令改正，期限 ${(orderRecord.data as { deadlineOn: string }).deadlineOn}；${recheckOn} 复查已整改；${addDays(lastWeek.from, 3)} 立案（华市监罚〔2026〕7号，结案）`,
      '是',
    ]);
    // A sampling outside the period is not listed.
    const none = await callOk(b, 'reports.check', { formatId: 'unqualified-handling', from: addDays(lastWeek.from, -30), to: addDays(lastWeek.from, -1) });
    expect(none.rowCount).toBe(0);
  });
});
