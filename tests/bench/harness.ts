// The benchmark harness: what a benchmark module exports, the context it runs with, and small
// measuring helpers shared by modules. tests/bench/run.ts finds every `*.bench.ts` here and runs it.
//
// A module exports
//   run(ctx): Promise<Metrics>  – measures; every product figure `x` comes with `x.baseline_raw`,
//                                 the same work done by raw better-sqlite3/Node in the same run;
//   targets?: Targets            – upper bounds the product figures should stay under.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Metric name → value. Names end in their unit (`_ms`); lower is better. */
export type Metrics = Record<string, number>;
/** Metric name → the most it may be (inclusive). */
export type Targets = Record<string, number>;

export const BASELINE_SUFFIX = '.baseline_raw';

export interface BenchContext {
  /** The repository root. */
  readonly root: string;
  /** Path of bin/qingbo.js, after making sure out/ is built (the CLI runs the build). */
  cli(): string;
  /** A new empty folder, removed when the whole run ends. */
  tempDir(prefix?: string): string;
  /**
   * A data directory holding `enterprises` demo enterprises, made once per run with the CLI's
   * demo command and shared by all modules. Treat it as read-only: copy it before writing.
   */
  dataset(enterprises: number): Promise<string>;
  /** Progress for the person watching (stderr, so the table stays clean). */
  log(message: string): void;
}

export interface BenchModule {
  run(ctx: BenchContext): Promise<Metrics>;
  targets?: Targets;
}

export interface OwnedContext extends BenchContext {
  /** Removes every temporary folder made through the context. */
  cleanup(): void;
}

/** Builds the context for one run. */
export function createContext(root: string): OwnedContext {
  const temps: string[] = [];
  const datasets = new Map<number, Promise<string>>();
  const bin = join(root, 'bin', 'qingbo.js');
  let built = false;
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

  const ctx: OwnedContext = {
    root,
    log,
    cli() {
      if (!built) {
        ensureBuilt(root, log);
        built = true;
      }
      return bin;
    },
    tempDir(prefix = 'qingbo-bench-') {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      temps.push(dir);
      return dir;
    },
    dataset(enterprises) {
      // Memoised as a promise so two modules asking at once still build it only once.
      let made = datasets.get(enterprises);
      if (!made) {
        made = makeDataset(ctx, enterprises);
        datasets.set(enterprises, made);
      }
      return made;
    },
    cleanup() {
      for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
  return ctx;
}

/** Builds out/ if it is missing; warns if it is older than the sources, since the CLI runs out/. */
function ensureBuilt(root: string, log: (m: string) => void): void {
  const entry = join(root, 'out', 'main', 'cli.js');
  if (!existsSync(entry)) {
    log('out/main/cli.js is missing: running `npm run build` …');
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0 || !existsSync(entry)) {
      throw new Error('`npm run build` failed, so the CLI benchmarks cannot run. Fix the build and run `npm run bench` again.');
    }
    return;
  }
  const builtAt = statSync(entry).mtimeMs;
  const newest = Math.max(newestMtime(join(root, 'electron')), newestMtime(join(root, 'shared')));
  if (newest > builtAt) log('warning: out/ is older than electron/ or shared/; the CLI figures measure the old build (run `npm run build`).');
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

async function makeDataset(ctx: BenchContext, enterprises: number): Promise<string> {
  // A dataset kept from an earlier run (building 200,000 takes minutes): QINGBO_BENCH_DATASET_200000=DIR.
  const kept = process.env[`QINGBO_BENCH_DATASET_${enterprises}`];
  if (kept) {
    if (!existsSync(join(kept, 'qingbo.db'))) throw new Error(`QINGBO_BENCH_DATASET_${enterprises}=${kept} holds no qingbo.db`);
    ctx.log(`using the ${enterprises}-enterprise data directory ${kept} (read-only)`);
    return kept;
  }
  const bin = ctx.cli();
  const dir = ctx.tempDir(`qingbo-bench-${enterprises}-`);
  ctx.log(`building a ${enterprises}-enterprise demo data directory …`);
  const t0 = performance.now();
  const { code, stdout, stderr } = await runProcess(process.execPath, [bin, 'demo', '--data', dir, '--enterprises', String(enterprises), '--json']);
  const result = parseJson(stdout) as { ok?: boolean; enterprises?: number } | null;
  if (code !== 0 || !result?.ok || result.enterprises !== enterprises) {
    throw new Error(`qingbo demo failed (exit ${code}): ${stdout.trim()} ${stderr.trim()}`);
  }
  ctx.log(`  done in ${Math.round(performance.now() - t0)} ms (${dir})`);
  return dir;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Runs a command to completion, collecting its output. */
export function runProcess(cmd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.once('error', reject);
    proc.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// ---- statistics -------------------------------------------------------------------------------

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Runs each measurement `runs` times after `warmup` discarded rounds, interleaving them so a
 * drift in machine load hits product and baseline alike; returns the median of each.
 */
export async function interleavedMedians<K extends string>(
  measures: Record<K, () => number | Promise<number>>,
  runs: number,
  warmup = 1,
): Promise<Record<K, number>> {
  const keys = Object.keys(measures) as K[];
  const samples = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (let i = 0; i < warmup + runs; i++) {
    for (const k of keys) {
      const v = await measures[k]();
      if (i >= warmup) samples.get(k)!.push(v);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, median(samples.get(k)!)])) as Record<K, number>;
}

// ---- processes and HTTP -----------------------------------------------------------------------

/** A TCP port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * POSTs a JSON body and resolves to the status and parsed body. Uses node:http without an agent
 * so every attempt is a fresh connection and nothing is pooled between polls.
 */
export function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(url, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: parseJson(text) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Spawns `node <args>` and polls `POST url` every `pollMs` until it answers `{ ok: true }`;
 * resolves to the milliseconds from spawn to that answer. The process is always stopped after.
 */
export async function timeToFirstAnswer(args: string[], url: string, opts: { pollMs?: number; timeoutMs?: number } = {}): Promise<number> {
  const pollMs = opts.pollMs ?? 5;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const t0 = performance.now();
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    for (;;) {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`server exited (${proc.exitCode ?? proc.signalCode}) before answering: ${output.trim()}`);
      try {
        const res = await postJson(url, {});
        if (res.status === 200 && (res.body as { ok?: unknown } | null)?.ok === true) return performance.now() - t0;
      } catch {
        // Not listening yet (ECONNREFUSED): poll again.
      }
      if (performance.now() - t0 > timeoutMs) throw new Error(`no answer from ${url} within ${timeoutMs} ms: ${output.trim()}`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  } finally {
    await stopProcess(proc);
  }
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves once it has exited. */
export async function stopProcess(proc: ChildProcess, graceMs = 10_000): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
