import { describe, expect, it } from 'vitest';
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
    const wrongType = await b.api.call('enterprises.list', { page: 'one' }, clerk);
    expect(!wrongType.ok && wrongType.error.message).toBe('页码：类型不对');
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
    for (const method of methodNames) {
      const input =
        method === 'divisions.townships' ? { countyCode: '430623' } : method.startsWith('jobs.') && method !== 'jobs.list' ? { jobId: started.jobId } : method === 'settings.saveOffice' ? { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' } : method === 'demo.generate' ? { enterprises: 1 } : {};
      const r = await b.api.call(method, input, clerk);
      if (method === 'jobs.cancel') {
        expect(!r.ok && r.error.code).toBe('CONFLICT'); // already finished
        continue;
      }
      expect(r.ok, `${method}: ${JSON.stringify(r)}`).toBe(true);
      if (r.ok) expect(contract[method].output.safeParse(r.value).success, method).toBe(true);
      if (method === 'demo.generate' && r.ok) await b.core.jobs.wait((r.value as { jobId: string }).jobId);
    }
  });
});
