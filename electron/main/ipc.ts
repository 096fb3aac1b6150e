// The IPC transport: one channel for every contract method, and the file operations of the bridge,
// each with the sender checked.
import { BrowserWindow, app, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  IPC_INVOKE, IPC_JOB_PROGRESS, IPC_OPEN_FILE, IPC_PRINT_FILE, IPC_READ_FILE, IPC_SAVE_FILE, IPC_UPLOAD, MAX_PREVIEW_BYTES, MAX_UPLOAD_BYTES, isOpenable,
} from '../../shared/bridge';
import { StoredFileRef } from '../../shared/import';
import { isMethodName } from '../../shared/contract';
import { fail, ok } from '../../shared/errors';
import type { Backend } from '../backend/backend';
import { resolveContext } from '../backend/accounts/resolve';
import { mimeOf } from '../backend/files/mime';
import { safeFileName } from '../backend/files/store';
import { printPdfFile } from './print';

/**
 * A copy of a stored file under its own name, for the system's program to open: the store names
 * files by hash, and a viewer shows (and Save As suggests) the name it was opened under. One
 * folder per file, so two attachments with the same name never overwrite each other. The copy is
 * made afresh each time (a program may have changed the last one), unless that copy is still open
 * and locked, in which case the open one is shown again.
 */
async function viewerCopy(backend: Backend, sha256: string, name: string): Promise<string> {
  const dir = join(app.getPath('temp'), 'qingbo-open', sha256.slice(0, 16));
  await mkdir(dir, { recursive: true });
  const target = join(dir, safeFileName(name));
  try {
    await copyFile(backend.core.files.pathOf(sha256), target);
  } catch (err) {
    if (!existsSync(target)) throw err;
  }
  return target;
}

/** What main keeps per window: its session token (never sent to the page) and whether it logged out. */
interface WindowSession {
  token?: string;
  signedOut?: boolean;
}

