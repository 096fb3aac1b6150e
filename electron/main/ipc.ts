// The IPC transport: one channel for every contract method, with the sender checked.
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { copyFile } from 'node:fs/promises';
import { IPC_INVOKE, IPC_JOB_PROGRESS, IPC_SAVE_FILE, IPC_UPLOAD, MAX_UPLOAD_BYTES } from '../../shared/bridge';
import { StoredFileRef } from '../../shared/import';
import { isMethodName } from '../../shared/contract';
import { fail, ok } from '../../shared/errors';
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
  ipcMain.handle(IPC_UPLOAD, async (event: IpcMainInvokeEvent, name: unknown, bytes: unknown) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return fail('FORBIDDEN', '拒绝来自未知页面的调用');
    if (typeof name !== 'string' || !(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes))) return fail('VALIDATION', '文件内容不对');
    const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (data.byteLength === 0) return fail('VALIDATION', `「${name}」是空文件（0 字节）`);
    if (data.byteLength > MAX_UPLOAD_BYTES) return fail('VALIDATION', `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请拆分后再导入`);
    return ok(await backend.core.files.putBytes(data, name));
  });
  ipcMain.handle(IPC_SAVE_FILE, async (event: IpcMainInvokeEvent, file: unknown) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return fail('FORBIDDEN', '拒绝来自未知页面的调用');
    const parsed = StoredFileRef.safeParse(file);
    if (!parsed.success) return fail('VALIDATION', '文件信息不对');
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: parsed.data.name, title: '保存文件' };
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return ok({ saved: false });
    await copyFile(backend.core.files.pathOf(parsed.data.sha256), choice.filePath);
    return ok({ saved: true });
  });
  const off = backend.core.jobs.onProgress((job) => {
    for (const w of windows()) if (!w.isDestroyed()) w.webContents.send(IPC_JOB_PROGRESS, job);
  });
  return () => {
    off();
    ipcMain.removeHandler(IPC_INVOKE);
    ipcMain.removeHandler(IPC_UPLOAD);
    ipcMain.removeHandler(IPC_SAVE_FILE);
  };
}
