// A server killed with SIGKILL at a random moment of a registry import leaves a database that
// passes `qingbo check` and holds either the whole import or none of it.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeUscc } from '../../shared/uscc';
import { qingbo, serve, type RunningQingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';
import { checkOf, copyOf, prepareBase, random, runToEnd, sleep, stateOf } from './kill-helpers';

const KILLS = Number(process.env['KILLS'] ?? 20);
const ROWS = 1000;
const COUNTS = {
  enterprises: 'SELECT count(*) FROM enterprises',
  imported: "SELECT count(*) FROM enterprises WHERE name LIKE '华容县清波杀进程测试%'",
  audit: 'SELECT count(*) FROM audit_log',
  importRows: "SELECT count(*) FROM audit_log WHERE entity = 'import'",
  files: 'SELECT count(*) FROM files',
};

async function registryFile(): Promise<string> {
  const file = join(tempDir(), '华容县名录（杀进程测试）.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名录');
  ws.addRow(['企业名称', '统一社会信用代码', '住所', '标签', '风险提示']);
  for (let i = 0; i < ROWS; i++) {
    ws.addRow([`华容县清波杀进程测试第${i + 1}号商行`, composeUscc('92', '430623', `QB${String(i).padStart(6, '0')}`), `华容县章华镇清波路${i + 1}号`, '洗涤用品经营户', i % 7 === 0 ? '曾销售含磷洗衣粉' : '']);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

async function upload(server: RunningQingbo, file: string): Promise<string> {
  const res = await fetch(`${server.url}api/files`, {
    method: 'POST',
    headers: { 'X-File-Name': encodeURIComponent('华容县名录（杀进程测试）.xlsx') },
    body: readFileSync(file),
  });
  const body = (await res.json()) as { ok: boolean; value?: { sha256: string } };
  expect(body.ok).toBe(true);
  return body.value!.sha256;
}

async function startImport(server: RunningQingbo, file: string): Promise<string> {
  const sha256 = await upload(server, file);
  const started = await server.api<{ jobId: string }>('enterprises.import', {
    file: sha256,
    fileName: '华容县名录（杀进程测试）.xlsx',
    headerRow: 1,
    mapping: { name: 0, uscc: 1, address: 2, tags: 3, riskNotes: 4 },
    dryRun: false,
  });
  expect(started.ok, started.error?.message).toBe(true);
  return started.value!.jobId;
}

/**
 * How long after `t0` the import's rows became visible to another connection: its commit. (The
 * job's progress cannot tell: the server answers no request while it writes.)
 */
async function committedAfter(dataDir: string, t0: number): Promise<number> {
  const db = new Database(join(dataDir, 'qingbo.db'), { readonly: true, fileMustExist: true });
  try {
    const count = db.prepare(COUNTS.imported).pluck();
    for (;;) {
      if (count.get() === ROWS) return performance.now() - t0;
      await sleep(5);
    }
  } finally {
    db.close();
  }
}

describe('an import killed with SIGKILL', () => {
  it(`keeps all or nothing of it, ${KILLS} times at random moments`, async () => {
    const seed = Number(process.env['KILL_SEED'] ?? Date.now() % 1_000_000);
    const rand = random(seed);
    const [base, file] = await Promise.all([prepareBase(['--enterprises', '300', '--records-per-enterprise', '0']), registryFile()]);
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
    const fullJob = await startImport(server, file);
    const t0 = performance.now();
    let next = launch();
    // A failed start is reported where it is awaited, not as an unhandled rejection meanwhile.
    next.catch(() => undefined);
    const commitMs = await committedAfter(full, t0);
    const done = await runToEnd(server, fullJob, t0);
    expect(done.status, done.message).toBe('succeeded');
    await server.stop('SIGTERM');
    const all = stateOf(full, COUNTS).counts;
    expect(all).toMatchObject({ enterprises: before.counts['enterprises']! + ROWS, imported: ROWS, importRows: 1, audit: before.counts['audit']! + 1 });

    const outcomes: { at: number; kept: 'none' | 'all' }[] = [];
    for (let k = 0; k < KILLS; k++) {
      const { dir, server: s } = await next;
      const jobId = await startImport(s, file);
      if (k + 1 < KILLS) {
        next = launch();
        next.catch(() => undefined);
      }
      // Anywhere before the measured commit, and a little after it.
      const at = Math.round(rand() * commitMs * 1.1);
      await sleep(at);
      await s.stop('SIGKILL');

      const after = stateOf(dir, COUNTS);
      const what = `kill ${k + 1} at ${at} ms, commit at ${Math.round(commitMs)} ms (KILL_SEED=${seed}, job ${jobId})`;
      if (after.counts['imported'] === 0) {
        expect(after.dump, what).toBe(before.dump);
        outcomes.push({ at, kept: 'none' });
      } else {
        expect(after.counts, what).toEqual(all);
        outcomes.push({ at, kept: 'all' });
      }
      const { report, chain } = await checkOf(dir);
      expect(report, what).toMatchObject({ ok: true });
      expect(chain, what).toMatchObject({ ok: true });
      // The real command on the first and the last.
      if (k === 0 || k === KILLS - 1) expect(qingbo(['check', '--data', dir, '--json']).status, what).toBe(0);
    }
    const none = outcomes.filter((o) => o.kept === 'none').length;
    console.info(`kill-import: job ${Math.round(done.ms)} ms, committed at ${Math.round(commitMs)} ms; kills kept none ${none}, all ${KILLS - none}; seed ${seed}`);
    // Most kills must land while the job runs, or the test proves little.
    expect(none).toBeGreaterThanOrEqual(KILLS / 2);
  }, 240_000);
});
