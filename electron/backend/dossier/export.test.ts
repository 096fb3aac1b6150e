import { describe, expect, it } from 'vitest';
import { callOk, testBackend } from '../../../tests/helpers/backend';
import { withPolicy } from '../pdf/document';
import { escapeHtml, pageFooter } from '../pdf/html';
import { formatYuan, recordFieldRows } from './export-fields';
import { dossierDocument } from './export-html';
import { loadDossierModel } from './export-model';
import { safeSegment, UniqueNames } from './export-names';
import { png } from '../../../tests/helpers/files';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)></style></td>&amp;';

describe('the dossier as printable HTML', () => {
  it('escapes every text, labels every field in Chinese, shows money in 元 and marks voided records', async () => {
    const b = testBackend();
    await callOk(b, 'settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' });
    const { enterprise } = await callOk(b, 'enterprises.create', {
      data: { name: '华容县<b>碧波</b>日化有限公司', townshipCode: '430623101', address: HOSTILE, riskNotes: '第一行\n第二行' },
    });
    const photo = await b.core.files.putBytes(png(4, 3), '现场<照片>.png', 'image/png');
    const fake = await b.core.files.putBytes(Buffer.from('<html><script>alert(1)</script></html>'), '伪装成照片.jpg', 'image/jpeg');
    const sampling = await callOk(b, 'dossier.create', {
      enterpriseId: enterprise.id, kind: 'sampling', occurredOn: '2026-02-10', attachments: [photo, fake],
      data: {
        plan: '2026 年洗涤用品监督抽查', product: `洗衣粉${HOSTILE}`, sampledOn: '2026-01-06', result: '不合格', resultReceivedOn: '2026-02-10',
        unqualifiedItems: [{ item: '总五氧化二磷', measured: '2.3%', required: '≤1.1%' }],
      },
    });
    await callOk(b, 'dossier.create', {
      enterpriseId: enterprise.id, kind: 'penalty', occurredOn: '2026-03-01',
      data: { caseNo: '华市监罚〔2026〕3号', facts: 'x'.repeat(4000), fineFen: 1_234_567, status: '决定' },
    });
    const note = await callOk(b, 'dossier.create', { enterpriseId: enterprise.id, kind: 'note', occurredOn: '2026-03-02', data: { text: '录错了' } });
    await callOk(b, 'dossier.void', { id: note.record.id, reason: `重复录入${HOSTILE}` });

    const model = await loadDossierModel(b.core, b.core.sqlite, enterprise.id, '2026-03-16');
    const { html, assets, footerTemplate } = dossierDocument(model);

    // Nothing from the database becomes markup: the only tags are the document's own.
    expect(html).not.toMatch(/<script|<b>|<img src=x|<\/style><\/td>/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('华容县&lt;b&gt;碧波&lt;/b&gt;日化有限公司');
    expect(html.match(/<img /g)).toHaveLength(1); // the PNG; the "photo" that is really HTML is only listed
    expect(assets).toEqual([{ path: `assets/${photo.sha256}`, file: b.core.files.pathOf(photo.sha256) }]);
    expect(html).toContain(fake.sha256);
    expect(footerTemplate).toContain('华容县&lt;b&gt;碧波&lt;/b&gt;日化有限公司 企业档案');
    expect(footerTemplate).toContain('<span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页');

    // Chinese labels from the schemas, nested tables, money, deadlines, voided records.
    for (const label of ['统一社会信用代码', '抽查计划（任务）', '产品名称', '检验结论', '不合格项目', '实测值', '标准要求', '企业收到检验结果日期', '案号', '罚款', '没收违法所得']) {
      expect(html).toContain(`>${label}<`);
    }
    expect(html).toContain('12,345.67 元');
    expect(html).toContain('0.00 元');
    expect(html).not.toContain('（分）');
    expect(html).toContain('异议期届满');
    expect(html).toContain('<span class="void">已作废</span>作废原因：重复录入&lt;script&gt;');
    expect(html.indexOf('2026-03-02')).toBeLessThan(html.indexOf('2026-02-10')); // newest first
    expect(html).toContain('华容县市场监督管理局');
    expect(html).toContain(`由记录 ${sampling.record.id} 产生`);
    expect(html).toContain('2026年3月16日');
    expect(model.records.map((r) => r.kind)).toEqual(['note', 'penalty', 'rectification', 'sampling']);
  });

  it('formats fields: money from fen, credit classes, names joined, empty fields as a dash', () => {
    expect(formatYuan(0)).toBe('0.00 元');
    expect(formatYuan(5)).toBe('0.05 元');
    expect(formatYuan(100)).toBe('1.00 元');
    expect(formatYuan(123_456_789)).toBe('1,234,567.89 元');
    expect(formatYuan(100_000_000_000)).toBe('1,000,000,000.00 元');
    const credit = recordFieldRows('credit', { to: 'C', from: null, listing: null, reason: '抽查不合格' });
    expect(credit).toEqual([
      { label: '调整后的信用风险分类', text: 'C 类（较高风险）' },
      { label: '名录事项', text: '—' },
      { label: '原因', text: '抽查不合格' },
      { label: '调整前', text: '未分类' },
    ]);
    const inspection = recordFieldRows('inspection', {
      inspectors: ['李明', '王芳'], place: null, checklist: [{ item: '索证索票', answer: '符合', note: null }], findings: null, result: '未发现问题',
    });
    expect(inspection).toContainEqual({ label: '执法人员', text: '李明、王芳' });
    expect(inspection).toContainEqual({ label: '检查事项', table: { headers: ['检查事项', '检查结果', '说明'], rows: [['索证索票', '符合', '—']] } });
  });

  it('escapes text for HTML and puts the no-script policy first in the head', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>\u0000`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt; ');
    expect(withPolicy('<!DOCTYPE html><html><head><title>x</title></head></html>')).toMatch(
      /^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*"><title>/,
    );
    expect(withPolicy('<!DOCTYPE html><p>x</p>')).toMatch(/^<!DOCTYPE html><meta http-equiv="Content-Security-Policy"/);
    expect(pageFooter({ pageText: '— {page} —', left: '<x>' })).toContain('— <span class="pageNumber"></span> —');
    expect(pageFooter({ left: '<x>' })).toContain('&lt;x&gt;');
  });

  it('makes zip entry names safe on Windows and unique within a folder', () => {
    expect(safeSegment('a/b\\c:d*?.jpg')).toBe('a_b_c_d__.jpg');
    expect(safeSegment('CON.txt')).toBe('_CON.txt');
    expect(safeSegment('  报告.pdf. . ')).toBe('报告.pdf');
    expect(safeSegment('...')).toBe('未命名');
    expect([...safeSegment(`${'长'.repeat(300)}.jpeg`)]).toHaveLength(80);
    expect(safeSegment(`${'长'.repeat(300)}.jpeg`).endsWith('.jpeg')).toBe(true);
    const names = new UniqueNames();
    expect(['照片.jpg', '照片.JPG', '照片.jpg', 'readme'].map((n) => names.claim(n))).toEqual(['照片.jpg', '照片 (2).JPG', '照片 (3).jpg', 'readme']);
  });
});