/** Registers the invoke handler; only frames showing our own renderer may call. */
export function bindIpc(backend: Backend, isTrustedUrl: (url: string) => boolean, windows: () => BrowserWindow[]): () => void {
  const sessions = new Map<number, WindowSession>();
  const contextOf = (event: IpcMainInvokeEvent) => {
    const s = sessions.get(event.sender.id) ?? {};
    return resolveContext(backend.core, { transport: 'desktop', token: s.token, allowAutoLogin: !s.signedOut });
  };
  /** Refuses file operations to a window nobody is signed in to. */
  const signedIn = (event: IpcMainInvokeEvent) => contextOf(event).role !== null;
  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      backend.core.log.warn('ipc refused: untrusted sender', { url });
      return fail('FORBIDDEN', '拒绝来自未知页面的调用');
    }
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `未知的操作：${String(method).slice(0, 80)}`);
    const result = await backend.api.call(method, input, contextOf(event));
    if (result.ok && (method === 'accounts.login' || method === 'accounts.setup')) {
      // The token stays in main; the page gets the account only.
      const { token, ...rest } = result.value as { token: string; expiresAt: string };
      if (!sessions.has(event.sender.id)) event.sender.once('destroyed', () => sessions.delete(event.sender.id));
      sessions.set(event.sender.id, { token });
      return ok(rest);
    }
    if (result.ok && method === 'accounts.logout') sessions.set(event.sender.id, { signedOut: true });
    return result;
  });
  ipcMain.handle(IPC_UPLOAD, async (event: IpcMainInvokeEvent, name: unknown, bytes: unknown) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return fail('FORBIDDEN', '拒绝来自未知页面的调用');
    if (!signedIn(event)) return fail('UNAUTHENTICATED', '请先登录');
    if (typeof name !== 'string' || !(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes))) return fail('VALIDATION', '文件内容不对');
    const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (data.byteLength === 0) return fail('VALIDATION', `「${name}」是空文件（0 字节）`);
    if (data.byteLength > MAX_UPLOAD_BYTES) return fail('VALIDATION', `「${safeFileName(name)}」超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，没有保存。请压缩或拆分后再添加`);
    return ok(await backend.core.files.putBytes(data, name, mimeOf(name)));
  });
  ipcMain.handle(IPC_SAVE_FILE, async (event: IpcMainInvokeEvent, file: unknown) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return fail('FORBIDDEN', '拒绝来自未知页面的调用');
    if (!signedIn(event)) return fail('UNAUTHENTICATED', '请先登录');
    const parsed = StoredFileRef.safeParse(file);
    if (!parsed.success) return fail('VALIDATION', '文件信息不对');
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: parsed.data.name, title: '保存文件' };
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return ok({ saved: false });
    await copyFile(backend.core.files.pathOf(parsed.data.sha256), choice.filePath);
    return ok({ saved: true });
  });
  ipcMain.handle(IPC_OPEN_FILE, async (event: IpcMainInvokeEvent, file: unknown) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return fail('FORBIDDEN', '拒绝来自未知页面的调用');
    if (!signedIn(event)) return fail('UNAUTHENTICATED', '请先登录');
    const parsed = StoredFileRef.safeParse(file);
    if (!parsed.success) return fail('VALIDATION', '文件信息不对');
    const { sha256, name } = parsed.data;
    if (!isOpenable(name)) return fail('FORBIDDEN', `「${name}」这类文件可能含有程序，不能直接打开。请用「另存为」保存后再处理`);
    if (!existsSync(backend.core.files.pathOf(sha256))) return fail('NOT_FOUND', `找不到「${name}」的文件内容，可能已被清理`);
    const path = await viewerCopy(backend, sha256, name);
    // openPath answers with an error text, or '' when the program was started.
    const problem = await shell.openPath(path);
    if (problem) return fail('INTERNAL', `无法打开「${name}」：${problem}。可以用「另存为」保存后用其他程序打开`);
    return ok({ opened: true });
  });
  ipcMain.handle(IPC_READ_FILE, async (event: IpcMainInvokeEvent, file: unknown) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return fail('FORBIDDEN', '拒绝来自未知页面的调用');
    if (!signedIn(event)) return fail('UNAUTHENTICATED', '请先登录');
    const parsed = StoredFileRef.safeParse(file);
    if (!parsed.success) return fail('VALIDATION', '文件信息不对');
    const path = backend.core.files.pathOf(parsed.data.sha256);
    if (!existsSync(path)) return fail('NOT_FOUND', `找不到「${parsed.data.name}」的文件内容，可能已被清理`);
    if ((await stat(path)).size > MAX_PREVIEW_BYTES) return fail('VALIDATION', `「${parsed.data.name}」太大，不在页面中预览，请打开查看`);
    const bytes = await readFile(path);
    return ok(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  });
  ipcMain.handle(IPC_PRINT_FILE, async (event: IpcMainInvokeEvent, file: unknown) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) return fail('FORBIDDEN', '拒绝来自未知页面的调用');
    if (!signedIn(event)) return fail('UNAUTHENTICATED', '请先登录');
    const parsed = StoredFileRef.safeParse(file);
    if (!parsed.success) return fail('VALIDATION', '文件信息不对');
    const { sha256, name } = parsed.data;
    if (!/\.pdf$/i.test(name)) return fail('VALIDATION', `「${name}」不是 PDF，不能直接打印`);
    if (!existsSync(backend.core.files.pathOf(sha256))) return fail('NOT_FOUND', `找不到「${name}」的文件内容，可能已被清理`);
    const owner = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    await printPdfFile(await viewerCopy(backend, sha256, name), name, backend.core.log, owner);
    return ok({ printing: true });
  });
  const off = backend.core.jobs.onProgress((job) => {
    for (const w of windows()) if (!w.isDestroyed()) w.webContents.send(IPC_JOB_PROGRESS, job);
  });
  return () => {
    off();
    ipcMain.removeHandler(IPC_INVOKE);
    ipcMain.removeHandler(IPC_UPLOAD);
    ipcMain.removeHandler(IPC_SAVE_FILE);
    ipcMain.removeHandler(IPC_OPEN_FILE);
    ipcMain.removeHandler(IPC_READ_FILE);
    ipcMain.removeHandler(IPC_PRINT_FILE);
  };
}
