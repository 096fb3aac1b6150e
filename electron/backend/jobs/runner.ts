// Runs long work as jobs. A writing job gets its own connection and one IMMEDIATE transaction:
// it commits only when the work is complete, so a failure, a cancel or a killed process leaves
// the database exactly as before. A read-only job (an export) reads a snapshot without the write
// lock and writes its few rows at the end. The work yields between chunks (checkpoint) so the app
// keeps answering and progress reaches the page.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import { AppError, type ErrorInfo } from '../../../shared/errors';
import type { JobInfo, JobStatus } from '../../../shared/jobs';
import { appendAuditRows, type AuditInput } from '../audit/audit';
import { configureConnection, connect, type DbAccess, type Db, type Sqlite } from '../db/open';
import * as schema from '../db/schema';
import type { Logger } from '../log';

export interface JobContext {
  /** The job's own connection, inside its transaction. */
  sqlite: Sqlite;
  db: Db;
  actor: string;
  /** Reports progress (0..1) with a short Chinese message. */
  progress(fraction: number, message?: string): void;
  /** Lets the app breathe between chunks; throws CANCELLED once the job is cancelled. */
  checkpoint(): Promise<void>;
  /** Writes an audit row in the job's transaction (for a read-only job: when it completes). */
  audit(input: AuditInput): void;
  /** Writes audit rows in order, like `audit` for each, with one read and one write of the chain head. */
  auditRows(inputs: readonly AuditInput[]): void;
  /** Runs a write in the job's transaction (for a read-only job: when it completes, before its audit rows). */
  write(fn: (sqlite: Sqlite) => void): void;
}

export type JobBody<R> = (ctx: JobContext) => Promise<R>;

export interface JobOptions {
  /** A dry run: do all the work, report the result, then roll everything back. */
  rollback?: boolean;
  /**
   * Reads a snapshot without holding the write lock, so clerks keep saving while it runs (exports).
   * Its `write` calls and audit rows are applied at the end, in one short write transaction.
   */
  readOnly?: boolean;
}

interface RunningJob {
  info: JobInfo;
  actor: string;
  /** The input as stored in the jobs table. */
  input: string;
  readOnly: boolean;
  cancelRequested: boolean;
  done: Promise<JobInfo>;
}

export interface JobRunnerOptions {
  dbFile: string;
  main: Sqlite;
  log: Logger;
  /** How job connections reach the database (the key may be set later: see useAccess). */
  access?: DbAccess;
  /** Mark jobs a dead process left 'running' as interrupted (not when only looking, as `check` does). */
  recoverInterrupted?: boolean;
}

type Listener = (job: JobInfo) => void;

export class JobRunner {
  private readonly opts: JobRunnerOptions;
  private readonly running = new Map<string, RunningJob>();
  private readonly listeners = new Set<Listener>();
  /** Set while the data is being replaced (a restore): every write and job is refused. */
  private held: string | null = null;
  /**
   * Jobs whose row could not be written yet because another job of this process holds the write
   * transaction: a write on the main connection would wait for it with the whole process blocked
   * (SQLite's busy wait is synchronous), so the job it waits for could never finish. Written as
   * soon as that job ends; answered from here meanwhile.
   */
  private readonly unsaved = new Map<string, { info: JobInfo; actor: string; input: string }>();

  constructor(opts: JobRunnerOptions) {
    this.opts = opts;
    if (opts.recoverInterrupted !== false) this.recoverInterrupted();
  }

  /**
   * Jobs left 'running' by a process that died were rolled back by SQLite; say so. A job that
   * is really running in another process (a server beside this CLI) holds the write lock for
   * its whole transaction, so when the lock cannot be had at once, nothing is marked.
   */
  recoverInterrupted(): void {
    const { main } = this.opts;
    const timeout = main.pragma('busy_timeout', { simple: true }) as number;
    main.pragma('busy_timeout = 0');
    try {
      main
        .prepare(
          `UPDATE jobs SET status = 'interrupted', finished_at = ?, message = '程序在任务进行中退出，任务的改动已全部撤销'
           WHERE status = 'running'`,
        )
        .run(new Date().toISOString());
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
    } finally {
      main.pragma(`busy_timeout = ${timeout}`);
    }
  }

  /** The writing job in progress, if any: other writes wait for it. */
  activeWriteJob(): JobInfo | null {
    for (const j of this.running.values()) if (j.info.status === 'running' && !j.readOnly) return j.info;
    return null;
  }

  /** Refuses a write while a job holds the write transaction. */
  assertIdle(): void {
    if (this.held) throw new AppError('BUSY', `${this.held}，请稍候再保存。`);
    const active = this.activeWriteJob();
    if (active) {
      throw new AppError('BUSY', `「${active.title}」正在进行（${Math.round(active.progress * 100)}%），请等它完成或取消后再保存。`, {
        jobId: active.id,
      });
    }
  }

