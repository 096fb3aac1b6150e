// A campaign from draw to tallies through the contract, on a real database: the draw is
// reproducible and refuses what the law refuses, results land in the dossier, and the tallies
// equal the figures entered by hand.
import { describe, expect, it } from 'vitest';
import type { ResultSaveInput } from '../../../shared/campaign-results';
import { excelJs } from '../sheets/exceljs';
import { png } from '../../../tests/helpers/files';
import { callOk, clerk, snapshot, testBackend } from '../../../tests/helpers/backend';
import type { Backend } from '../backend';

const ExcelJS = excelJs();

const office = { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' };
const T1 = '430623101'; // 三封寺镇
const T2 = '430623102'; // 治河渡镇
const SEED = 'a1b2c3d4e5f60718';

async function setup() {
  const b = testBackend();
  await callOk(b, 'settings.saveOffice', office);
  const ids: number[] = [];
  for (let i = 0; i < 12; i++) {
    const { enterprise } = await callOk(b, 'enterprises.create', {
      data: {
        name: `华容县${'甲乙丙丁戊己庚辛壬癸子丑'[i]}记日杂店`,
        entityType: '个体工商户',
        townshipCode: i % 2 ? T2 : T1,
        supervisionClass: '普通',
        creditClass: (['A', 'B', 'C', 'D'] as const)[i % 4],
        tags: ['洗涤用品经营户'],
      },
    });
    ids.push(enterprise.id);
  }
  const { enterprise: outsider } = await callOk(b, 'enterprises.create', {
    data: { name: '华容县某某五金店', entityType: '个体工商户', townshipCode: T1, supervisionClass: '普通' },
  });
  const inspectors: number[] = [];
  for (const [i, [name, t]] of ([['王建国', T1], ['李红梅', T1], ['赵志强', T2], ['刘芳', T2]] as const).entries()) {
    const saved = await callOk(b, 'inspectors.save', { data: { name, unit: '华容县市场监督管理局', townshipCode: t, certNo: `4306230100${i}` } });
    inspectors.push(saved.id);
  }
  const campaign = await callOk(b, 'campaigns.create', {
    templateId: 'phosphate-detergent',
    name: '2026 年含磷洗涤用品专项整治',
    docRef: '华市监发〔2026〕8号',
    startsOn: '2026-11-01',
    endsOn: '2026-12-31',
    scope: { tags: ['洗涤用品经营户'] },
  });
  const photo = await b.core.files.putBytes(png(8, 8), '货架.png', 'image/png');
  return { b, ids, outsider: outsider.id, inspectors, campaign, photo };
}

const clean = { subjectType: '零售', licenceShown: '是', invoices: '是', ledger: '是', phosphateLabelled: '否', noBrand: '否', labelOk: '是', falseClaim: '否' };
const answersOf = (values: Record<string, string | number>, photoSha: string) => ({
  ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])),
  photos: { photos: [photoSha] },
});

async function refused(b: Backend, method: Parameters<Backend['api']['call']>[0], input: unknown) {
  const r = await b.api.call(method, input, clerk);
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error;
}

