// 报表导出 in real Chromium against `qingbo serve`, as a new clerk would use it: export last week's
// 含磷洗涤用品 table (every township figure and the 合计 compared with `campaigns.tally`), copy the
// built-in format, rename a column and export with the copy, set a limit the data breaks and export
// anyway after confirming the findings, download a 报送记录 again byte for byte, and make the
// county's exchange package. Then a city office imports three county packages (a tampered and a
// duplicate one refused with their reason) and exports the roll-up: one row per county and 合计.
// Set QINGBO_SCREENSHOTS=<folder> to keep screenshots of the pages.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { excelJs } from '../../electron/backend/sheets/exceljs';
import type { CampaignSummary } from '../../shared/campaign';
import type { Tally } from '../../shared/campaign-results';
import { periodPresets, type ReportFormatInfo, type ReportPackage, type SentReport } from '../../shared/report';
import { openPage } from '../helpers/page';
import { qingbo, serve, type RunningQingbo } from '../helpers/server';
import { button, call, shot as shotAs, waitOrExplain } from '../helpers/ui';

const ExcelJS = excelJs();

const FORMAT = 'phosphate-progress';
const shot = (page: Page, name: string) => shotAs(page, 'reports', name);

interface SentList {
  total: number;
  rows: SentReport[];
}
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Waits for the download `click` starts and keeps it as `path`. */
async function download(page: Page, path: string, click: () => Promise<void>): Promise<Buffer> {
  const started = page.waitForEvent('download');
  await click();
  const d = await started;
  await d.saveAs(path);
  return readFileSync(path);
}

/** The sheet's rows as arrays of plain values (numbers, texts, null). */
async function sheetRows(bytes: Buffer): Promise<(string | number | null)[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: (string | number | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v));
    }
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The columns of a format that show a tally, as (column index, tally key). */
const tallyColumns = (f: ReportFormatInfo, tally: Tally) =>
  f.definition.columns.flatMap((c, i) => (c.field && tally.definitions.some((d) => d.key === c.field) ? [{ i, key: c.field }] : []));

/** Opens 报表导出, picks the format by its row and waits for its export panel. */
async function openExport(page: Page, formatId: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByText('报表导出').click();
  await page.getByTestId('reports-tab-formats').click();
  await page.getByTestId(`format-${formatId}`).getByText('导出报表').click();
  await page.getByTestId('export-panel').waitFor();
}

/** Clicks 导出; confirms the findings when the dialog asks (returns how many it listed); keeps the file it downloads by itself. */
async function exportAndDownload(page: Page, server: RunningQingbo, path: string, expectFindings: boolean): Promise<{ bytes: Buffer; findings: number }> {
  const saved = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('report-export').click();
  let findings = 0;
  if (expectFindings) {
    const dialog = page.getByRole('dialog').filter({ hasText: '确定仍要导出吗' });
    await dialog.waitFor();
    findings = await dialog.getByTestId('confirm-findings').locator('tbody tr.ant-table-row').count();
    await shot(page, 'confirm-findings');
    await button(dialog, '仍然导出').click();
  }
  // The job ends either way: done, or its failure shown in the panel (which fails the test with its message).
  const failed = page.getByTestId('export-panel').locator('.ant-alert-error');
  await waitOrExplain(page, server, page.getByTestId('report-done').or(failed));
  if (await failed.isVisible()) throw new Error(`导出失败：${await failed.innerText()}`);
  await (await saved).saveAs(path);
  const bytes = readFileSync(path);
  // 下载 saves the same file again.
  expect(sha256(await download(page, `${path}.again`, () => page.getByTestId('report-download').click()))).toBe(sha256(bytes));
  return { bytes, findings };
}

