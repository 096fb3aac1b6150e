// A server killed in the middle of a long job leaves the database exactly as before the job.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpTables } from '../helpers/backend';
import { qingbo, serve } from '../helpers/server';
import { tempDir } from '../helpers/tmp';
import { waitIdle } from './kill-helpers';

function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return dumpTables(db);
  } finally {
    db.close();
  }
}

describe('a killed server', () => {
  it.each([0.1, 0.6])('rolls back a job killed at %s of its progress', async (killAt) => {
    const data = tempDir();
    expect(qingbo(['demo', '--data', data, '--enterprises', '1000']).status).toBe(0);
    // A first start writes its own rows (the administrator, the day's backup); they are not the job's.
    const first = await serve(data);
    await waitIdle(first);
    await first.stop('SIGTERM');
    const dbFile = join(data, 'qingbo.db');
    const before = dump(dbFile);

    const server = await serve(data);
    // 60,000 enterprises and their 600,000 records: half a minute of work or more on a busy machine,
    // 0.1 falls among the enterprises and 0.6 among the records (the demo's two phases).
    const started = await server.api<{ jobId: string }>('demo.generate', { enterprises: 60_000 });
    expect(started.ok).toBe(true);
    const jobId = started.value!.jobId;
    for (;;) {
      const job = await server.api<{ progress: number; status: string }>('jobs.get', { jobId });
      expect(job.value?.status).toBe('running');
      if ((job.value?.progress ?? 0) >= killAt) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await server.stop('SIGKILL');

    expect(dump(dbFile)).toBe(before);
    const check = qingbo(['check', '--data', data, '--json']);
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true });

    const again = await serve(data);
    const job = await again.api<{ status: string; message: string }>('jobs.get', { jobId });
    expect(job.value).toMatchObject({ status: 'interrupted' });
    const info = await again.api<{ counts: { enterprises: number } }>('system.info');
    expect(info.value?.counts.enterprises).toBe(1000);
  });
});
