// The `qingbo` command line as a clerk or a script would run it.
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCode } from '../../shared/uscc';
import Database from 'better-sqlite3';
import { qingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

describe('qingbo CLI', () => {
  it('explains itself in Chinese', () => {
    const r = qingbo(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('用法：qingbo <命令>');
    for (const cmd of ['serve', 'demo', 'check']) expect(r.stdout).toContain(cmd);
    expect(r.stdout).toContain('--records-per-enterprise');
  });

  it('fills a demo county with valid credit codes, printing one JSON object with --json', () => {
    const data = tempDir();
    const r = qingbo(['demo', '--data', data, '--enterprises', '2000', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, enterprises: 2000, records: 20_000, county: '湖南省岳阳市华容县' });
    const db = new Database(join(data, 'qingbo.db'), { readonly: true });
    const rows = db.prepare('SELECT name, uscc, township_code, entity_type FROM enterprises').all() as { name: string; uscc: string | null; township_code: string; entity_type: string }[];
    db.close();
    expect(rows).toHaveLength(2000);
    const coded = rows.filter((r) => r.uscc);
    expect(coded.length).toBeGreaterThan(1900);
    for (const row of coded) expect(checkCode(row.uscc!).problems, row.uscc!).toEqual([]);
    expect(new Set(rows.map((r) => r.name)).size).toBe(2000);
    expect(rows.every((r) => r.township_code.startsWith('430623'))).toBe(true);
    expect(new Set(rows.map((r) => r.entity_type))).toEqual(new Set(['企业', '个体工商户', '农民专业合作社']));
    // A second run adds more instead of repeating the first.
    expect(JSON.parse(qingbo(['demo', '--data', data, '--enterprises', '100', '--json']).stdout)).toMatchObject({ enterprises: 100 });
  });

  it('gives the demo enterprises their files, as many records as asked, or none', () => {
    const data = tempDir();
    const r = qingbo(['demo', '--data', data, '--enterprises', '60', '--records-per-enterprise', '3', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, enterprises: 60, records: 180 });
    const none = qingbo(['demo', '--data', data, '--enterprises', '40', '--records-per-enterprise', '0']);
    expect(none.stdout).toContain('生成 40 家企业、0 条档案记录');
    const db = new Database(join(data, 'qingbo.db'), { readonly: true });
    // The files the demo writes; the demo's campaign results and issued notices come on top of them.
    const perEnterprise = db
      .prepare(
        `SELECT e.id, count(r.id) AS n FROM enterprises e LEFT JOIN dossier_records r ON r.enterprise_id = e.id AND r.kind != 'notice'
           AND r.id NOT IN (SELECT record_id FROM campaign_results)
           AND r.id NOT IN (SELECT rectification_id FROM campaign_results WHERE rectification_id IS NOT NULL)
         GROUP BY e.id ORDER BY e.id`,
      )
      .all() as { n: number }[];
    const openDeadlines = db.prepare("SELECT count(*) AS n FROM deadlines WHERE status = 'open'").get() as { n: number };
    db.close();
    expect(perEnterprise.slice(0, 60).reduce((s, e) => s + e.n, 0)).toBe(180);
    expect(perEnterprise.slice(60).every((e) => e.n === 0)).toBe(true);
    expect(openDeadlines.n).toBeGreaterThan(0);
    expect(qingbo(['demo', '--data', data, '--records-per-enterprise', 'lots']).stderr).toContain('--records-per-enterprise 应为正整数');
  });

  it('check reports a healthy folder with exit 0 and a damaged one with exit 1', () => {
    const data = tempDir();
    qingbo(['demo', '--data', data, '--enterprises', '3000']);
    const ok = qingbo(['check', '--data', data]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('检查通过');

    const file = join(data, 'qingbo.db');
    const fd = openSync(file, 'r+');
    const size = statSync(file).size;
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const bad = qingbo(['check', '--data', data, '--json']);
    expect(bad.status).toBe(1);
    const report = JSON.parse(bad.stdout) as { ok: boolean; items: { ok: boolean; detail: string }[] };
    expect(report.ok).toBe(false);
    expect(report.items.find((i) => !i.ok)?.detail).toMatch(/损坏|完整性/);

    // An export checks the file alongside and hands nothing out when the check fails, even when
    // the damaged pages are not among those it read.
    const out = join(tempDir(), '名录.xlsx');
    const exported = qingbo(['export', 'enterprises', '--data', data, '--out', out, '--json']);
    expect(exported.status).not.toBe(0);
    expect(`${exported.stdout}${exported.stderr}`).toMatch(/完整性检查未通过|文件已损坏/);
    expect(existsSync(out)).toBe(false);
  });

  it('exports from a healthy (and an encrypted) folder with the quick check alongside', () => {
    const data = tempDir();
    qingbo(['demo', '--data', data, '--enterprises', '50', '--records-per-enterprise', '0']);
    const out = join(tempDir(), '名录.xlsx');
    const plain = qingbo(['export', 'enterprises', '--data', data, '--out', out, '--json']);
    expect(plain.status).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({ ok: true, rows: 50 });
    expect(qingbo(['db', 'encrypt', '--data', data], 60_000, { input: '清波测试密码2026\n清波测试密码2026\n' }).status).toBe(0);
    const env = { QINGBO_DB_PASSWORD: '清波测试密码2026' };
    const encrypted = qingbo(['export', 'enterprises', '--data', data, '--out', out, '--json'], 60_000, { env });
    expect(encrypted.status).toBe(0);
    expect(JSON.parse(encrypted.stdout)).toMatchObject({ ok: true, rows: 50 });
  });

  it('serve --json prints one JSON object with the URL', async () => {
    const { spawn } = await import('node:child_process');
    const proc = spawn(process.execPath, ['bin/qingbo.js', 'serve', '--data', tempDir(), '--port', '0', '--json']);
    const line = await new Promise<string>((resolve) => proc.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    const info = JSON.parse(line) as { ok: boolean; url: string };
    expect(info.ok).toBe(true);
    expect((await fetch(`${info.url}healthz`)).status).toBe(200);
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
  });

  it('says what is wrong with a bad command line', () => {
    expect(qingbo(['demo']).stderr).toContain('缺少 --data 目录');
    const unknown = qingbo(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('未知命令「frobnicate」');
    const opt = qingbo(['check', '--verbose']);
    expect(opt.status).toBe(2);
    expect(opt.stderr).toContain('未知选项 --verbose');
    const json = qingbo(['check', '--data', join(tempDir(), 'none'), '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false });
    expect(qingbo(['demo', '--data', tempDir(), '--enterprises', 'many']).stderr).toContain('--enterprises 应为正整数');
  });
});
