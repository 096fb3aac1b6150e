// Report formats end to end on a real database: the phosphate table of last week exported through
// the contract and parsed back cell by cell against the campaign's own tallies; a copied and
// edited format; the checks and their confirmation; CSV in GBK; 报送记录 kept byte for byte; and
// the format files a clerk might get wrong.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract';
import { todayInChina } from '../../../shared/dates';
import { periodPresets, type SentReport } from '../../../shared/report';
import { callOk, clerk, testBackend } from '../../../tests/helpers/backend';
import type { Backend } from '../backend';
import { excelJs } from '../sheets/exceljs';
import { phosphateCounty } from './fixture';

const ExcelJS = excelJs();

const HUARONG = { code: '430623', office: '华容县市场监督管理局', abbrev: '华市监' };
const lastWeek = periodPresets(todayInChina()).find((p) => p.key === 'lastWeek')!;

async function exportOk(b: Backend, input: MethodInput<'reports.export'>): Promise<SentReport> {
  const { jobId } = await callOk(b, 'reports.export', input);
  const done = await b.core.jobs.wait(jobId);
  if (done.status !== 'succeeded') throw new Error(`export failed: ${done.message}`);
  return done.result as SentReport;
}

async function refused(b: Backend, method: Parameters<Backend['api']['call']>[0], input: unknown) {
  const r = await b.api.call(method, input, clerk);
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error;
}

async function sheetOf(b: Backend, sha256: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(b.core.files.pathOf(sha256));
  return wb.worksheets[0]!;
}

const uploadJson = (b: Backend, text: string | Buffer) => b.core.files.putBytes(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, '格式.json', 'application/json');

