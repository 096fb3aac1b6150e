// What the preload exposes to the page as `window.qingbo`, and what the HTTP transport mimics.
import type { Result } from './errors';
import type { StoredFileRef } from './import';
import type { JobInfo } from './jobs';

export interface QingboBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to job progress; returns the unsubscribe function. */
  onJobProgress(listener: (job: JobInfo) => void): () => void;
  /** Puts a file the clerk picked into the backend's file store (up to 100 MB). */
  uploadFile(name: string, bytes: ArrayBuffer): Promise<Result<StoredFileRef>>;
  /** Saves a stored file where the clerk chooses (desktop) or downloads it (browser). */
  saveFile(file: StoredFileRef): Promise<Result<{ saved: boolean }>>;
}

/** The largest file a clerk can hand to the app. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** IPC channel names shared by the preload and the main process. */
export const IPC_INVOKE = 'qingbo:invoke';
export const IPC_JOB_PROGRESS = 'qingbo:job-progress';
export const IPC_UPLOAD = 'qingbo:upload';
export const IPC_SAVE_FILE = 'qingbo:save-file';
