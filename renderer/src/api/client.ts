// The typed client: method names, inputs and outputs all come from shared/contract.
import { MAX_UPLOAD_BYTES } from '../../../shared/bridge';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { StoredFileRef } from '../../../shared/import';
import { transport } from './transport';

export class ApiError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.info = info;
  }
}

const signedOutListeners = new Set<() => void>();

/** Called whenever the backend answers UNAUTHENTICATED (a session ended): the page shows the login. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

const unwrap = <T>(result: Result<T>): T => {
  if (!result.ok && result.error.code === 'UNAUTHENTICATED') for (const l of signedOutListeners) l();
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
};

/** Calls a contract method; resolves to its output or rejects with an ApiError carrying the Chinese message. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  return unwrap(await transport.invoke(method, input)) as MethodOutput<M>;
}

/** Puts a file the clerk picked into the backend's file store. */
export async function uploadFile(file: File): Promise<StoredFileRef> {
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new ApiError({ code: 'VALIDATION', message: `「${file.name}」超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，没有保存。请压缩或拆分后再添加` });
  }
  return unwrap(await transport.uploadFile(file.name, await file.arrayBuffer()));
}

/** Saves a stored file (an export, the rejected rows) where the clerk chooses, or downloads it. */
export async function saveFile(file: StoredFileRef): Promise<{ saved: boolean }> {
  return unwrap(await transport.saveFile(file));
}

/** Opens a stored file (an attachment) with the system's program, or in a new tab in the browser. */
export async function openFile(file: StoredFileRef): Promise<{ opened: boolean }> {
  return unwrap(await transport.openFile(file));
}

/** Desktop only: a print-preview window with the print dialog on a stored PDF; null where the bridge cannot print. */
export async function printStoredPdf(file: StoredFileRef): Promise<{ printing: boolean } | null> {
  return transport.printFile ? unwrap(await transport.printFile(file)) : null;
}

/** The bytes of a stored file, to show a picture in the page. */
export async function readFile(file: StoredFileRef): Promise<ArrayBuffer> {
  return unwrap(await transport.readFile(file));
}

export const onJobProgress = transport.onJobProgress.bind(transport);
