import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../shared/import';
import type { JobInfo } from '../../../shared/jobs';
import { composeUscc } from '../../../shared/uscc';
import { callOk, clerk, snapshot, testBackend } from '../../../tests/helpers/backend';
import { tempDir } from '../../../tests/helpers/tmp';
import type { Backend } from '../backend';

const office = { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' };
const code = (i: number) => composeUscc('91', '430623', `MA4Q${String(i).padStart(4, '0')}`);
// More rows than the import indexes at once, so that indexing in the middle and at the end both run.
const GENERATED = 5500;

/** A registry file: a title row, the header, rows for two enterprises already known, a duplicate, a bad date and many new ones. */
function registryCsv(dir: string): string {
  const lines = [
    '华容县市场主体名录',
    '企业名称,统一社会信用代码,联系电话,住所,成立日期',
    `华容县海信日化股份有限公司,${code(9999)},0730-4229999,,`,
    '华容县长江调味品商行,,,华容县治河渡镇新街8号,',
    `华容县重复代码商行,${code(0)},,,`,
    '华容县坏日期商行,,,,2023-02-30',
  ];
  for (let i = 0; i < GENERATED; i++) lines.push(`华容县清波第${i}号测试商行,${code(i)},1380000${String(i).padStart(4, '0')},章华镇人民路${i}号,2020-01-01`);
  const path = join(dir, '名录.csv');
  writeFileSync(path, `\uFEFF${lines.join('\n')}`);
  return path;
}

async function setup(): Promise<{ b: Backend; file: string }> {
  const b = testBackend();
  await callOk(b, 'settings.saveOffice', office);
  await callOk(b, 'enterprises.create', { data: { name: '华容县海信日化有限公司', uscc: code(9999), phone: '0730-4221234' } });
  await callOk(b, 'enterprises.create', { data: { name: '华容县长江调味品商行', address: '华容县治河渡镇' } });
  const stored = await b.core.files.putFile(registryCsv(tempDir()), '名录.csv');
  return { b, file: stored.sha256 };
}

/** Runs the import job to its end; with `cancelWhileWriting`, cancels it once it has written a thousand rows. */
async function runImport(b: Backend, file: string, dryRun: boolean, cancelWhileWriting = false): Promise<JobInfo> {
  const { jobId } = await callOk(b, 'enterprises.import', {
    file,
    fileName: '名录.csv',
    headerRow: 2,
    mapping: { name: 0, uscc: 1, phone: 2, address: 3, establishedOn: 4 },
    dryRun,
  });
  const off = b.core.jobs.onProgress((job) => {
    if (cancelWhileWriting && /正在写入第 [1-9]\d{3,}/.test(job.message)) void b.api.call('jobs.cancel', { jobId }, clerk);
  });
  const done = await b.core.jobs.wait(jobId);
  off();
  return done;
}

const names = async (b: Backend, q: string) => (await callOk(b, 'enterprises.search', { filter: { q }, limit: 5 })).rows.map((r) => r.name);

describe('importing the registry', () => {
  it('imports a firm named like a registered one with another code, and says so', async () => {
    const { b, file } = await setup();
    await callOk(b, 'enterprises.create', { data: { name: '华容县清波第7号测试商行', uscc: code(8888) } });
    const done = await runImport(b, file, true);
    const result = done.result as ImportResult;
    const twin = result.warnings.filter((w) => w.reason.includes('同名'));
    expect(twin).toEqual([
      { row: 14, column: '统一社会信用代码', reason: `已登记的「华容县清波第7号测试商行」与此同名，信用代码却不同（${code(8888)}）：按新企业导入，请核对是否为同一企业（可在“疑似重复”中合并）` },
    ]);
  });

  it('writes checked rows with their search indexes and audit rows, rejects the rest, and a dry run or a cancel changes nothing', async () => {
    const { b, file } = await setup();
    const before = snapshot(b);

    const cancelled = await runImport(b, file, false, true);
    expect(cancelled.status).toBe('cancelled');
    expect(snapshot(b)).toBe(before);

    const dry = await runImport(b, file, true);
    expect(dry.status, dry.message).toBe('succeeded');
    expect(snapshot(b)).toBe(before);

    const done = await runImport(b, file, false);
    expect(done.status, done.message).toBe('succeeded');
    const r = done.result as ImportResult;
    const counts = { rows: GENERATED + 4, inserted: GENERATED, updated: 2, unchanged: 0 };
    expect(r).toMatchObject(counts);
    expect(dry.result).toMatchObject({ ...counts, dryRun: true, rejected: r.rejected, changes: r.changes, added: r.added });
    // The new rows are listed (the first 200), the one after the refused rows 6 and 7 included.
    expect(r.added).toHaveLength(200);
    expect(r.added.slice(0, 2)).toEqual([
      { row: 5, name: '华容县重复代码商行', uscc: code(0) },
      { row: 8, name: '华容县清波第1号测试商行', uscc: code(1) },
    ]);
    expect(r.rejected).toEqual([
      { row: 6, column: '成立日期', reason: expect.stringContaining('2023-02-30') as string },
      { row: 7, column: '统一社会信用代码', reason: `与第 5 行的统一社会信用代码 ${code(0)} 重复` },
    ]);
    expect(r.rejectedFile?.name).toBe('名录-未导入的行.xlsx');

    // Found by every kind of key, the first, middle and last rows alike.
    for (const i of [1, 2718, GENERATED - 1]) {
      const name = `华容县清波第${i}号测试商行`;
      expect(await names(b, `第${i}号`)).toContain(name);
      expect(await names(b, code(i))).toEqual([name]);
      expect(await names(b, `1380000${String(i).padStart(4, '0')}`)).toEqual([name]);
    }
    expect(await names(b, '清波')).toHaveLength(5);
    expect(await names(b, 'hrxqbd')).toHaveLength(5);
    expect(await names(b, 'qingbodi')).toHaveLength(5);
    // The renamed enterprise is found by its new and its former name, and the index holds it once.
    expect(await names(b, '海信日化股份')).toEqual(['华容县海信日化股份有限公司']);
    expect(await names(b, '海信日化有限')).toEqual(['华容县海信日化股份有限公司']);
    expect(await names(b, '新街8号')).toEqual(['华容县长江调味品商行']);
    expect(await names(b, 'changjiangtiaowei')).toEqual(['华容县长江调味品商行']);
    b.core.sqlite.exec("INSERT INTO enterprise_text (enterprise_text) VALUES ('integrity-check')");
    b.core.sqlite.exec("INSERT INTO enterprise_grams (enterprise_grams) VALUES ('integrity-check')");

    const [last] = (await callOk(b, 'enterprises.search', { filter: { q: code(GENERATED - 1) } })).rows;
    const history = await callOk(b, 'enterprises.history', { id: last!.id });
    // A new enterprise's history names the row of the file it came from; the file itself is kept.
    expect(history).toEqual([
      expect.objectContaining({ actor: clerk.actor, method: 'enterprises.import', reason: `新建自「名录.csv」第 ${GENERATED + 6} 行`, after: null }),
    ]);
    const source = readFileSync(b.core.files.pathOf(file), 'utf8').split('\n');
    expect(source[GENERATED + 5]).toContain(code(GENERATED - 1));
    // The import's one audit row lists what it created, in runs of ids and rows (rows 6 and 7
    // were refused); each update has its own row with before and after.
    const [first] = (await callOk(b, 'enterprises.search', { filter: { q: '重复代码商行' } })).rows;
    const audits = b.core.sqlite.prepare("SELECT entity, after FROM audit_log WHERE method = 'enterprises.import' ORDER BY id").all() as { entity: string; after: string }[];
    expect(audits.map((a) => a.entity)).toEqual(['enterprise', 'enterprise', 'import']);
    expect((JSON.parse(audits[2]!.after) as { created: unknown }).created).toEqual([[first!.id, 5, 1], [first!.id + 1, 8, GENERATED - 1]]);
    expect(await callOk(b, 'enterprises.history', { id: first!.id })).toEqual([expect.objectContaining({ reason: '新建自「名录.csv」第 5 行' })]);
  });
});