  /**
   * Waits (without blocking the process) until no job holds the write transaction and writes are
   * not held, for at most `timeoutMs`; then the caller's write either proceeds or meets assertIdle's
   * BUSY naming the job. For writes a clerk cannot put off, such as signing in.
   */
  async whenIdle(timeoutMs: number): Promise<void> {
    const until = performance.now() + timeoutMs;
    while ((this.held || this.activeWriteJob()) && performance.now() < until) await sleep(100);
  }

  /** Any job in progress, reading or writing. */
  runningJob(): JobInfo | null {
    for (const j of this.running.values()) if (j.info.status === 'running') return { ...j.info };
    return null;
  }

  /** Refuses writes and new jobs (BUSY with `reason`) until the returned release is called. */
  hold(reason: string): () => void {
    this.held = reason;
    return () => {
      this.held = null;
    };
  }

  /** Uses another main connection from now on (the database was replaced by a restore). */
  useMain(main: Sqlite): void {
    this.opts.main = main;
  }

  /** How job connections reach the database now. */
  get access(): DbAccess {
    return this.opts.access ?? {};
  }

  /** Opens job connections with this access from now on (the database was unlocked or re-keyed). */
  useAccess(access: DbAccess): void {
    this.opts.access = access;
  }

  /** Starts `body` as a job and returns at once; the job's transaction commits only if it completes. */
  start<R>(kind: string, title: string, actor: string, input: unknown, body: JobBody<R>, options: JobOptions = {}): JobInfo {
    if (this.held) throw new AppError('BUSY', `${this.held}，请稍候再试。`);
    if (!options.readOnly) this.assertIdle();
    const info: JobInfo = {
      id: randomUUID(),
      kind,
      title,
      status: 'running',
      progress: 0,
      message: '正在开始…',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    const job: RunningJob = {
      info, actor, input: JSON.stringify(input ?? null), readOnly: options.readOnly === true, cancelRequested: false, done: Promise.resolve(info),
    };
    this.saveRow(job.info, actor, job.input);
    this.running.set(info.id, job);
    job.done = this.run(job, actor, body, options);
    this.emit(info);
    return { ...info };
  }

  private async run<R>(job: RunningJob, actor: string, body: JobBody<R>, options: JobOptions): Promise<JobInfo> {
    const { info } = job;
    let conn: Sqlite | null = null;
    let lastEmit = 0;
    try {
      conn = connect(this.opts.dbFile, this.opts.access);
      configureConnection(conn);
      conn.exec(job.readOnly ? 'BEGIN' : 'BEGIN IMMEDIATE');
      const sqlite = conn;
      const deferred: ((db: Sqlite) => void)[] = [];
      const ctx: JobContext = {
        sqlite,
        db: drizzle(sqlite, { schema }),
        actor,
        progress: (fraction, message) => {
          info.progress = Math.max(0, Math.min(1, fraction));
          if (message) info.message = message;
          const now = performance.now();
          if (now - lastEmit > 100) {
            lastEmit = now;
            this.emit(info);
          }
        },
        checkpoint: async () => {
          await yieldToLoop();
          if (job.cancelRequested) throw new AppError('CANCELLED', '任务已取消，所有改动已撤销');
        },
        audit: (a) => ctx.auditRows([a]),
        auditRows: (rows) => {
          if (job.readOnly) deferred.push((db) => appendAuditRows(db, actor, info.kind, rows));
          else appendAuditRows(sqlite, actor, info.kind, rows);
        },
        write: (fn) => (job.readOnly ? deferred.push(fn) : fn(sqlite)),
      };
      await ctx.checkpoint();
      const result = await body(ctx);
      if (job.cancelRequested) throw new AppError('CANCELLED', '任务已取消，所有改动已撤销');
      if (job.readOnly) {
        // Leave the snapshot, then apply what the job recorded in one short write transaction.
        if (sqlite.inTransaction) sqlite.exec('COMMIT');
        if (deferred.length && !options.rollback) {
          // Never wait for the lock synchronously while a job of this process holds it.
          while (this.writerOtherThan(info.id)) await sleep(50);
          sqlite.exec('BEGIN IMMEDIATE');
          for (const fn of deferred) fn(sqlite);
        }
      }
      if (sqlite.inTransaction) sqlite.exec(options.rollback ? 'ROLLBACK' : 'COMMIT');
      this.finish(job, 'succeeded', { result, message: options.rollback ? '已完成（试运行，没有写入任何数据）' : '已完成' });
    } catch (err) {
      if (conn?.inTransaction) conn.exec('ROLLBACK');
      if (err instanceof AppError && err.code === 'CANCELLED') {
        this.finish(job, 'cancelled', { error: err.toInfo(), message: err.message });
      } else {
        const error: ErrorInfo =
          err instanceof AppError ? err.toInfo() : { code: 'INTERNAL', message: `任务失败：${(err as Error).message}` };
        this.opts.log.error('job failed', { job: info.id, kind: info.kind, error: (err as Error).stack ?? String(err) });
        this.finish(job, 'failed', { error, message: `${error.message}（所有改动已撤销）` });
      }
    } finally {
      conn?.close();
      this.running.delete(info.id);
      this.flushUnsaved();
    }
    this.opts.log.info('job ended', { job: info.id, kind: info.kind, status: info.status, ms: Date.parse(info.finishedAt ?? '') - Date.parse(info.startedAt) });
    this.emit(info);
    return { ...info };
  }

  /** Whether a running job other than `id` holds the write transaction (write jobs run one at a time). */
  private writerOtherThan(id: string): boolean {
    const writer = this.activeWriteJob();
    return writer !== null && writer.id !== id;
  }

  /** Writes a job's row now, or keeps it until the job holding the write transaction ends. */
  private saveRow(info: JobInfo, actor: string, input: string): void {
    if (this.writerOtherThan(info.id)) {
      this.unsaved.set(info.id, { info: { ...info }, actor, input });
      return;
    }
    this.unsaved.delete(info.id);
    this.opts.main
      .prepare(
        `INSERT INTO jobs (id, kind, title, actor, status, progress_permille, message, input, result, error, started_at, finished_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, progress_permille = excluded.progress_permille,
           message = excluded.message, result = excluded.result, error = excluded.error, finished_at = excluded.finished_at`,
      )
      .run(
        info.id, info.kind, info.title, actor, info.status, Math.round(info.progress * 1000), info.message, input,
        info.status === 'running' ? null : JSON.stringify(info.result), info.error ? JSON.stringify(info.error) : null, info.startedAt, info.finishedAt,
      );
  }

  private flushUnsaved(): void {
    for (const [id, u] of [...this.unsaved]) {
      if (this.writerOtherThan(id)) return;
      const live = this.running.get(id);
      this.saveRow(live ? live.info : u.info, u.actor, u.input);
    }
  }

  private finish(job: RunningJob, status: JobStatus, r: { result?: unknown; error?: ErrorInfo; message: string }): void {
    const { info } = job;
    info.status = status;
    info.finishedAt = new Date().toISOString();
    info.message = r.message;
    if (status === 'succeeded') info.progress = 1;
    info.result = r.result ?? null;
    info.error = r.error ? { code: r.error.code, message: r.error.message } : null;
    this.saveRow(info, job.actor, job.input);
  }

  /** Asks a running job to stop; it rolls back at its next checkpoint. */
  cancel(id: string): JobInfo {
    const job = this.running.get(id);
    if (!job) {
      const info = this.get(id);
      throw new AppError('CONFLICT', `任务已经${info.status === 'succeeded' ? '完成' : '结束'}，无法取消`, { status: info.status });
    }
    job.cancelRequested = true;
    job.info.message = '正在取消…';
    this.emit(job.info);
    return { ...job.info };
  }

  /** A job's state: live if running, from the database otherwise. */
  get(id: string): JobInfo {
    const live = this.running.get(id)?.info ?? this.unsaved.get(id)?.info;
    if (live) return { ...live };
    const row = this.opts.main.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRowRaw | undefined;
    if (!row) throw new AppError('NOT_FOUND', '找不到这个任务', { jobId: id });
    return rowToInfo(row);
  }

  /** Recent jobs, newest first. */
  list(limit = 50): JobInfo[] {
    const rows = this.opts.main.prepare('SELECT * FROM jobs ORDER BY started_at DESC LIMIT ?').all(limit) as JobRowRaw[];
    const listed = rows.map((r) => this.running.get(r.id)?.info ?? this.unsaved.get(r.id)?.info ?? rowToInfo(r));
    const notYetStored = [...this.unsaved.values()].map((u) => u.info).filter((i) => !rows.some((r) => r.id === i.id));
    return [...notYetStored, ...listed].slice(0, limit).map((i) => ({ ...i }));
  }

  /** Resolves when the job has finished (any outcome). */
  async wait(id: string): Promise<JobInfo> {
    const job = this.running.get(id);
    return job ? job.done : this.get(id);
  }

  onProgress(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(info: JobInfo): void {
    const snapshot = { ...info };
    for (const l of this.listeners) {
      try {
        l(snapshot);
      } catch (err) {
        this.opts.log.warn('progress listener failed', { error: String(err) });
      }
    }
  }

  /** Cancels what is running and waits for it to roll back. */
  async close(): Promise<void> {
    const pending = [...this.running.values()];
    for (const j of pending) j.cancelRequested = true;
    await Promise.all(pending.map((j) => j.done));
  }
}

interface JobRowRaw {
  id: string;
  kind: string;
  title: string;
  status: JobStatus;
  progress_permille: number;
  message: string;
  result: string | null;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

function rowToInfo(r: JobRowRaw): JobInfo {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    status: r.status,
    progress: r.progress_permille / 1000,
    message: r.message,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    result: r.result ? (JSON.parse(r.result) as unknown) : null,
    error: r.error ? (JSON.parse(r.error) as JobInfo['error']) : null,
  };
}
