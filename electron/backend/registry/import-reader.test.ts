import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { composeUscc } from '../../../shared/uscc';
import { tempDir } from '../../../tests/helpers/tmp';
import { createLogger } from '../log';
import { checkRows, type CheckedBatch, type CheckOptions } from './import-check';
import { checkedBatches, readerModule } from './import-reader';
import { searchKeys } from './search-keys';

/** A CSV of `n` enterprises under a title row and a header; rows 5 and 9 repeat row 3's code. */
function registryCsv(dir: string, n: number): CheckOptions {
  const code = (i: number) => composeUscc('91', '430623', `MA4L${String(i).padStart(4, '0')}`);
  const lines = ['华容县市场主体名录', '企业名称,统一社会信用代码,住所,所属乡镇'];
  for (let i = 0; i < n; i++) lines.push(`华容县第${i}号测试商行,${[2, 6].includes(i) ? code(0) : code(i)},章华镇人民路${i}号,${i % 50 === 7 ? '月球镇' : '章华镇'}`);
  const path = join(dir, '名录.csv');
  writeFileSync(path, `\uFEFF${lines.join('\n')}`);
  return { path, fileName: '名录.csv', headerRow: 2, mapping: { name: 0, uscc: 1, address: 2, township: 3 }, townships: [{ code: '430623100', name: '章华镇' }] };
}

async function collect(batches: AsyncIterable<CheckedBatch>): Promise<CheckedBatch[]> {
  const all: CheckedBatch[] = [];
  for await (const b of batches) all.push(b);
  return all;
}

function logIn(dir: string) {
  return { log: createLogger(dir, 'silent'), text: () => readFileSync(join(dir, 'qingbo.log'), { encoding: 'utf8', flag: 'a+' }) };
}

describe('reading an import file in the reader thread', () => {
  it('hands over the same checked batches as reading in this thread, duplicates and warnings included', async () => {
    const dir = tempDir();
    const options = registryCsv(dir, 2500);
    const { log, text } = logIn(dir);
    expect(readerModule()).not.toBeNull();
    const threaded = await collect(checkedBatches(options, log));
    expect(text()).not.toContain('reader thread failed');
    const inThread = await collect(checkRows(options));
    expect(threaded).toEqual(inThread);

    expect(threaded.map((b) => b.rows.length + b.rejected.length)).toEqual([100, 1000, 1000, 400]);
    expect(threaded[0]!.headerCells).toEqual(['企业名称', '统一社会信用代码', '住所', '所属乡镇']);
    expect(threaded.at(-1)!.dataRows).toBe(2500);
    expect(threaded[0]!.rejected.map((r) => [r.row, r.field, r.reason])).toEqual([
      [5, 'uscc', expect.stringContaining('与第 3 行的统一社会信用代码') as string],
      [9, 'uscc', expect.stringContaining('与第 3 行的统一社会信用代码') as string],
    ]);
    expect(threaded[0]!.warnings[0]).toMatchObject({ row: 10, field: 'township' });
    const first = threaded[0]!.rows[0]!;
    expect(first.present).toEqual(expect.arrayContaining(['name', 'uscc', 'address', 'townshipCode']));
    expect(first.keys).toEqual(searchKeys('华容县第0号测试商行'));
  });

  it('reads in this thread when the worker cannot start', async () => {
    const dir = tempDir();
    const options = registryCsv(dir, 1200);
    const { log, text } = logIn(dir);
    const missing = pathToFileURL(join(dir, 'no-such-worker.js'));
    expect(await collect(checkedBatches(options, log, missing))).toEqual(await collect(checkRows(options)));
    expect(text()).toContain('reader thread failed');
  });

  it('reads on in this thread from where a worker that died stopped', async () => {
    const dir = tempDir();
    const options = registryCsv(dir, 2500);
    const expected = await collect(checkRows(options));
    // A worker that delivers the first batch, then dies.
    const dying = join(dir, 'dying-worker.mjs');
    writeFileSync(
      dying,
      `import { parentPort } from 'node:worker_threads';
       parentPort.postMessage({ kind: 'batch', batch: ${JSON.stringify(expected[0])} });
       setTimeout(() => process.exit(3), 50);`,
    );
    const { log, text } = logIn(dir);
    expect(await collect(checkedBatches(options, log, pathToFileURL(dying)))).toEqual(expected);
    expect(text()).toContain('"batchesDone":1');
  });

  it('passes on the refusal of a damaged file as the clerk should see it', async () => {
    const dir = tempDir();
    const path = join(dir, '损坏.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 7)]));
    const { log } = logIn(dir);
    const reading = collect(checkedBatches({ path, fileName: '损坏.xlsx', headerRow: 1, mapping: { name: 0 }, townships: [] }, log));
    await expect(reading).rejects.toBeInstanceOf(AppError);
    await expect(reading).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('损坏.xlsx') as string });
  });
});
