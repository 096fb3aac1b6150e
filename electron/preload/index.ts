// The only bridge between the page and the app: invoke(method, input) for contract methods, a
// job-progress subscription, and the few file operations only the desktop can do (put a picked
// file into the store, save, open with the system's program, read for a thumbnail).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_INVOKE, IPC_JOB_PROGRESS, IPC_OPEN_FILE, IPC_PRINT_FILE, IPC_READ_FILE, IPC_SAVE_FILE, IPC_UPLOAD, type QingboBridge,
} from '../../shared/bridge';
import { methodNames } from '../../shared/contract';
import type { JobInfo } from '../../shared/jobs';

const allowed = new Set<string>(methodNames);

const bridge: QingboBridge = {
  invoke(method, input) {
    if (!allowed.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的操作：${String(method)}` } });
    }
    return ipcRenderer.invoke(IPC_INVOKE, method, input) as ReturnType<QingboBridge['invoke']>;
  },
  onJobProgress(listener) {
    const handler = (_e: IpcRendererEvent, job: JobInfo) => listener(job);
    ipcRenderer.on(IPC_JOB_PROGRESS, handler);
    return () => ipcRenderer.removeListener(IPC_JOB_PROGRESS, handler);
  },
  uploadFile(name, bytes) {
    return ipcRenderer.invoke(IPC_UPLOAD, String(name), bytes) as ReturnType<QingboBridge['uploadFile']>;
  },
  saveFile(file) {
    return ipcRenderer.invoke(IPC_SAVE_FILE, file) as ReturnType<QingboBridge['saveFile']>;
  },
  openFile(file) {
    return ipcRenderer.invoke(IPC_OPEN_FILE, file) as ReturnType<QingboBridge['openFile']>;
  },
  readFile(file) {
    return ipcRenderer.invoke(IPC_READ_FILE, file) as ReturnType<QingboBridge['readFile']>;
  },
  printFile(file) {
    return ipcRenderer.invoke(IPC_PRINT_FILE, file) as ReturnType<NonNullable<QingboBridge['printFile']>>;
  },
};

contextBridge.exposeInMainWorld('qingbo', bridge);
