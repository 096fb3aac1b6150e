// What the preload exposes to the page as `window.qingbo`, and what the HTTP transport mimics.
import type { Result } from './errors';
import type { JobInfo } from './jobs';

export interface QingboBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to job progress; returns the unsubscribe function. */
  onJobProgress(listener: (job: JobInfo) => void): () => void;
}

/** IPC channel names shared by the preload and the main process. */
export const IPC_INVOKE = 'qingbo:invoke';
export const IPC_JOB_PROGRESS = 'qingbo:job-progress';
