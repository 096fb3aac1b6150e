// The registry at 200,000 enterprises: search through the contract, code lookup, a 100,000-row
// xlsx import and export through the CLI, each beside raw better-sqlite3 / ExcelJS doing the
// same work in the same run.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { trustedContext } from '../../electron/backend/context';
import { dataPaths } from '../../electron/backend/paths';
import { openSheet } from '../../electron/backend/sheets/read';
import { BASELINE_SUFFIX as RAW, median, type BenchContext, type Metrics, type Targets } from './harness';

const ENTERPRISES = 200_000;
const IMPORT_ROWS = 100_000;
const IMPORT_RUNS = 3;
const EXPORT_ROWS = 100_000;

export const targets: Targets = {
  'registry.search.p95_ms': 15,
  'registry.search.worst_p95_ms': 60,
  'registry.code_lookup.p95_ms': 1,
  'registry.import_100k.seconds': 12,
  'registry.import_100k.peak_rss_mb': 600,
  'registry.import_100k.ratio_to_raw': 2,
  'registry.export_100k.seconds': 8,
  'registry.export_100k.peak_rss_mb': 700,
};

export async function run(ctx: BenchContext): Promise<Metrics> {
  const dataDir = await ctx.dataset(ENTERPRISES);
  const search = await searchFigures(ctx, dataDir);
  const importing = await importFigures(ctx, dataDir);
  const exporting = await exportFigures(ctx);
  return { ...search, ...importing, ...exporting };
}

const p95 = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
};

/** Deterministic sample of the dataset's names, codes and initials to search for. */
function sampleTerms(sqlite: Database.Database) {
  const rows = sqlite
    .prepare('SELECT name, uscc, name_initials FROM enterprises WHERE id % 997 = 0 AND uscc IS NOT NULL LIMIT 200')
    .all() as { name: string; uscc: string; name_initials: string }[];
  const typed: string[] = [];
  rows.forEach((r, i) => {
    // The part after the county name is what a clerk types: the trade name.
    const chars = [...r.name.replace(/^华容县/, '')];
    const len = 2 + (i % 3);
    const start = (i * 7) % Math.max(1, chars.length - len);
    typed.push(chars.slice(start, start + len).join(''));
    const initials = r.name_initials.split(' ')[0]!;
    typed.push(initials.slice(3, 3 + 3 + (i % 3)));
  });
  return { typed: typed.filter((t) => t.length >= 2), codes: rows.map((r) => r.uscc) };
}

async function timeCalls(b: Backend, queries: string[], rounds = 3): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      const r = await b.api.call('enterprises.search', { filter: { q }, limit: 100 }, trustedContext('bench'));
      times.push(performance.now() - t0);
      if (!r.ok) throw new Error(`search ${q} failed: ${r.error.message}`);
    }
  }
  return times;
}

function rawTimes(sqlite: Database.Database, queries: string[], rounds = 3): number[] {
  // The least a search can do: one FTS lookup for the count and one for the first 100 rows.
  const tri = sqlite.prepare('SELECT count(*) FROM enterprise_text WHERE enterprise_text MATCH ?');
  const triRows = sqlite.prepare('SELECT e.id, e.name FROM enterprises e WHERE e.id IN (SELECT rowid FROM enterprise_text WHERE enterprise_text MATCH ?) LIMIT 100');
  const gram = sqlite.prepare('SELECT count(*) FROM enterprise_grams WHERE enterprise_grams MATCH ?');
  const gramRows = sqlite.prepare('SELECT e.id, e.name FROM enterprises e WHERE e.id IN (SELECT rowid FROM enterprise_grams WHERE enterprise_grams MATCH ?) LIMIT 100');
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      const phrase = `"${q.toLowerCase()}"`;
      if ([...q].length >= 3) {
        tri.get(phrase);
        triRows.all(phrase);
      } else {
        gram.get(phrase);
        gramRows.all(phrase);
      }
      times.push(performance.now() - t0);
    }
  }
  return times;
}

