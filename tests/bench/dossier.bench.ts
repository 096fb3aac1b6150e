// The dossier at 200,000 enterprises and 2,000,000 records (the demo county's files, ten records an
// enterprise on average): opening one enterprise's file and the home page's due list through the
// contract, each beside the bare indexed SELECT doing the least of the same work in the same run.
import Database from 'better-sqlite3';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { trustedContext } from '../../electron/backend/context';
import { dataPaths } from '../../electron/backend/paths';
import { todayInChina } from '../../shared/dates';
import { BASELINE_SUFFIX as RAW, median, type BenchContext, type Metrics, type Targets } from './harness';
import { exportFigures } from './dossier-export';

const ENTERPRISES = 200_000;
/** What `qingbo demo` writes by default (10 records an enterprise); checked, since every figure depends on it. */
const RECORDS = 2_000_000;
const OPENS = 400;
const DUE_LISTS = 40;

export const targets: Targets = {
  'dossier.open.p95_ms': 5,
  'home.due_list.p95_ms': 50,
  'dossier.export_pdf.seconds': 3,
};

const p95 = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
};

function sizeOnDisk(dir: string): number {
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    bytes += e.isDirectory() ? sizeOnDisk(p) : statSync(p).size;
  }
  return bytes;
}

/** Enterprise ids spread over the whole county, the same on every run. */
function sampleIds(count: number, max: number): number[] {
  let x = 20260101;
  return Array.from({ length: count }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return 1 + (x % max);
  });
}

export async function run(ctx: BenchContext): Promise<Metrics> {
  const t0 = performance.now();
  const dataDir = await ctx.dataset(ENTERPRISES);
  const sizeMb = sizeOnDisk(dataDir) / 1024 / 1024;
  ctx.log(`dossier: data directory ready after ${((performance.now() - t0) / 1000).toFixed(1)} s (0 if another module built it), ${sizeMb.toFixed(0)} MB on disk`);
  const raw = new Database(dataPaths(dataDir).db, { readonly: true });
  const b = openBackend(dataDir, { stderrLevel: 'silent' });
  try {
    // The demo's campaign adds its own 专项检查 and 责令改正 records on top of the files; they are not counted here.
    const counts = raw
      .prepare(
        `SELECT (SELECT count(*) FROM enterprises) AS e, (SELECT count(*) FROM dossier_records WHERE id NOT IN (SELECT record_id FROM campaign_results)
           AND id NOT IN (SELECT rectification_id FROM campaign_results WHERE rectification_id IS NOT NULL)) AS r`,
      )
      .get() as { e: number; r: number };
    if (counts.e !== ENTERPRISES || counts.r !== RECORDS) {
      throw new Error(`the dataset holds ${counts.e} enterprises and ${counts.r} records, not ${ENTERPRISES} and ${RECORDS}: has the demo's default changed?`);
    }
    return {
      ...(await openFigures(ctx, b, raw)),
      ...(await dueListFigures(ctx, b, raw)),
      ...(await exportFigures(ctx)),
      'dossier.dataset.size_mb': sizeMb,
    };
  } finally {
    raw.close();
    await b.close();
  }
}

async function call(b: Backend, method: string, input: unknown): Promise<unknown> {
  const r = await b.api.call(method, input, trustedContext('bench'));
  if (!r.ok) throw new Error(`${method} ${JSON.stringify(input)} failed: ${r.error.message}`);
  return r.value;
}

/**
 * Opening a file as the dossier page does: `enterprises.get` for the header and `dossier.get`
 * (first page of records, open deadlines, summary) for the rest, one after the other.
 */
