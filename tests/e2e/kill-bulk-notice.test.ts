// A server killed with SIGKILL at a random moment of a bulk notice job (批量出具文书) leaves a
// database that passes `qingbo check` and holds either every notice of the batch or none, with no
// number used up.
import { describe, expect, it } from 'vitest';
import { findChromium } from '../helpers/browser';
import { qingbo, serve, type RunningQingbo } from '../helpers/server';
import { checkOf, copyOf, killAtProgress, prepareBase, random, runToEnd, stateOf } from './kill-helpers';

const KILLS = Number(process.env['KILLS'] ?? 20);
const PARTIES = 3;
const COUNTS = {
  notices: 'SELECT count(*) FROM notices',
  reminders: "SELECT count(*) FROM notices WHERE type = 'riskReminder'",
  records: 'SELECT count(*) FROM dossier_records',
  batches: "SELECT count(*) FROM audit_log WHERE entity = 'notice_batch'",
  audit: 'SELECT count(*) FROM audit_log',
  files: 'SELECT count(*) FROM files',
  serials: "SELECT coalesce(sum(serial), 0) FROM notices WHERE type = 'riskReminder'",
};

async function startBulk(server: RunningQingbo): Promise<string> {
  const started = await server.api<{ jobId: string }>('notices.bulkIssue', {
    type: 'riskReminder',
    enterpriseIds: Array.from({ length: PARTIES }, (_, i) => i + 1),
    fields: { risk: '销售含磷洗涤用品', content: '洞庭湖区禁止销售含磷洗涤用品，请立即自查下架。' },
  });
  expect(started.ok, started.error?.message).toBe(true);
  return started.value!.jobId;
}

describe.skipIf(!findChromium())('a bulk notice job killed with SIGKILL', () => {
  it(`keeps all or nothing of it, ${KILLS} times at random moments`, async () => {
    const seed = Number(process.env['KILL_SEED'] ?? Date.now() % 1_000_000);
    const rand = random(seed);
    const base = await prepareBase(['--enterprises', '40', '--records-per-enterprise', '0']);
    const before = stateOf(base, COUNTS);

    // The next server starts while the current one works (starting one costs as much as the job);
    // the measured run has one starting beside it too, as every killed run has.
    const launch = async () => {
      const dir = copyOf(base);
      return { dir, server: await serve(dir) };
    };
    // One complete run: how long the job takes here, and what "all of it" looks like.
    const full = copyOf(base);
    const server = await serve(full);
    const fullJob = await startBulk(server);
    const t0 = performance.now();
    let next = launch();
    // A failed start is reported where it is awaited, not as an unhandled rejection meanwhile.
    next.catch(() => undefined);
    const done = await runToEnd(server, fullJob, t0);
    expect(done.status, done.message).toBe('succeeded');
    await server.stop('SIGTERM');
    const all = stateOf(full, COUNTS).counts;
    expect(all).toMatchObject({
      reminders: before.counts['reminders']! + PARTIES,
      records: before.counts['records']! + PARTIES,
      batches: before.counts['batches']! + 1,
      serials: before.counts['serials']! + (PARTIES * (PARTIES + 1)) / 2,
    });

    const outcomes: ('none' | 'all')[] = [];
    for (let k = 0; k < KILLS; k++) {
      const { dir, server: s } = await next;
      const jobId = await startBulk(s);
      if (k + 1 < KILLS) {
        next = launch();
        next.catch(() => undefined);
      }
      // At a random point of the job's progress (the last moments, when it commits, included).
      const target = rand();
      const seen = await killAtProgress(s, jobId, target);

      const after = stateOf(dir, COUNTS);
      const what = `kill ${k + 1} at progress ${target.toFixed(2)}, job seen ${seen} (KILL_SEED=${seed}, job ${jobId})`;
      if (after.counts['reminders'] === before.counts['reminders']) {
        expect(after.dump, what).toBe(before.dump);
        outcomes.push('none');
      } else {
        expect(after.counts, what).toEqual(all);
        outcomes.push('all');
      }
      const { report, chain } = await checkOf(dir);
      expect(report, what).toMatchObject({ ok: true });
      expect(chain, what).toMatchObject({ ok: true });
      if (k === 0 || k === KILLS - 1) expect(qingbo(['check', '--data', dir, '--json']).status, what).toBe(0);
    }
    const none = outcomes.filter((o) => o === 'none').length;
    console.info(`kill-bulk-notice: job ${Math.round(done.ms)} ms; kills kept none ${none}, all ${KILLS - none}; seed ${seed}`);
    // Most kills must land while the job runs, or the test proves little.
    expect(none).toBeGreaterThanOrEqual(KILLS / 2);
  }, 240_000);
});
