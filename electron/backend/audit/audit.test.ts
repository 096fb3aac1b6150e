import { describe, expect, it } from 'vitest';
import { callOk, testBackend } from '../../../tests/helpers/backend';
import { verifyAuditChain } from './audit';

describe('the audit chain', () => {
  it('verifies an untouched chain and names the first altered row', async () => {
    const b = testBackend();
    for (const abbrev of ['华市监', '华容市监', '华县市监']) {
      await callOk(b, 'settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: abbrev });
    }
    expect(verifyAuditChain(b.core.sqlite)).toEqual({ rows: 3, firstBrokenId: null });
    b.core.sqlite.prepare("UPDATE audit_log SET actor = '别人' WHERE id = 2").run();
    expect(verifyAuditChain(b.core.sqlite).firstBrokenId).toBe(2);
  });

  it('notices a deleted row', async () => {
    const b = testBackend();
    for (const abbrev of ['华市监', '华容市监', '华县市监']) {
      await callOk(b, 'settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: abbrev });
    }
    b.core.sqlite.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(verifyAuditChain(b.core.sqlite).firstBrokenId).toBe(3);
  });

  it('is refused outside a transaction', async () => {
    const b = testBackend();
    const { appendAudit } = await import('./audit');
    expect(() => appendAudit(b.core.sqlite, 'x', 'm', { entity: 'e' })).toThrow('inside the write transaction');
  });
});