async function openFigures(ctx: BenchContext, b: Backend, raw: Database.Database): Promise<Metrics> {
  ctx.log(`dossier: opening ${OPENS} random enterprises' files through the contract …`);
  const ids = sampleIds(OPENS, ENTERPRISES);
  // The least an open can do: the enterprise's row and the indexed SELECT of its first 100 records.
  const enterprise = raw.prepare('SELECT * FROM enterprises WHERE id = ?');
  const records = raw.prepare(
    `SELECT id, kind, occurred_on, summary, data FROM dossier_records WHERE enterprise_id = ? AND voided_at IS NULL
     ORDER BY occurred_on DESC, id DESC LIMIT 100`,
  );
  for (const id of ids.slice(0, 30)) {
    await call(b, 'enterprises.get', { id });
    await call(b, 'dossier.get', { enterpriseId: id });
  }
  const open: number[] = [];
  const dossierOnly: number[] = [];
  const baseOpen: number[] = [];
  const baseRecords: number[] = [];
  let recordsSeen = 0;
  for (const id of ids) {
    const t0 = performance.now();
    await call(b, 'enterprises.get', { id });
    const t1 = performance.now();
    const d = (await call(b, 'dossier.get', { enterpriseId: id })) as { records: unknown[] };
    const t2 = performance.now();
    open.push(t2 - t0);
    dossierOnly.push(t2 - t1);
    recordsSeen += d.records.length;
    const t3 = performance.now();
    enterprise.get(id);
    const t4 = performance.now();
    records.all(id);
    const t5 = performance.now();
    baseOpen.push(t5 - t3);
    baseRecords.push(t5 - t4);
  }
  ctx.log(`  ${(recordsSeen / ids.length).toFixed(1)} records a file; open median ${median(open).toFixed(2)} ms, dossier.get alone median ${median(dossierOnly).toFixed(2)} ms`);
  return {
    'dossier.open.p95_ms': p95(open),
    [`dossier.open.p95_ms${RAW}`]: p95(baseOpen),
    'dossier.get.p95_ms': p95(dossierOnly),
    [`dossier.get.p95_ms${RAW}`]: p95(baseRecords),
  };
}

/** The home page's list: `deadlines.due` with its default input (overdue, and due within 7 days). */
async function dueListFigures(ctx: BenchContext, b: Backend, raw: Database.Database): Promise<Metrics> {
  ctx.log('dossier: the county-wide due list through the contract …');
  const today = todayInChina();
  // The least the list can do: the first 200 overdue deadlines, straight off the (status, due_on) index.
  const overdue = raw.prepare(
    `SELECT d.id, d.record_id, d.enterprise_id, d.kind, d.due_on FROM deadlines d
     WHERE d.status = 'open' AND d.due_on < ? AND d.kind != 'objection' ORDER BY d.due_on, d.id LIMIT 200`,
  );
  const product: number[] = [];
  const base: number[] = [];
  let totals = { overdueTotal: 0, dueSoonTotal: 0 };
  for (let i = 0; i < DUE_LISTS + 3; i++) {
    const t0 = performance.now();
    totals = (await call(b, 'deadlines.due', {})) as typeof totals;
    const t1 = performance.now();
    overdue.all(today);
    const t2 = performance.now();
    // The first rounds warm the caches.
    if (i >= 3) {
      product.push(t1 - t0);
      base.push(t2 - t1);
    }
  }
  ctx.log(`  ${totals.overdueTotal} overdue, ${totals.dueSoonTotal} due within 7 days; median ${median(product).toFixed(1)} ms`);
  // What the slowest part (counting the overdue) reads: worth a look whenever the figure is over its target.
  const plan = raw
    .prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM deadlines d WHERE d.status = 'open' AND d.due_on < ? AND d.kind != 'objection'")
    .all(today) as { detail: string }[];
  const scanned = raw.prepare("SELECT count(*) AS n FROM deadlines WHERE status = 'open' AND due_on < ?").get(today) as { n: number };
  ctx.log(`  overdue count: ${plan.map((p) => p.detail).join('; ')}, ${scanned.n} open deadlines before today read to count ${totals.overdueTotal}`);
  return { 'home.due_list.p95_ms': p95(product), [`home.due_list.p95_ms${RAW}`]: p95(base) };
}
