import { describe, expect, it } from 'vitest';
import type { RecordCreateInput } from '../../../shared/dossier';
import { callOk, clerk, dumpTables, testBackend } from '../../../tests/helpers/backend';
import type { Backend } from '../backend';
import { dueList } from './deadlines';

const office = { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' };

async function setup(): Promise<{ b: Backend; id: number }> {
  const b = testBackend();
  await callOk(b, 'settings.saveOffice', office);
  const { enterprise } = await callOk(b, 'enterprises.create', {
    data: { name: '华容县碧波日化有限公司', townshipCode: '430623101', supervisionClass: '普通', creditClass: 'B' },
  });
  return { b, id: enterprise.id };
}

const unqualified = (enterpriseId: number, receivedOn: string): RecordCreateInput => ({
  enterpriseId,
  kind: 'sampling',
  occurredOn: receivedOn,
  data: {
    plan: '2026 年洗涤用品质量监督抽查',
    product: '洗衣粉',
    brand: '碧波',
    batch: '20251201',
    sampledOn: '2026-01-06',
    lab: '岳阳市产商品质量监督检验所',
    resultReceivedOn: receivedOn,
    result: '不合格',
    unqualifiedItems: [{ item: '总五氧化二磷', measured: '2.3%', required: '≤1.1%' }],
  },
});

describe('one enterprise, one file', () => {
  it('opens the objection window and the order-18 chain of an unqualified result, counting working days across the Spring Festival', async () => {
    const { b, id } = await setup();
    await callOk(b, 'settings.saveDeadlineRules', { objection: { days: 15, unit: 'working' } });
    const saved = await callOk(b, 'dossier.create', unqualified(id, '2026-02-10'));
    // 15 working days after 2026-02-10: the make-up Saturdays 02-14 and 02-28 count, 02-15…02-23 do not.
    expect(saved.record.deadlines.map((d) => [d.kind, d.dueOn])).toEqual([['objection', '2026-03-09']]);
    expect(saved.record.summary).toBe('监督抽查：洗衣粉（碧波） 不合格，不合格项目：总五氧化二磷');

    // The order to correct: 60 and 75 calendar days, each moved off the weekend it falls on.
    expect(saved.opened).toHaveLength(1);
    const order = saved.opened[0]!;
    expect(order.kind).toBe('rectification');
    expect(order.sourceId).toBe(saved.record.id);
    expect(order.data).toMatchObject({ deadlineOn: '2026-04-13', recheckDueOn: '2026-04-27' });
    expect(order.deadlines.map((d) => [d.kind, d.dueOn, d.status])).toEqual([
      ['correct', '2026-04-13', 'open'],
      ['recheck', '2026-04-27', 'open'],
    ]);

    // Saving the sampling again does not open a second order.
    const { enterpriseId: _e, ...same } = unqualified(id, '2026-02-10');
    const again = await callOk(b, 'dossier.update', { id: saved.record.id, expectedUpdatedAt: saved.record.updatedAt, ...same });
    expect(again.opened).toEqual([]);

    // The 复查 closes both deadlines.
    const checked = await callOk(b, 'dossier.update', {
      id: order.id,
      expectedUpdatedAt: order.updatedAt,
      kind: 'rectification',
      occurredOn: order.occurredOn,
      data: { ...order.data, recheckOn: '2026-04-20', recheckInspectors: ['李明', '王芳'], outcome: '已整改' },
    });
    expect(checked.record.deadlines.map((d) => [d.kind, d.status, d.doneOn])).toEqual([
      ['correct', 'done', '2026-04-20'],
      ['recheck', 'done', '2026-04-20'],
    ]);
    const dossier = await callOk(b, 'dossier.get', { enterpriseId: id });
    expect(dossier.summary).toMatchObject({ sampling: { total: 1, qualified: 0 }, openRectifications: 0 });
    expect(dossier.records.map((r) => r.kind)).toEqual(['rectification', 'sampling']);
  });

  it('lists overdue and due-this-week items across the county, leaving out finished, voided and lapsed objection windows', async () => {
    const { b, id } = await setup();
    const other = (await callOk(b, 'enterprises.create', { data: { name: '华容县东山百货商店', townshipCode: '430623102' } })).enterprise.id;
    const order = (enterpriseId: number, occurredOn: string, deadlineOn: string, extra: Record<string, unknown> = {}) =>
      callOk(b, 'dossier.create', {
        enterpriseId, kind: 'rectification', occurredOn, data: { problem: '未建立进货查验记录', deadlineOn, ...extra },
      });
    await order(id, '2026-03-01', '2026-03-10'); // overdue on 03-16
    await order(other, '2026-03-01', '2026-03-18'); // due this week
    await order(other, '2026-03-01', '2026-04-30'); // later
    await order(id, '2026-03-01', '2026-03-05', { recheckOn: '2026-03-05', outcome: '已整改' }); // done
    const voided = await order(id, '2026-03-01', '2026-03-12');
    await callOk(b, 'dossier.void', { id: voided.record.id, reason: '录错了企业' });
    await callOk(b, 'dossier.create', { ...unqualified(id, '2026-02-02') }); // objection window over by 03-16; its order is due 04-03

    const list = dueList(b.core.sqlite, { days: 7, townshipCode: null, limit: 50 }, '2026-03-16');
    expect(list.overdue.map((d) => [d.enterpriseName, d.kind, d.dueOn, d.daysLeft])).toEqual([['华容县碧波日化有限公司', 'correct', '2026-03-10', -6]]);
    expect(list.dueSoon.map((d) => [d.enterpriseName, d.dueOn, d.daysLeft])).toEqual([['华容县东山百货商店', '2026-03-18', 2]]);
    expect([list.overdueTotal, list.dueSoonTotal]).toEqual([1, 1]);
    const inTown = dueList(b.core.sqlite, { days: 7, townshipCode: '430623102', limit: 50 }, '2026-03-16');
    expect([inTown.overdueTotal, inTown.dueSoonTotal]).toEqual([0, 1]);
  });

  it('refuses dates that contradict each other and a failed result without items, writing nothing', async () => {
    const { b, id } = await setup();
    const before = dumpTables(b.core.sqlite);
    const late = await b.api.call('dossier.create', {
      enterpriseId: id, kind: 'rectification', occurredOn: '2026-05-10', data: { problem: '标签不规范', deadlineOn: '2026-05-01' },
    }, clerk);
    expect(!late.ok && [late.error.code, late.error.message]).toEqual(['VALIDATION', '整改期限（2026-05-01）早于记录日期（2026-05-10），请核对']);
    const noItems = await b.api.call('dossier.create', { ...unqualified(id, '2026-02-10'), data: { ...unqualified(id, '2026-02-10').data, unqualifiedItems: [] } }, clerk);
    expect(!noItems.ok && noItems.error.message).toBe('检验结论为不合格，请至少填写一个不合格项目');
    const missing = await b.api.call('dossier.create', { enterpriseId: id, kind: 'sampling', occurredOn: '2026-02-10', data: { product: '洗衣粉' } }, clerk);
    expect(!missing.ok && missing.error.code).toBe('VALIDATION');
    expect(!missing.ok && missing.error.message).toBe('抽查计划（任务）：必须填写；抽样日期：必须填写；检验结论：必须填写');
    const ghost = await b.api.call('dossier.create', {
      enterpriseId: id, kind: 'note', occurredOn: '2026-02-10', data: { text: '现场照片' },
      attachments: [{ sha256: 'a'.repeat(64), name: '../../照片.jpg', mime: 'image/jpeg', size: 10 }],
    }, clerk);
    expect(!ghost.ok && ghost.error.message).toBe('附件「照片.jpg」没有上传完整，请重新添加');
    expect(dumpTables(b.core.sqlite)).toBe(before);
  });

  it('keeps one copy of a file attached to two records, and flags a record made for an archived enterprise', async () => {
    const { b, id } = await setup();
    const photo = await b.core.files.putBytes(Buffer.from('jpeg bytes of a shelf'), '货架.jpg', 'image/jpeg');
    const attach = [{ ...photo }];
    await callOk(b, 'dossier.create', { enterpriseId: id, kind: 'note', occurredOn: '2026-02-10', data: { text: '货架照片' }, attachments: attach });
    await callOk(b, 'enterprises.archive', { id, reason: '已注销' });
    const late = await callOk(b, 'dossier.create', {
      enterpriseId: id, kind: 'inspection', occurredOn: '2026-03-01', attachments: attach,
      data: { inspectors: ['李明', '王芳'], result: '未发现开展本次抽查涉及的经营活动' },
    });
    expect(late.record.enterpriseArchived).toBe(true);
    expect(late.warnings[0]).toBe('「华容县碧波日化有限公司」已归档，记录已保存并标注「归档后记录」');
    expect(b.core.sqlite.prepare('SELECT count(*) AS n FROM files WHERE sha256 = ?').get(photo.sha256)).toEqual({ n: 1 });
    const dossier = await callOk(b, 'dossier.get', { enterpriseId: id });
    expect(dossier.records.map((r) => r.attachments.map((a) => a.name))).toEqual([['货架.jpg'], ['货架.jpg']]);
  });

  it('changes the credit and supervision class through records that keep who, when, why and the value before', async () => {
    const { b, id } = await setup();
    const r = await callOk(b, 'dossier.create', {
      enterpriseId: id, kind: 'credit', occurredOn: '2026-03-01', data: { to: 'C', reason: '监督抽查不合格，列为较高风险' },
    });
    expect(r.record.data).toMatchObject({ from: 'B', to: 'C' });
    expect(r.record.summary).toBe('信用风险分类：B 类 → C 类（监督抽查不合格，列为较高风险）');
    await callOk(b, 'dossier.create', { enterpriseId: id, kind: 'supervisionClass', occurredOn: '2026-03-02', data: { to: '严管', reason: '生产含磷洗涤用品' } });
    const e = await callOk(b, 'enterprises.get', { id });
    expect([e.creditClass, e.supervisionClass]).toEqual(['C', '严管']);
    const history = await callOk(b, 'enterprises.history', { id });
    expect(history[0]).toMatchObject({ method: 'dossier.create', before: { supervisionClass: '普通' }, after: { supervisionClass: '严管' }, reason: '生产含磷洗涤用品' });
    const edit = await b.api.call('dossier.update', {
      id: r.record.id, expectedUpdatedAt: r.record.updatedAt, kind: 'credit', occurredOn: '2026-03-01', data: { to: 'D', reason: '改一下' },
    }, clerk);
    expect(!edit.ok && edit.error.code).toBe('CONFLICT');
  });

  it('warns when a deadline runs into a year whose holidays are not shipped, and moves records with a merge', async () => {
    const { b, id } = await setup();
    const c = await callOk(b, 'dossier.create', {
      enterpriseId: id, kind: 'complaint', occurredOn: '2026-12-20',
      data: { source: '12315 平台', receivedOn: '2026-12-20', content: '购买的洗衣粉标注无磷，疑似含磷' },
    });
    expect(c.record.deadlines[0]).toMatchObject({ kind: 'reply', dueOn: '2027-02-18' });
    expect(c.warnings).toEqual(['2027 年的节假日安排尚未收录，按普通周末计算，请人工核对']);

    const dup = (await callOk(b, 'enterprises.create', { data: { name: '碧波日化有限公司', townshipCode: '430623101' } })).enterprise.id;
    await callOk(b, 'dossier.create', { enterpriseId: dup, kind: 'note', occurredOn: '2026-01-05', data: { text: '重复登记的那一家的记录' } });
    const merged = await callOk(b, 'enterprises.merge', { keepId: id, mergeId: dup, reason: '同一企业' });
    expect(merged.moved).toMatchObject({ dossier_records: 1 });
    expect((await callOk(b, 'dossier.get', { enterpriseId: id })).total).toBe(2);
  });
});