describe('report formats', () => {
  it('exports the phosphate table of last week with merged headers, every figure equal to the campaign tally and 合计 equal to the sum', async () => {
    const b = testBackend();
    const { campaignId } = await phosphateCounty(b, HUARONG, lastWeek.from);
    const tally = await callOk(b, 'campaigns.tally', { campaignId, from: lastWeek.from, to: lastWeek.to });
    const params = { formatId: 'phosphate-progress', campaignId, from: lastWeek.from, to: lastWeek.to, preparer: '张干事', phone: '0730-4221234' };
    const check = await callOk(b, 'reports.check', params);
    expect(check.findings).toEqual([]);
    expect(check.rowCount).toBe(tally.rows.length);
    const sent = await exportOk(b, { params });

    const ws = await sheetOf(b, sent.file.sha256);
    expect(ws.getCell('A1').value).toBe('含磷洗涤用品专项整治进展情况统计表');
    expect(String(ws.getCell('A2').value)).toContain('华容县市场监督管理局');
    expect(String(ws.getCell('A2').value)).toContain(`${Number(lastWeek.from.slice(0, 4))}年`);
    // Two header rows: 序号 and 乡镇 merged down, groups merged across.
    expect(ws.getCell('A3').value).toBe('序号');
    expect(ws.getCell('A4').isMerged && ws.getCell('A4').master.address).toBe('A3');
    expect(ws.getCell('C3').value).toBe('检查经营主体');
    expect(ws.getCell('D3').master.address).toBe('C3');
    expect([ws.getCell('C4').value, ws.getCell('D4').value]).toEqual(['户次', '户数']);
    expect(ws.getCell('F3').value).toBe('监督抽检');
    expect(ws.getCell('H3').master.address).toBe('F3');
    expect(ws.getCell('H4').value).toBe('合格率（%）');

    const keys = ['visits', 'enterprises', 'productsChecked', 'samplingBatches', 'samplingQualified', null, 'removed', 'seizedKg', 'problems', 'rectifications', 'cases', 'fineYuan', 'leaflets'];
    const rate = (v: Record<string, number>) => (v['samplingBatches'] ? Math.round((v['samplingQualified']! / v['samplingBatches']) * 1000) / 10 : null);
    const expectRow = (rowNo: number, first: unknown, name: string, v: Record<string, number>) => {
      const row = ws.getRow(rowNo);
      expect(row.getCell(1).value).toBe(first);
      expect(row.getCell(2).value).toBe(name);
      keys.forEach((k, i) => expect(row.getCell(3 + i).value, `${name} ${k ?? '合格率'}`).toBe(k ? (v[k] ?? 0) : rate(v)));
    };
    tally.rows.forEach((r, i) => expectRow(5 + i, i + 1, r.townshipName, r.values));
    const totalRow = 5 + tally.rows.length;
    expectRow(totalRow, null, '合计', tally.total);
    expect(ws.getRow(totalRow).getCell(3).font?.bold).toBe(true);
    // 合计 is the sum of the township rows, and the figures are really there (not all zero).
    for (const k of keys.filter((x): x is string => x !== null)) {
      const sum = tally.rows.reduce((s, r) => s + (r.values[k] ?? 0), 0);
      expect(Math.round(sum * 100) / 100, k).toBe(ws.getRow(totalRow).getCell(3 + keys.indexOf(k)).value);
    }
    expect(tally.total['visits']).toBe(6);
    expect(tally.total['productsChecked']).toBe(210);
    expect(String(ws.getRow(totalRow + 1).getCell(1).value)).toBe('填报人：张干事');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    // No cell is a formula.
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

    // 报送记录: listed with the format version and hash; the download is the very bytes stored.
    const list = await callOk(b, 'reports.sent', {});
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({ id: sent.id, formatId: 'phosphate-progress', formatVersion: 1, rowCount: tally.rows.length, exportedBy: '张干事', fileType: 'xlsx' });
    expect(list.rows[0]!.parameters).toMatchObject({ campaignId, from: lastWeek.from, to: lastWeek.to });
    const again = await callOk(b, 'reports.download', { id: sent.id });
    expect(again).toEqual(sent.file);
    const bytes = readFileSync(b.core.files.pathOf(again.sha256));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sent.file.sha256);
    expect(bytes.length).toBe(sent.file.size);
    const audit = b.core.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'reports.export'").get() as { n: number };
    expect(audit.n).toBe(1);
  });

  it('lets an office copy a built-in format, edit it and export with it; built-ins stay read-only', async () => {
    const b = testBackend();
    const { campaignId } = await phosphateCounty(b, HUARONG, lastWeek.from);
    const builtin = await callOk(b, 'reports.get', { id: 'phosphate-progress' });
    const locked = await refused(b, 'reports.save', { id: builtin.id, expectedUpdatedAt: builtin.updatedAt, definition: builtin.definition });
    expect(locked.code).toBe('CONFLICT');
    const copy = await callOk(b, 'reports.copy', { id: 'phosphate-progress', name: '洗涤用品周报（市局 2026 版）' });
    expect(copy).toMatchObject({ builtin: false, version: 1 });
    const def = copy.definition;
    const edited = {
      ...def,
      title: [{ ...def.title[0]!, text: '{county}洗涤用品整治周报' }],
      columns: [
        def.columns[1]!,
        { ...def.columns[2]!, header: ['检查户次'] },
        { header: ['问题发现率（%）'], expr: 'problems ÷ visits × 100', decimals: 1, numFmt: '0.0', width: 10 },
        { ...def.columns[13]!, header: ['罚没款'], unit: '万元', scale: 0.0001, decimals: 4 },
      ],
    };
    const saved = await callOk(b, 'reports.save', { id: copy.id, expectedUpdatedAt: copy.updatedAt, definition: edited as never });
    expect(saved.version).toBe(2);
    const sent = await exportOk(b, { params: { formatId: copy.id, campaignId, from: lastWeek.from, to: lastWeek.to } });
    expect(sent).toMatchObject({ formatVersion: 2, formatName: '洗涤用品周报（市局 2026 版）' });
    const ws = await sheetOf(b, sent.file.sha256);
    const tally = await callOk(b, 'campaigns.tally', { campaignId, from: lastWeek.from, to: lastWeek.to });
    expect(ws.getCell('A1').value).toBe('华容县洗涤用品整治周报');
    expect([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('C2').value, ws.getCell('D2').value]).toEqual(['乡镇（街道）', '检查户次', '问题发现率（%）', '罚没款（万元）']);
    tally.rows.forEach((r, i) => {
      const row = ws.getRow(3 + i);
      const v = r.values;
      expect(row.getCell(1).value).toBe(r.townshipName);
      expect(row.getCell(2).value).toBe(v['visits']);
      expect(row.getCell(3).value).toBe(v['visits'] ? Math.round((v['problems']! / v['visits']) * 1000) / 10 : null);
      expect(row.getCell(4).value).toBe(Math.round(v['fineYuan']! * 0.0001 * 10000) / 10000);
    });
    const total = ws.getRow(3 + tally.rows.length);
    expect([total.getCell(1).value, total.getCell(2).value, total.getCell(3).value]).toEqual(['合计', 6, Math.round((2 / 6) * 1000) / 10]);

    // The format file round-trips: exported, imported as a new format with the same definition.
    const file = await callOk(b, 'reports.exportFormat', { id: copy.id });
    const imported = await callOk(b, 'reports.import', { file: file.sha256 });
    expect(imported.definition.columns).toEqual(saved.definition.columns);
    expect(imported.definition.name).toBe('洗涤用品周报（市局 2026 版）（导入）');
  });

  it('refuses format files with unknown keys, missing fields, bad JSON or the wrong encoding, saying where', async () => {
    const b = testBackend();
    const base = JSON.parse(readFileSync('resources/formats/phosphate-progress.json', 'utf8')) as { report: { columns: Record<string, unknown>[] } };
    const unknownKey = structuredClone(base);
    unknownKey.report.columns[2]!['colour'] = 'red';
    let e = await refused(b, 'reports.import', { file: (await uploadJson(b, JSON.stringify(unknownKey))).sha256 });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('第 3 列「检查经营主体／户次」');
    expect(e.message).toContain('colour');

    const badField = structuredClone(base);
    badField.report.columns[2]!['field'] = 'visitz';
    e = await refused(b, 'reports.import', { file: (await uploadJson(b, JSON.stringify(badField))).sha256 });
    expect(e.message).toContain('第 3 列「检查经营主体／户次」：数据源「专项统计」没有字段 visitz');

    const badExpr = structuredClone(base);
    badExpr.report.columns[7]!['expr'] = 'samplingQualified / batchez * 100';
    e = await refused(b, 'reports.import', { file: (await uploadJson(b, JSON.stringify(badExpr))).sha256 });
    expect(e.message).toContain('计算式中的字段 batchez');

    e = await refused(b, 'reports.import', { file: (await uploadJson(b, '{"format": "qingbo.report-format", "formatVersion": 1,\n "report": {')).sha256 });
    expect(e.message).toContain('不是有效的 JSON');
    e = await refused(b, 'reports.import', { file: (await uploadJson(b, iconv.encode(JSON.stringify(base), 'gbk'))).sha256 });
    expect(e.message).toContain('不是 UTF-8');
    expect((await callOk(b, 'reports.list', {})).filter((f) => !f.builtin)).toEqual([]);
  });

  it('lists findings before export, refuses without confirmation, and keeps the confirmed findings', async () => {
    const b = testBackend();
    const { campaignId } = await phosphateCounty(b, HUARONG, lastWeek.from);
    // A registry format whose code table lacks class D and whose phone column is required.
    const dir = await callOk(b, 'reports.copy', { id: 'enterprise-directory', name: '名录（检查）' });
    const columns = dir.definition.columns.map((c) => (c.field === 'phone' ? { ...c, required: true } : c));
    const { D: _dropped, ...labels } = dir.definition.codeTables['creditClass']!;
    const saved = await callOk(b, 'reports.save', { id: dir.id, expectedUpdatedAt: dir.updatedAt, definition: { ...dir.definition, columns, codeTables: { creditClass: labels } } as never });
    const { enterprise } = await callOk(b, 'enterprises.create', { data: { name: '=HYPERLINK("http://x","点我")', entityType: '企业', supervisionClass: '普通', phone: '+86 0730 1234' } });
    const params = { formatId: saved.id };
    const check = await callOk(b, 'reports.check', params);
    expect(check.rowCount).toBe(7);
    const missingPhone = check.findings.filter((f) => f.column === '联系电话');
    expect(missingPhone).toHaveLength(6);
    expect(missingPhone[0]!.message).toMatch(/^第 \d+ 行「.+」「联系电话」必须填写，但没有数据$/);
    const codes = check.findings.filter((f) => f.message.includes('代码「D」'));
    expect(codes.length).toBe(1);
    expect(codes[0]!.level).toBe('error');

    const e = await refused(b, 'reports.export', { params });
    expect(e.code).toBe('CONFLICT');
    expect((e.details as { findings: unknown[] }).findings).toHaveLength(check.findings.length);
    expect((await callOk(b, 'reports.sent', {})).total).toBe(0);
    const sent = await exportOk(b, { params, confirmFindings: true });
    expect(sent.findings).toEqual(check.findings);
    expect((await callOk(b, 'reports.sent', {})).rows[0]!.findings).toEqual(check.findings);
    // Text that looks like a formula stays text.
    const ws = await sheetOf(b, sent.file.sha256);
    let found = false;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (cell.value === '=HYPERLINK("http://x","点我")') found = true;
      }),
    );
    expect(found).toBe(true);
    expect(enterprise.id).toBeGreaterThan(0);

    // Values beyond the format's limits are warnings too.
    const phos = await callOk(b, 'reports.copy', { id: 'phosphate-progress', name: '限值检查' });
    const limited = phos.definition.columns.map((c) => (c.field === 'productsChecked' ? { ...c, max: 40 } : c));
    await callOk(b, 'reports.save', { id: phos.id, expectedUpdatedAt: phos.updatedAt, definition: { ...phos.definition, columns: limited } as never });
    const over = await callOk(b, 'reports.check', { formatId: phos.id, campaignId, from: lastWeek.from, to: lastWeek.to });
    expect(over.findings.length).toBeGreaterThan(0);
    expect(over.findings.every((f) => f.level === 'warning' && f.message.includes('大于上限 40'))).toBe(true);
  });

  it('writes CSV in GBK with the header flattened, figures equal to the tally, and formula-like text made harmless', async () => {
    const b = testBackend();
    const { campaignId } = await phosphateCounty(b, HUARONG, lastWeek.from);
    const sent = await exportOk(b, { params: { formatId: 'phosphate-progress', campaignId, from: lastWeek.from, to: lastWeek.to }, type: 'csv' });
    expect(sent.fileType).toBe('csv');
    const text = iconv.decode(readFileSync(b.core.files.pathOf(sent.file.sha256)), 'gbk');
    const lines = text.trimEnd().split('\r\n').map((l) => l.split(','));
    expect(lines[0]!.slice(0, 4)).toEqual(['序号', '乡镇（街道）', '检查经营主体-户次', '检查经营主体-户数']);
    const tally = await callOk(b, 'campaigns.tally', { campaignId, from: lastWeek.from, to: lastWeek.to });
    tally.rows.forEach((r, i) => {
      expect(lines[i + 1]![1]).toBe(r.townshipName);
      expect(Number(lines[i + 1]![4])).toBe(r.values['productsChecked']);
    });
    const total = lines[tally.rows.length + 1]!;
    expect([total[1], Number(total[2]), Number(total[4]), Number(total[13])]).toEqual(['合计', 6, 210, tally.total['fineYuan']]);

    await callOk(b, 'enterprises.create', { data: { name: '@SUM(1+1)商行', entityType: '企业', supervisionClass: '普通' } });
    const dir = await exportOk(b, { params: { formatId: 'enterprise-directory' }, type: 'csv' });
    const utf8 = readFileSync(b.core.files.pathOf(dir.file.sha256));
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf8.toString('utf8')).toContain(",'@SUM(1+1)商行,");
  });
});
