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
  /**
   * Opens a stored file with the system's default program (desktop: a copy under its own name in a
   * temporary folder) or in a new browser tab; kinds that could run code are refused.
   */
  openFile(file: StoredFileRef): Promise<Result<{ opened: boolean }>>;
  /** The bytes of a stored file for showing it in the page (image thumbnails), up to MAX_PREVIEW_BYTES. */
  readFile(file: StoredFileRef): Promise<Result<ArrayBuffer>>;
  /**
   * Desktop only: shows a stored PDF in a print-preview window and opens the system print dialog
   * on it. The browser prints from a hidden frame of the page instead.
   */
  printFile?(file: StoredFileRef): Promise<Result<{ printing: boolean }>>;
}

/** The largest file a clerk can hand to the app. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** The largest file the page reads to show it (a photo from a phone is 3–12 MB). */
export const MAX_PREVIEW_BYTES = 30 * 1024 * 1024;

/**
 * Kinds of file the clerk may open with the system's program: documents, pictures, audio and
 * video. Anything else (a program, a script, a shortcut) could run code, so it is only saved.
 */
export const OPENABLE_EXTENSIONS = [
  'pdf', 'ofd', 'jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'tif', 'tiff', 'heic',
  'doc', 'docx', 'wps', 'xls', 'xlsx', 'et', 'csv', 'ppt', 'pptx', 'dps', 'txt', 'rtf',
  'mp3', 'wav', 'm4a', 'amr', 'mp4', 'mov', 'avi', 'wmv', 'mkv', '3gp', 'zip', 'rar', '7z',
] as const;

/** True when a file of this name may be opened with the system's program. */
export function isOpenable(name: string): boolean {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return (OPENABLE_EXTENSIONS as readonly string[]).includes(ext);
}

/** IPC channel names shared by the preload and the main process. */
export const IPC_INVOKE = 'qingbo:invoke';
export const IPC_JOB_PROGRESS = 'qingbo:job-progress';
export const IPC_UPLOAD = 'qingbo:upload';
export const IPC_SAVE_FILE = 'qingbo:save-file';
export const IPC_OPEN_FILE = 'qingbo:open-file';
export const IPC_READ_FILE = 'qingbo:read-file';
export const IPC_PRINT_FILE = 'qingbo:print-file';
