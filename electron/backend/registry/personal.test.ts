import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { maskPhone, type Role } from '../../../shared/accounts';
import { callOk, testBackend } from '../../../tests/helpers/backend';
import type { RequestContext } from '../context';

const as = (role: Role): RequestContext => ({ actor: role, accountId: null, role, transport: 'remote', via: 'session' });

describe('personal data by role', () => {
  it('masks mobile and landline numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0730-5551234')).toBe('0730-****234');
    expect(maskPhone('0730-4221234、13907301111')).toBe('0730-****234、139****1111');
    expect(maskPhone('12345')).toBe('12345');
  });

  it('shows phones in full only to roles that see personal data, in lists, records and exports; full ID numbers need the right role', async () => {
    const b = testBackend();
    const { enterprise } = await callOk(b, 'enterprises.create', {
      data: { name: '华容县海信日化有限公司', legalRep: '李建国', idNumber: '430623198001010010', phone: '0730-4221234' },
    });
    const phones = async (role: Role) => {
      const list = await b.api.call('enterprises.search', {}, as(role));
      const one = await b.api.call('enterprises.get', { id: enterprise.id }, as(role));
      if (!list.ok || !one.ok) throw new Error('call failed');
      return [(list.value as { rows: { phone: string }[] }).rows[0]?.phone, (one.value as { phone: string }).phone];
    };
    expect(await phones('clerk')).toEqual(['0730-4221234', '0730-4221234']);
    expect(await phones('admin')).toEqual(['0730-4221234', '0730-4221234']);
    expect(await phones('coordinator')).toEqual(['0730-****234', '0730-****234']);
    expect(await phones('readonly')).toEqual(['0730-****234', '0730-****234']);

    const refused = await b.api.call('enterprises.export', { filter: {}, revealPersonal: true }, as('readonly'));
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    const exported = async (role: Role, revealPersonal: boolean) => {
      const r = await b.api.call('enterprises.export', { filter: {}, revealPersonal }, as(role));
      if (!r.ok) throw new Error(r.error.message);
      const done = await b.core.jobs.wait((r.value as { jobId: string }).jobId);
      const file = (done.result as { file: { sha256: string } }).file;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(b.core.files.pathOf(file.sha256));
      const cells: string[] = [];
      wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
      const values = cells;
      return [values.find((v) => v.startsWith('430623')), values.find((v) => v.startsWith('0730'))];
    };
    expect(await exported('readonly', false)).toEqual(['430623********0010', '0730-****234']);
    expect(await exported('clerk', false)).toEqual(['430623********0010', '0730-4221234']);
    expect(await exported('clerk', true)).toEqual(['430623198001010010', '0730-4221234']);
  });

  it('exports in the order of the list on screen', async () => {
    const b = testBackend();
    for (const [name, establishedOn] of [['华容县甲商行', '2020-01-01'], ['华容县乙商行', '2024-06-30'], ['华容县丙商行', null]] as const) {
      await callOk(b, 'enterprises.create', { data: { name, establishedOn } });
    }
    const names = async (input: object) => {
      const r = await b.api.call('enterprises.export', { filter: {}, ...input }, as('clerk'));
      if (!r.ok) throw new Error(r.error.message);
      const done = await b.core.jobs.wait((r.value as { jobId: string }).jobId);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(b.core.files.pathOf((done.result as { file: { sha256: string } }).file.sha256));
      return wb.worksheets[0]!.getColumn(1).values.slice(2);
    };
    const listed = async (input: object) => (await callOk(b, 'enterprises.search', { filter: {}, ...input })).rows.map((r) => r.name);
    expect(await names({})).toEqual(['华容县丙商行', '华容县甲商行', '华容县乙商行']); // by name (pinyin) when no order is given
    const newestFirst = { sort: 'establishedOn', order: 'desc' };
    expect(await names(newestFirst)).toEqual(['华容县乙商行', '华容县甲商行', '华容县丙商行']);
    expect(await names(newestFirst)).toEqual(await listed(newestFirst));
  });

  it('masks the phone on a dossier export for roles that do not see personal data', async () => {
    const b = testBackend();
    const { enterprise } = await callOk(b, 'enterprises.create', { data: { name: '华容县海信日化有限公司', phone: '13812345678' } });
    const printed = async (role: Role) => {
      const r = await b.api.call('dossier.export', { enterpriseId: enterprise.id, format: 'pdf' }, as(role));
      if (!r.ok) throw new Error(r.error.message);
      const done = await b.core.jobs.wait((r.value as { jobId: string }).jobId);
      const file = (done.result as { file: { sha256: string } }).file;
      return execFileSync('pdftotext', [b.core.files.pathOf(file.sha256), '-'], { encoding: 'utf8' });
    };
    const forLeader = await printed('readonly');
    expect(forLeader).toContain('138****5678');
    expect(forLeader).not.toContain('13812345678');
    expect(await printed('clerk')).toContain('13812345678');
  }, 60_000);
});
