// PDF attachments in a dossier record, in real Chromium against `qingbo serve`: a real PDF shows
// its first page as a thumbnail, drawn once per file, and opens a preview of its first five pages
// with 打开 and 另存; a damaged file and a password-protected one show 无法预览. Nothing on the
// way breaks the page's Content Security Policy or writes an error to the console.
// Set QINGBO_SCREENSHOTS=<folder> to keep screenshots of the record and of the preview.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RecordSaved } from '../../shared/dossier';
import type { StoredFileRef } from '../../shared/import';
import { openPage } from '../helpers/page';
import { qingbo, serve, type RunningQingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const SHOTS = process.env['QINGBO_SCREENSHOTS'];

async function shot(target: Page | Locator, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await new Promise((r) => setTimeout(r, 300)); // let antd's transitions finish
  await target.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** A seven-page 检验报告 printed by the browser itself, with a Chinese heading and a coloured table. */
async function inspectionReport(page: Page): Promise<Buffer> {
  const maker = await page.context().browser()!.newPage();
  try {
    const sheets = Array.from(
      { length: 7 },
      (_, i) => `<section style="page-break-after: always">
        <h1 style="text-align:center;font-size:28pt;margin:0 0 12mm">检验报告</h1>
        <p style="font-size:14pt">样品名称：洗衣粉　　委托单位：清波日化有限公司　　第 ${i + 1} 页</p>
        <table style="width:100%;border-collapse:collapse;font-size:12pt" border="1">
          <tr style="background:#1d4e89;color:#fff"><th>检验项目</th><th>标准要求</th><th>实测值</th><th>单项结论</th></tr>
          <tr><td>总五氧化二磷</td><td>≤1.1%</td><td>2.3%</td><td style="background:#f5c2c2">不合格</td></tr>
          <tr><td>表面活性剂</td><td>≥13%</td><td>15.2%</td><td style="background:#c8e6c9">合格</td></tr>
        </table>
      </section>`,
    ).join('');
    await maker.setContent(`<!DOCTYPE html><html lang="zh-CN"><body style="font-family:'Noto Serif CJK SC',serif">${sheets}</body></html>`);
    await maker.evaluate('document.fonts.ready');
    return await maker.pdf({ format: 'A4', printBackground: true });
  } finally {
    await maker.close();
  }
}

/** A well-formed PDF whose content is locked with a password (standard security handler, RC4 40-bit). */
function lockedPdf(): Buffer {
  const hex = (n: number) => randomBytes(n).toString('hex');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${hex(32)}> /U <${hex(32)}> >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  const id = hex(16);
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function upload(server: RunningQingbo, name: string, bytes: Buffer): Promise<StoredFileRef> {
  const res = await fetch(`${server.url}api/files`, { method: 'POST', headers: { 'X-File-Name': encodeURIComponent(name) }, body: new Uint8Array(bytes) });
  const body = (await res.json()) as { ok: boolean; value?: StoredFileRef };
  if (!body.value) throw new Error(`upload of ${name} failed: ${JSON.stringify(body)}`);
  return body.value;
}

/** The little of a <canvas> this test reads (it is type-checked without the DOM's types). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
  getBoundingClientRect(): { width: number };
}

/** How many pixels of a canvas are not (nearly) white, read back from the page. */
async function inkedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as unknown as CanvasLike;
    if (!c.width || !c.height) return 0;
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) inked += 1;
    return inked;
  });
}

/** A canvas's pixel size and its width on the page. */
const canvasSize = (canvas: Locator) =>
  canvas.evaluate((el) => {
    const c = el as unknown as CanvasLike;
    return { width: c.width, height: c.height, shownWidth: c.getBoundingClientRect().width };
  });

