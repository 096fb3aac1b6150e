// Runs the reading half of an import (import-check.ts) in a worker thread, so that reading the
// file, checking rows and computing search keys overlap with the writing in this thread. When
// the worker cannot start or dies, this thread reads on from where it stopped: an import never
// fails for want of a thread.
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../log';
import { startWorker, workerModule } from '../threads';
import { checkRows, type CheckedBatch, type CheckOptions } from './import-check';
import type { FromReader, ToReader } from './import-worker';

class ThreadFailed extends Error {}

/** The worker's module (import-worker), or null if it is not there. */
export function readerModule(): URL | null {
  return workerModule(import.meta.url, './import-worker.ts', 'import-worker');
}

// Reading a spreadsheet makes much short-lived garbage: a young generation bigger than a
// worker's default spends less time collecting it (about 0.2 s per 100,000 rows).
const resourceLimits = { maxYoungGenerationSizeMb: 64 };

/** The batches the worker posts; throws ThreadFailed if it cannot start or stops before the end. */
async function* fromWorker(module: URL, options: CheckOptions): AsyncGenerator<CheckedBatch> {
  let worker: Worker;
  try {
    worker = startWorker(module, options, resourceLimits);
  } catch (err) {
    throw new ThreadFailed(err instanceof Error ? err.message : String(err));
  }
  const inbox: FromReader[] = [];
  let failure: ThreadFailed | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: FromReader) => {
    inbox.push(m);
    notify();
  });
  worker.on('error', (err) => {
    failure ??= new ThreadFailed(err.message);
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new ThreadFailed(`the reader thread exited with code ${code}`);
    notify();
  });
  try {
    for (;;) {
      const m = inbox.shift();
      if (!m) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (m.kind === 'end') return;
      if (m.kind === 'refused') throw new AppError(m.error.code, m.error.message, m.error.details);
      worker.postMessage({ kind: 'more' } satisfies ToReader);
      yield m.batch;
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * The checked batches of the file, in order, read in a worker thread when one can run (`module`
 * null: in this thread). A file that cannot be read throws the AppError a clerk should see.
 */
export async function* checkedBatches(options: CheckOptions, log: Logger, module = readerModule()): AsyncGenerator<CheckedBatch> {
  let delivered = 0;
  if (module) {
    try {
      for await (const batch of fromWorker(module, options)) {
        delivered++;
        yield batch;
      }
      return;
    } catch (err) {
      if (!(err instanceof ThreadFailed)) throw err;
      log.warn('import: the reader thread failed, reading in the main thread', { error: err.message, batchesDone: delivered });
    }
  }
  // Reading is deterministic: the batches the worker delivered come again first, and are skipped.
  let skip = delivered;
  for await (const batch of checkRows(options)) {
    if (skip > 0) skip--;
    else yield batch;
  }
}
