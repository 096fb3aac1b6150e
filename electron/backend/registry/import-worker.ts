// The import's reading thread: runs checkRows (import-check.ts) and posts each batch to the main
// thread, which writes the batches meanwhile. It keeps at most READ_AHEAD batches unanswered, so
// memory stays flat however long the file is. No database access here. The main thread ends
// the thread once it has the last message.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { AppError, type ErrorInfo } from '../../../shared/errors';
import { checkRows, type CheckedBatch, type CheckOptions } from './import-check';

/** What the reader posts: a batch, the end of the file, or the refusal a clerk should see. */
export type FromReader = { kind: 'batch'; batch: CheckedBatch } | { kind: 'end' } | { kind: 'refused'; error: ErrorInfo };
/** What the writer posts: it has taken a batch, so the reader may read one more. */
export interface ToReader {
  kind: 'more';
}

/** Batches the reader may be ahead of the writer. */
const READ_AHEAD = 4;

async function run(port: MessagePort, options: CheckOptions): Promise<void> {
  let credit = READ_AHEAD;
  let more: (() => void) | null = null;
  port.on('message', (_m: ToReader) => {
    credit++;
    more?.();
  });
  const post = (m: FromReader) => port.postMessage(m);
  try {
    for await (const batch of checkRows(options)) {
      while (credit === 0) await new Promise<void>((resolve) => (more = resolve));
      credit--;
      post({ kind: 'batch', batch });
    }
    post({ kind: 'end' });
  } catch (err) {
    // Anything but a refusal of the file is the thread's own failure: thrown, it ends the
    // thread, and the main thread reads the file itself.
    if (!(err instanceof AppError)) throw err;
    post({ kind: 'refused', error: err.toInfo() });
  }
}

if (parentPort) void run(parentPort, workerData as CheckOptions);
