// The thread that runs quick_check beside a command that only reads (check-thread.ts): its own
// read-only connection, one message with the outcome.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, type ErrorInfo } from '../../../shared/errors';
import { quickCheckFile } from './check-thread';
import type { DbAccess } from './open';

export interface CheckRequest {
  file: string;
  access: DbAccess;
}

/** The outcome: passed, or the refusal (INTEGRITY, LOCKED) the clerk should see. */
export type CheckOutcome = { ok: true; ms: number } | { ok: false; error: ErrorInfo };

function run({ file, access }: CheckRequest): CheckOutcome {
  const t0 = performance.now();
  try {
    quickCheckFile(file, access);
    return { ok: true, ms: Math.round(performance.now() - t0) };
  } catch (err) {
    const e = err instanceof AppError ? err : new AppError('INTEGRITY', `数据库文件已损坏，无法读取（${(err as Error).message}）。请从最近的备份恢复。`);
    return { ok: false, error: e.toInfo() };
  }
}

if (parentPort) parentPort.postMessage(run(workerData as CheckRequest));
