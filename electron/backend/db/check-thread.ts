// quick_check beside a command that only reads (an export): the check reads the whole file, which
// for a county's database takes seconds, and the command uses one core. The command opens the
// database without the check (deferQuickCheck) and awaits this before it hands anything out.
import { closeSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { startWorker, workerModule } from '../threads';
import type { CheckOutcome, CheckRequest } from './check-worker';
import { connect, type DbAccess } from './open';
import { assertQuickCheck } from './quick-check';

/**
 * Reads the file once from front to back. quick_check reads every page, in b-tree order,
 * scattered over the file: when the file is not in the operating system's cache (the first
 * command after a restart), that is tens of seconds of small reads for a county's database, and
 * one sequential pass first makes them seconds (948 MB: 21 s → 1 s + 1.4 s). Cached, the pass
 * costs a tenth of a second, in the check's own thread.
 */
function readAhead(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return; // connect() says what is wrong with the file.
  }
  try {
    const buffer = Buffer.allocUnsafe(8 << 20);
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd);
  }
}

/** quick_check of the file on a read-only connection of its own; throws INTEGRITY or LOCKED. */
export function quickCheckFile(file: string, access: DbAccess): void {
  readAhead(file);
  const sqlite = connect(file, access, { readonly: true, fileMustExist: true });
  try {
    assertQuickCheck(sqlite);
  } finally {
    sqlite.close();
  }
}

export interface CheckAlongside {
  /** Resolves when the file passed; rejects with INTEGRITY (or LOCKED) when it did not. */
  done: Promise<void>;
  /** Ends the check early (the command failed anyway). */
  stop(): Promise<void>;
}

/** Starts quick_check of `file` in a worker thread; without one (not built), runs it here, now. */
export function quickCheckAlongside(file: string, access: DbAccess): CheckAlongside {
  const module = workerModule(import.meta.url, './check-worker.ts', 'check-worker');
  if (!module) {
    quickCheckFile(file, access);
    return { done: Promise.resolve(), stop: async () => undefined };
  }
  const worker = startWorker(module, { file, access } satisfies CheckRequest);
  const done = new Promise<void>((resolve, reject) => {
    worker.once('message', (m: CheckOutcome) => (m.ok ? resolve() : reject(new AppError(m.error.code, m.error.message, m.error.details))));
    worker.once('error', (err) => reject(new AppError('INTEGRITY', `数据库完整性检查没有完成：${err.message}`)));
    worker.once('exit', (code) => reject(new AppError('INTEGRITY', `数据库完整性检查没有完成（线程退出，代码 ${code}）`)));
  });
  // Awaited by the command; a failure while the command still runs must not count as unhandled.
  done.catch(() => undefined);
  return {
    done,
    stop: async () => {
      await worker.terminate();
    },
  };
}
