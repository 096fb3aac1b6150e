// County → city roll-up on real data: three county backends each run the phosphate campaign and
// export a package; a city backend imports the three and exports the same table with one row per
// county, compared figure by figure with each county's own tally. Altered, foreign, duplicate and
// superseded packages are refused with their reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { todayInChina } from '../../../shared/dates';
import type { Tally } from '../../../shared/campaign-results';
import { periodPresets, type ReportPackage, type SentReport } from '../../../shared/report';
import { callOk, clerk, testBackend } from '../../../tests/helpers/backend';
import type { Backend } from '../backend';
import { excelJs } from '../sheets/exceljs';
import { phosphateCounty, type CountyFixture } from './fixture';
import { sha256, unzipAll, zipParts } from './package-zip';

const ExcelJS = excelJs();

const lastWeek = periodPresets(todayInChina()).find((p) => p.key === 'lastWeek')!;
const COUNTIES = [
  { code: '430623', office: '华容县市场监督管理局', abbrev: '华市监' },
  { code: '430624', office: '湘阴县市场监督管理局', abbrev: '湘市监' },
  { code: '430626', office: '平江县市场监督管理局', abbrev: '平市监' },
];

async function refused(b: Backend, method: Parameters<Backend['api']['call']>[0], input: unknown) {
  const r = await b.api.call(method, input, clerk);
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error;
}

/** Rewrites a package zip with `change` applied to its entries (manifest left as it is unless changed). */
async function altered(path: string, change: (entries: Map<string, Buffer>) => void): Promise<Buffer> {
  const entries = await unzipAll(path);
  change(entries);
  return zipParts([...entries].map(([p, bytes]) => ({ path: p, bytes })), new Date());
}

