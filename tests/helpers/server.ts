// Runs the real `qingbo` CLI (the built one, as a user would) in a child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'qingbo.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Extra environment variables (e.g. QINGBO_DB_PASSWORD). */
  env?: Record<string, string>;
  /** Text on standard input (not a terminal). */
  input?: string;
}

/** Runs `qingbo <args>` to completion. */
export function qingbo(args: string[], timeout = 120_000, options: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface Envelope<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

export interface RunningQingbo {
  url: string;
  proc: ChildProcess;
  dataDir: string;
  /** What the server printed so far (stdout and stderr). */
  output(): string;
  /** POSTs to /api/<method> and returns the parsed result envelope. */
  api<T = unknown>(method: string, input?: unknown): Promise<Envelope<T>>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The administrator `serve()` creates on a fresh data folder, signed in automatically on this computer. */
export const TEST_ADMIN = { username: 'admin', displayName: '王管理', password: 'qingbo-admin-8' } as const;

export interface ServeOptions {
  /** Create TEST_ADMIN with automatic login when the data folder has no administrator (default true; never in office mode). */
  setup?: boolean;
  /** Extra environment variables for the server. */
  env?: Record<string, string>;
}

/**
 * Starts `qingbo serve` on a free port and waits until it prints its URL. Unless told otherwise it
 * then creates the first administrator with automatic login, so pages open signed in.
 */
export async function serve(dataDir: string, extraArgs: string[] = [], options: ServeOptions = {}): Promise<RunningQingbo> {
  const proc = spawn(process.execPath, [BIN, 'serve', '--data', dataDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /清波已启动：(http:\/\/\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const running: RunningQingbo = {
    url,
    proc,
    dataDir,
    output: () => output,
    async api<T>(method: string, input: unknown = {}): Promise<Envelope<T>> {
      const post = () =>
        fetch(`${url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      let res: Response;
      try {
        res = await post();
      } catch (err) {
        // A test that blocked its event loop (spawnSync of the CLI) can send into a kept-alive
        // socket the server closed meanwhile: the server answered nothing, so it took nothing.
        if ((err as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw err;
        res = await post();
      }
      return (await res.json()) as Envelope<T>;
    },
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
  onTestFinished(() => running.stop());
  const hostArg = extraArgs[extraArgs.indexOf('--host') + 1];
  const office = extraArgs.includes('--host') && !['127.0.0.1', 'localhost', '::1'].includes(hostArg ?? '');
  if (options.setup !== false && !office) {
    const status = await running.api<{ setupNeeded: boolean }>('accounts.status');
    if (status.value?.setupNeeded) {
      const r = await running.api('accounts.setup', { ...TEST_ADMIN, autoLogin: true });
      if (!r.ok) throw new Error(`setup failed: ${r.error?.message ?? ''}`);
    }
  }
  return running;
}

/** An HTTP client with its own cookie jar, as one browser would be. */
export interface SessionClient {
  /** POSTs to /api/<method>; answers 429 are waited out and retried unless `retry` is false. */
  api<T = unknown>(method: string, input?: unknown, options?: { retry?: boolean; headers?: Record<string, string> }): Promise<Envelope<T> & { status: number }>;
  login(username: string, password: string): Promise<Envelope<unknown> & { status: number }>;
  /** GETs a path with the session cookie; resolves to the status once headers arrive. */
  get(path: string): Promise<number>;
  /** The raw Set-Cookie headers of the last answer. */
  lastSetCookie: string[];
  cookie: string;
}

/** A client of `url` that keeps the session cookie it is given, like a browser; `localAddress` picks the source address. */
export function sessionClient(url: string, localAddress?: string): SessionClient {
  const send = (method: 'GET' | 'POST', path: string, body: string | null, headers: Record<string, string>) =>
    new Promise<{ status: number; text: string; setCookie: string[] }>((resolve, reject) => {
      const req = httpRequest(new URL(path, url), { method, headers, ...(localAddress ? { localAddress } : {}) }, (res) => {
        const setCookie = res.headers['set-cookie'] ?? [];
        if (method === 'GET') {
          resolve({ status: res.statusCode ?? 0, text: '', setCookie });
          res.destroy();
          return;
        }
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, setCookie }));
      });
      req.on('error', reject);
      req.end(body ?? undefined);
    });
  const client: SessionClient = {
    cookie: '',
    lastSetCookie: [],
    async api<T>(method: string, input: unknown = {}, options: { retry?: boolean; headers?: Record<string, string> } = {}) {
      for (;;) {
        const headers = { 'Content-Type': 'application/json', ...(client.cookie ? { Cookie: client.cookie } : {}), ...options.headers };
        const r = await send('POST', `api/${method}`, JSON.stringify(input), headers);
        if (r.status === 429 && options.retry !== false) {
          await new Promise((done) => setTimeout(done, 100));
          continue;
        }
        client.lastSetCookie = r.setCookie;
        for (const c of r.setCookie) {
          const [pair] = c.split(';');
          const [name, value] = (pair ?? '').split('=');
          if (name === 'qingbo_session') client.cookie = value ? `qingbo_session=${value}` : '';
        }
        return { ...(JSON.parse(r.text) as Envelope<T>), status: r.status };
      }
    },
    login: (username, password) => client.api('accounts.login', { username, password }),
    async get(path) {
      return (await send('GET', path, null, client.cookie ? { Cookie: client.cookie } : {})).status;
    },
  };
  return client;
}
