import { describe, expect, it } from 'vitest';
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

const dump = (b: Backend): string => snapshot(b) + JSON.stringify(b.core.sqlite.prepare('SELECT * FROM inspectors ORDER BY id').all());

async function refused(b: Backend, input: unknown): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  const r = await b.api.call('inspectors.save', input, clerk);
  if (r.ok) throw new Error('inspectors.save should have been refused');
  return r.error;
}

const bureau = '华容县市场监督管理局';

describe('inspectors (执法人员)', () => {
  it('adds and edits inspectors, keeping 执法证号 unique however it is typed', async () => {
    const b = testBackend();
    const zhang = await callOk(b, 'inspectors.save', { data: { name: '张三', unit: `${bureau}三封寺所`, townshipCode: '430623101', certNo: ' 43062301001 ' } });
    expect(zhang).toMatchObject({ name: '张三', townshipCode: '430623101', townshipName: '三封寺镇', certNo: '43062301001', active: true });
    const li = await callOk(b, 'inspectors.save', { data: { name: '李四', unit: bureau, certNo: 'hn-0002' } });
    expect([li.certNo, li.townshipCode, li.townshipName]).toEqual(['HN-0002', null, null]);

    const before = dump(b);
    // Full-width digits are the same certificate.
    const dup = await refused(b, { data: { name: '王五', unit: bureau, certNo: '４３０６２３０１００１' } });
    expect([dup.code, dup.message, dup.details?.field]).toEqual(['CONFLICT', '执法证号 43062301001 已属于 张三', 'data.certNo']);
    const taken = await refused(b, { id: li.id, expectedUpdatedAt: li.updatedAt, data: { name: '李四', unit: bureau, certNo: '43062301001' } });
    expect(taken.message).toBe('执法证号 43062301001 已属于 张三');
    const town = await refused(b, { data: { name: '王五', unit: bureau, townshipCode: '430623999', certNo: 'HN-0003' } });
    expect([town.code, town.message]).toEqual(['VALIDATION', '所属乡镇（街道）：找不到乡镇代码 430623999']);
    const short = await refused(b, { data: { name: '王五', unit: bureau, certNo: '12' } });
    expect([short.code, short.message]).toEqual(['VALIDATION', '执法证号：执法证号至少 4 位']);
    const ghost = await refused(b, { id: 999, expectedUpdatedAt: li.updatedAt, data: { name: '李四', unit: bureau, certNo: 'HN-0002' } });
    expect(ghost.code).toBe('NOT_FOUND');
    expect(dump(b)).toBe(before);

    // Leaving: made inactive, never deleted; a stale edit is refused.
    const left = await callOk(b, 'inspectors.save', { id: li.id, expectedUpdatedAt: li.updatedAt, data: { name: '李四', unit: bureau, certNo: 'HN-0002', active: false } });
    expect(left.active).toBe(false);
    const stale = await refused(b, { id: li.id, expectedUpdatedAt: li.updatedAt, data: { name: '李四', unit: bureau, certNo: 'HN-0002' } });
    expect([stale.code, stale.message.startsWith('执法人员「李四」在您打开之后已被修改')]).toEqual(['CONFLICT', true]);
    // Saving the same data again writes nothing.
    const auditRows = () => (b.core.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'inspector'").get() as { n: number }).n;
    expect(auditRows()).toBe(3);
    await callOk(b, 'inspectors.save', { id: left.id, expectedUpdatedAt: left.updatedAt, data: { name: '李四', unit: bureau, certNo: 'HN-0002', active: false } });
    expect(auditRows()).toBe(3);

    expect((await callOk(b, 'inspectors.list', {})).map((i) => [i.name, i.active])).toEqual([['张三', true], ['李四', false]]);
    expect((await callOk(b, 'inspectors.list', { includeInactive: false })).map((i) => i.name)).toEqual(['张三']);
    const audit = b.core.sqlite.prepare("SELECT before, after FROM audit_log WHERE entity = 'inspector' ORDER BY id DESC LIMIT 1").get();
    expect(audit).toEqual({ before: '{"active":true}', after: '{"active":false}' });
  });
});
