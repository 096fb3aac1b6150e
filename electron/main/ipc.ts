// The IPC transport: one channel for every contract method, with the sender checked.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE, IPC_JOB_PROGRESS } from '../../shared/bridge';
import { isMethodName } from '../../shared/contract';
import { fail } from '../../shared/errors';
import type { Backend } from '../backend/backend';
import { LOCAL_ACTOR } from '../backend/context';

/** Registers the invoke handler; only frames showing our own renderer may call. */
export function bindIpc(backend: Backend, isTrustedUrl: (url: string) => boolean, windows: () => BrowserWindow[]): () => void {
  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      backend.core.log.warn('ipc refused: untrusted sender', { url });
      return fail('FORBIDDEN', '拒绝来自未知页面的调用');
    }
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `未知的操作：${String(method).slice(0, 80)}`);
    return backend.api.call(method, input, { actor: LOCAL_ACTOR });
  });
  const off = backend.core.jobs.onProgress((job) => {
    for (const w of windows()) if (!w.isDestroyed()) w.webContents.send(IPC_JOB_PROGRESS, job);
  });
  return () => {
    off();
    ipcMain.removeHandler(IPC_INVOKE);
  };
}
