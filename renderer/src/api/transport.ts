// The two ways a call reaches the backend: Electron IPC (window.qingbo) or HTTP (/api/<method>).
import type { QingboBridge } from '../../../shared/bridge';
import { fail, isErrorInfo, type Result } from '../../../shared/errors';
import type { JobInfo } from '../../../shared/jobs';

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
        return fail('INTERNAL', '无法连接清波服务器，请确认服务器仍在运行');
      }
      try {
        const body = (await res.json()) as Result<unknown>;
        if (body.ok || isErrorInfo(body.error)) return body;
      } catch {
        // fall through
      }
      return fail('INTERNAL', `服务器返回了无法识别的内容（HTTP ${res.status}）`);
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