async function searchFigures(ctx: BenchContext, dataDir: string): Promise<Metrics> {
  ctx.log('registry: search through the contract at 200,000 enterprises …');
  const b = openBackend(dataDir, { stderrLevel: 'silent' });
  const raw = new Database(dataPaths(dataDir).db, { readonly: true });
  try {
    const { typed, codes } = sampleTerms(raw);
    const common = ['有限公司', '华容', '华容县', '公司', '商行', 'hrx', '有限'];
    await timeCalls(b, typed.slice(0, 20), 1);
    const codeTimes: number[] = [];
    const codeRaw: number[] = [];
    const byCode = raw.prepare('SELECT id, name FROM enterprises WHERE uscc = ?');
    for (const code of codes) {
      const t0 = performance.now();
      const r = await b.api.call('enterprises.search', { filter: { q: code }, limit: 100 }, trustedContext('bench'));
      codeTimes.push(performance.now() - t0);
      if (!r.ok || (r.value as { total: number }).total !== 1) throw new Error(`code ${code} not found exactly once`);
      const t1 = performance.now();
      byCode.get(code);
      codeRaw.push(performance.now() - t1);
    }
    const typedTimes = await timeCalls(b, typed);
    const commonTimes = await timeCalls(b, common, 5);
    ctx.log(`  ${typed.length} typed terms, median ${median(typedTimes).toFixed(2)} ms; common terms median ${median(commonTimes).toFixed(1)} ms`);
    return {
      'registry.search.p95_ms': p95(typedTimes),
      [`registry.search.p95_ms${RAW}`]: p95(rawTimes(raw, typed)),
      'registry.search.worst_p95_ms': p95(commonTimes),
      [`registry.search.worst_p95_ms${RAW}`]: p95(rawTimes(raw, common, 5)),
      'registry.code_lookup.p95_ms': p95(codeTimes),
      [`registry.code_lookup.p95_ms${RAW}`]: p95(codeRaw),
    };
  } finally {
    raw.close();
    await b.close();
  }
}

const IMPORT_HEADERS = ['企业名称', '统一社会信用代码', '市场主体类型', '法定代表人', '联系电话', '住所', '所属乡镇', '登记状态', '成立日期', '行业代码', '监管类别', '信用风险分类', '网格', '标签'];

/** Writes the first `rows` enterprises of the dataset as an office would get them, with a title row. */
async function writeImportFile(sourceDb: string, file: string, rows: number): Promise<void> {
  const db = new Database(sourceDb, { readonly: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('名录');
  ws.addRow(['华容县市场主体名录（导出）']).commit();
  ws.addRow(IMPORT_HEADERS).commit();
  const select = db.prepare(
    `SELECT name, uscc, entity_type, legal_rep, phone, address, township_code, status, established_on, industry_code,
       supervision_class, credit_class, grid, tags FROM enterprises ORDER BY id LIMIT ?`,
  );
  for (const r of select.iterate(rows) as IterableIterator<Record<string, string | null>>) {
    const established = r['established_on'] ? new Date(`${r['established_on']}T00:00:00Z`) : null;
    ws.addRow([
      r['name'], r['uscc'], r['entity_type'], r['legal_rep'], r['phone'], r['address'], r['township_code'], r['status'],
      established, r['industry_code'], r['supervision_class'], r['credit_class'], r['grid'], (JSON.parse(r['tags'] ?? '[]') as string[]).join('、'),
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  db.close();
}

/** Runs a child process to the end, sampling its peak resident set (VmHWM) from /proc. */
function runMeasured(args: string[]): Promise<{ seconds: number; peakMb: number; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // The process has just exited.
      }
    };
    const timer = setInterval(sample, 20);
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.once('error', reject);
    proc.once('exit', () => sample());
    proc.once('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stdout} ${stderr}`));
      resolve({ seconds: (performance.now() - t0) / 1000, peakMb: peakKb / 1024, stdout, code });
    });
  });
}

