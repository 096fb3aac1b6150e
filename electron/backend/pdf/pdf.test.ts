import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../../../tests/helpers/tmp';
import { createLogger } from '../log';
import { browserMissing, findBrowser } from './browser';
import { ChromiumPdfRenderer } from './chromium';
import { EMPTY_TEMPLATE, FONTS, pageFooter } from './html';
import { png } from '../../../tests/helpers/files';

const log = createLogger(null, 'silent');

/** Writes the PDF and runs a poppler tool on it. */
function poppler(tool: string, pdf: Buffer, ...args: string[]): string {
  const file = join(tempDir(), 'out.pdf');
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

describe('the HTML → PDF service (system Chromium)', () => {
  it('prints A4 pages with CSS margins, page numbers in the footer, Chinese text and the document’s own pictures only', async () => {
    const renderer = new ChromiumPdfRenderer({ log });
    onTestFinished(() => renderer.close());
    const dir = tempDir();
    const picture = join(dir, 'p.png');
    writeFileSync(picture, png(60, 40));
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
      @page { size: A4; margin: 37mm 26mm 35mm 28mm; } body { margin: 0; font-family: ${FONTS.fangsong}; font-size: 16pt; }
      .next { break-before: page; }</style></head><body>
      <p>责令改正通知书</p><img src="assets/p.png"><img src="http://example.invalid/tracker.png">
      <script>document.body.append('脚本运行了')</script>
      <p class="next">第二页的正文</p></body></html>`;
    const pdf = await renderer.render(html, {
      assets: [{ path: 'assets/p.png', file: picture }],
      footerTemplate: pageFooter({ pageText: '— {page} —', left: '华市监责改〔2026〕12号' }),
      headerTemplate: EMPTY_TEMPLATE,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const info = poppler('pdfinfo', pdf);
    expect(info).toMatch(/Pages:\s+2/);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = poppler('pdftotext', pdf, '-layout');
    expect(text).toContain('责令改正通知书');
    expect(text).toContain('第二页的正文');
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toMatch(/—\s*2\s*—/);
    expect(text).toContain('华市监责改〔2026〕12号');
    expect(text).not.toContain('脚本运行了');
    // The picture from the document's folder is in; the one from the network is not (at most
    // Chromium's small broken-picture sign is drawn in its place).
    const images = poppler('pdfimages', pdf, '-list').trim().split('\n').slice(2).filter((l) => /\bimage\b/.test(l));
    expect(images.filter((l) => /^\s*1\s+\d+\s+image\s+60\s+40\b/.test(l))).toHaveLength(1);
    expect(images.filter((l) => !/\s(60\s+40|14\s+16)\s/.test(l))).toEqual([]);

    // The left margin is the CSS one (28 mm = 79.4 pt).
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>责令改正通知书</.exec(poppler('pdftotext', pdf, '-bbox'));
    expect(Number(word?.[1])).toBeCloseTo(79.4, 0);

    // The same browser prints the next document of a batch.
    const again = await renderer.render('<p>第二份</p>');
    expect(poppler('pdftotext', again)).toContain('第二份');
  });

  it('says in Chinese how to get a browser when none is found', async () => {
    // As on a machine without any browser and without CHROMIUM_PATH (the test runner sets it).
    const renderer = new ChromiumPdfRenderer({ log, findExecutable: () => null, missing: () => browserMissing({}) });
    await expect(renderer.render('<p>x</p>')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('找不到 Chrome、Edge 或 Chromium') as string });
    expect(findBrowser({ CHROMIUM_PATH: '/nowhere/chromium' }, 'linux')).toBeNull();
    expect(browserMissing({ CHROMIUM_PATH: '/nowhere/chromium' }).message).toContain('CHROMIUM_PATH 指定的浏览器「/nowhere/chromium」不存在');
    expect(findBrowser({}, 'win32')).toBeNull(); // no Program Files here
  });
});