/** Rewrites one data part of a package zip (the manifest kept as it was): a package altered after export. */
async function tamper(src: string, dest: string): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.open(src, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z!))));
  const parts: { name: string; data: Buffer }[] = [];
  await new Promise<void>((res, rej) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (e, s) => {
        if (e || !s) return rej(e ?? new Error('no stream'));
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => {
          parts.push({ name: entry.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => res());
    zip.on('error', rej);
    zip.readEntry();
  });
  const victim = parts.find((p) => p.name !== 'manifest.json' && p.name.endsWith('.json'))!;
  victim.data = Buffer.from(victim.data.toString('utf8').replace(/(\d+)/, (n) => String(Number(n) + 7)));
  const out = new yazl.ZipFile();
  for (const p of parts) out.addBuffer(p.data, p.name);
  out.end();
  const chunks: Buffer[] = [];
  await new Promise<void>((res) => out.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => res()));
  writeFileSync(dest, Buffer.concat(chunks));
  return victim.name;
}

/** A county's package made over the API, as its own office would (a copy of the demo county renamed). */
async function countyPackage(dir: string, office: { name: string; countyCode: string; docAbbrev: string }, period: { from: string; to: string }, out: string): Promise<void> {
  const server = await serve(dir);
  await call(server, 'settings.saveOffice', office);
  const [campaign] = await call<CampaignSummary[]>(server, 'campaigns.list');
  const pkg = await call<ReportPackage>(server, 'reports.exportPackage', { campaignId: campaign!.id, ...period });
  const res = await fetch(`${server.url}api/files/${pkg.file.sha256}?name=x.zip`);
  writeFileSync(out, Buffer.from(await res.arrayBuffer()));
  await server.stop();
}