async function importFigures(ctx: BenchContext, dataDir: string): Promise<Metrics> {
  ctx.log(`registry: writing a ${IMPORT_ROWS}-row xlsx to import …`);
  const dir = ctx.tempDir();
  const file = join(dir, '市场主体名录.xlsx');
  await writeImportFile(dataPaths(dataDir).db, file, IMPORT_ROWS);
  const bin = ctx.cli();
  // Three runs of each, alternating, and the median of each: one run of either moves by a
  // quarter from one minute to the next on this kind of machine.
  const products: Awaited<ReturnType<typeof runMeasured>>[] = [];
  const raws: Awaited<ReturnType<typeof runMeasured>>[] = [];
  for (let run = 1; run <= IMPORT_RUNS; run++) {
    const target = join(dir, `data-${run}`);
    await runMeasured([bin, 'demo', '--data', target, '--enterprises', '1', '--json']);
    ctx.log(`registry: importing it with the CLI (run ${run} of ${IMPORT_RUNS}) …`);
    const product = await runMeasured([bin, 'import', 'enterprises', file, '--data', target, '--json']);
    const result = JSON.parse(product.stdout) as { inserted: number; updated: number; unchanged: number; rejected: unknown[] };
    // The target already holds the demo's first enterprise, which the file repeats unchanged.
    if (result.inserted + result.updated + result.unchanged !== IMPORT_ROWS || result.rejected.length) {
      throw new Error(`import took ${result.inserted} + ${result.updated} + ${result.unchanged} rows of ${IMPORT_ROWS}; rejected ${JSON.stringify(result.rejected.slice(0, 3))}`);
    }
    const raw = await runMeasured([join(import.meta.dirname, 'raw-import.mjs'), file, join(dir, `raw-${run}.db`)]);
    ctx.log(`  ${product.seconds.toFixed(1)} s, peak ${product.peakMb.toFixed(0)} MB; raw streaming read + prepared insert ${raw.seconds.toFixed(1)} s`);
    products.push(product);
    raws.push(raw);
  }
  const product = { seconds: median(products.map((r) => r.seconds)), peakMb: Math.max(...products.map((r) => r.peakMb)) };
  const raw = { seconds: median(raws.map((r) => r.seconds)), peakMb: Math.max(...raws.map((r) => r.peakMb)) };
  // The reading alone, ours beside ExcelJS's streaming reader (which the raw baseline above uses).
  const read = await readSeconds(file);
  ctx.log(`  reading alone: ${read.product.toFixed(2)} s (ExcelJS ${read.raw.toFixed(2)} s)`);
  return {
    'registry.import_100k.read_seconds': read.product,
    [`registry.import_100k.read_seconds${RAW}`]: read.raw,
    'registry.import_100k.seconds': product.seconds,
    [`registry.import_100k.seconds${RAW}`]: raw.seconds,
    'registry.import_100k.peak_rss_mb': product.peakMb,
    [`registry.import_100k.peak_rss_mb${RAW}`]: raw.peakMb,
    'registry.import_100k.ratio_to_raw': product.seconds / raw.seconds,
  };
}

/** Seconds to read every row of the file with the import's reader, and with ExcelJS's streaming reader. */
async function readSeconds(file: string): Promise<{ product: number; raw: number }> {
  let t0 = performance.now();
  let ours = 0;
  for await (const _row of (await openSheet(file)).rows()) ours++;
  const product = (performance.now() - t0) / 1000;
  t0 = performance.now();
  let theirs = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore' });
  for await (const ws of reader) {
    for await (const row of ws) if (row.values) theirs++;
    break;
  }
  const raw = (performance.now() - t0) / 1000;
  if (ours !== theirs) throw new Error(`the readers disagree: ${ours} rows against ExcelJS's ${theirs}`);
  return { product, raw };
}

async function exportFigures(ctx: BenchContext): Promise<Metrics> {
  const dataDir = await ctx.dataset(EXPORT_ROWS);
  const bin = ctx.cli();
  const dir = ctx.tempDir();
  ctx.log(`registry: exporting ${EXPORT_ROWS} enterprises with the CLI …`);
  const product = await runMeasured([bin, 'export', 'enterprises', '--data', dataDir, '--archived', 'all', '--out', join(dir, 'out.xlsx'), '--json']);
  const rows = (JSON.parse(product.stdout) as { rows: number }).rows;
  if (rows < EXPORT_ROWS) throw new Error(`export wrote ${rows} rows, expected at least ${EXPORT_ROWS}`);
  const raw = await runMeasured([join(import.meta.dirname, 'raw-export.mjs'), dataPaths(dataDir).db, join(dir, 'raw.xlsx')]);
  ctx.log(`  ${product.seconds.toFixed(1)} s, peak ${product.peakMb.toFixed(0)} MB (raw ${raw.seconds.toFixed(1)} s)`);
  return {
    'registry.export_100k.seconds': product.seconds,
    [`registry.export_100k.seconds${RAW}`]: raw.seconds,
    'registry.export_100k.peak_rss_mb': product.peakMb,
    [`registry.export_100k.peak_rss_mb${RAW}`]: raw.peakMb,
  };
}
