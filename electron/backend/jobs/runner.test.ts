import { describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../shared/jobs';
import { callOk, clerk, snapshot, testBackend } from '../../../tests/helpers/backend';
import { createSession, resolveSession } from '../accounts/sessions';
import { openBackend } from '../backend';

const count = (b: ReturnType<typeof testBackend>) =>
  (b.core.sqlite.prepare('SELECT count(*) AS n FROM enterprises').get() as { n: number }).n;

describe('the job runner', () => {
  it('commits a finished job with its audit row and reports progress on the way', async () => {
    const b = testBackend();
    const seen: JobInfo[] = [];
    b.core.jobs.onProgress((j) => seen.push(j));
    const { jobId } = await callOk(b, 'demo.generate', { enterprises: 9000 });
    const done = await b.core.jobs.wait(jobId);
    expect(done.status).toBe('succeeded');
    expect(done.result).toMatchObject({ enterprises: 9000, county: '湖南省岳阳市华容县' });
    expect(count(b)).toBe(9000);
    expect(seen.some((j) => j.status === 'running' && j.progress > 0 && j.progress < 1)).toBe(true);
    const audit = await callOk(b, 'audit.list', { entity: 'enterprise' });
    expect(audit[0]).toMatchObject({ method: 'demo.generate', actor: '张干事', after: { inserted: 9000 } });
    expect((await callOk(b, 'jobs.get', { jobId })).status).toBe('succeeded');
  });

  it('rolls everything back when cancelled', async () => {
    const b = testBackend();
    await callOk(b, 'settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' });
    const before = snapshot(b);
    const { jobId } = await callOk(b, 'demo.generate', { enterprises: 200_000 });
    await new Promise<void>((resolve) => {
      const off = b.core.jobs.onProgress((j) => {
        if (j.id === jobId && j.progress > 0.05) {
          off();
          resolve();
        }
      });
    });
    const cancelling = await callOk(b, 'jobs.cancel', { jobId });
    expect(cancelling.message).toBe('正在取消…');
    const done = await b.core.jobs.wait(jobId);
    expect(done.status).toBe('cancelled');
    expect(done.message).toContain('已撤销');
    expect(snapshot(b)).toBe(before);
  });

  it('lets clerks save while a read-only job (an export) runs, and applies its own rows only when it completes', async () => {
    const b = testBackend();
    await callOk(b, 'settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const seenAtStart: number[] = [];
    const run = (cancel: boolean) =>
      b.core.jobs.start('test.export', '测试导出', clerk.actor, null, async (ctx) => {
        seenAtStart.push((ctx.sqlite.prepare('SELECT count(*) AS n FROM enterprises').get() as { n: number }).n);
        await gate;
        await ctx.checkpoint();
        ctx.write((db) => db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('exported', '1', 'now')").run());
        ctx.audit({ entity: 'export', after: { rows: seenAtStart.at(-1) } });
        if (cancel) throw new Error('导出失败');
        return { ok: true };
      }, { readOnly: true });
    const job = run(false);
    const failing = run(true);
    await new Promise((r) => setTimeout(r, 20));
    // Not BUSY: the export holds no write lock.
    await callOk(b, 'enterprises.create', { data: { name: '华容县导出期间新增商行' } });
    release();
    expect((await b.core.jobs.wait(job.id)).status).toBe('succeeded');
    expect((await b.core.jobs.wait(failing.id)).status).toBe('failed');
    expect(seenAtStart).toEqual([0, 0]); // each read the snapshot it started with
    expect(b.core.sqlite.prepare("SELECT count(*) AS n FROM settings WHERE key = 'exported'").get()).toEqual({ n: 1 });
    const audit = await callOk(b, 'audit.list', { entity: 'export' });
    expect(audit.map((a) => a.method)).toEqual(['test.export']);
  });

  it('rolls back a job that fails, and says why', async () => {
    const b = testBackend();
    const before = snapshot(b);
    const job = b.core.jobs.start('test.fail', '测试任务', clerk.actor, null, async (ctx) => {
      ctx.sqlite.prepare("INSERT INTO enterprises (name, entity_type) VALUES ('半截企业', '企业')").run();
      ctx.audit({ entity: 'enterprise', after: { name: '半截企业' } });
      await ctx.checkpoint();
      throw new Error('磁盘已满');
    });
    const done = await b.core.jobs.wait(job.id);
    expect(done.status).toBe('failed');
    expect(done.error).toEqual({ code: 'INTERNAL', message: '任务失败：磁盘已满' });
    expect(snapshot(b)).toBe(before);
  });

  it('refuses other writes while a job holds the write transaction, and reads still work', async () => {
    const b = testBackend();
    const { jobId } = await callOk(b, 'demo.generate', { enterprises: 100_000 });
    const save = await b.api.call('settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' }, clerk);
    expect(!save.ok && save.error.code).toBe('BUSY');
    expect(!save.ok && save.error.message).toContain('生成演示数据');
    const second = await b.api.call('demo.generate', { enterprises: 10 }, clerk);
    expect(!second.ok && second.error.code).toBe('BUSY');
    const info = await callOk(b, 'system.info', {});
    expect(info.counts.enterprises).toBe(0); // the job's rows are not visible until commit
    await callOk(b, 'jobs.cancel', { jobId });
    await b.core.jobs.wait(jobId);
  });

  it('marks jobs that were running when the process died as interrupted', async () => {
    const b = testBackend();
    b.core.sqlite
      .prepare("INSERT INTO jobs (id, kind, title, actor, status, started_at) VALUES ('j1', 'demo.generate', '生成演示数据', 'x', 'running', ?)")
      .run(new Date().toISOString());
    await b.close();
    const reopened = openBackend(b.dataDir, { stderrLevel: 'silent' });
    try {
      const j = await callOk(reopened, 'jobs.get', { jobId: 'j1' });
      expect(j).toMatchObject({ status: 'interrupted' });
      expect(j.message).toContain('已全部撤销');
    } finally {
      await reopened.close();
    }
  });

  it('leaves a job alone that is really running in another process on the same data', async () => {
    const b = testBackend();
    const { jobId } = await callOk(b, 'demo.generate', { enterprises: 2_000_000 });
    await new Promise<void>((resolve) => {
      const off = b.core.jobs.onProgress((j) => {
        if (j.progress > 0) {
          off();
          resolve();
        }
      });
    });
    // Opening beside it must neither fail on the held write lock nor mark the live job interrupted.
    const beside = openBackend(b.dataDir, { stderrLevel: 'silent' });
    try {
      expect((await callOk(beside, 'jobs.get', { jobId })).status).toBe('running');
    } finally {
      await beside.close();
    }
    await callOk(b, 'jobs.cancel', { jobId });
    expect((await b.core.jobs.wait(jobId)).status).toBe('cancelled');
  });

  it('never blocks the process on the lock a job of its own holds: a read-only job ending meanwhile and a session touch', async () => {
    const b = testBackend();
    const admin = await callOk(b, 'accounts.setup', { username: 'wangli', displayName: '王丽', password: 'correct-horse-1', autoLogin: false });
    const { token } = createSession(b.core.sqlite, admin.account.id, 'test', new Date(Date.now() - 10 * 60_000));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // A write job holding the write transaction across awaits, as an import does.
    const writer = b.core.jobs.start('test.import', '测试导入', clerk.actor, null, async (ctx) => {
      ctx.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('imported', '1', 'now')").run();
      ctx.audit({ entity: 'import', after: { rows: 1 } });
      await gate;
      return { rows: 1 };
    });
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    // A read-only job that starts and ends meanwhile, and one that records an audit row.
    const reader = b.core.jobs.start('test.export', '测试导出', clerk.actor, null, () => Promise.resolve({ ok: true }), { readOnly: true });
    const auditing = b.core.jobs.start('test.backup', '测试备份', clerk.actor, null, async (ctx) => {
      ctx.audit({ entity: 'backup', after: { ok: true } });
      return { ok: true };
    }, { readOnly: true });
    expect((await b.core.jobs.wait(reader.id)).status).toBe('succeeded');
    expect(b.core.jobs.get(reader.id).status).toBe('succeeded');
    // The session of a clerk whose page asks something now: known, not extended this time.
    expect(resolveSession(b.core.sqlite, token, new Date())?.username).toBe('wangli');
    // SQLite's busy wait (5 s) would have frozen the whole process here; nothing waited at all.
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(b.core.jobs.get(auditing.id).status).toBe('running');
    release();
    expect((await b.core.jobs.wait(writer.id)).status).toBe('succeeded');
    expect((await b.core.jobs.wait(auditing.id)).status).toBe('succeeded');
    const rows = b.core.sqlite.prepare('SELECT id, status FROM jobs WHERE id IN (?, ?, ?) ORDER BY started_at').all(writer.id, reader.id, auditing.id);
    expect(rows).toEqual([
      { id: writer.id, status: 'succeeded' },
      { id: reader.id, status: 'succeeded' },
      { id: auditing.id, status: 'succeeded' },
    ]);
    const audits = await callOk(b, 'audit.list', {});
    expect(audits.map((a) => a.method)).toEqual(expect.arrayContaining(['test.import', 'test.backup']));
  });

  it('answers NOT_FOUND for an unknown job', async () => {
    const b = testBackend();
    const r = await b.api.call('jobs.get', { jobId: 'nope' }, clerk);
    expect(!r.ok && r.error.code).toBe('NOT_FOUND');
  });
});
