// Report formats: 10,000 registry rows through the 企业名录 format to xlsx (checks, layout, styles,
// streaming write, file store and 报送记录), beside raw ExcelJS writing the same cells read with
// bare SQL; and a city roll-up of 20 county packages (import with hash checks, then the phosphate
// table summed by county), beside unzipping, hashing and summing the same packages by hand.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { trustedContext } from '../../electron/backend/context';
import { countyTree, townshipsOf } from '../../electron/backend/divisions/divisions';
import { dataPaths } from '../../electron/backend/paths';
import { phosphateCounty } from '../../electron/backend/reports/fixture';
import { unzipAll } from '../../electron/backend/reports/package-zip';
import { excelJs } from '../../electron/backend/sheets/exceljs';
import { periodPresets, type ReportPackage, type SentReport } from '../../shared/report';
import { BASELINE_SUFFIX as RAW, median, runProcess, type BenchContext, type Metrics, type Targets } from './harness';

const ExcelJS = excelJs();

const ROWS = 10_000;
const COUNTIES = 20;
const ROUNDS = 3;

export const targets: Targets = {
  'export.format_10k_rows.seconds': 3,
  'rollup.20_counties.seconds': 5,
};

const ctx = trustedContext('bench');

async function call<T>(b: Backend, method: string, input: unknown): Promise<T> {
  const r = await b.api.call(method, input, ctx);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
  return r.value as T;
}

async function exportJob(b: Backend, input: unknown): Promise<SentReport> {
  const { jobId } = await call<{ jobId: string }>(b, 'reports.export', input);
  const done = await b.core.jobs.wait(jobId);
  if (done.status !== 'succeeded') throw new Error(`export failed: ${done.message}`);
  return done.result as SentReport;
}

const COLUMNS = ['name', 'uscc', 'entity_type', 'legal_rep', 'phone', 'address', 'township_code', 'industry_code', 'status', 'supervision_class', 'credit_class'];

/** The same cells with bare SQL and ExcelJS's streaming writer, no styles, no checks. */
async function rawExport(dbFile: string, out: string): Promise<number> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const stream = createWriteStream(out);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
    const ws = wb.addWorksheet('企业名录');
    ws.addRow(['序号', ...COLUMNS]).commit();
    let n = 0;
    for (const r of db.prepare(`SELECT ${COLUMNS.join(', ')} FROM enterprises WHERE archived_at IS NULL ORDER BY name_pinyin, id`).iterate() as IterableIterator<Record<string, string | null>>) {
      ws.addRow([++n, ...COLUMNS.map((c) => r[c] ?? null)]).commit();
    }
    ws.commit();
    await wb.commit();
    return n;
  } finally {
    db.close();
  }
}

async function measureExport(bench: BenchContext, m: Metrics): Promise<void> {
  const dir = bench.tempDir('qingbo-bench-report-');
  bench.log(`report: building ${ROWS} enterprises (no dossier records) …`);
  const made = await runProcess(process.execPath, [bench.cli(), 'demo', '--data', dir, '--enterprises', String(ROWS), '--records-per-enterprise', '0', '--json']);
  if (made.code !== 0) throw new Error(`qingbo demo failed: ${made.stdout} ${made.stderr}`);
  const b = openBackend(dir, { stderrLevel: 'silent' });
  try {
    const product: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let t0 = performance.now();
      const sent = await exportJob(b, { params: { formatId: 'enterprise-directory' }, confirmFindings: true });
      product.push((performance.now() - t0) / 1000);
      if (sent.rowCount < ROWS * 0.9) throw new Error(`exported only ${sent.rowCount} rows`);
      t0 = performance.now();
      await rawExport(dataPaths(dir).db, join(bench.tempDir(), 'raw.xlsx'));
      raw.push((performance.now() - t0) / 1000);
    }
    m['export.format_10k_rows.seconds'] = median(product);
    m[`export.format_10k_rows.seconds${RAW}`] = median(raw);
  } finally {
    await b.close();
  }
}

/** Twenty counties of one prefecture (保定市), each with three or more townships. */
function counties(): { code: string; name: string }[] {
  const city = countyTree().flatMap((p) => p.children ?? []).find((c) => c.code === '130600')!;
  return (city.children ?? []).filter((k) => townshipsOf(k.code).length >= 3).slice(0, COUNTIES);
}

async function measureRollup(bench: BenchContext, m: Metrics): Promise<void> {
  const week = periodPresets().find((p) => p.key === 'lastWeek')!;
  const files: string[] = [];
  bench.log(`report: ${COUNTIES} county backends with a campaign each …`);
  for (const [k, c] of counties().entries()) {
    const b = openBackend(bench.tempDir('qingbo-bench-county-'), { stderrLevel: 'silent' });
    try {
      const f = await phosphateCounty(b, { code: c.code, office: `${c.name}市场监督管理局`, abbrev: '冀市监' }, week.from, k);
      const pkg = await call<ReportPackage>(b, 'reports.exportPackage', { campaignId: f.campaignId, from: f.from, to: f.to });
      const copy = join(bench.tempDir(), `${c.code}.zip`);
      copyFileSync(b.core.files.pathOf(pkg.file.sha256), copy);
      files.push(copy);
    } finally {
      await b.close();
    }
  }
  const product: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const city = openBackend(bench.tempDir('qingbo-bench-city-'), { stderrLevel: 'silent' });
    try {
      await call(city, 'settings.saveOffice', { name: '保定市市场监督管理局', countyCode: '130602', docAbbrev: '保市监' });
      let t0 = performance.now();
      for (const file of files) {
        const stored = await city.core.files.putFile(file, 'package.zip', 'application/zip');
        await call(city, 'reports.importPackage', { file: stored.sha256, fileName: 'package.zip' });
      }
      const sent = await exportJob(city, { params: { formatId: 'phosphate-progress', rollup: true, from: week.from, to: week.to } });
      product.push((performance.now() - t0) / 1000);
      if (sent.rowCount !== COUNTIES) throw new Error(`roll-up has ${sent.rowCount} rows`);

      t0 = performance.now();
      const totals: Record<string, number>[] = [];
      for (const file of files) {
        createHash('sha256').update(readFileSync(file)).digest('hex');
        const parts = await unzipAll(file);
        for (const bytes of parts.values()) createHash('sha256').update(bytes).digest('hex');
        totals.push((JSON.parse(parts.get('data/campaignTally.json')!.toString('utf8')) as { total: Record<string, number> }).total);
      }
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(join(bench.tempDir(), 'raw.xlsx')), useStyles: true });
      const ws = wb.addWorksheet('汇总');
      const keys = Object.keys(totals[0]!);
      for (const t of totals) ws.addRow(keys.map((key) => t[key] ?? 0)).commit();
      ws.addRow(keys.map((key) => totals.reduce((s, t) => s + (t[key] ?? 0), 0))).commit();
      ws.commit();
      await wb.commit();
      raw.push((performance.now() - t0) / 1000);
    } finally {
      await city.close();
    }
  }
  m['rollup.20_counties.seconds'] = median(product);
  m[`rollup.20_counties.seconds${RAW}`] = median(raw);
}

export async function run(bench: BenchContext): Promise<Metrics> {
  const m: Metrics = {};
  await measureExport(bench, m);
  await measureRollup(bench, m);
  return m;
}
