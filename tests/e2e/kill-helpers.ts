// Shared by the SIGKILL tests: a prepared data folder copied fresh for every kill, the state of a
// database read from outside, and the same integrity report `qingbo check` prints.
import Database from 'better-sqlite3';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { verifyAudit } from '../../electron/backend/audit/verify';
import { openBackend } from '../../electron/backend/backend';
import { checkIntegrity, type CheckReport } from '../../electron/backend/check';
import type { AuditVerifyResult } from '../../shared/system';
import { dumpTables } from '../helpers/backend';
import { qingbo, serve, type RunningQingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

/** A seeded generator, so a failing run can be repeated with KILL_SEED. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A demo data folder whose first start is already behind it (administrator created, today's
 * backup taken), so a copy starts without writing anything of its own.
 */
export async function prepareBase(demoArgs: string[]): Promise<string> {
  const base = tempDir('qingbo-kill-base-');
  const demo = qingbo(['demo', '--data', base, '--json', ...demoArgs]);
  expect(demo.status, demo.stderr).toBe(0);
  const server = await serve(base);
  await waitIdle(server);
  await server.stop('SIGTERM');
  return base;
}

/** Waits until no job runs (the daily backup of a first start). */
export async function waitIdle(server: RunningQingbo): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const jobs = await server.api<{ status: string }[]>('jobs.list');
    if (!jobs.value?.some((j) => j.status === 'running')) return;
    await sleep(50);
  }
  throw new Error('a job is still running after 15 s');
}

/** A fresh copy of the prepared folder, removed after the test. */
export function copyOf(base: string): string {
  const dir = tempDir('qingbo-kill-');
  cpSync(base, dir, { recursive: true });
  return dir;
}

/** Every table a job writes, as one string, and a few counts, read from outside the server. */
export function stateOf(dataDir: string, counts: Record<string, string>): { dump: string; counts: Record<string, number> } {
  const db = new Database(join(dataDir, 'qingbo.db'), { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const [name, sql] of Object.entries(counts)) out[name] = db.prepare(sql).pluck().get() as number;
    return { dump: dumpTables(db), counts: out };
  } finally {
    db.close();
  }
}

/** What `qingbo check` reports for the folder, and what `qingbo audit verify` says of the chain. */
export async function checkOf(dataDir: string): Promise<{ report: CheckReport; chain: AuditVerifyResult }> {
  const backend = openBackend(dataDir, { migrate: false, stderrLevel: 'silent' });
  try {
    return { report: await checkIntegrity(backend.core), chain: verifyAudit(backend.core.sqlite) };
  } finally {
    await backend.close();
  }
}

/** Polls a job until it ends; resolves to its final state and how long it ran as seen from here. */
export async function runToEnd(server: RunningQingbo, jobId: string, started: number): Promise<{ status: string; ms: number; message: string }> {
  for (;;) {
    const job = await server.api<{ status: string; message: string }>('jobs.get', { jobId });
    if (job.value && job.value.status !== 'running') return { status: job.value.status, message: job.value.message, ms: performance.now() - started };
    await sleep(25);
  }
}

/**
 * Kills the server once the job has reported `progress` (a fraction), or at once when it has
 * finished before that; returns the job's progress and status as last seen.
 */
export async function killAtProgress(server: RunningQingbo, jobId: string, progress: number): Promise<string> {
  let seen = 'running 0';
  for (;;) {
    const job = await server.api<{ status: string; progress: number }>('jobs.get', { jobId });
    seen = `${job.value?.status ?? '?'} ${(job.value?.progress ?? 0).toFixed(2)}`;
    if (!job.value || job.value.status !== 'running' || job.value.progress >= progress) break;
    await sleep(5);
  }
  await server.stop('SIGKILL');
  return seen;
}