describe('PDF attachments in a dossier record', () => {
  it('shows a real PDF’s first page, previews its first pages, and says 无法预览 for damaged or locked files', async () => {
    const data = tempDir();
    expect(qingbo(['demo', '--data', data, '--enterprises', '20']).status).toBe(0);
    const server = await serve(data);
    const found = await server.api<{ rows: { id: number }[] }>('enterprises.search', { sort: 'name', limit: 1 });
    const enterpriseId = found.value!.rows[0]!.id;

    const page = await openPage(server.url);
    const report = await upload(server, '检验报告.pdf', await inspectionReport(page));
    const damaged = await upload(server, 'x.pdf', randomBytes(4096));
    const locked = await upload(server, '加密文件.pdf', lockedPdf());
    expect([report.mime, damaged.mime, locked.mime]).toEqual(['application/pdf', 'application/pdf', 'application/pdf']);
    const saved = await server.api<RecordSaved>('dossier.create', {
      enterpriseId, kind: 'note', occurredOn: '2026-03-06', attachments: [report, damaged, locked],
      data: { text: '企业送来的检验报告及两份无法打开的文件' },
    });
    const record = saved.value!.record;

    // Everything the page and its worker say from here on: no error, no warning, no refused load.
    const problems: string[] = [];
    const listen = (msg: { type(): string; text(): string }) => {
      if (msg.type() === 'error' || msg.type() === 'warning' || /Content Security Policy|Refused to|CSP violation/i.test(msg.text())) problems.push(`${msg.type()}: ${msg.text()}`);
    };
    page.on('console', listen);
    const workers: string[] = [];
    page.on('worker', (w) => {
      workers.push(w.url());
      w.on('console', listen);
    });
    await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber));`);
    const fileRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes(`/api/files/${report.sha256}`)) fileRequests.push(r.url());
    });

    await page.goto('about:blank');
    await page.goto(`${server.url}#/dossier/${enterpriseId}`);
    const item = page.getByRole('article', { name: record.summary });
    const toggle = item.getByRole('button', { name: new RegExp(record.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await toggle.click();
    const attachments = item.getByRole('region', { name: '附件' });

    // The report: its first page drawn on a canvas, with ink on it, read once from the server.
    const tile = attachments.getByRole('button', { name: '预览 检验报告.pdf' });
    await tile.waitFor();
    await tile.getByText('PDF · 7 页').waitFor();
    // Drawn in a real worker thread, not on the page's own thread (PDF.js's quiet fallback).
    expect(workers.some((u) => /\/assets\/pdf\.worker[\w.-]*\.mjs$/.test(u))).toBe(true);
    const thumb = tile.locator('canvas');
    await expect.poll(() => inkedPixels(thumb)).toBeGreaterThan(200);
    const size = await canvasSize(thumb);
    expect(size.width).toBeGreaterThanOrEqual(96);
    expect(size.height / size.width).toBeCloseTo(297 / 210, 1);
    expect(size.shownWidth).toBe(96);
    // Damaged and locked files keep the icon and say why there is no picture.
    await expect.poll(() => attachments.getByText('无法预览').count()).toBe(2);
    await attachments.getByRole('button', { name: '打开 x.pdf' }).waitFor();
    await attachments.getByRole('button', { name: '另存 加密文件.pdf' }).waitFor();
    await item.scrollIntoViewIfNeeded();
    await shot(item, 'record-with-pdf-thumbnail');

    // Folded and unfolded again, the thumbnail is drawn from what was kept: no second download.
    expect(fileRequests).toHaveLength(1);
    await toggle.click();
    await toggle.click();
    await expect.poll(() => inkedPixels(attachments.getByRole('button', { name: '预览 检验报告.pdf' }).locator('canvas'))).toBeGreaterThan(200);
    expect(fileRequests).toHaveLength(1);

    // The preview: the first five of seven pages, each drawn, with 打开 and 另存 for the whole file.
    await tile.click();
    const dialog = page.getByRole('dialog', { name: '检验报告.pdf' });
    await dialog.getByText('共 7 页，这里显示前 5 页；要看全部请点「打开」').waitFor();
    const pages = dialog.getByRole('img', { name: /^第 \d 页$/ });
    await expect.poll(() => pages.count()).toBe(5);
    for (let n = 1; n <= 5; n++) await expect.poll(() => inkedPixels(dialog.getByRole('img', { name: `第 ${n} 页` }))).toBeGreaterThan(2000);
    expect((await canvasSize(dialog.getByRole('img', { name: '第 1 页' }))).width).toBeGreaterThanOrEqual(720);
    await dialog.getByRole('button', { name: /打\s?开/ }).waitFor();
    await dialog.getByRole('button', { name: /另\s?存/ }).waitFor();
    await shot(page, 'pdf-preview-modal');
    await dialog.getByRole('button', { name: '关 闭' }).click();
    await dialog.waitFor({ state: 'hidden' });

    expect(problems).toEqual([]);
  });
});