describe('county packages and the city roll-up', () => {
  it('sums three county packages into one row per county and refuses altered, foreign and duplicate packages', async () => {
    const counties: { b: Backend; f: CountyFixture; tally: Tally; pkg: ReportPackage; bytes: Buffer }[] = [];
    for (const [k, county] of COUNTIES.entries()) {
      const b = testBackend();
      const f = await phosphateCounty(b, county, lastWeek.from, k);
      const tally = await callOk(b, 'campaigns.tally', { campaignId: f.campaignId, from: f.from, to: f.to });
      const pkg = await callOk(b, 'reports.exportPackage', { campaignId: f.campaignId, from: f.from, to: f.to });
      expect(pkg).toMatchObject({ direction: 'exported', officeCode: county.code, periodFrom: f.from, periodTo: f.to });
      counties.push({ b, f, tally, pkg, bytes: readFileSync(b.core.files.pathOf(pkg.file.sha256)) });
    }
    const city = testBackend();
    await callOk(city, 'settings.saveOffice', { name: '岳阳市市场监督管理局', countyCode: '430602', docAbbrev: '岳市监' });
    const upload = (bytes: Buffer, name = '数据包.zip') => city.core.files.putBytes(bytes, name, 'application/zip');

    for (const c of counties) {
      const file = await upload(c.bytes, c.pkg.file.name);
      const imported = await callOk(city, 'reports.importPackage', { file: file.sha256, fileName: c.pkg.file.name });
      expect(imported).toMatchObject({ direction: 'imported', officeCode: c.pkg.officeCode, manifestSha256: c.pkg.manifestSha256 });
    }
    const { jobId } = await callOk(city, 'reports.export', { params: { formatId: 'phosphate-progress', rollup: true, from: lastWeek.from, to: lastWeek.to } });
    const done = await city.core.jobs.wait(jobId);
    expect(done.status, done.message).toBe('succeeded');
    const sent = done.result as SentReport;
    expect(sent).toMatchObject({ rollup: true, rowCount: 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(city.core.files.pathOf(sent.file.sha256));
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A2').value)).toContain('岳阳市市场监督管理局');
    expect(ws.getCell('B3').value).toBe('县（市、区）');
    const keys = ['visits', 'enterprises', 'productsChecked', 'samplingBatches', 'samplingQualified', null, 'removed', 'seizedKg', 'problems', 'rectifications', 'cases', 'fineYuan', 'leaflets'] as const;
    counties.forEach((c, i) => {
      const row = ws.getRow(5 + i);
      expect(row.getCell(2).value).toBe(['华容县', '湘阴县', '平江县'][i]);
      keys.forEach((k, j) => {
        if (k) expect(row.getCell(3 + j).value, `${i} ${k}`).toBe(c.tally.total[k]);
      });
    });
    const total = ws.getRow(8);
    expect(total.getCell(2).value).toBe('合计');
    keys.forEach((k, j) => {
      if (!k) return;
      const sum = Math.round(counties.reduce((s, c) => s + (c.tally.total[k] ?? 0), 0) * 100) / 100;
      expect(total.getCell(3 + j).value, k).toBe(sum);
    });
    expect(total.getCell(5).value).toBe(210 * 3 + 6 * (0 + 1 + 2));

    // The same package again: refused, saying when it came.
    const again = await refused(city, 'reports.importPackage', { file: (await upload(counties[0]!.bytes)).sha256 });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('已于');
    expect(again.message).toContain('导入过');

    // A part changed after export: refused naming the part.
    const origin = counties[1]!.b.core.files.pathOf(counties[1]!.pkg.file.sha256);
    const tampered = await altered(origin, (e) => {
      const part = JSON.parse(e.get('data/campaignTally.json')!.toString('utf8')) as { total: Record<string, number> };
      part.total['visits'] = 600;
      e.set('data/campaignTally.json', Buffer.from(JSON.stringify(part)));
    });
    const bad = await refused(city, 'reports.importPackage', { file: (await upload(tampered)).sha256 });
    expect(bad.code).toBe('INTEGRITY');
    expect(bad.message).toContain('data/campaignTally.json');
    expect(bad.message).toContain('被改动过');

    // A package from a county outside this city, and one from a code that is no county at all.
    for (const [code, expected] of [['430102', '不属于本单位所在的岳阳市'], ['439999', '未知单位']] as const) {
      const foreign = await altered(origin, (e) => {
        const m = JSON.parse(e.get('manifest.json')!.toString('utf8')) as { office: { countyCode: string } };
        m.office.countyCode = code;
        e.set('manifest.json', Buffer.from(JSON.stringify(m)));
      });
      const err = await refused(city, 'reports.importPackage', { file: (await upload(foreign)).sha256 });
      expect(err.code).toBe('VALIDATION');
      expect(err.message).toContain(code);
      expect(err.message).toContain(expected);
    }

    // A newer package of the same county and period replaces the earlier one only when confirmed.
    const c0 = counties[0]!;
    const newer = await callOk(c0.b, 'reports.exportPackage', { campaignId: c0.f.campaignId, from: c0.f.from, to: c0.f.to });
    const newerFile = await upload(readFileSync(c0.b.core.files.pathOf(newer.file.sha256)));
    const conflict = await refused(city, 'reports.importPackage', { file: newerFile.sha256 });
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('确认替换');
    expect((conflict.details as { existing: { officeCode: string } }).existing.officeCode).toBe('430623');
    const replaced = await callOk(city, 'reports.importPackage', { file: newerFile.sha256, replace: true });
    const inForce = await callOk(city, 'reports.packages', { direction: 'imported' });
    expect(inForce.map((p) => p.officeCode).sort()).toEqual(['430623', '430624', '430626']);
    expect(inForce.find((p) => p.officeCode === '430623')!.id).toBe(replaced.id);
    const all = await callOk(city, 'reports.packages', { direction: 'imported', includeWithdrawn: true });
    expect(all.filter((p) => p.withdrawnAt !== null)).toHaveLength(1);

    // Withdrawing a county leaves two rows.
    await callOk(city, 'reports.withdrawPackage', { id: replaced.id, reason: '数据有误，待重报' });
    const check = await callOk(city, 'reports.preview', { params: { formatId: 'phosphate-progress', rollup: true, from: lastWeek.from, to: lastWeek.to } });
    expect(check.rowCount).toBe(2);
    expect(sha256(c0.bytes)).toBe(c0.pkg.file.sha256);
  });
});
