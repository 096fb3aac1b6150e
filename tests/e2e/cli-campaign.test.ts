// `qingbo campaign list|tally` as a reporting script would run them on the demo county: one JSON
// object each, figures equal to the results behind them, and clear refusals for bad options.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { todayInChina } from '../../shared/dates';
import { qingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

interface Listed {
  ok: true;
  campaigns: { id: number; name: string; startsOn: string; endsOn: string; status: string; targetCount: number; plannedCount: number; inspectedCount: number }[];
}
interface Tallied {
  ok: true;
  campaignName: string;
  definitions: { key: string; label: string; unit: string }[];
  rows: { townshipCode: string | null; townshipName: string; values: Record<string, number> }[];
  total: Record<string, number>;
}

describe('qingbo campaign', () => {
  it('lists the demo campaign and tallies it by township, as the results add up', () => {
    const data = tempDir();
    expect(qingbo(['demo', '--data', data, '--enterprises', '600', '--json']).status).toBe(0);

    const list = qingbo(['campaign', 'list', '--data', data, '--json']);
    expect(list.status).toBe(0);
    const listed = JSON.parse(list.stdout) as Listed;
    expect(listed.campaigns).toHaveLength(1);
    const c = listed.campaigns[0]!;
    expect(c).toMatchObject({ status: '进行中' });
    expect(c.targetCount).toBeGreaterThan(c.plannedCount);
    expect(c.inspectedCount).toBeGreaterThan(0);

    const today = todayInChina();
    const run = qingbo(['campaign', 'tally', '--data', data, '--campaign', String(c.id), '--from', c.startsOn, '--to', today, '--json']);
    expect(run.status).toBe(0);
    const tally = JSON.parse(run.stdout) as Tallied;
    expect(tally.rows).toHaveLength(14); // the 14 townships of 华容县, zero rows included
    expect(tally.definitions.map((d) => d.label)).toContain('检查经营主体');

    // The figures, recomputed straight from the database with SQL of this test's own.
    const db = new Database(join(data, 'qingbo.db'), { readonly: true });
    try {
      const visits = db.prepare('SELECT township_code AS t, count(*) AS n FROM campaign_results WHERE voided = 0 AND inspected_on BETWEEN ? AND ? GROUP BY 1').all(c.startsOn, today) as { t: string; n: number }[];
      expect(visits.reduce((s, v) => s + v.n, 0)).toBeGreaterThan(0);
      for (const v of visits) expect(tally.rows.find((r) => r.townshipCode === v.t)?.values['visits']).toBe(v.n);
      expect(tally.total['visits']).toBe(visits.reduce((s, v) => s + v.n, 0));
      const products = db
        .prepare("SELECT sum(json_extract(quantities, '$.productsChecked')) AS n FROM campaign_results WHERE voided = 0 AND inspected_on BETWEEN ? AND ?")
        .get(c.startsOn, today) as { n: number };
      expect(tally.total['productsChecked']).toBe(products.n);
    } finally {
      db.close();
    }

    // The text form prints a header and the 合计 row.
    const text = qingbo(['campaign', 'tally', '--data', data, '--campaign', String(c.id), '--from', c.startsOn, '--to', today]);
    expect(text.stdout).toContain('乡镇（街道）\t检查经营主体（户次）');
    expect(text.stdout).toMatch(new RegExp(`合计\\t${tally.total['visits']}\\t`));

    // Bad options: usage errors (exit 2) in Chinese; an unknown campaign is NOT_FOUND (exit 1).
    const noCampaign = qingbo(['campaign', 'tally', '--data', data, '--from', '2026-01-01', '--to', '2026-01-31', '--json']);
    expect(noCampaign.status).toBe(2);
    expect(noCampaign.stdout + noCampaign.stderr).toContain('--campaign');
    const badDate = qingbo(['campaign', 'tally', '--data', data, '--campaign', String(c.id), '--from', '2026-02-30', '--to', '2026-03-01']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--from 应为日期');
    const reversed = qingbo(['campaign', 'tally', '--data', data, '--campaign', String(c.id), '--from', '2026-03-01', '--to', '2026-02-01']);
    expect(reversed.status).toBe(2);
    const missing = qingbo(['campaign', 'tally', '--data', data, '--campaign', '999', '--from', '2026-01-01', '--to', '2026-01-31', '--json']);
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
