// `qingbo audit verify` and `qingbo audit list` on a real data folder, altered from outside.
import Database from 'better-sqlite3';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const alter = (dir: string, sql: string) => {
  const db = new Database(join(dir, 'qingbo.db'));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
};

describe('qingbo audit', () => {
  it('verifies the chain, names the first altered row or the deleted tail, and lists the records', () => {
    const data = tempDir();
    expect(qingbo(['demo', '--data', data, '--enterprises', '30', '--records-per-enterprise', '1']).status).toBe(0);
    const intact = qingbo(['audit', 'verify', '--data', data]);
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/^✓ \d+ 条操作记录，未被改动/);
    const json = JSON.parse(qingbo(['audit', 'verify', '--data', data, '--json']).stdout) as { ok: boolean; rows: number; head: { id: number } };
    expect(json).toMatchObject({ ok: true, firstBrokenId: null });
    expect(json.head.id).toBe(json.rows);

    // A row altered in the database.
    const altered = tempDir();
    cpSync(data, altered, { recursive: true });
    alter(altered, "UPDATE audit_log SET actor = '别人' WHERE id = 3");
    const a = qingbo(['audit', 'verify', '--data', altered]);
    expect(a.status).toBe(1);
    expect(a.stdout).toContain('✗ 第 3 条操作记录的内容被改动过');

    // The last two rows deleted: only the recorded head shows it.
    const cut = tempDir();
    cpSync(data, cut, { recursive: true });
    alter(cut, `DELETE FROM audit_log WHERE id > ${json.rows - 2}`);
    const c = JSON.parse(qingbo(['audit', 'verify', '--data', cut, '--json']).stdout) as Record<string, unknown>;
    expect(c).toMatchObject({ ok: false, problem: 'truncated', firstBrokenId: json.rows - 1, reason: `最后 2 条被删除（应到第 ${json.rows} 条，现只到第 ${json.rows - 2} 条）` });

    const list = qingbo(['audit', 'list', '--data', data, '--method', 'demo.', '--limit', '2', '--json']);
    expect(list.status, list.stderr).toBe(0);
    const page = JSON.parse(list.stdout) as { entries: { method: string }[]; hasMore: boolean; total: number };
    expect(page.entries.map((e) => e.method)).toEqual(['demo.generate', 'demo.generate']);
    expect(page.hasMore).toBe(true);
    const text = qingbo(['audit', 'list', '--data', data, '--since', '2000-01-01', '--method', 'demo.generate', '--limit', '3']);
    expect(text.stdout).toContain('生成演示数据');
    expect(qingbo(['audit', 'list', '--data', data, '--since', '2026-02-30']).status).toBe(2);
    expect(qingbo(['audit', 'verify', '--data', tempDir()]).status).toBe(2);
  }, 90_000);
});
