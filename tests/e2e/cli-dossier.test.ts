// `qingbo dossier export` as a clerk's script would run it: one enterprise's file to a zip and to a
// PDF, read back with independent tools (a zip reader, poppler's pdftotext and pdfimages).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import type { Backend } from '../../electron/backend/backend';
import { trustedContext } from '../../electron/backend/context';
import type { DossierManifest } from '../../electron/backend/dossier/export-manifest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { composeUscc } from '../../shared/uscc';
import { launchChromium } from '../helpers/browser';
import { qingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';
import { png, readZip } from '../helpers/files';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const LONG_LINE = `批号${'A1B2C3D4E5'.repeat(300)}结束`;

async function call<M extends MethodName>(b: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await b.api.call(method, input, trustedContext('张干事'));
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as MethodOutput<M>;
}

/** A real JPEG, encoded by Chromium from a drawn canvas. */
async function jpeg(width: number, height: number): Promise<Buffer> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const url = await page.evaluate(`(() => {
      const c = document.createElement('canvas'); c.width = ${width}; c.height = ${height};
      const g = c.getContext('2d'); g.fillStyle = '#2a6'; g.fillRect(0, 0, ${width}, ${height});
      g.fillStyle = '#fc0'; g.fillRect(${width / 4}, ${height / 4}, ${width / 2}, ${height / 2});
      return c.toDataURL('image/jpeg', 0.9);
    })()`);
    return Buffer.from(String(url).split(',')[1]!, 'base64');
  } finally {
    await browser.close();
  }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** An office with one enterprise whose file has an unqualified sampling with two photos, a voided note and hostile text. */
async function officeWithDossier(data: string): Promise<{ code: string; samplingId: number }> {
  const b = openBackend(data, { stderrLevel: 'silent' });
  try {
    await call(b, 'settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' });
    const code = composeUscc('91', '430623', 'MA4L0D01');
    const { enterprise } = await call(b, 'enterprises.create', {
      data: {
        name: '华容县碧波日化有限公司', uscc: code, legalRep: '刘碧波', address: '华容县章华镇工业园 8 号', townshipCode: '430623101',
        industryCode: '2682', supervisionClass: '专管', creditClass: 'B', licences: [{ kind: '生产许可证', number: 'XK16-108-00123' }],
      },
    });
    const id = enterprise.id;
    const shelf = await b.core.files.putBytes(png(64, 48, [200, 40, 40]), '现场照片.png', 'image/png');
    const sample = await b.core.files.putBytes(await jpeg(120, 90), '样品照片.jpg', 'image/jpeg');
    const report = await b.core.files.putBytes(Buffer.from('检验报告（扫描件）'), '检验报告.txt', 'text/plain');
    const sampling = await call(b, 'dossier.create', {
      enterpriseId: id, kind: 'sampling', occurredOn: '2026-02-10', attachments: [shelf, sample, report],
      data: {
        plan: '2026 年洗涤用品质量监督抽查', product: '洗衣粉', brand: '碧波', batch: '20251201', sampledOn: '2026-01-06',
        lab: '岳阳市产商品质量监督检验所', resultReceivedOn: '2026-02-10', result: '不合格',
        unqualifiedItems: [{ item: '总五氧化二磷', measured: '2.3%', required: '≤1.1%' }],
      },
    });
    await call(b, 'dossier.create', {
      enterpriseId: id, kind: 'inspection', occurredOn: '2026-01-15',
      data: { inspectors: ['李明', '王芳'], place: '生产车间', result: '未发现问题', checklist: [{ item: '索证索票', answer: '符合' }] },
    });
    await call(b, 'dossier.create', {
      enterpriseId: id, kind: 'penalty', occurredOn: '2026-03-20',
      data: { caseNo: '华市监罚〔2026〕3号', facts: '生产销售含磷洗衣粉', fineFen: 1_234_567, status: '决定', decidedOn: '2026-03-20' },
    });
    await call(b, 'dossier.create', {
      enterpriseId: id, kind: 'complaint', occurredOn: '2026-03-05',
      data: { source: '12315 平台', receivedOn: '2026-03-05', content: `${HOSTILE}\n${LONG_LINE}` },
    });
    const wrong = await call(b, 'dossier.create', { enterpriseId: id, kind: 'note', occurredOn: '2026-03-06', data: { text: '误录的一条记录' } });
    await call(b, 'dossier.void', { id: wrong.record.id, reason: '录错了企业' });
    return { code, samplingId: sampling.record.id };
  } finally {
    await b.close();
  }
}

