// dossier.export_pdf: one enterprise's file with 50 records and 20 photos printed to PDF through
// exportDossier, beside the system Chromium printing a page with the same photos and as much text
// straight through playwright-core. Kept apart from dossier.bench.ts because it needs its own
// small data directory (the big one is shared and read-only) and its own photos.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { trustedContext } from '../../electron/backend/context';
import { exportDossier } from '../../electron/backend/dossier/export';
import { findBrowser } from '../../electron/backend/pdf/browser';
import type { Attachment, RecordKind } from '../../shared/dossier';
import { BASELINE_SUFFIX as RAW, type BenchContext, type Metrics } from './harness';

const RECORDS = 50;
const PHOTOS = 20;
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu'];

/** `count` different photo-like JPEGs (2400×1800, grain and shapes, 0.5–1 MB like a phone picture saved smaller). */
async function makePhotos(browser: Browser, count: number): Promise<Buffer[]> {
  const page = await browser.newPage({ viewport: { width: 2400, height: 1800 } });
  const photos: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    await page.setContent(`<body style="margin:0"><canvas id="c" width="2400" height="1800"></canvas><script>
      const c = document.getElementById('c').getContext('2d');
      let x = ${i + 1} * 2654435761 >>> 0;
      const r = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296);
      const g = c.createLinearGradient(0, 0, 0, 1800);
      g.addColorStop(0, 'hsl(' + Math.floor(r() * 360) + ',40%,70%)');
      g.addColorStop(1, 'hsl(' + Math.floor(r() * 360) + ',30%,30%)');
      c.fillStyle = g; c.fillRect(0, 0, 2400, 1800);
      for (let k = 0; k < 400; k++) { c.fillStyle = 'hsl(' + Math.floor(r() * 360) + ',50%,' + Math.floor(30 + r() * 50) + '%)'; c.fillRect(r() * 2400, r() * 1800, 40 + r() * 300, 20 + r() * 200); }
      const img = c.getImageData(0, 0, 2400, 1800);
      for (let p = 0; p < img.data.length; p += 4) { const n = (r() - 0.5) * 40; img.data[p] += n; img.data[p + 1] += n; img.data[p + 2] += n; }
      c.putImageData(img, 0, 0);
    </script></body>`);
    photos.push(await page.screenshot({ type: 'jpeg', quality: 85 }));
  }
  await page.close();
  return photos;
}

/** An enterprise with exactly `RECORDS` records copied from the demo, the first `PHOTOS` with a photo each. */
async function enterpriseWithPhotos(b: Backend, photos: Attachment[]): Promise<number> {
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await b.api.call(method, input, trustedContext('bench'));
    if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
    return r.value as T;
  };
  const { enterprise } = await call<{ enterprise: { id: number } }>('enterprises.create', {
    data: { name: '华容县碧波日化有限公司', townshipCode: '430623101', supervisionClass: '专管', creditClass: 'B' },
  });
  // Records of the demo's busiest files, as a clerk would have entered them over the years.
  const source = b.core.sqlite
    .prepare(
      `SELECT kind, occurred_on, data FROM dossier_records WHERE kind NOT IN ('credit', 'supervisionClass', 'rectification')
       AND NOT (kind = 'sampling' AND json_extract(data, '$.result') = '不合格') ORDER BY enterprise_id, occurred_on LIMIT ?`,
    )
    .all(RECORDS) as { kind: RecordKind; occurred_on: string; data: string }[];
  if (source.length < RECORDS) throw new Error(`the demo has only ${source.length} records to copy`);
  for (const [i, r] of source.entries()) {
    await call('dossier.create', {
      enterpriseId: enterprise.id,
      kind: r.kind,
      occurredOn: r.occurred_on,
      data: JSON.parse(r.data) as unknown,
      attachments: i < photos.length ? [photos[i]] : [],
    });
  }
  return enterprise.id;
}

/** A plain page with the same text volume and photos, printed by Chromium directly (the raw baseline). */
async function rawPrint(dir: string, photos: Buffer[]): Promise<number> {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  photos.forEach((p, i) => writeFileSync(join(dir, 'assets', `${i}.jpg`), p));
  const rows = Array.from({ length: RECORDS }, (_, i) => `<h3>记录 ${i + 1}</h3><p>${'日常检查：检查事项均符合要求，未发现问题。'.repeat(6)}</p>`);
  const imgs = photos.map((_, i) => `<img src="assets/${i}.jpg" style="width:80mm;display:block;margin:4mm 0">`);
  writeFileSync(join(dir, 'page.html'), `<!doctype html><meta charset="utf-8"><body>${rows.join('')}${imgs.join('')}</body>`);
  const t0 = performance.now();
  const browser = await chromium.launch({ executablePath: findBrowser()!, args: LAUNCH_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`file://${join(dir, 'page.html')}`, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4' });
    if (pdf.subarray(0, 4).toString('latin1') !== '%PDF') throw new Error('raw print gave no PDF');
  } finally {
    await browser.close();
  }
  return (performance.now() - t0) / 1000;
}

/**
 * The export figure: the first export of a session (the printing browser starts with it, as it does
 * for a clerk's first export of the day) and a second one with the browser running.
 * Errors are reported and leave the figure out, so the other dossier figures still count.
 */
export async function exportFigures(ctx: BenchContext): Promise<Metrics> {
  if (!findBrowser()) {
    ctx.log('dossier: no Chromium found, dossier.export_pdf not measured');
    return {};
  }
  const dir = ctx.tempDir('qingbo-bench-export-');
  const b = openBackend(join(dir, 'data'), { stderrLevel: 'silent' });
  try {
    ctx.log(`dossier: an enterprise with ${RECORDS} records and ${PHOTOS} photos, printed with exportDossier …`);
    const browser = await chromium.launch({ executablePath: findBrowser()!, args: LAUNCH_ARGS });
    const bytes = await makePhotos(browser, PHOTOS).finally(() => browser.close());
    const r = await b.api.call('demo.generate', { enterprises: 20 }, trustedContext('bench'));
    if (!r.ok) throw new Error(r.error.message);
    await b.core.jobs.wait((r.value as { jobId: string }).jobId);
    const photos = await Promise.all(bytes.map((p, i) => b.core.files.putBytes(p, `现场照片${i + 1}.jpg`, 'image/jpeg')));
    const id = await enterpriseWithPhotos(b, photos);
    const out = join(dir, '档案.pdf');
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      const summary = await exportDossier(b.core, id, 'pdf', out);
      times.push((performance.now() - t0) / 1000);
      if (summary.records !== RECORDS || summary.attachments !== PHOTOS || readFileSync(out).subarray(0, 4).toString('latin1') !== '%PDF') {
        throw new Error(`export gave ${summary.records} records and ${summary.attachments} attachments`);
      }
    }
    const raw = await rawPrint(join(dir, 'raw'), bytes);
    ctx.log(`  first export ${times[0]!.toFixed(2)} s (browser start included), second ${times[1]!.toFixed(2)} s; raw Chromium print ${raw.toFixed(2)} s`);
    return {
      'dossier.export_pdf.seconds': times[0]!,
      [`dossier.export_pdf.seconds${RAW}`]: raw,
      'dossier.export_pdf.warm_seconds': times[1]!,
    };
  } catch (err) {
    ctx.log(`dossier: dossier.export_pdf not measured: ${err instanceof Error ? err.message : String(err)}`);
    return {};
  } finally {
    await b.close();
  }
}
