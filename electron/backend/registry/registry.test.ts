import { describe, expect, it } from 'vitest';
import type { EnterpriseInput } from '../../../shared/enterprise';
import { composeUscc } from '../../../shared/uscc';
import { callOk, clerk, snapshot, testBackend } from '../../../tests/helpers/backend';
import type { Backend } from '../backend';

const office = { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' };
const code1 = composeUscc('91', '430623', 'MA4L0001');
const code2 = composeUscc('92', '430623', 'MA4L0002');

async function setup(): Promise<Backend> {
  const b = testBackend();
  await callOk(b, 'settings.saveOffice', office);
  return b;
}

const haixin: EnterpriseInput = {
  name: '华容县海信日化有限公司',
  uscc: code1,
  legalRep: '李建国',
  idNumber: '430623198001010010',
  phone: '0730-4221234',
  address: '湖南省岳阳市华容县章华镇沿河路18号',
  townshipCode: '430623120',
  industryCode: '2681',
  tags: ['洗涤用品生产企业'],
  licences: [{ kind: '生产许可证', number: 'XK13-000001', validFrom: '2022-01-01', validTo: '2027-01-01' }],
};

const names = async (b: Backend, q: string, extra: Record<string, unknown> = {}) =>
  (await callOk(b, 'enterprises.search', { filter: { q, ...extra } })).rows.map((r) => r.name);

describe('the enterprise registry', () => {
  it('finds an enterprise by 1–2 characters, longer fragments, pinyin, code prefix, phone and address', async () => {
    const b = await setup();
    await callOk(b, 'enterprises.create', { data: haixin });
    await callOk(b, 'enterprises.create', { data: { name: '华容县长江调味品商行', phone: '13800000000', address: '华容县治河渡镇' } });
    expect(await names(b, '海')).toEqual(['华容县海信日化有限公司']);
    expect(await names(b, '海信')).toEqual(['华容县海信日化有限公司']);
    expect(await names(b, '信日化')).toEqual(['华容县海信日化有限公司']);
    expect(await names(b, 'hxrh')).toEqual(['华容县海信日化有限公司']);
    expect(await names(b, 'hx')).toEqual(['华容县海信日化有限公司']);
    expect(await names(b, 'haixin')).toEqual(['华容县海信日化有限公司']);
    expect(await names(b, code1.slice(0, 8).toLowerCase())).toEqual(['华容县海信日化有限公司']);
    expect(await names(b, code1)).toEqual(['华容县海信日化有限公司']);
    expect(await names(b, '4221234')).toEqual(['华容县海信日化有限公司']);
    expect(await names(b, '沿河路')).toEqual(['华容县海信日化有限公司']);
    // 长 in 长江 is chang; the other reading still finds it.
    expect(await names(b, 'cjtw')).toEqual(['华容县长江调味品商行']);
    expect(await names(b, 'changjiang')).toEqual(['华容县长江调味品商行']);
    expect(await names(b, '华容 商行')).toEqual(['华容县长江调味品商行']);
    expect((await names(b, '华容')).sort()).toHaveLength(2);
    expect(await names(b, '不存在的企业')).toEqual([]);
    expect(await names(b, '', { tags: ['洗涤用品生产企业'] })).toEqual(['华容县海信日化有限公司']);
    expect(await names(b, '', { industry: 'C' })).toEqual(['华容县海信日化有限公司']);
    expect(await names(b, '', { licenceExpiringDays: 3650 })).toEqual(['华容县海信日化有限公司']);
    expect(await names(b, '', { townshipCodes: ['430623120'] })).toEqual(['华容县海信日化有限公司']);
  });

  it('names the expected check character, accepts the code with a written reason, and keeps the reason', async () => {
    const b = await setup();
    const wrong = `${code1.slice(0, 17)}${code1[17] === '0' ? '1' : '0'}`;
    const before = snapshot(b);
    const r = await b.api.call('enterprises.create', { data: { ...haixin, uscc: wrong } }, clerk);
    expect(!r.ok && r.error.code).toBe('VALIDATION');
    expect(!r.ok && r.error.message).toContain(`应为 ${code1[17]}`);
    expect(!r.ok && r.error.details?.['field']).toBe('data.uscc');
    expect(snapshot(b)).toBe(before);

    const saved = await callOk(b, 'enterprises.create', { data: { ...haixin, uscc: ` ${wrong.toLowerCase()} ` }, codeOverrideReason: '营业执照原件如此，早期试点代码' });
    expect(saved.enterprise.uscc).toBe(wrong);
    expect(saved.enterprise.codeOverrideReason).toBe('营业执照原件如此，早期试点代码');
    const history = await callOk(b, 'enterprises.history', { id: saved.enterprise.id });
    expect(history[0]?.reason).toBe('营业执照原件如此，早期试点代码');
  });

  it('refuses a code already registered, pointing at the holder, and writes nothing', async () => {
    const b = await setup();
    const first = await callOk(b, 'enterprises.create', { data: haixin });
    const before = snapshot(b);
    const r = await b.api.call('enterprises.create', { data: { name: '另一家公司', uscc: code1.toLowerCase() } }, clerk);
    expect(!r.ok && r.error.code).toBe('CONFLICT');
    expect(!r.ok && r.error.message).toContain('华容县海信日化有限公司');
    expect(!r.ok && r.error.details?.['existingId']).toBe(first.enterprise.id);
    expect(snapshot(b)).toBe(before);
  });

  it('keeps the history of each change with before and after, masks the ID number, and refuses stale edits', async () => {
    const b = await setup();
    const { enterprise } = await callOk(b, 'enterprises.create', { data: haixin });
    expect(enterprise.idNumberMasked).toBe('430623********0010');
    const classed = await b.api.call('enterprises.update', { id: enterprise.id, data: { ...haixin, creditClass: 'B' }, expectedUpdatedAt: enterprise.updatedAt }, clerk);
    expect(!classed.ok && classed.error.message).toBe('信用风险分类请在「一企一档」中调整，并写明原因');
    const data = { ...haixin, phone: '13907301111', idNumber: '43062319800101007X' };
    const saved = await callOk(b, 'enterprises.update', { id: enterprise.id, data, expectedUpdatedAt: enterprise.updatedAt });
    expect(saved.enterprise.phone).toBe('13907301111');
    const stale = await b.api.call('enterprises.update', { id: enterprise.id, data: haixin, expectedUpdatedAt: enterprise.updatedAt }, clerk);
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    const [change] = await callOk(b, 'enterprises.history', { id: enterprise.id });
    expect(change?.actor).toBe(clerk.actor);
    expect(change?.before).toEqual({ phone: '0730-4221234', idNumber: '430623********0010' });
    expect(change?.after).toEqual({ phone: '13907301111', idNumber: '430623********007X' });
    expect(await names(b, '13907301111')).toEqual(['华容县海信日化有限公司']);
    expect(await names(b, '4221234')).toEqual([]);
    const revealed = await callOk(b, 'enterprises.revealIdNumber', { id: enterprise.id });
    expect(revealed.idNumber).toBe('43062319800101007X');
    // A form that never saw the number in full keeps it.
    const kept = await callOk(b, 'enterprises.update', {
      id: enterprise.id, data: { ...data, idNumber: null, phone: '13907302222' }, expectedUpdatedAt: saved.enterprise.updatedAt, keepIdNumber: true,
    });
    expect(kept.enterprise.idNumberMasked).toBe('430623********007X');
  });

  it('refuses a wrong ID number naming its check character', async () => {
    const b = await setup();
    const r = await b.api.call('enterprises.create', { data: { ...haixin, idNumber: '430623198001010016' } }, clerk);
    expect(!r.ok && r.error.message).toContain('最后一位应为 0');
    expect(!r.ok && r.error.details?.['field']).toBe('data.idNumber');
  });

  it('archives without deleting and restores', async () => {
    const b = await setup();
    const { enterprise } = await callOk(b, 'enterprises.create', { data: haixin });
    await callOk(b, 'enterprises.archive', { id: enterprise.id, reason: '已注销，归档备查' });
    expect(await names(b, '海信')).toEqual([]);
    expect(await names(b, '海信', { archived: 'all' })).toEqual(['华容县海信日化有限公司']);
    const restored = await callOk(b, 'enterprises.restore', { id: enterprise.id, reason: '误归档' });
    expect(restored.archived).toBe(false);
    expect((await callOk(b, 'enterprises.history', { id: enterprise.id })).map((h) => h.method)).toEqual([
      'enterprises.restore', 'enterprises.archive', 'enterprises.create',
    ]);
  });

  it('keeps the search indexes and the tag filter in step with edits, archiving, restoring and merging', async () => {
    const b = await setup();
    const { enterprise } = await callOk(b, 'enterprises.create', { data: haixin });
    const data = (await callOk(b, 'enterprises.get', { id: enterprise.id }));
    await callOk(b, 'enterprises.update', {
      id: enterprise.id,
      expectedUpdatedAt: data.updatedAt,
      data: { ...haixin, name: '华容县碧波洗化有限公司', phone: '13912345678', tags: ['洗涤用品经营户'] },
    });
    for (const q of ['碧', '碧波', '碧波洗化', 'bbxh', 'bibo', '2345678']) expect(await names(b, q), q).toEqual(['华容县碧波洗化有限公司']);
    for (const q of ['海信', '海信日化', 'hxrh', '4221234']) expect(await names(b, q), q).toEqual([]);
    expect(await names(b, '', { tags: ['洗涤用品生产企业'] })).toEqual([]);
    expect(await names(b, '', { tags: ['洗涤用品经营户'] })).toEqual(['华容县碧波洗化有限公司']);

    await callOk(b, 'enterprises.archive', { id: enterprise.id, reason: '已注销' });
    expect(await names(b, '碧波')).toEqual([]);
    expect(await names(b, '', { tags: ['洗涤用品经营户'] })).toEqual([]);
    await callOk(b, 'enterprises.restore', { id: enterprise.id, reason: '误归档' });
    expect(await names(b, '碧波洗化')).toEqual(['华容县碧波洗化有限公司']);

    const dup = await callOk(b, 'enterprises.create', { data: { name: '碧波洗化店', address: haixin.address, tags: ['小作坊'] } });
    expect(await names(b, '碧波')).toHaveLength(2);
    await callOk(b, 'enterprises.merge', { keepId: enterprise.id, mergeId: dup.enterprise.id, reason: '同一企业' });
    expect(await names(b, '碧波')).toEqual(['华容县碧波洗化有限公司']);
    expect(await names(b, '', { tags: ['小作坊'] })).toEqual(['华容县碧波洗化有限公司']);
  });

  it('flags likely duplicates on save, lists them, remembers "not a duplicate", and merges keeping both histories', async () => {
    const b = await setup();
    const a = (await callOk(b, 'enterprises.create', { data: haixin })).enterprise;
    const dup = await callOk(b, 'enterprises.create', {
      data: { name: '海信日化有限公司', address: '华容县章华镇沿河路18号', uscc: code2, licences: [{ kind: 'CCC', number: '2024000000000001' }] },
    });
    expect(dup.duplicates.map((d) => [d.id, d.reasons])).toEqual([[a.id, ['名称和地址相近']]]);
    const other = await callOk(b, 'enterprises.create', { data: { name: '华容县某某便民超市', phone: '0730-4221234' } });
    expect(other.duplicates.map((d) => [d.id, d.reasons])).toEqual([[a.id, ['联系电话相同']]]);

    const list = await callOk(b, 'enterprises.duplicates', {});
    expect(list.pairs.map((p) => [p.a.id, p.b.id])).toEqual([[a.id, dup.enterprise.id], [a.id, other.enterprise.id]]);
    await callOk(b, 'enterprises.dismissDuplicate', { aId: other.enterprise.id, bId: a.id, reason: '同一栋楼的总机电话' });
    expect((await callOk(b, 'enterprises.duplicates', {})).total).toBe(1);

    const merged = await callOk(b, 'enterprises.merge', { keepId: a.id, mergeId: dup.enterprise.id, reason: '同一企业重复登记' });
    expect(merged.moved).toEqual({ enterprise_licences: 1 });
    expect(merged.enterprise.licences.map((l) => l.kind).sort()).toEqual(['CCC', '生产许可证']);
    expect(merged.enterprise.formerNames).toContain('海信日化有限公司');
    const gone = await callOk(b, 'enterprises.get', { id: dup.enterprise.id });
    expect(gone.archived).toBe(true);
    expect(gone.mergedInto).toEqual({ id: a.id, name: a.name });
    const history = await callOk(b, 'enterprises.history', { id: a.id });
    expect(history.filter((h) => h.entityId === String(dup.enterprise.id)).map((h) => h.method)).toEqual(['enterprises.merge', 'enterprises.create']);
    expect((await callOk(b, 'enterprises.duplicates', {})).total).toBe(0);
    const again = await b.api.call('enterprises.merge', { keepId: a.id, mergeId: dup.enterprise.id, reason: '再合并一次' }, clerk);
    expect(!again.ok && again.error.code).toBe('CONFLICT');
  });

  it('counts a term most of the registry matches inside the index, leaving archived enterprises out', async () => {
    const b = await setup();
    const started = await callOk(b, 'demo.generate', { enterprises: 2600 });
    await b.core.jobs.wait(started.jobId);
    await callOk(b, 'enterprises.archive', { id: 5, reason: '测试归档' });
    // Three characters and more are looked for in the address too; one or two in the names only.
    const direct = (q: string) =>
      (b.core.sqlite
        .prepare('SELECT count(*) AS n FROM enterprises WHERE archived_at IS NULL AND (name LIKE @like OR former_names LIKE @like OR (length(@q) >= 3 AND address LIKE @like))')
        .get({ like: `%${q}%`, q }) as { n: number }).n;
    for (const q of ['华容县', '华容']) {
      const r = await callOk(b, 'enterprises.search', { filter: { q }, limit: 50 });
      expect(r.total, q).toBe(direct(q));
      expect(r.total).toBeGreaterThan(2000);
      expect(r.rows.map((x) => x.id)).not.toContain(5);
      expect(r.rows.every((x) => x.name.includes(q) || (x.address ?? '').includes(q) || q.length < 3)).toBe(true);
    }
  });
});