describe('qingbo dossier export', () => {
  it('writes one enterprise’s file as a zip whose manifest hashes match, and as a PDF that poppler reads back', async () => {
    const data = tempDir();
    const { code, samplingId } = await officeWithDossier(data);
    const outDir = join(data, '导出');
    mkdirSync(outDir);

    // The zip: PDF, attachments under 附件/<date>_<kind>_<record>/, manifest.json.
    const zipFile = join(outDir, '碧波档案.zip');
    const z = qingbo(['dossier', 'export', '--data', data, '--code', code.toLowerCase(), '--out', zipFile, '--json']);
    expect(z.status, z.stderr).toBe(0);
    expect(JSON.parse(z.stdout)).toMatchObject({ ok: true, out: zipFile, enterprises: 1, records: 6, attachments: 3 });
    const zip = await readZip(zipFile);
    const manifest = JSON.parse(zip.get('manifest.json')!.toString('utf8')) as DossierManifest;
    expect(manifest.enterprise).toMatchObject({ name: '华容县碧波日化有限公司', uscc: code, township: '三封寺镇' });
    expect(manifest.records.map((r) => [r.kindLabel, r.occurredOn, r.voided])).toEqual([
      ['行政处罚', '2026-03-20', false],
      ['备注', '2026-03-06', true],
      ['投诉举报', '2026-03-05', false],
      ['责令改正', '2026-02-10', false],
      ['监督抽查', '2026-02-10', false],
      ['日常检查', '2026-01-15', false],
    ]);
    const dir = `附件/2026-02-10_监督抽查_${samplingId}`;
    expect(manifest.files.map((f) => f.path)).toEqual([
      '华容县碧波日化有限公司-企业档案.pdf',
      `${dir}/现场照片.png`,
      `${dir}/样品照片.jpg`,
      `${dir}/检验报告.txt`,
    ]);
    expect([...zip.keys()].sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
    for (const f of manifest.files) {
      const bytes = zip.get(f.path)!;
      expect(sha256(bytes), f.path).toBe(f.sha256);
      expect(bytes.length, f.path).toBe(f.size);
    }
    expect(sha256(zip.get(manifest.pdf.path)!)).toBe(manifest.pdf.sha256);

    // The PDF alone.
    const pdfFile = join(outDir, '碧波档案.pdf');
    const p = qingbo(['dossier', 'export', '--data', data, '--code', code, '--out', pdfFile]);
    expect(p.status, p.stderr).toBe(0);
    expect(p.stdout).toContain('已导出「华容县碧波日化有限公司」的档案（6 条记录、3 个附件）');
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('华容县碧波日化有限公司');
    for (const kind of ['监督抽查', '责令改正', '行政处罚', '日常检查', '投诉举报', '备注']) expect(text).toContain(kind);
    for (const label of ['统一社会信用代码', '抽查计划（任务）', '产品名称', '检验结论', '不合格项目', '实测值', '案号', '罚款', '投诉举报内容', '执法人员']) {
      expect(text, label).toContain(label);
    }
    expect(text).toContain('12,345.67 元');
    expect(text).toContain('已作废');
    expect(text).toContain('录错了企业');
    expect(text).toContain(code);
    expect(text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
    expect(text).toContain('打印日期');
    // Hostile text is printed as text, and the long line wraps inside the page (all of it is
    // there once the page footers text extraction puts in its middle are taken out).
    const flat = text.replace(/\s+/g, '').replace(/华容县碧波日化有限公司企业档案第\d+页共\d+页打印日期：\d+年\d+月\d+日/g, '');
    expect(flat).toContain(HOSTILE.replace(/\s+/g, ''));
    expect(flat).toContain(LONG_LINE);
    const bbox = execFileSync('pdftotext', ['-bbox', pdfFile, '-'], { encoding: 'utf8' });
    const pageWidth = Number(/<page width="([\d.]+)"/.exec(bbox)?.[1]);
    expect(pageWidth).toBeCloseTo(595, 0);
    const rightEdges = [...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...rightEdges)).toBeLessThan(pageWidth);

    // Both photos are in the PDF as pictures at their own size; the text file is only listed.
    const images = execFileSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' });
    expect(images).toMatch(/\bimage\s+64\s+48\b/);
    expect(images).toMatch(/\bimage\s+120\s+90\b/);
    expect(text).toContain('检验报告.txt');
    expect(readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('explains an unknown code, a missing folder and a wrong file type in Chinese, writing nothing', async () => {
    const data = tempDir();
    const b = openBackend(data, { stderrLevel: 'silent' });
    await call(b, 'settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' });
    await call(b, 'enterprises.create', { data: { name: '华容县东山百货商店', townshipCode: '430623101' } });
    await b.close();
    const unknown = qingbo(['dossier', 'export', '--data', data, '--code', composeUscc('91', '430623', 'MA4L0Y99'), '--out', join(data, 'x.zip')]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('找不到统一社会信用代码为');
    const folder = qingbo(['dossier', 'export', '--data', data, '--code', 'x', '--out', join(data, '没有这个文件夹', 'x.zip'), '--json']);
    expect(folder.status).toBe(2);
    expect(JSON.parse(folder.stdout)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('不存在') as string } });
    const kind = qingbo(['dossier', 'export', '--data', data, '--code', 'x', '--out', join(data, 'x.docx')]);
    expect(kind.stderr).toContain('应以 .zip 或 .pdf 结尾');
    const many = qingbo(['dossier', 'export', '--data', data, '--township', '三封寺镇', '--out', join(data, 'x.pdf')]);
    expect(many.stderr).toContain('只能导出为一个 .zip');
    const missing = qingbo(['dossier', 'export', '--data', data, '--code', 'x']);
    expect(missing.stderr).toContain('缺少 --out');
    expect(readdirSync(data).filter((f) => /\.(zip|pdf|docx)$/.test(f))).toEqual([]);
  });
});
