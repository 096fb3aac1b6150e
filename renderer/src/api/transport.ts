// The two ways a call reaches the backend: Electron IPC (window.qingbo) or HTTP (/api/<method>).
import { MAX_PREVIEW_BYTES, isOpenable, type QingboBridge } from '../../../shared/bridge';
import { fail, isErrorInfo, type Result } from '../../../shared/errors';
import type { StoredFileRef } from '../../../shared/import';
import type { JobInfo } from '../../../shared/jobs';

/** Reads a JSON result envelope, or says plainly that the server answered something else. */
async function envelope<T>(res: Response): Promise<Result<T>> {
  try {
    const body = (await res.json()) as Result<T>;
    if (body.ok || isErrorInfo(body.error)) return body;
  } catch {
    // fall through
  }
  return fail('INTERNAL', `服务器返回了无法识别的内容（HTTP ${res.status}）`);
}

const UNREACHABLE = '无法连接清波服务器，请确认服务器仍在运行';

/** Where the server hands out a stored file; `inline` asks for it shown in the tab (pictures, PDF). */
export const fileHref = (file: StoredFileRef, inline = false): string =>
  `api/files/${file.sha256}?name=${encodeURIComponent(file.name)}${inline ? '&inline=1' : ''}`;

function httpTransport(): QingboBridge {
  const listeners = new Set<(job: JobInfo) => void>();
  let source: EventSource | null = null;
  const connect = () => {
    if (source) return;
    source = new EventSource('api/events');
    source.addEventListener('job', (e) => {
      const job = JSON.parse((e as MessageEvent<string>).data) as JobInfo;
      for (const l of listeners) l(job);
    });
  };
  return {
    async invoke(method, input) {
      let res: Response;
      try {
        res = await fetch(`api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return fail('INTERNAL', UNREACHABLE);
      }
      return envelope(res);
    },
    async uploadFile(name, bytes) {
      let res: Response;
      try {
        res = await fetch('api/files', {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(name) },
          body: bytes,
        });
      } catch {
        return fail('INTERNAL', UNREACHABLE);
      }
      return envelope<StoredFileRef>(res);
    },
    saveFile(file) {
      // The server answers with Content-Disposition: attachment, so the page stays where it is.
      const a = document.createElement('a');
      a.href = fileHref(file);
      a.download = file.name;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      return Promise.resolve({ ok: true, value: { saved: true } });
    },
    openFile(file) {
      if (!isOpenable(file.name)) {
        return Promise.resolve(fail('FORBIDDEN', `「${file.name}」这类文件可能含有程序，不能直接打开。请用「另存为」保存后再处理`));
      }
      // Pictures and PDFs open in a new tab; the server sends other kinds as a download.
      window.open(fileHref(file, true), '_blank', 'noopener');
      return Promise.resolve({ ok: true, value: { opened: true } });
    },
    async readFile(file) {
      if (file.size > MAX_PREVIEW_BYTES) return fail('VALIDATION', `「${file.name}」太大，不在页面中预览，请打开查看`);
      let res: Response;
      try {
        res = await fetch(fileHref(file));
      } catch {
        return fail('INTERNAL', UNREACHABLE);
      }
      if (!res.ok) return envelope<ArrayBuffer>(res);
      return { ok: true, value: await res.arrayBuffer() };
    },
    onJobProgress(listener) {
      listeners.add(listener);
      connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

/** The desktop bridge when running in Electron, HTTP otherwise. */
export const transport: QingboBridge = window.qingbo ?? httpTransport();
export const transportName = window.qingbo ? 'ipc' : 'http';