describe('a campaign from draw to tallies', () => {
  it('draws reproducibly, refuses unlawful draws, and keeps the draw on record', async () => {
    const { b, campaign, inspectors } = await setup();
    expect(campaign.targetCount).toBe(12);
    const first = await callOk(b, 'campaigns.draw', { campaignId: campaign.id, params: { mode: 'count', count: 6, excludeOwnTownship: true }, seed: SEED });
    expect(first.targets).toHaveLength(6);
    expect(first.draw).toMatchObject({ seed: SEED, poolSize: 12, inspectorPoolSize: 4, algorithm: 'qingbo-sha256-fisher-yates', algorithmVersion: 1 });
    for (const t of first.targets) {
      expect(t.inspectors).toHaveLength(2);
      expect(t.inspectors[0]!.id).not.toBe(t.inspectors[1]!.id);
    }
    const verified = await callOk(b, 'campaigns.verifyDraw', { id: first.draw.id });
    expect(verified).toMatchObject({ poolMatches: true, inspectorPoolMatches: true, resultMatches: true });

    // Only the drawn targets are now to be inspected.
    const planned = await callOk(b, 'campaigns.targets', { campaignId: campaign.id });
    expect(planned.total).toBe(6);

    // A second draw needs a reason; with the recorded seed it gives the same list and pairs.
    expect((await refused(b, 'campaigns.draw', { campaignId: campaign.id, params: first.draw.params, seed: SEED })).details?.['field']).toBe('reason');
    const again = await callOk(b, 'campaigns.draw', { campaignId: campaign.id, params: first.draw.params, seed: SEED, reason: '复核：用记录的种子重新抽取' });
    expect(again.targets.map((t) => [t.enterpriseId, t.inspectors.map((i) => i.id)])).toEqual(
      first.targets.map((t) => [t.enterpriseId, t.inspectors.map((i) => i.id)]),
    );
    expect(again.draw.resultHash).toBe(first.draw.resultHash);
    const history = await callOk(b, 'campaigns.draws', { id: campaign.id });
    expect(history.map((d) => [d.id, d.superseded])).toEqual([[again.draw.id, false], [first.draw.id, true]]);

    // Bad inputs: larger than the pool, one inspector, no inspectors.
    const tooMany = await refused(b, 'campaigns.draw', { campaignId: campaign.id, params: { mode: 'count', count: 13 }, reason: '扩大范围' });
    expect(tooMany.message).toContain('抽取户数（13）超过检查对象总数（12）');
    for (const id of inspectors.slice(1)) {
      const i = (await callOk(b, 'inspectors.list', {})).find((x) => x.id === id)!;
      await callOk(b, 'inspectors.save', { id, expectedUpdatedAt: i.updatedAt, data: { name: i.name, unit: i.unit, townshipCode: i.townshipCode, certNo: i.certNo, active: false } });
    }
    const alone = await refused(b, 'campaigns.draw', { campaignId: campaign.id, params: { mode: 'count', count: 2 }, reason: '人员调整' });
    expect(alone.message).toContain('只有 1 名');
    const negative = await refused(b, 'campaigns.draw', { campaignId: campaign.id, params: { mode: 'count', count: -1 }, reason: '人员调整' });
    expect(negative.code).toBe('VALIDATION');
    const draws = b.core.sqlite.prepare('SELECT count(*) AS n FROM campaign_draws').get() as { n: number };
    expect(draws.n).toBe(2); // no refused draw was recorded

    // The publishable list, parsed back.
    const file = await callOk(b, 'campaigns.exportDraw', { id: again.draw.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(b.core.files.pathOf(file.sha256));
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toBe('2026 年含磷洗涤用品专项整治双随机抽查对象及执法检查人员名单');
    expect(String(ws.getCell(3, 1).value)).toContain(`随机种子：${SEED}`);
    expect(ws.getCell(5, 1).value).toBe('序号');
    expect(ws.getCell(6, 2).value).toBe(again.targets[0]!.name);
    expect(ws.getCell(6, 5).value).toBe(again.targets[0]!.inspectors.map((i) => i.name).join('、'));
    expect(ws.rowCount).toBe(5 + 6 + 1);
  });

  it('turns results into dossier records and tallies them by township, exactly as entered', async () => {
    const { b, ids, outsider, inspectors, campaign, photo } = await setup();
    const attachments = [{ sha256: photo.sha256, name: photo.name, mime: photo.mime, size: photo.size }];
    const base = (enterpriseId: number, inspectedOn: string): ResultSaveInput => ({
      campaignId: campaign.id,
      enterpriseId,
      inspectedOn,
      inspectorIds: inspectors.slice(0, 2),
      answers: answersOf(clean, photo.sha256),
      result: '未发现问题',
      attachments,
    });
    // Three visits this week (2026-11-23…29) in two townships, one last week.
    const a = await callOk(b, 'campaigns.saveResult', { ...base(ids[0]!, '2026-11-23'), quantities: { productsChecked: 40, leaflets: 5 } });
    const problem = await callOk(b, 'campaigns.saveResult', {
      ...base(ids[1]!, '2026-11-24'),
      answers: answersOf({ ...clean, phosphateLabelled: '是', quickTest: 2.35 }, photo.sha256),
      quantities: { productsChecked: 25, removed: 12, seizedKg: 3.75, samplingBatches: 2, samplingQualified: 1, fineYuan: 1250.5 },
      findings: '货架上有标注 HL-A 的洗衣粉 12 袋',
      result: '发现问题已责令改正',
      rectification: { problem: '销售含磷洗衣粉', requirement: '立即下架，设立无磷专区', deadlineOn: '2026-12-09' },
    });
    await callOk(b, 'campaigns.saveResult', { ...base(ids[3]!, '2026-11-25'), quantities: { productsChecked: 8 } });
    await callOk(b, 'campaigns.saveResult', { ...base(ids[2]!, '2026-11-16'), quantities: { productsChecked: 100 } });

    expect(problem.result.problemItems).toEqual(['phosphateLabelled', 'quickTest']);
    expect(problem.result.hasProblem).toBe(true);
    const dossier = await callOk(b, 'dossier.get', { enterpriseId: ids[1]! });
    const kinds = dossier.records.map((r) => r.kind).sort();
    expect(kinds).toEqual(['rectification', 'specialInspection']);
    const order = dossier.records.find((r) => r.kind === 'rectification')!;
    expect(order.sourceId).toBe(problem.result.recordId);
    expect(order.deadlines.map((d) => [d.kind, d.dueOn])).toEqual([['correct', '2026-12-09']]);

    const week = await callOk(b, 'campaigns.tally', { campaignId: campaign.id, from: '2026-11-23', to: '2026-11-29' });
    const row = (code: string) => week.rows.find((r) => r.townshipCode === code)!.values;
    // ids[0] and ids[2] are in T1, ids[1] and ids[3] in T2.
    expect(row(T1)).toMatchObject({ visits: 1, enterprises: 1, productsChecked: 40, problems: 0, rectifications: 0, leaflets: 5 });
    expect(row(T2)).toMatchObject({ visits: 2, productsChecked: 33, removed: 12, seizedKg: 3.75, samplingBatches: 2, samplingQualified: 1, problems: 1, rectifications: 1, fineYuan: 1250.5 });
    expect(week.total).toMatchObject({ visits: 3, enterprises: 3, productsChecked: 73, removed: 12, seizedKg: 3.75, fineYuan: 1250.5, rectifications: 1 });
    expect(week.rows[0]!.townshipName).toBe('三封寺镇'); // every township of the county, in division order
    const sinceStart = await callOk(b, 'campaigns.tally', { campaignId: campaign.id, from: '2026-11-01', to: '2026-11-29' });
    expect(sinceStart.total).toMatchObject({ visits: 4, productsChecked: 173 });

    const progress = await callOk(b, 'campaigns.progress', { campaignId: campaign.id, today: '2026-12-10' });
    expect(progress).toMatchObject({ planned: 12, inspected: 4, rectifications: { open: 1, closed: 0, overdue: 1 } });
    expect(progress.byStatus).toMatchObject({ 未检查: 8, 已检查无问题: 3, 整改中: 1 });
    expect(progress.weekly).toEqual([
      { weekOf: '2026-11-16', visits: 1, problems: 0 },
      { weekOf: '2026-11-23', visits: 3, problems: 1 },
    ]);

    // A 复查 recorded in the dossier shows at once as 已整改.
    await callOk(b, 'dossier.update', {
      id: order.id,
      expectedUpdatedAt: order.updatedAt,
      kind: 'rectification',
      occurredOn: order.occurredOn,
      data: { ...order.data, recheckOn: '2026-12-01', outcome: '已整改', recheckInspectors: ['王建国', '李红梅'] },
    });
    const after = await callOk(b, 'campaigns.targets', { campaignId: campaign.id, status: '已整改' });
    expect(after.rows.map((r) => r.enterpriseId)).toEqual([ids[1]]);

    // Voiding a result's record in the dossier takes it out of every count.
    await callOk(b, 'dossier.void', { id: a.result.recordId, reason: '录错了企业' });
    const voided = await callOk(b, 'campaigns.tally', { campaignId: campaign.id, from: '2026-11-23', to: '2026-11-29' });
    expect(voided.total).toMatchObject({ visits: 2, productsChecked: 33, leaflets: 0 });
    // …and the record is edited only through the campaign.
    const inspection = dossier.records.find((r) => r.kind === 'specialInspection')!;
    const locked = await refused(b, 'dossier.update', { id: inspection.id, expectedUpdatedAt: inspection.updatedAt, kind: 'specialInspection', occurredOn: inspection.occurredOn, data: inspection.data });
    expect(locked.message).toContain('结果录入');

    // The tally as xlsx: every figure equal to the tally.
    const file = await callOk(b, 'campaigns.exportTally', { campaignId: campaign.id, from: '2026-11-23', to: '2026-11-29' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(b.core.files.pathOf(file.sha256));
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header[0]).toBe('乡镇（街道）');
    const col = (label: string) => header.indexOf(label) + 1;
    const totalRow = ws.getRow(3 + voided.rows.length + 1);
    expect(totalRow.getCell(1).value).toBe('合计');
    expect(totalRow.getCell(col('检查经营主体（户次）')).value).toBe(2);
    expect(totalRow.getCell(col('罚没款（元）')).value).toBe(1250.5);

    // Bad inputs, none of which writes anything.
    const before = snapshot(b);
    const neg = await refused(b, 'campaigns.saveResult', { ...base(ids[5]!, '2026-11-26'), quantities: { removed: -3 } });
    expect(neg.message).toContain('数量不能为负数');
    const notTarget = await refused(b, 'campaigns.saveResult', base(outsider, '2026-11-26'));
    expect(notTarget.message).toContain('不是专项「2026 年含磷洗涤用品专项整治」的检查对象');
    const oneInspector = await refused(b, 'campaigns.saveResult', { ...base(ids[5]!, '2026-11-26'), inspectorIds: [inspectors[0]!] });
    expect(oneInspector.message).toContain('至少需要两名执法人员');
    const qualifiedTooMany = await refused(b, 'campaigns.saveResult', { ...base(ids[5]!, '2026-11-26'), quantities: { samplingBatches: 1, samplingQualified: 2 } });
    expect(qualifiedTooMany.message).toContain('抽检合格批次（2）不能多于抽检批次（1）');
    const contradicts = await refused(b, 'campaigns.saveResult', { ...base(ids[5]!, '2026-11-26'), answers: answersOf({ ...clean, falseClaim: '是' }, photo.sha256) });
    expect(contradicts.details?.['field']).toBe('result');
    const noPhoto = await refused(b, 'campaigns.saveResult', { ...base(ids[5]!, '2026-11-26'), answers: answersOf(clean, photo.sha256).photos ? { ...answersOf(clean, photo.sha256), photos: { photos: [] } } : {} });
    expect(noPhoto.message).toContain('须至少上传一张照片');
    const unanswered = await refused(b, 'campaigns.saveResult', { ...base(ids[5]!, '2026-11-26'), answers: { photos: { photos: [photo.sha256] } } });
    expect(unanswered.message).toContain('未填写');
    const future = await refused(b, 'campaigns.saveResult', base(ids[5]!, '2099-01-01'));
    expect(future.details?.['field']).toBe('inspectedOn');
    expect(snapshot(b)).toBe(before);
  });

  it('refuses results for targets not drawn, and a new draw once results are in', async () => {
    const { b, ids, inspectors, campaign, photo } = await setup();
    const drawn = await callOk(b, 'campaigns.draw', { campaignId: campaign.id, params: { mode: 'proportion', proportions: { A: 0, B: 0, C: 100, D: 100, none: 0 } }, seed: SEED });
    // Classes cycle A B C D over the 12 enterprises: three C and three D.
    expect(drawn.targets.map((t) => t.creditClass).sort()).toEqual(['C', 'C', 'C', 'D', 'D', 'D']);
    const notDrawn = ids.find((id) => !drawn.targets.some((t) => t.enterpriseId === id))!;
    const input = (enterpriseId: number): ResultSaveInput => ({
      campaignId: campaign.id,
      enterpriseId,
      inspectedOn: '2026-11-20',
      inspectorIds: inspectors.slice(2, 4),
      answers: answersOf(clean, photo.sha256),
      result: '未发现问题',
      attachments: [{ sha256: photo.sha256, name: photo.name, mime: photo.mime, size: photo.size }],
    });
    expect((await refused(b, 'campaigns.saveResult', input(notDrawn))).message).toContain('未被本次双随机抽中');
    await callOk(b, 'campaigns.saveResult', input(drawn.targets[0]!.enterpriseId));
    const redraw = await refused(b, 'campaigns.draw', { campaignId: campaign.id, params: { mode: 'count', count: 3 }, reason: '重新抽取' });
    expect(redraw.code).toBe('CONFLICT');
  });

  it('survives a merge of two targets of the same campaign: one target row stays, the results move', async () => {
    const { b, ids, inspectors, campaign, photo } = await setup();
    await callOk(b, 'campaigns.saveResult', {
      campaignId: campaign.id,
      enterpriseId: ids[1]!,
      inspectedOn: '2026-11-20',
      inspectorIds: inspectors.slice(0, 2),
      answers: answersOf(clean, photo.sha256),
      result: '未发现问题',
      attachments: [{ sha256: photo.sha256, name: photo.name, mime: photo.mime, size: photo.size }],
    });
    const merged = await callOk(b, 'enterprises.merge', { keepId: ids[0]!, mergeId: ids[1]!, reason: '同一家店登记了两次' });
    expect(merged.enterprise.id).toBe(ids[0]);
    const targets = await callOk(b, 'campaigns.targets', { campaignId: campaign.id, limit: 500 });
    expect(targets.total).toBe(11);
    const [result] = await callOk(b, 'campaigns.results', { campaignId: campaign.id });
    expect(result!.enterpriseId).toBe(ids[0]);
    expect(targets.rows.find((r) => r.enterpriseId === ids[0])!.status).toBe('已检查无问题');
  });
});