describe('provincial report formats (报表导出)', () => {
  const lastWeek = periodPresets()[0]!;
  const root = { dir: '' };
  let countyTotal: Record<string, number> = {};

  // The county test leaves the county copies and its package here for the city test.
  afterAll(() => void (root.dir && rmSync(root.dir, { recursive: true, force: true })));

  it('exports last week’s phosphate table, a copy edited in the UI, a confirmed one, and the county package', { timeout: 150_000 }, async () => {
    root.dir = mkdtempSync(join(tmpdir(), 'qingbo-reports-'));
    const county = join(root.dir, 'huarong');
    const demo = qingbo(['demo', '--data', county, '--enterprises', '400', '--records-per-enterprise', '1']);
    expect(demo.status, demo.stderr).toBe(0);
    // The other counties and the city office start from the same data (their office is renamed).
    for (const name of ['xiangyin', 'pingjiang', 'city']) cpSync(county, join(root.dir, name), { recursive: true });

    const server = await serve(county);
    const page = await openPage(server.url);
    const [campaign] = await call<CampaignSummary[]>(server, 'campaigns.list');
    const tally = await call<Tally>(server, 'campaigns.tally', { campaignId: campaign!.id, from: lastWeek.from, to: lastWeek.to });
    expect(tally.total['visits']).toBeGreaterThan(0); // the demo visits on every working week
    countyTotal = tally.total;
    const builtin = await call<ReportFormatInfo>(server, 'reports.get', { id: FORMAT });
    const cols = tallyColumns(builtin, tally);
    expect(cols.length).toBeGreaterThan(5);

    // ---- 1. Last week's table: 检查, preview, export, every figure as the tally says. ----
    await openExport(page, FORMAT);
    await expect.poll(() => page.getByTestId('report-dates').innerText()).toBe(`${lastWeek.from} 至 ${lastWeek.to}`);
    await page.getByTestId('report-check').click();
    const preview = page.getByTestId('report-preview');
    await preview.waitFor();
    // The merged header is a real table: some header cells span columns.
    expect(await preview.locator('thead th[colspan]').count()).toBeGreaterThan(0);
    const check = await call<{ findings: unknown[] }>(server, 'reports.check', { formatId: FORMAT, campaignId: campaign!.id, from: lastWeek.from, to: lastWeek.to });
    await shot(page, 'export-checked');
    const first = await exportAndDownload(page, server, join(root.dir, 'last-week.xlsx'), check.findings.length > 0);
    const rows = await sheetRows(first.bytes);
    const byName = new Map(rows.map((r) => [String(r.find((v) => typeof v === 'string') ?? ''), r]));
    let compared = 0;
    for (const t of tally.rows) {
      const row = byName.get(t.townshipName);
      if (!row) {
        expect(Object.values(t.values).every((v) => v === 0), `${t.townshipName} 缺行`).toBe(true);
        continue;
      }
      for (const { i, key } of cols) expect(Number(row[i] ?? 0), `${t.townshipName} ${key}`).toBe(t.values[key]);
      compared++;
    }
    expect(compared).toBeGreaterThan(3);
    const sumRow = rows.find((r) => r.includes('合计'))!;
    expect(sumRow).toBeTruthy();
    for (const { i, key } of cols) expect(Number(sumRow[i] ?? 0), `合计 ${key}`).toBe(tally.total[key]);

    // ---- 2. 复制为本单位格式, rename a column, save (第 2 版), export with the copy. ----
    await page.getByTestId(`format-${FORMAT}`).getByRole('link', { name: builtin.definition.name, exact: true }).click();
    await page.getByTestId('format-copy').click();
    const copyDialog = page.getByRole('dialog').filter({ hasText: '复制为本单位格式' });
    await copyDialog.getByLabel('新报表名称').fill('含磷洗涤用品整治进展表（市局2026版）');
    await button(copyDialog, '复制并编辑').click();
    await page.waitForURL((u) => u.hash.startsWith('#/reports/formats/') && !u.hash.endsWith(FORMAT));
    const copyId = decodeURIComponent(page.url().split('/').pop()!);
    const visits = cols.find((c) => c.key === 'visits')!;
    const headerInput = page.getByLabel(`第 ${visits.i + 1} 列的表头`);
    const oldHeader = await headerInput.inputValue();
    const newHeader = oldHeader.replace(/[^/]+$/, '实地检查户次');
    await headerInput.fill(newHeader);
    await expect.poll(() => page.getByTestId('header-preview').innerText()).toContain('实地检查户次');
    await shot(page, 'editor-copy');
    await page.getByTestId('format-save').click();
    await expect.poll(() => page.getByTestId('format-version').innerText()).toContain('第 2 版');
    // The editor changed only what was edited: the rest of the definition is the built-in's.
    const saved = await call<ReportFormatInfo>(server, 'reports.get', { id: copyId });
    const expected = structuredClone(builtin.definition);
    expected.name = '含磷洗涤用品整治进展表（市局2026版）';
    expected.columns[visits.i]!.header = [...expected.columns[visits.i]!.header.slice(0, -1), '实地检查户次'];
    expect(saved.definition).toEqual(expected);
    await openExport(page, copyId);
    const second = await exportAndDownload(page, server, join(root.dir, 'copy.xlsx'), check.findings.length > 0);
    const copyRows = await sheetRows(second.bytes);
    const headerRow = copyRows.find((r) => r.some((v) => typeof v === 'string' && v.startsWith('实地检查户次')));
    expect(headerRow, '改过的表头').toBeTruthy();
    const copySum = copyRows.find((r) => r.includes('合计'))!;
    expect(Number(copySum[visits.i])).toBe(tally.total['visits']);

    // The copy saved as a format file and imported again: a new format with the renamed column.
    const json = await download(page, join(root.dir, 'format.json'), () => page.getByRole('button', { name: /^导出格式文件含磷洗涤用品整治进展表/ }).click());
    expect(JSON.parse(json.toString('utf8')).format).toBe('qingbo.report-format');
    await page.locator('input[type=file][accept*=json]').setInputFiles(join(root.dir, 'format.json'));
    await page.waitForURL((u) => u.hash.startsWith('#/reports/formats/') && !u.hash.endsWith(encodeURIComponent(copyId)));
    const importedHeader = await page.getByLabel(`第 ${visits.i + 1} 列的表头`).inputValue();
    expect(importedHeader).toContain('实地检查户次');

    // ---- 3. A limit the data breaks: the findings, then 仍然导出 after confirming. ----
    await page.goto(`${server.url}#/reports/formats/${encodeURIComponent(copyId)}`);
    // First a calculation over a field the source does not have: refused, the reason at the field.
    const rateAt = builtin.definition.columns.findIndex((c) => c.expr !== null);
    const rate = page.getByLabel(`第 ${rateAt + 1} 列的计算式`);
    const rateExpr = await rate.inputValue();
    await rate.fill('samplingQualified / visitz * 100');
    await page.getByTestId('format-save').click();
    const rateError = page.getByTestId(`column-${rateAt}`).locator('.ant-form-item-explain-error');
    await expect.poll(() => rateError.innerText().catch(() => '')).toContain('visitz');
    await shot(page, 'editor-refused');
    expect(await page.getByTestId('format-version').innerText()).toContain('第 2 版');
    await rate.fill(rateExpr);
    await page.getByLabel(`第 ${visits.i + 1} 列的最小值`).fill('100000');
    await page.getByTestId('format-save').click();
    await expect.poll(() => page.getByTestId('format-version').innerText()).toContain('第 3 版');
    await openExport(page, copyId);
    await page.getByTestId('report-check').click();
    await page.getByTestId('report-findings').waitFor();
    expect(await page.getByTestId('report-findings').innerText()).toContain('实地检查户次');
    const third = await exportAndDownload(page, server, join(root.dir, 'confirmed.xlsx'), true);
    expect(third.findings).toBeGreaterThan(0);

    // ---- 4. 报送记录: three exports, the first downloaded again byte for byte. ----
    await page.getByTestId('reports-tab-sent').click();
    const sentTable = page.getByTestId('sent-table');
    await expect.poll(() => sentTable.locator('tbody tr.ant-table-row').count()).toBe(3);
    expect(await sentTable.innerText()).toContain('确认了');
    await shot(page, 'sent');
    const sent = await call<SentList>(server, 'reports.sent', {});
    const oldest = sent.rows.at(-1)!;
    expect(oldest.formatVersion).toBe(builtin.version);
    expect(sent.rows[0]!.formatVersion).toBe(3);
    const again = await download(page, join(root.dir, 'again.xlsx'), () => page.getByTestId(`sent-download-${oldest.id}`).click());
    expect(sha256(again)).toBe(sha256(first.bytes));
    expect(oldest.file.sha256).toBe(sha256(first.bytes));

    // ---- 5. The county's exchange package for last week. ----
    await page.getByTestId('reports-tab-packages').click();
    await page.getByTestId('county-packages').waitFor();
    const zip = await download(page, join(root.dir, 'huarong.zip'), () => page.getByTestId('package-export').click());
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    await expect.poll(() => page.getByTestId('county-packages').locator('tbody tr.ant-table-row').count()).toBe(1);
    await shot(page, 'packages-county');
  });

  it('builds the city roll-up from three county packages, refusing an altered and a duplicate one', { timeout: 120_000 }, async () => {
    expect(existsSync(join(root.dir, 'huarong.zip')), 'the county test made its package first').toBe(true);
    const period = { from: lastWeek.from, to: lastWeek.to };
    await countyPackage(join(root.dir, 'xiangyin'), { name: '湘阴县市场监督管理局', countyCode: '430624', docAbbrev: '湘市监' }, period, join(root.dir, 'xiangyin.zip'));
    await countyPackage(join(root.dir, 'pingjiang'), { name: '平江县市场监督管理局', countyCode: '430626', docAbbrev: '平市监' }, period, join(root.dir, 'pingjiang.zip'));
    // 湘阴县 sends its table again (corrected): the city replaces the first one after confirming.
    await countyPackage(join(root.dir, 'xiangyin'), { name: '湘阴县市场监督管理局', countyCode: '430624', docAbbrev: '湘市监' }, period, join(root.dir, 'xiangyin-2.zip'));
    const altered = await tamper(join(root.dir, 'pingjiang.zip'), join(root.dir, 'pingjiang-altered.zip'));

    const city: RunningQingbo = await serve(join(root.dir, 'city'));
    await call(city, 'settings.saveOffice', { name: '岳阳市市场监督管理局', countyCode: '430602', docAbbrev: '岳市监' });
    const page = await openPage(`${city.url}#/reports/packages`);
    const card = page.getByTestId('city-packages');
    await card.waitFor();
    await card.locator('input[type=file]').setInputFiles(['huarong.zip', 'xiangyin.zip', 'pingjiang.zip'].map((f) => join(root.dir, f)));
    const imported = page.getByTestId('imported-packages');
    await expect.poll(() => imported.locator('tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBe(3);
    for (const name of ['华容县', '湘阴县', '平江县']) expect(await imported.innerText()).toContain(name);

    // An altered package and one already imported are refused, each with its reason.
    await card.locator('input[type=file]').setInputFiles([join(root.dir, 'pingjiang-altered.zip')]);
    const refusals = page.getByTestId('package-refusals');
    await expect.poll(() => refusals.innerText().catch(() => '')).toContain('pingjiang-altered.zip');
    expect(await refusals.innerText()).toContain(altered.split('/').pop()!);
    await card.locator('input[type=file]').setInputFiles([join(root.dir, 'huarong.zip')]);
    await expect.poll(() => refusals.innerText()).toContain('huarong.zip');
    expect(await imported.locator('tbody tr.ant-table-row').count()).toBe(3);
    await shot(page, 'packages-city');
    await card.locator('input[type=file]').setInputFiles([join(root.dir, 'xiangyin-2.zip')]);
    const replace = page.getByRole('dialog').filter({ hasText: '这一期间已有数据包' });
    await button(replace, '替换').click();
    await expect.poll(async () => (await call<ReportPackage[]>(city, 'reports.packages', { direction: 'imported', includeWithdrawn: true })).length).toBe(4);
    await page.getByRole('switch', { name: '显示已撤下的数据包' }).click();
    await expect.poll(() => imported.locator('tbody tr.ant-table-row').count()).toBe(4);
    expect(await imported.innerText()).toContain('已撤下');
    await page.getByRole('switch', { name: '显示已撤下的数据包' }).click();
    await expect.poll(() => imported.locator('tbody tr.ant-table-row').count()).toBe(3);

    // The roll-up: one row per county, 合计 the sum.
    await openExport(page, FORMAT);
    await page.getByTestId('report-rollup').click();
    await expect.poll(() => page.getByTestId('report-rollup-period').innerText()).toContain('3 个县');
    await page.getByTestId('report-check').click();
    await page.getByTestId('report-preview').waitFor();
    await shot(page, 'rollup-checked');
    const check = await call<{ findings: unknown[] }>(city, 'reports.check', { formatId: FORMAT, rollup: true, ...period });
    const { bytes } = await exportAndDownload(page, city, join(root.dir, 'rollup.xlsx'), check.findings.length > 0);
    const rows = await sheetRows(bytes);
    const builtin = await call<ReportFormatInfo>(city, 'reports.get', { id: FORMAT });
    const keys = Object.keys(countyTotal);
    const cols = builtin.definition.columns.flatMap((c, i) => (c.field && keys.includes(c.field) ? [{ i, key: c.field }] : []));
    for (const name of ['华容县', '湘阴县', '平江县']) {
      const row = rows.find((r) => r.some((v) => typeof v === 'string' && v.endsWith(name)));
      expect(row, name).toBeTruthy();
      for (const { i, key } of cols) expect(Number(row![i] ?? 0), `${name} ${key}`).toBe(countyTotal[key]);
    }
    const sumRow = rows.find((r) => r.includes('合计'))!;
    for (const { i, key } of cols) expect(Number(sumRow[i] ?? 0), `合计 ${key}`).toBeCloseTo(3 * countyTotal[key]!, 6);
    const sent = await call<SentList>(city, 'reports.sent', {});
    expect(sent.rows[0]!.rollup).toBe(true);

    // 平江县's package withdrawn with a reason: the roll-up then has two counties.
    await page.getByTestId('reports-tab-packages').click();
    await page.getByRole('button', { name: '撤下平江县数据包' }).click();
    const withdraw = page.getByRole('dialog').filter({ hasText: '撤下平江县的数据包' });
    await withdraw.getByRole('textbox').fill('平江县更正数据后重新报送');
    await button(withdraw, '撤下').click();
    await expect.poll(() => imported.locator('tbody tr.ant-table-row').count()).toBe(2);
    const left = await call<{ rowCount: number }>(city, 'reports.check', { formatId: FORMAT, rollup: true, ...period });
    expect(left.rowCount).toBe(2);
  });
});
