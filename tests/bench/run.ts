// `npm run bench [-- NAME…] [-- --strict]`: runs every tests/bench/*.bench.ts (or those whose name
// contains one of NAME), prints each product figure beside its raw baseline and target, and
// writes bench-results.json at the repository root. A figure over its target is marked ✗;
// only --strict turns that into a failing exit code, since timings depend on the machine.
// A module that throws always fails the run. See harness.ts for what a module exports.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BASELINE_SUFFIX, createContext, type BenchModule, type Metrics, type Targets } from './harness';

const BENCH_DIR = import.meta.dirname;
const ROOT = join(BENCH_DIR, '..', '..');
const RESULTS_FILE = join(ROOT, 'bench-results.json');

/** The benchmark modules present, by name (file name without `.bench.ts`), in name order. */
function discover(dir = BENCH_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length))
    .sort();
}

async function load(name: string): Promise<BenchModule> {
  const mod = (await import(pathToFileURL(join(BENCH_DIR, `${name}.bench.ts`)).href)) as Partial<BenchModule>;
  if (typeof mod.run !== 'function') throw new Error(`${name}.bench.ts does not export run(ctx)`);
  return { run: mod.run, ...(mod.targets ? { targets: mod.targets } : {}) };
}

const fmt = (v: number | undefined) => (v === undefined ? '' : v.toFixed(Math.abs(v) < 10 ? 2 : 1));

/** The table: one row per product figure, its baseline beside it, not as a row of its own. */
function formatTable(metrics: Metrics, targets: Targets): { text: string; over: string[] } {
  const over: string[] = [];
  const rows = [['metric', 'product', 'raw baseline', '× raw', 'target', '']];
  for (const [name, value] of Object.entries(metrics)) {
    if (name.endsWith(BASELINE_SUFFIX) && name.slice(0, -BASELINE_SUFFIX.length) in metrics) continue;
    const base = metrics[name + BASELINE_SUFFIX];
    const target = targets[name];
    const ok = target === undefined ? '' : value <= target ? '✓' : '✗';
    if (ok === '✗') over.push(name);
    rows.push([name, fmt(value), fmt(base), base ? `${(value / base).toFixed(1)}×` : '', target === undefined ? '' : `≤ ${target}`, ok]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const text = [line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
  return { text, over };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { strict: { type: 'boolean', default: false } } });
  const names = discover().filter((n) => positionals.length === 0 || positionals.some((p) => n.includes(p)));
  if (names.length === 0) {
    console.error(`no benchmark matches ${positionals.join(', ')}; available: ${discover().join(', ')}`);
    return 2;
  }

  const ctx = createContext(ROOT);
  const metrics: Metrics = {};
  const targets: Targets = {};
  const failed: string[] = [];
  try {
    for (const name of names) {
      const t0 = performance.now();
      try {
        const mod = await load(name);
        Object.assign(targets, mod.targets);
        Object.assign(metrics, await mod.run(ctx));
        ctx.log(`${name}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      } catch (err) {
        failed.push(name);
        ctx.log(`${name}: FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
    }
  } finally {
    ctx.cleanup();
  }

  const rounded = Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
  writeFileSync(RESULTS_FILE, JSON.stringify({ metrics: rounded }, null, 2) + '\n');

  const { text, over } = formatTable(metrics, targets);
  console.log(`\n${text}\n`);
  console.log(`wrote ${RESULTS_FILE}`);
  // A target nothing measured is most likely a misspelt metric name.
  const missing = failed.length ? [] : Object.keys(targets).filter((k) => !(k in metrics));
  if (missing.length) console.log(`targets without a measured figure: ${missing.join(', ')}`);
  if (over.length) console.log(`✗ over target: ${over.join(', ')}${values.strict ? '' : ' (not failing: pass --strict to fail on this)'}`);
  if (failed.length) console.log(`benchmarks that failed: ${failed.join(', ')}`);
  return failed.length > 0 || (values.strict && over.length > 0) ? 1 : 0;
}

process.exitCode = await main();
