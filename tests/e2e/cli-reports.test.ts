// `qingbo export --format`, `qingbo package export|import` and `qingbo formats list` with the built
// CLI on the demo county: the phosphate table parsed back against `campaign tally`, findings that
// stop an export until --confirm, a package imported and rolled up, a tampered one refused, and
// `export enterprises` still working beside them.
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { excelJs } from '../../electron/backend/sheets/exceljs';
import { unzipAll, zipParts } from '../../electron/backend/reports/package-zip';
import { todayInChina } from '../../shared/dates';
import { qingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const ExcelJS = excelJs();

interface Tallied {
  rows: { townshipName: string; values: Record<string, number> }[];
  total: Record<string, number>;
}

const KEYS = ['visits', 'enterprises', 'productsChecked', 'samplingBatches', 'samplingQualified', null, 'removed', 'seizedKg', 'problems', 'rectifications', 'cases', 'fineYuan', 'leaflets'] as const;

async function rowsOf(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}

describe('qingbo export --format and qingbo package', () => {
  it('exports the demo campaign table, stops on findings until confirmed, and rolls up an imported package', async () => {
    const data = tempDir();
    const out = tempDir();
    const demo = qingbo(['demo', '--data', data, '--enterprises', '150', '--json']);
    expect(demo.status, demo.stderr).toBe(0);
    const formats = JSON.parse(qingbo(['formats', 'list', '--data', data, '--json']).stdout) as { formats: { id: string }[] };
    expect(formats.formats.map((f) => f.id).sort()).toEqual(['enterprise-directory', 'phosphate-progress', 'random-check-results', 'unqualified-handling']);

    const c = (JSON.parse(qingbo(['campaign', 'list', '--data', data, '--json']).stdout) as { campaigns: { id: number; startsOn: string }[] }).campaigns[0]!;
    const period = ['--campaign', String(c.id), '--from', c.startsOn, '--to', todayInChina()];
    const tally = JSON.parse(qingbo(['campaign', 'tally', '--data', data, ...period, '--json']).stdout) as Tallied;
    expect(tally.total['visits']).toBeGreaterThan(0);

    const xlsx = join(out, '统计表.xlsx');
    const run = qingbo(['export', '--data', data, '--format', 'phosphate-progress', ...period, '--out', xlsx, '--preparer', '张干事', '--json']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { ok: boolean; id: number; rows: number; findings: unknown[] };
    expect(result).toMatchObject({ ok: true, rows: tally.rows.length, findings: [] });
    const ws = await rowsOf(xlsx);
    expect(ws.getCell('C3').value).toBe('检查经营主体');
    expect(ws.getCell('D3').master.address).toBe('C3');
    tally.rows.forEach((r, i) => {
      expect(ws.getRow(5 + i).getCell(2).value).toBe(r.townshipName);
      KEYS.forEach((k, j) => k && expect(ws.getRow(5 + i).getCell(3 + j).value, `${r.townshipName} ${k}`).toBe(r.values[k]));
    });
    const total = ws.getRow(5 + tally.rows.length);
    expect(total.getCell(2).value).toBe('合计');
    KEYS.forEach((k, j) => k && expect(total.getCell(3 + j).value, k).toBe(tally.total[k]));

    // CSV in the format's encoding (GBK for this table).
    const csv = join(out, '统计表.csv');
    const csvRun = qingbo(['export', '--data', data, '--format', 'phosphate-progress', ...period, '--csv', '--out', csv]);
    expect(csvRun.status, csvRun.stderr).toBe(0);
    const lines = iconv.decode(readFileSync(csv), 'gbk').trimEnd().split('\r\n');
    expect(lines[0]).toContain('检查经营主体-户次');
    expect(lines.at(-1)!.split(',').slice(1, 3)).toEqual(['合计', String(tally.total['visits'])]);

    // An office's own format with a limit the data exceeds: listed, exit 1, nothing sent; --confirm sends.
    const db = new Database(join(data, 'qingbo.db'));
    try {
      const def = JSON.parse((db.prepare("SELECT definition FROM report_formats WHERE id = 'phosphate-progress'").get() as { definition: string }).definition) as { name: string; columns: { field?: string; max?: number }[] };
      def.name = '限值周报';
      for (const col of def.columns) if (col.field === 'visits') col.max = 0;
      const now = new Date().toISOString();
      db.prepare("INSERT INTO report_formats (id, name, builtin, archived, version, definition, created_at, updated_at) VALUES ('custom-1', ?, 0, 0, 1, ?, ?, ?)").run(def.name, JSON.stringify(def), now, now);
    } finally {
      db.close();
    }
    const limited = join(out, '限值.xlsx');
    const stopped = qingbo(['export', '--data', data, '--format', 'custom-1', ...period, '--out', limited]);
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toContain('大于上限 0');
    expect(stopped.stderr).toContain('--confirm');
    const confirmed = qingbo(['export', '--data', data, '--format', 'custom-1', ...period, '--out', limited, '--confirm']);
    expect(confirmed.status, confirmed.stderr).toBe(0);

    // A package out and back in (the demo office is a county of 岳阳市, so it may import it), then the roll-up.
    const zip = join(out, '数据包.zip');
    const packed = qingbo(['package', 'export', '--data', data, ...period, '--out', zip]);
    expect(packed.status, packed.stderr).toBe(0);
    const imported = qingbo(['package', 'import', zip, '--data', data, '--json']);
    expect(imported.status, imported.stdout + imported.stderr).toBe(0);
    const rolled = join(out, '汇总.xlsx');
    const rolledRun = qingbo(['export', '--data', data, '--format', 'phosphate-progress', '--rollup', '--from', c.startsOn, '--to', todayInChina(), '--out', rolled]);
    expect(rolledRun.status, rolledRun.stderr).toBe(0);
    const sum = await rowsOf(rolled);
    expect(sum.getRow(5).getCell(2).value).toBe('华容县');
    expect(sum.getRow(6).getCell(2).value).toBe('合计');
    KEYS.forEach((k, j) => k && expect(sum.getRow(6).getCell(3 + j).value, k).toBe(tally.total[k]));

    const again = qingbo(['package', 'import', zip, '--data', data]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('导入过');
    const parts = await unzipAll(zip);
    parts.set('data/unqualifiedSamplings.json', Buffer.from('{"rows":[]}'));
    const tampered = join(out, '改过的数据包.zip');
    writeFileSync(tampered, await zipParts([...parts].map(([path, bytes]) => ({ path, bytes })), new Date()));
    const refused = qingbo(['package', 'import', tampered, '--data', data]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('data/unqualifiedSamplings.json');

    // The registry export keeps working beside the new export command.
    const registry = qingbo(['export', 'enterprises', '--data', data, '--out', join(out, '名录.xlsx')]);
    expect(registry.status, registry.stderr).toBe(0);
    expect(qingbo(['export', '--data', data, '--out', join(out, 'x.xlsx')]).status).toBe(2);
  });
});
