import { describe, expect, it } from 'vitest';
import type { CampaignScopeInput } from '../../../shared/campaign';
import type { EnterpriseInput } from '../../../shared/enterprise';
import { composeUscc } from '../../../shared/uscc';
import { contract, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract';
import { callOk as callThrough, clerk, snapshot, testBackend } from '../../../tests/helpers/backend';
import type { Backend } from '../backend';

/** callOk, checking the value against the contract's output schema too. */
async function callOk<M extends MethodName>(b: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const value = await callThrough(b, method, input);
  const parsed = contract[method].output.safeParse(value);
  if (!parsed.success) throw new Error(`${method}: output does not match the contract: ${parsed.error.message}`);
  return value;
}

const office = { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' };
const T1 = '430623101'; // 三封寺镇
const T2 = '430623102'; // 治河渡镇
const T3 = '430623103'; // 北景港镇
const DETERGENT = '洗涤用品经营户';
const YI_CODE = composeUscc('92', '430623', 'MA4L0002');

const CAMPAIGN_TABLES = ['campaign_templates', 'inspectors', 'campaigns', 'campaign_targets', 'campaign_draws', 'campaign_target_changes', 'campaign_results'];
/** Every row a campaign write could touch. */
const dump = (b: Backend): string =>
  snapshot(b) + JSON.stringify(CAMPAIGN_TABLES.map((t) => b.core.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));

async function refused(b: Backend, method: string, input: unknown): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  const r = await b.api.call(method, input, clerk);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

type Shop = 'bibo' | 'jia' | 'yi' | 'bing' | 'ding' | 'wu' | 'ji' | 'wujin';
type Inspector = '张三' | '李四' | '王五' | '赵六' | '钱七';

async function setup() {
  const b = testBackend();
  await callOk(b, 'settings.saveOffice', office);
  const product = await callOk(b, 'reference.saveProduct', { category: '日用化学制品及卫生用品', name: '洗涤剂' });
  const shops: [key: Shop, data: EnterpriseInput][] = [
    ['bibo', { name: '华容县碧波日化有限公司', townshipCode: T1, industryCode: '2681' }],
    ['jia', { name: '华容县甲记日杂店', entityType: '个体工商户', townshipCode: T1, tags: [DETERGENT] }],
    ['yi', { name: '华容县乙记日杂店', entityType: '个体工商户', uscc: YI_CODE, townshipCode: T2, tags: [DETERGENT] }],
    ['bing', { name: '华容县丙记超市', townshipCode: T2, industryCode: '5211', products: [product.id] }],
    ['ding', { name: '华容县丁记洗车行', entityType: '个体工商户', townshipCode: T3, tags: ['洗车'] }],
    ['wu', { name: '华容县戊记日杂店', entityType: '个体工商户', townshipCode: T1, status: '注销', tags: [DETERGENT] }],
    ['ji', { name: '华容县己记日杂店', entityType: '个体工商户', townshipCode: T3, tags: [DETERGENT] }],
    ['wujin', { name: '华容县某某五金店', entityType: '个体工商户', townshipCode: T1 }],
  ];
  const id = {} as Record<Shop, number>;
  for (const [key, data] of shops) id[key] = (await callOk(b, 'enterprises.create', { data })).enterprise.id;
  await callOk(b, 'enterprises.archive', { id: id.ji, reason: '已停业搬离' });
  const inspectors = {} as Record<Inspector, number>;
  for (const [i, name] of (['张三', '李四', '王五', '赵六', '钱七'] as const).entries()) {
    inspectors[name] = (await callOk(b, 'inspectors.save', { data: { name, unit: office.name, certNo: `4306230100${i}`, active: name !== '钱七' } })).id;
  }
  const create = (scope: CampaignScopeInput, templateId = 'phosphate-detergent') =>
    callOk(b, 'campaigns.create', { templateId, name: '2026 年含磷洗涤用品专项整治', docRef: '华市监发〔2026〕8号', startsOn: '2026-11-01', endsOn: '2026-12-31', scope });
  return { b, id, inspectors, create, productId: product.id };
}

/** A result row as the field service would write it (with its dossier record). */
async function addResult(b: Backend, campaignId: number, enterpriseId: number, hasProblem = false): Promise<void> {
  const { record } = await callOk(b, 'dossier.create', { enterpriseId, kind: 'note', occurredOn: '2026-11-10', data: { text: '专项检查' } });
  const now = new Date().toISOString();
  b.core.sqlite
    .prepare(
      `INSERT INTO campaign_results (campaign_id, enterprise_id, record_id, inspected_on, has_problem, inspector_ids, answers, quantities,
         problem_items, created_at, updated_at) VALUES (?, ?, ?, '2026-11-10', ?, '[]', '{}', '{}', '[]', ?, ?)`,
    )
    .run(campaignId, enterpriseId, record.id, hasProblem ? 1 : 0, now, now);
}

/** A recorded draw that picked `drawn` (the draw service itself is tested elsewhere). */
function fakeDraw(b: Backend, campaignId: number, drawn: number[]): void {
  const id = b.core.sqlite
    .prepare(
      `INSERT INTO campaign_draws (campaign_id, created_at, actor, algorithm, algorithm_version, seed, params, pool, pool_hash, inspector_pool,
         inspector_pool_hash, result, result_hash) VALUES (?, ?, '张干事', 'qingbo-sha256-fisher-yates', 1, 'a1b2c3d4', ?, '[]', 'p', '[]', 'i', ?, 'r')`,
    )
    .run(campaignId, new Date().toISOString(), JSON.stringify({ mode: 'count', count: drawn.length }), JSON.stringify(drawn.map((e) => [e, 0, 0]))).lastInsertRowid;
  b.core.sqlite.prepare('UPDATE campaigns SET current_draw_id = ? WHERE id = ?').run(id, campaignId);
  b.core.sqlite
    .prepare('UPDATE campaign_targets SET planned = (enterprise_id IN (SELECT value FROM json_each(?))) WHERE campaign_id = ?')
    .run(JSON.stringify(drawn), campaignId);
}

const targetNames = async (b: Backend, campaignId: number, extra: Record<string, unknown> = {}) =>
  (await callOk(b, 'campaigns.targets', { campaignId, ...extra })).rows.map((r) => r.name.replace('华容县', ''));

describe('campaigns and their target lists', () => {
  it('creates a campaign from a frozen copy of its template and builds the target list from the scope', async () => {
    const { b, create, productId } = await setup();
    const campaign = await create({ tags: [DETERGENT], productIds: [productId], industries: ['2681'] });
    expect(campaign).toMatchObject({
      status: '进行中', templateId: 'phosphate-detergent', templateVersion: 1, parameters: { phosphorusLimit: 1.1 }, targetCount: 4, draw: null,
    });
    expect(campaign.template.checklist).toHaveLength(12);
    // Township, then name order (pinyin); archived and deregistered shops never match.
    expect(await targetNames(b, campaign.id)).toEqual(['碧波日化有限公司', '甲记日杂店', '丙记超市', '乙记日杂店']);
    const first = (await callOk(b, 'campaigns.targets', { campaignId: campaign.id, limit: 1 })).rows[0]!;
    expect(first).toMatchObject({ townshipName: '三封寺镇', source: 'scope', planned: true, status: '未检查', visits: 0, inspectors: [], lastInspectedOn: null });

    // Narrowing: township and entity type; widening: a section letter matches its classes (F → 5211).
    expect((await create({ tags: [DETERGENT], industries: ['2681'], townshipCodes: [T1] })).targetCount).toBe(2);
    expect((await create({ tags: [DETERGENT], industries: ['F'], entityTypes: ['企业'] })).targetCount).toBe(1);
    expect((await create({ statuses: ['注销'] })).targetCount).toBe(1);

    // A later edit of the template does not change the campaign made from it.
    const copy = await callOk(b, 'campaignTemplates.copy', { id: 'phosphate-detergent', name: '我局含磷检查' });
    const fromCopy = await create({ tags: ['洗车'] }, copy.id);
    await callOk(b, 'campaignTemplates.save', {
      id: copy.id, expectedUpdatedAt: copy.updatedAt,
      definition: { ...copy.definition, parameters: [{ ...copy.definition.parameters[0]!, value: 0.5 }] },
    });
    const again = await callOk(b, 'campaigns.get', { id: fromCopy.id });
    expect([again.templateVersion, again.parameters, again.template]).toEqual([1, { phosphorusLimit: 1.1 }, copy.definition]);

    const before = dump(b);
    await callOk(b, 'campaignTemplates.archive', { id: copy.id, archived: true });
    const archivedBefore = dump(b);
    const stopped = await refused(b, 'campaigns.create', { templateId: copy.id, name: '专项', startsOn: '2026-11-01', endsOn: '2026-12-31' });
    expect([stopped.code, stopped.message]).toEqual(['VALIDATION', '模板「我局含磷检查」已停用，不能用来新建专项，请先恢复模板或另选一个']);
    const backwards = await refused(b, 'campaigns.create', { templateId: 'e-bike', name: '专项', startsOn: '2026-11-01', endsOn: '2026-10-31' });
    expect(backwards.message).toBe('结束日期：结束日期不能早于开始日期');
    expect(dump(b)).toBe(archivedBefore);
    expect(before).not.toBe(archivedBefore);

    const list = await callOk(b, 'campaigns.list', {});
    expect(list).toHaveLength(5);
    expect(list.find((c) => c.id === campaign.id)).toMatchObject({
      templateName: '含磷洗涤用品专项整治', targetCount: 4, plannedCount: 4, inspectedCount: 0, drawn: false,
    });
  });

  it('edits a campaign: parameters only for keys its template defines, refused when stale', async () => {
    const { b, create } = await setup();
    const c = await create({ tags: [DETERGENT] });
    const base = { id: c.id, expectedUpdatedAt: c.updatedAt, name: c.name, docRef: c.docRef, startsOn: c.startsOn, endsOn: c.endsOn, status: c.status };
    const before = dump(b);
    const unknown = await refused(b, 'campaigns.update', { ...base, parameters: { maxSpeed: 25 } });
    expect([unknown.code, unknown.message, unknown.details?.field]).toEqual(['VALIDATION', '参数：模板「含磷洗涤用品专项整治」没有参数「maxSpeed」', 'parameters.maxSpeed']);
    expect(dump(b)).toBe(before);

    const saved = await callOk(b, 'campaigns.update', { ...base, parameters: { phosphorusLimit: 1.0 }, status: '已结束' });
    expect([saved.parameters, saved.status]).toEqual([{ phosphorusLimit: 1.0 }, '已结束']);
    const audit = b.core.sqlite.prepare("SELECT before, after FROM audit_log WHERE method = 'campaigns.update'").get();
    expect(audit).toEqual({
      before: JSON.stringify({ status: '进行中', parameters: { phosphorusLimit: 1.1 } }),
      after: JSON.stringify({ status: '已结束', parameters: { phosphorusLimit: 1.0 } }),
    });
    const stale = await refused(b, 'campaigns.update', { ...base, name: '改名' });
    expect([stale.code, stale.message.startsWith('专项「2026 年含磷洗涤用品专项整治」在您打开之后已被修改')]).toEqual(['CONFLICT', true]);
    const missing = await refused(b, 'campaigns.get', { id: 999 });
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('applies a new scope: adds matches, drops scope targets that no longer match unless inspected, keeps manual changes', async () => {
    const { b, id, create, productId } = await setup();
    const c = await create({ tags: [DETERGENT], productIds: [productId] });
    expect(await targetNames(b, c.id)).toEqual(['甲记日杂店', '丙记超市', '乙记日杂店']);
    expect(await callOk(b, 'campaigns.addTargets', { campaignId: c.id, enterpriseIds: [id.wujin, id.jia] })).toEqual({ changed: 1, total: 4 });
    await addResult(b, c.id, id.yi);

    const before = dump(b);
    const archived = await refused(b, 'campaigns.addTargets', { campaignId: c.id, enterpriseIds: [id.ji, id.ding] });
    expect([archived.code, archived.message]).toEqual(['VALIDATION', '「华容县己记日杂店」已归档，不能加入检查对象']);
    const inspected = await refused(b, 'campaigns.removeTargets', { campaignId: c.id, enterpriseIds: [id.yi, id.jia] });
    expect([inspected.code, inspected.message]).toEqual(['CONFLICT', '「华容县乙记日杂店」已有检查结果，不能移出检查对象；如结果录错，请先作废该检查结果']);
    const outsider = await refused(b, 'campaigns.removeTargets', { campaignId: c.id, enterpriseIds: [id.ding] });
    expect(outsider.message).toBe('「华容县丁记洗车行」不是本专项的检查对象');
    expect(dump(b)).toBe(before);

    // 丙 leaves (no longer matches), 乙 stays (it has a result), 丁 joins, the manual 五金店 stays.
    const narrower = { tags: [DETERGENT, '洗车'], townshipCodes: [T1, T3] };
    expect(await callOk(b, 'campaigns.applyScope', { campaignId: c.id, scope: narrower })).toEqual({ added: 1, removed: 1, total: 4 });
    expect(await targetNames(b, c.id)).toEqual(['甲记日杂店', '某某五金店', '乙记日杂店', '丁记洗车行']);
    expect((await callOk(b, 'campaigns.get', { id: c.id })).scope).toMatchObject(narrower);
    const targets = (await callOk(b, 'campaigns.targets', { campaignId: c.id })).rows;
    expect(targets.map((t) => [t.name.replace('华容县', ''), t.source, t.status])).toEqual([
      ['甲记日杂店', 'scope', '未检查'], ['某某五金店', 'manual', '未检查'], ['乙记日杂店', 'scope', '已检查无问题'], ['丁记洗车行', 'scope', '未检查'],
    ]);

    // A target removed by hand stays removed when a scope matching it again is applied; one the scope removed comes back.
    expect(await callOk(b, 'campaigns.removeTargets', { campaignId: c.id, enterpriseIds: [id.jia] })).toEqual({ changed: 1, total: 3 });
    expect(await callOk(b, 'campaigns.applyScope', { campaignId: c.id, scope: { tags: [DETERGENT], productIds: [productId] } })).toEqual({
      added: 1, removed: 1, total: 3,
    });
    expect(await targetNames(b, c.id)).toEqual(['某某五金店', '丙记超市', '乙记日杂店']);
    const rows = b.core.sqlite.prepare('SELECT enterprise_id, removed_reason FROM campaign_targets WHERE campaign_id = ? AND removed_at IS NOT NULL ORDER BY enterprise_id').all(c.id);
    expect(rows).toEqual([{ enterprise_id: id.jia, removed_reason: '手动移出' }, { enterprise_id: id.ding, removed_reason: '超出检查范围' }]);
    // Before a draw, changes go to the audit trail only.
    expect(await callOk(b, 'campaigns.changes', { campaignId: c.id })).toEqual([]);
    const methods = b.core.sqlite.prepare("SELECT method FROM audit_log WHERE entity = 'campaign' ORDER BY id").pluck().all();
    expect(methods).toEqual(['campaigns.create', 'campaigns.addTargets', 'campaigns.applyScope', 'campaigns.removeTargets', 'campaigns.applyScope']);
    expect(await callOk(b, 'campaigns.list', {})).toMatchObject([{ targetCount: 3, plannedCount: 3, inspectedCount: 1 }]);
  });

  it('lists targets by name, code, township and status, with their inspectors', async () => {
    const { b, id, inspectors, create, productId } = await setup();
    const c = await create({ tags: [DETERGENT, '洗车'], productIds: [productId] });
    await addResult(b, c.id, id.yi);
    await addResult(b, c.id, id.yi);
    await addResult(b, c.id, id.ding, true);
    const assigned = await callOk(b, 'campaigns.assign', {
      campaignId: c.id, enterpriseIds: [id.yi, id.bing], inspectorIds: [inspectors['张三'], inspectors['李四']], responsibleUnit: '治河渡市场监督管理所',
    });
    expect(assigned).toEqual({ changed: 2, total: 4 });
    const yi = (await callOk(b, 'campaigns.targets', { campaignId: c.id, q: '乙记' })).rows;
    expect(yi).toMatchObject([{
      uscc: YI_CODE, townshipCode: T2, townshipName: '治河渡镇', status: '已检查无问题', visits: 2, lastInspectedOn: '2026-11-10',
      responsibleUnit: '治河渡市场监督管理所',
      inspectors: [{ id: inspectors['张三'], name: '张三', certNo: '43062301000' }, { id: inspectors['李四'], name: '李四', certNo: '43062301001' }],
    }]);
    expect(await targetNames(b, c.id, { q: YI_CODE.slice(8, 14).toLowerCase() })).toEqual(['乙记日杂店']);
    expect(await targetNames(b, c.id, { townshipCode: T2 })).toEqual(['丙记超市', '乙记日杂店']);
    expect(await targetNames(b, c.id, { status: '发现问题' })).toEqual(['丁记洗车行']);
    expect(await targetNames(b, c.id, { status: '未检查' })).toEqual(['甲记日杂店', '丙记超市']);
    const page = await callOk(b, 'campaigns.targets', { campaignId: c.id, offset: 1, limit: 2 });
    expect([page.total, page.rows.map((r) => r.name)]).toEqual([4, ['华容县丙记超市', '华容县乙记日杂店']]);
    expect((await callOk(b, 'campaigns.targets', { campaignId: c.id, offset: 10 })).rows).toEqual([]);
    expect(await callOk(b, 'campaigns.targets', { campaignId: c.id, q: '日杂', offset: 10 })).toEqual({ total: 2, rows: [] });

    // Pages of any size put together give the whole list; targets without a township come last.
    const stall = (await callOk(b, 'enterprises.create', { data: { name: '华容县流动摊贩甲', entityType: '个体工商户' } })).enterprise.id;
    await callOk(b, 'campaigns.addTargets', { campaignId: c.id, enterpriseIds: [stall] });
    const whole = await targetNames(b, c.id);
    expect(whole).toEqual(['甲记日杂店', '丙记超市', '乙记日杂店', '丁记洗车行', '流动摊贩甲']);
    for (const limit of [1, 2, 3]) {
      const pages: string[] = [];
      for (let offset = 0; offset < whole.length; offset += limit) pages.push(...(await targetNames(b, c.id, { offset, limit })));
      expect(pages).toEqual(whole);
    }
    expect(await targetNames(b, c.id, { q: '记 日杂' })).toEqual(['甲记日杂店', '乙记日杂店']);

    const before = dump(b);
    const retired = await refused(b, 'campaigns.assign', { campaignId: c.id, enterpriseIds: [id.yi], inspectorIds: [inspectors['钱七']] });
    expect([retired.code, retired.message, retired.details?.field]).toEqual(['VALIDATION', '执法人员：「钱七」已不在岗，不能分配', 'inspectorIds']);
    const ghost = await refused(b, 'campaigns.assign', { campaignId: c.id, enterpriseIds: [id.yi], inspectorIds: [999] });
    expect(ghost.message).toBe('执法人员：找不到编号为 999 的执法人员，请刷新后重新选择');
    const offList = await refused(b, 'campaigns.assign', { campaignId: c.id, enterpriseIds: [id.wujin, id.yi], inspectorIds: [] });
    expect(offList.message).toBe('「华容县某某五金店」不是本专项的检查对象');
    expect(dump(b)).toBe(before);
  });

  it('after a draw, requires a reason for every change to the list and logs each one per enterprise', async () => {
    const { b, id, inspectors, create, productId } = await setup();
    const c = await create({ tags: [DETERGENT], productIds: [productId] });
    fakeDraw(b, c.id, [id.jia, id.yi]);
    expect((await callOk(b, 'campaigns.get', { id: c.id })).draw).toMatchObject({ seed: 'a1b2c3d4', drawnCount: 2, superseded: false });
    expect(await targetNames(b, c.id)).toEqual(['甲记日杂店', '乙记日杂店']);
    expect(await targetNames(b, c.id, { plannedOnly: false })).toEqual(['甲记日杂店', '丙记超市', '乙记日杂店']);

    const before = dump(b);
    const noReason = [
      await refused(b, 'campaigns.addTargets', { campaignId: c.id, enterpriseIds: [id.wujin] }),
      await refused(b, 'campaigns.removeTargets', { campaignId: c.id, enterpriseIds: [id.jia], reason: '  ' }),
      await refused(b, 'campaigns.assign', { campaignId: c.id, enterpriseIds: [id.jia], inspectorIds: [inspectors['张三']] }),
      await refused(b, 'campaigns.applyScope', { campaignId: c.id, scope: { tags: ['洗车'] } }),
    ];
    for (const e of noReason) expect([e.code, e.message, e.details?.field]).toEqual(['VALIDATION', '已完成双随机抽取，修改检查对象须填写变更原因', 'reason']);
    expect(dump(b)).toBe(before);

    const { 张三: zhang, 李四: li, 王五: wang, 赵六: zhao } = inspectors;
    await callOk(b, 'campaigns.assign', { campaignId: c.id, enterpriseIds: [id.jia, id.yi], inspectorIds: [zhang, li], reason: '按抽取结果分配' });
    await callOk(b, 'campaigns.assign', { campaignId: c.id, enterpriseIds: [id.jia], inspectorIds: [wang, zhao], responsibleUnit: '三封寺所', reason: '张三回避（亲属关系）' });
    expect(await callOk(b, 'campaigns.addTargets', { campaignId: c.id, enterpriseIds: [id.wujin], reason: '群众举报销售含磷洗衣粉' })).toEqual({ changed: 1, total: 4 });
    expect(await callOk(b, 'campaigns.removeTargets', { campaignId: c.id, enterpriseIds: [id.yi], reason: '已注销' })).toEqual({ changed: 1, total: 3 });
    // A wider scope after the draw: new matches join the list, but not the drawn ones to inspect.
    expect(await callOk(b, 'campaigns.applyScope', { campaignId: c.id, scope: { tags: [DETERGENT, '洗车'], productIds: [productId] }, reason: '扩大到洗车行' })).toEqual({
      added: 1, removed: 0, total: 4,
    });
    // On the list but not drawn: adding it by hand makes it one to inspect.
    expect(await callOk(b, 'campaigns.addTargets', { campaignId: c.id, enterpriseIds: [id.bing, id.jia], reason: '接群众举报' })).toEqual({ changed: 1, total: 4 });

    const rows = (await callOk(b, 'campaigns.targets', { campaignId: c.id, plannedOnly: false })).rows;
    expect(rows.map((r) => [r.name.replace('华容县', ''), r.source, r.planned])).toEqual([
      ['甲记日杂店', 'scope', true], ['某某五金店', 'manual', true], ['丙记超市', 'scope', true], ['丁记洗车行', 'scope', false],
    ]);
    const changes = await callOk(b, 'campaigns.changes', { campaignId: c.id });
    expect(changes.map((x) => [x.enterpriseName.replace('华容县', ''), x.change, x.reason, x.actor])).toEqual([
      ['甲记日杂店', '更换执法人员：未分配 → 张三、李四', '按抽取结果分配', '张干事'],
      ['乙记日杂店', '更换执法人员：未分配 → 张三、李四', '按抽取结果分配', '张干事'],
      ['甲记日杂店', '更换执法人员：张三、李四 → 王五、赵六；更换责任单位：所在乡镇市场监管所 → 三封寺所', '张三回避（亲属关系）', '张干事'],
      ['某某五金店', '添加检查对象', '群众举报销售含磷洗衣粉', '张干事'],
      ['乙记日杂店', '移出检查对象', '已注销', '张干事'],
      ['丁记洗车行', '按范围加入检查对象名录（不在本次抽取结果中）', '扩大到洗车行', '张干事'],
      ['丙记超市', '列入检查（不在抽取结果中）', '接群众举报', '张干事'],
    ]);
    const audit = b.core.sqlite.prepare("SELECT method, reason FROM audit_log WHERE entity = 'campaign' AND method != 'campaigns.create' ORDER BY id").all();
    expect(audit.map((a) => (a as { reason: string }).reason)).toEqual(['按抽取结果分配', '张三回避（亲属关系）', '群众举报销售含磷洗衣粉', '已注销', '扩大到洗车行', '接群众举报']);
    expect(await callOk(b, 'campaigns.list', {})).toMatchObject([{ targetCount: 4, plannedCount: 3, drawn: true }]);
  });
});
