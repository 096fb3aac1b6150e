// The demo county's running phosphate campaign: drawn, part-way through, with problems found and
// rectifications open, every figure consistent with the results behind it.
import { describe, expect, it } from 'vitest';
import { todayInChina } from '../../../shared/dates';
import { callOk, testBackend } from '../../../tests/helpers/backend';
import { DEMO_CAMPAIGN } from './campaign';

describe('the demo campaign', () => {
  it('is running, drawn, part-way through, and its tallies add up', async () => {
    const b = testBackend();
    const { jobId } = await callOk(b, 'demo.generate', { enterprises: 1200 });
    expect((await b.core.jobs.wait(jobId)).status).toBe('succeeded');
    const [summary] = await callOk(b, 'campaigns.list', {});
    expect(summary).toMatchObject({ name: DEMO_CAMPAIGN, status: '进行中', drawn: true });
    expect(summary!.plannedCount).toBeLessThan(summary!.targetCount);
    expect(summary!.inspectedCount / summary!.plannedCount).toBeGreaterThan(0.35);
    expect(summary!.inspectedCount / summary!.plannedCount).toBeLessThan(0.8);

    const campaign = await callOk(b, 'campaigns.get', { id: summary!.id });
    expect(campaign.draw).not.toBeNull();
    expect((await callOk(b, 'campaigns.verifyDraw', { id: campaign.draw!.id })).resultMatches).toBe(true);
    // Every detergent seller and producer in business is a target.
    const sellers = b.core.sqlite
      .prepare(`SELECT count(DISTINCT e.id) AS n FROM enterprises e JOIN enterprise_tags t ON t.enterprise_id = e.id
        WHERE t.tag IN ('洗涤用品经营户', '洗涤用品生产企业') AND e.status = '存续' AND e.archived_at IS NULL`)
      .get() as { n: number };
    expect(campaign.targetCount).toBe(sellers.n);

    const progress = await callOk(b, 'campaigns.progress', { campaignId: campaign.id });
    expect(progress.rectifications.open + progress.rectifications.closed).toBeGreaterThan(0);
    const tally = await callOk(b, 'campaigns.tally', { campaignId: campaign.id, from: campaign.startsOn, to: todayInChina() });
    const visits = b.core.sqlite.prepare('SELECT count(*) AS n, sum(has_problem) AS p FROM campaign_results WHERE voided = 0').get() as { n: number; p: number };
    expect(tally.total['visits']).toBe(visits.n);
    expect(tally.total['problems']).toBe(visits.p);
    expect(tally.rows.reduce((s, r) => s + (r.values['productsChecked'] ?? 0), 0)).toBe(tally.total['productsChecked']);
    // Results sit in the dossier as 专项检查 records, each with its inspectors from the draw.
    const [result] = await callOk(b, 'campaigns.results', { campaignId: campaign.id });
    const record = await callOk(b, 'dossier.record', { id: result!.recordId });
    expect(record.kind).toBe('specialInspection');
    expect(record.data['campaign']).toBe(DEMO_CAMPAIGN);
    expect((await callOk(b, 'inspectors.list', {})).length).toBeGreaterThanOrEqual(40);
  });
});
