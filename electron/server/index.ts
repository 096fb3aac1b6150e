// The HTTP transport: POST /api/<method> with a JSON body, job progress as server-sent events
// at GET /api/events, and the built renderer at /. Binds 127.0.0.1 unless told otherwise.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { HEADER_CSP } from '../../shared/csp';
import { fail, type ErrorCode, type Result } from '../../shared/errors';
import type { Backend } from '../backend/backend';
import type { RequestContext } from '../backend/context';
import type { Logger } from '../backend/log';
import {
  API_RATE, LOGIN_RATE, RateLimiter, clearSessionCookie, remoteAddressOf, requestContext, setSessionCookie,
} from './auth';
import { handleDownload, handleUpload } from './files';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // The PDF.js worker keeps its .mjs name in the build; served as anything but a script, the
  // browser refuses to start it (nosniff).
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  BUSY: 409,
  CANCELLED: 409,
  INTEGRITY: 500,
  LOCKED: 423,
  INTERNAL: 500,
};

const MAX_BODY = 20 * 1024 * 1024;
const TOO_MANY = '请求过于频繁，请稍等几秒再试';
const TOO_MANY_LOGINS = '登录尝试过于频繁，请一分钟后再试';

export interface ServeOptions {
  host?: string;
  port?: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /**
   * Office mode (`--host` on a non-loopback address): login always required, no automatic login,
   * no first set-up over the network, requests rate-limited per address.
   */
  office?: boolean;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A request from a page of another origin (a web site in the clerk's browser) is refused. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Logs when the process did not get back to its event loop for over a second: every page waits
 * that long for any answer, so a stall is worth a line in the log with its length.
 */
function watchStalls(log: Logger): NodeJS.Timeout {
  const every = 250;
  let last = performance.now();
  return setInterval(() => {
    const now = performance.now();
    const late = now - last - every;
    last = now;
    if (late > 1000) log.warn('event loop stalled', { ms: Math.round(late) });
  }, every);
}

/** Starts the HTTP server over a backend; resolves once it listens. */
export async function startServer(backend: Backend, options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const office = options.office ?? false;
  const apiLimiter = new RateLimiter(API_RATE.rate, API_RATE.burst);
  const loginLimiter = new RateLimiter(LOGIN_RATE.rate, LOGIN_RATE.burst);
  /** In office mode every address is limited; on this computer only login attempts are. */
  const limited = (req: IncomingMessage): boolean => office && !apiLimiter.take(remoteAddressOf(req));
  const staticRoot = resolve(options.staticDir);
  const sseClients = new Set<ServerResponse>();
  const unsubscribe = backend.core.jobs.onProgress((job) => {
    const frame = `event: job\ndata: ${JSON.stringify(job)}\n\n`;
    for (const c of sseClients) c.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const c of sseClients) c.write(': keep-alive\n\n');
  }, 15_000);
  const stalls = watchStalls(backend.core.log);

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendJson(res, 405, fail('VALIDATION', '请用 POST 调用接口'));
    }
    if (!sameOrigin(req)) return sendJson(res, 403, fail('FORBIDDEN', '拒绝来自其他网站的请求'));
    if (limited(req)) return sendJson(res, 429, fail('BUSY', TOO_MANY));
    if ((method === 'accounts.login' || method === 'accounts.setup' || method === 'system.unlock') && !loginLimiter.take(remoteAddressOf(req))) {
      return sendJson(res, 429, fail('BUSY', TOO_MANY_LOGINS));
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, fail('VALIDATION', '请求内容必须是 JSON（Content-Type: application/json）'));
    }
    let input: unknown;
    try {
      const text = await readBody(req);
      input = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
    } catch (err) {
      const tooLarge = (err as Error).message === 'too large';
      return sendJson(res, tooLarge ? 413 : 400, fail('VALIDATION', tooLarge ? '请求内容超过 20 MB' : '请求内容不是合法的 JSON'));
    }
    const ctx = requestContext(backend, req, office);
    const result: Result<unknown> = await backend.api.call(method, input, ctx);
    if (result.ok && (method === 'accounts.login' || method === 'accounts.setup')) {
      // The token goes into the cookie only: page scripts never see it.
      const { token, ...rest } = result.value as { token: string; expiresAt: string };
      setSessionCookie(res, token, rest.expiresAt);
      return sendJson(res, 200, { ok: true, value: rest });
    }
    if (result.ok && method === 'accounts.logout') clearSessionCookie(res);
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  /** The caller of a files or events request, or null after answering 401/429 for them. */
  function gate(req: IncomingMessage, res: ServerResponse): RequestContext | null {
    if (limited(req)) {
      sendJson(res, 429, fail('BUSY', TOO_MANY));
      return null;
    }
    const ctx = requestContext(backend, req, office);
    if (ctx.role === null) {
      sendJson(res, 401, fail('UNAUTHENTICATED', '请先登录'));
      return null;
    }
    return ctx;
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    if (!gate(req, res)) return;
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    req.on('close', () => sseClients.delete(res));
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(staticRoot, rel);
    if (!file.startsWith(staticRoot + sep) && file !== staticRoot) {
      res.writeHead(403).end();
      return;
    }
    // Routes are hash-based, but a plain deep link still gets the shell.
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('界面尚未构建：请先运行 npm run build');
      return;
    }
    const ext = extname(file);
    res.writeHead(200, {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Content-Security-Policy': HEADER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cache-Control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/api/events') return handleEvents(req, res);
    if (path === '/healthz') return sendJson(res, 200, { ok: true });
    if (path === '/api/files' && req.method === 'POST') {
      if (!sameOrigin(req)) return sendJson(res, 403, fail('FORBIDDEN', '拒绝来自其他网站的请求'));
      const ctx = gate(req, res);
      if (!ctx) return;
      if (ctx.role === 'readonly') return sendJson(res, 403, fail('FORBIDDEN', '「只读」用户不能上传文件'));
      handleUpload(backend, req, res).catch((err: unknown) => {
        backend.core.log.error('upload handler failed', { error: String(err) });
        if (!res.headersSent) sendJson(res, 500, fail('INTERNAL'));
      });
      return;
    }
    const download = /^\/api\/files\/([0-9a-f]{64})$/.exec(path);
    if (download && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!gate(req, res)) return;
      return handleDownload(backend, req, res, download[1]!, url.searchParams.get('name') ?? '');
    }
    if (path.startsWith('/api/')) {
      handleApi(req, res, path.slice('/api/'.length)).catch((err: unknown) => {
        backend.core.log.error('http handler failed', { error: String(err) });
        if (!res.headersSent) sendJson(res, 500, fail('INTERNAL'));
      });
      return;
    }
    handleStatic(req, res, path);
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    server,
    url: `http://${shownHost}:${port}/`,
    async close() {
      unsubscribe();
      clearInterval(heartbeat);
      clearInterval(stalls);
      for (const c of sseClients) c.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
