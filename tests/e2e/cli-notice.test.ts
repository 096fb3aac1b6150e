// `qingbo notice render|issue` as a clerk's script would run them: a preview that uses no number,
// issues numbered 1, 2 of this year with the hash of the PDF written, and clear refusals.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayInChina } from '../../shared/dates';
import { qingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const year = todayInChina().slice(0, 4);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const text = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

describe('qingbo notice', () => {
  it('previews without a number, issues 1 and 2 of this year, and refuses bad options in Chinese', () => {
    const data = tempDir();
    const out = tempDir();
    expect(qingbo(['demo', '--data', data, '--enterprises', '40', '--records-per-enterprise', '0', '--json']).status).toBe(0);
    const db = new Database(join(data, 'qingbo.db'), { readonly: true });
    const count = () => db.prepare('SELECT count(*) FROM notices').pluck().get() as number;
    const code = db.prepare("SELECT uscc FROM enterprises WHERE length(uscc) = 18 ORDER BY id LIMIT 1").pluck().get() as string;
    const args = ['--data', data, '--type', '责令改正通知书', '--code', code];
    try {
      const preview = join(out, '预览.pdf');
      const rendered = qingbo(['notice', 'render', ...args, '--out', preview, '--json']);
      expect(rendered.status, rendered.stderr).toBe(0);
      expect(JSON.parse(rendered.stdout)).toMatchObject({ ok: true, out: preview, sha256: sha(preview) });
      expect(text(preview)).toContain('预览，未编号');
      expect(count()).toBe(0);

      const fields = join(out, 'fields.json');
      writeFileSync(fields, JSON.stringify({ finding: '销售标注含磷的洗衣粉', violated: '《湖南省洞庭湖保护条例》第三十三条', immediately: true, requirement: '立即下架含磷洗涤用品' }));
      const issued = [1, 2].map(() => {
        const r = qingbo(['notice', 'issue', ...args, '--fields', fields, '--json']);
        expect(r.status, r.stdout + r.stderr).toBe(0);
        return JSON.parse(r.stdout) as { ok: boolean; number: string; sha256: string; pdf: string; docx: string };
      });
      expect(issued.map((n) => n.number)).toEqual([`华市监责改〔${year}〕1号`, `华市监责改〔${year}〕2号`]);
      for (const n of issued) {
        expect(sha(n.pdf)).toBe(n.sha256);
        expect(existsSync(n.docx)).toBe(true);
        expect(text(n.pdf)).toContain(n.number);
      }
      // --out keeps a copy of the PDF and the DOCX beside it.
      const copy = join(out, '通知书.pdf');
      const third = qingbo(['notice', 'issue', ...args, '--fields', fields, '--out', copy]);
      expect(third.status, third.stderr).toBe(0);
      expect(third.stdout).toContain(`华市监责改〔${year}〕3号`);
      expect(existsSync(join(out, '通知书.docx'))).toBe(true);

      // Refusals: incomplete fields name the field (exit 1), bad options are usage errors (exit 2).
      const incomplete = qingbo(['notice', 'issue', ...args, '--json']);
      expect(incomplete.status).toBe(1);
      expect(JSON.parse(incomplete.stdout)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('经查明的违法事实') as string } });
      const badType = qingbo(['notice', 'render', '--data', data, '--type', '通知书', '--code', code, '--out', preview]);
      expect(badType.status).toBe(2);
      expect(badType.stderr).toContain('不认识的文书名称「通知书」');
      const noOut = qingbo(['notice', 'render', ...args]);
      expect(noOut.status).toBe(2);
      expect(noOut.stderr).toContain('--out');
      const unknown = qingbo(['notice', 'issue', '--data', data, '--type', '责令改正通知书', '--code', '91430623MA4L99999X', '--json']);
      expect(unknown.status).toBe(1);
      expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(count()).toBe(3);
    } finally {
      db.close();
    }
  });
});
