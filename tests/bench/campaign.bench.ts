// Campaigns at 200,000 enterprises and 2,000,000 records: a campaign of 20,000 targets with
// 16,000 field results entered through the contract, its tallies and progress; and a 双随机
// draw of 3 % of the whole registry with inspector pairing. Each figure beside the bare SQL doing
// the least of the same work in the same run.
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { trustedContext } from '../../electron/backend/context';
import { dataPaths } from '../../electron/backend/paths';
import { addDays, todayInChina } from '../../shared/dates';
import { BASELINE_SUFFIX as RAW, median, type BenchContext, type Metrics, type Targets } from './harness';

const ENTERPRISES = 200_000;
const TARGETS = 20_000;
const RESULTS = 16_000;
const INSPECTORS = 40;
const ROUNDS = 20;

export const targets: Targets = {
  'campaign.tally.ms': 200,
  'campaign.progress.ms': 100,
  'campaign.draw.ms': 500,
};

const p95 = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
};

async function call<T>(b: Backend, method: string, input: unknown): Promise<T> {
  const r = await b.api.call(method, input, trustedContext('bench'));
  if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
  return r.value as T;
}

/** A deterministic stream of numbers in [0, 1). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 0x1_0000_0000;
  };
}

export async function run(ctx: BenchContext): Promise<Metrics> {
  const source = await ctx.dataset(ENTERPRISES);
  const dir = ctx.tempDir('qingbo-bench-campaign-');
  ctx.log('campaign: copying the data directory (the dataset is shared and read-only) …');
  copyFileSync(dataPaths(source).db, dataPaths(dir).db);
  const b = openBackend(dir, { stderrLevel: 'silent' });
  const raw = new Database(dataPaths(dir).db, { readonly: true });
  try {
    const today = todayInChina();
    const startsOn = addDays(today, -84);
    const inspectorIds: number[] = [];
    const townships = (raw.prepare('SELECT township_code AS t, count(*) AS n FROM enterprises WHERE archived_at IS NULL AND status = ? GROUP BY 1 ORDER BY 2 DESC').all('存续') as { t: string; n: number }[]);
    for (let i = 0; i < INSPECTORS; i++) {
      const saved = await call<{ id: number }>(b, 'inspectors.save', {
        data: { name: `执法员${i + 1}`, unit: '华容县市场监督管理局', townshipCode: townships[i % townships.length]!.t, certNo: `BENCH${String(i).padStart(5, '0')}` },
      });
      inspectorIds.push(saved.id);
    }

    // The 20,000-target campaign: built by scope (townships until 20,000 are covered), then trimmed by hand.
    const scopeTownships: string[] = [];
    let covered = 0;
    for (const t of townships) {
      if (covered >= TARGETS) break;
      scopeTownships.push(t.t);
      covered += t.n;
    }
    let t0 = performance.now();
    const campaign = await call<{ id: number; targetCount: number }>(b, 'campaigns.create', {
      templateId: 'phosphate-detergent', name: '基准：含磷洗涤用品专项整治', startsOn, endsOn: addDays(today, 30), scope: { townshipCodes: scopeTownships },
    });
    const createMs = performance.now() - t0;
    const extra = (raw.prepare('SELECT enterprise_id AS id FROM campaign_targets WHERE campaign_id = ? ORDER BY enterprise_id DESC LIMIT ?').all(campaign.id, campaign.targetCount - TARGETS) as { id: number }[]).map((r) => r.id);
    for (let i = 0; i < extra.length; i += 5000) await call(b, 'campaigns.removeTargets', { campaignId: campaign.id, enterpriseIds: extra.slice(i, i + 5000), reason: '基准：调整到 20000 户' });
    ctx.log(`campaign: created with ${campaign.targetCount} targets by scope in ${createMs.toFixed(0)} ms, trimmed to ${TARGETS}`);

    const targetIds = (raw.prepare('SELECT enterprise_id AS id FROM campaign_targets WHERE campaign_id = ? AND removed_at IS NULL ORDER BY enterprise_id').all(campaign.id) as { id: number }[]).map((r) => r.id);
    const rnd = lcg(20261129);
    const yesNo = { subjectType: '零售', licenceShown: '是', invoices: '是', ledger: '是', noBrand: '否', labelOk: '是', falseClaim: '否' };
    const photo = await b.core.files.putBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), '现场.png', 'image/png');
    const attachments = [{ sha256: photo.sha256, name: photo.name, mime: photo.mime, size: photo.size }];
    t0 = performance.now();
    for (let i = 0; i < RESULTS; i++) {
      const problem = rnd() < 0.1;
      const inspectedOn = addDays(startsOn, Math.floor(rnd() * 84));
      const batches = rnd() < 0.2 ? 1 + Math.floor(rnd() * 3) : 0;
      await call(b, 'campaigns.saveResult', {
        campaignId: campaign.id,
        enterpriseId: targetIds[Math.floor(rnd() * targetIds.length)]!,
        inspectedOn,
        inspectorIds: [inspectorIds[i % INSPECTORS]!, inspectorIds[(i + 7) % INSPECTORS]!],
        answers: { ...Object.fromEntries(Object.entries(yesNo).map(([k, v]) => [k, { value: v }])), phosphateLabelled: { value: problem ? '是' : '否' }, photos: { photos: [photo.sha256] } },
        quantities: {
          productsChecked: 5 + Math.floor(rnd() * 60), samplingBatches: batches, samplingQualified: Math.floor(batches * rnd()),
          removed: problem ? Math.floor(rnd() * 30) : 0, seizedKg: problem ? Math.round(rnd() * 1000) / 100 : 0, fineYuan: problem && rnd() < 0.3 ? 500 + Math.round(rnd() * 500000) / 100 : 0,
        },
        result: problem ? '发现问题已责令改正' : '未发现问题',
        attachments,
        ...(problem ? { rectification: { problem: '销售含磷洗涤用品', requirement: '立即下架', deadlineOn: addDays(inspectedOn, 15) } } : {}),
      });
      if ((i + 1) % 4000 === 0) ctx.log(`  ${i + 1} results entered (${((performance.now() - t0) / (i + 1)).toFixed(2)} ms each)`);
    }
    const saveMs = (performance.now() - t0) / RESULTS;

    // Tallies: four periods, by township.
    const periods = [
      ['this week', addDays(today, -6), today],
      ['this month', `${today.slice(0, 7)}-01`, today],
      ['since start', startsOn, today],
      ['custom', addDays(startsOn, 10), addDays(startsOn, 40)],
    ] as const;
    const tally: number[] = [];
    const baseTally: number[] = [];
    // The least a tally can do: the visits by township and the quantity sums by township, off their indexes.
    const bareVisits = raw.prepare('SELECT township_code, count(*) FROM campaign_results WHERE campaign_id = ? AND inspected_on BETWEEN ? AND ? AND voided = 0 GROUP BY 1');
    const bareSums = raw.prepare('SELECT township_code, key, sum(hundredths) FROM campaign_result_values WHERE campaign_id = ? AND inspected_on BETWEEN ? AND ? AND voided = 0 GROUP BY 1, 2');
    for (const [name, from, to] of periods) {
      const mine: number[] = [];
      for (let i = 0; i < ROUNDS + 2; i++) {
        const a = performance.now();
        const r = await call<{ total: Record<string, number> }>(b, 'campaigns.tally', { campaignId: campaign.id, from, to });
        const m = performance.now();
        bareVisits.all(campaign.id, from, to);
        bareSums.all(campaign.id, from, to);
        const z = performance.now();
        if (i >= 2) {
          mine.push(m - a);
          tally.push(m - a);
          baseTally.push(z - m);
        }
        if (i === 0) ctx.log(`  tally ${name} (${from}…${to}): ${r.total['visits']} visits, ${r.total['productsChecked']} products`);
      }
      ctx.log(`  tally ${name}: median ${median(mine).toFixed(1)} ms, p95 ${p95(mine).toFixed(1)} ms`);
    }

    const progress: number[] = [];
    const baseProgress: number[] = [];
    // The least progress can do: the planned targets counted by township.
    const bareProgress = raw.prepare('SELECT township_code, count(*) FROM campaign_targets WHERE campaign_id = ? AND removed_at IS NULL AND planned = 1 GROUP BY 1');
    for (let i = 0; i < ROUNDS + 2; i++) {
      const a = performance.now();
      const p = await call<{ planned: number; inspected: number }>(b, 'campaigns.progress', { campaignId: campaign.id });
      const m = performance.now();
      bareProgress.all(campaign.id);
      const z = performance.now();
      if (i >= 2) {
        progress.push(m - a);
        baseProgress.push(z - m);
      }
      if (i === 0) ctx.log(`  progress: ${p.inspected} of ${p.planned} inspected`);
    }

    // The draw: every enterprise in business as the pool, 3 % drawn, each with two inspectors not of its own township.
    t0 = performance.now();
    const all = await call<{ id: number; targetCount: number }>(b, 'campaigns.create', {
      templateId: 'phosphate-detergent', name: '基准：全县双随机抽查', startsOn, endsOn: addDays(today, 30),
    });
    const scopeAllMs = performance.now() - t0;
    const count = Math.round(all.targetCount * 0.03);
    const draws: number[] = [];
    const baseDraws: number[] = [];
    const barePool = raw.prepare('SELECT t.enterprise_id, e.credit_class, t.township_code FROM campaign_targets t JOIN enterprises e ON e.id = t.enterprise_id WHERE t.campaign_id = ? AND t.removed_at IS NULL ORDER BY t.enterprise_id');
    for (let i = 0; i < 5; i++) {
      const a = performance.now();
      await call(b, 'campaigns.draw', {
        campaignId: all.id, params: { mode: 'count', count, excludeOwnTownship: true }, seed: `${'0123456789abcdef'.slice(i)}${i}`.padEnd(16, '0'), ...(i ? { reason: '基准：重新抽取' } : {}),
      });
      const m = performance.now();
      barePool.raw().all(all.id);
      const z = performance.now();
      draws.push(m - a);
      baseDraws.push(z - m);
    }
    ctx.log(`campaign: whole-county campaign of ${all.targetCount} targets created in ${scopeAllMs.toFixed(0)} ms; draws of ${count}: ${draws.map((d) => d.toFixed(0)).join(', ')} ms`);
    return {
      'campaign.tally.ms': p95(tally),
      [`campaign.tally.ms${RAW}`]: p95(baseTally),
      'campaign.progress.ms': p95(progress),
      [`campaign.progress.ms${RAW}`]: p95(baseProgress),
      'campaign.draw.ms': median(draws),
      [`campaign.draw.ms${RAW}`]: median(baseDraws),
      'campaign.save_result.ms': saveMs,
      'campaign.create_200k_targets.ms': scopeAllMs,
    };
  } finally {
    raw.close();
    await b.close();
  }
}
