// `qingbo import enterprises` and `qingbo export enterprises` as a clerk's script would run them:
// real files in, real files out, and nothing half-written when the input is bad or the process dies.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeUscc } from '../../shared/uscc';
import { dumpTables } from '../helpers/backend';
import { qingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'qingbo.js');

function countEnterprises(dataDir: string): number {
  const db = new Database(join(dataDir, 'qingbo.db'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM enterprises').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function dump(dataDir: string): string {
  const db = new Database(join(dataDir, 'qingbo.db'), { readonly: true });
  try {
    return dumpTables(db);
  } finally {
    db.close();
  }
}

describe('qingbo import / export enterprises', () => {
  it('exports a filtered list that imports back, and reports rejected rows of a GBK CSV by row, column and reason', async () => {
    const source = tempDir();
    expect(qingbo(['demo', '--data', source, '--enterprises', '400']).status).toBe(0);
    const out = join(source, '章华镇.xlsx');
    const exported = qingbo(['export', 'enterprises', '--data', source, '--township', '章华镇', '--out', out, '--json']);
    expect(exported.status, exported.stderr).toBe(0);
    const { rows } = JSON.parse(exported.stdout) as { rows: number };
    expect(rows).toBeGreaterThan(10);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toContain('统一社会信用代码');
    expect(ws.rowCount).toBe(rows + 1);
    expect(String(ws.getRow(2).getCell(5).value ?? '')).toMatch(/^(\d{6}\*+\w{4})?$/); // ID numbers masked

    const target = tempDir();
    expect(qingbo(['demo', '--data', target, '--enterprises', '1']).status).toBe(0);
    const imported = qingbo(['import', 'enterprises', out, '--data', target, '--json']);
    expect(imported.status, imported.stderr).toBe(0);
    const result = JSON.parse(imported.stdout) as { inserted: number; updated: number; rejected: unknown[] };
    expect(result).toMatchObject({ inserted: rows, updated: 0, rejected: [] });
    expect(countEnterprises(target)).toBe(rows + 1);

    const good = composeUscc('92', '430623', 'MA4L0009');
    const csv = [
      '华容县个体工商户名录,,,,,',
      '序号,名称,统一社会信用代码,经营者,经营场所,登记状态,成立日期',
      `1,华容县章华镇测试日杂店,${good},李四,章华镇人民路1号,在业,2023年4月13日`,
      `2,华容县章华镇重复日杂店,${good},王五,章华镇人民路2号,在业,2023/4/13`,
      '3,华容县坏日期商行,,赵六,章华镇,存续,2023-02-30',
      '4,=HYPERLINK("http://x"),,,,存续,45029',
    ].join('\r\n');
    const csvFile = join(target, '名录.csv');
    writeFileSync(csvFile, iconv.encode(csv, 'gbk'));
    const before = dump(target);
    const dry = qingbo(['import', 'enterprises', csvFile, '--data', target, '--dry-run', '--json']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dump(target)).toBe(before);
    const r = JSON.parse(dry.stdout) as { inserted: number; rejected: { row: number; column: string; reason: string }[] };
    expect(r.inserted).toBe(2);
    expect(r.rejected).toEqual([
      { row: 4, column: '统一社会信用代码', reason: `与第 3 行的统一社会信用代码 ${good} 重复` },
      { row: 5, column: '成立日期', reason: expect.stringContaining('2023-02-30') as string },
    ]);

    const applied = qingbo(['import', 'enterprises', csvFile, '--data', target, '--json']);
    expect(JSON.parse(applied.stdout)).toMatchObject({ inserted: 2 });
    const db = new Database(join(target, 'qingbo.db'), { readonly: true });
    const formula = db.prepare("SELECT name, established_on FROM enterprises WHERE name LIKE '=%'").get();
    db.close();
    expect(formula).toEqual({ name: '=HYPERLINK("http://x")', established_on: '2023-04-13' });

    const back = join(target, 'back.xlsx');
    expect(qingbo(['export', 'enterprises', '--data', target, '--q', 'HYPERLINK', '--out', back]).status).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(back);
    const cell = wb2.worksheets[0]!.getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x")');
  });

  it('refuses a corrupt xlsx, a file without a header and an empty file, writing nothing', () => {
    const data = tempDir();
    expect(qingbo(['demo', '--data', data, '--enterprises', '20']).status).toBe(0);
    const before = dump(data);
    const corrupt = join(data, '损坏.xlsx');
    writeFileSync(corrupt, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 7)]));
    const noHeader = join(data, '无表头.csv');
    writeFileSync(noHeader, 'a,b,c\n1,2,3\n');
    const headerOnly = join(data, '只有表头.csv');
    writeFileSync(headerOnly, '\uFEFF企业名称,联系电话\n');
    const cases: [string, RegExp][] = [
      [corrupt, /损坏.*「损坏\.xlsx」|「损坏\.xlsx」.*损坏|文件已损坏/],
      [noHeader, /找不到表头/],
      [headerOnly, /没有数据行/],
    ];
    for (const [file, message] of cases) {
      const r = qingbo(['import', 'enterprises', file, '--data', data]);
      expect(r.status, r.stdout).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect(dump(data).replace(/"files".*$/, '')).toBe(before.replace(/"files".*$/, ''));
  });

  it('leaves the registry as it was when the import process is killed half-way', async () => {
    const data = tempDir();
    expect(qingbo(['demo', '--data', data, '--enterprises', '10']).status).toBe(0);
    const file = join(data, '大名录.csv');
    const lines = ['企业名称,联系电话,住所'];
    for (let i = 0; i < 60_000; i++) lines.push(`华容县第${i}号测试商行,1380000${String(i).padStart(4, '0')},章华镇人民路${i}号`);
    writeFileSync(file, `\uFEFF${lines.join('\n')}`);
    const before = countEnterprises(data);
    const proc = spawn(process.execPath, [BIN, 'import', 'enterprises', file, '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`never started writing: ${output}`)), 60_000);
      proc.stderr.on('data', (d: Buffer) => {
        output += d.toString();
        if (/正在写入第 [1-9]\d{3,}/.test(output)) {
          clearTimeout(timer);
          proc.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => proc.once('close', r));
    const check = qingbo(['check', '--data', data, '--json']);
    expect(check.status, check.stdout).toBe(0);
    expect(countEnterprises(data)).toBe(before);
    expect(readFileSync(join(data, 'qingbo.db')).length).toBeGreaterThan(0);
  });
});
