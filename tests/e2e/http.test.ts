// The HTTP transport of `qingbo serve`, as another program on the office network would use it.
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serve } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

describe('the HTTP transport', () => {
  it('answers bad input with VALIDATION naming the field, and changes nothing', async () => {
    const server = await serve(tempDir());
    const good = await server.api('settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' });
    expect(good.ok).toBe(true);
    const before = JSON.stringify([await server.api('settings.getOffice'), await server.api('audit.list', { limit: 500 })]);
    const res = await fetch(`${server.url}api/settings.saveOffice`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '华容县市场监督管理局', countyCode: '43062X', docAbbrev: 'HRSJ' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string; details: { field: string; problems: { field: string }[] } } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toContain('所在县（区）');
    expect(body.error.message).toContain('文号代字');
    expect(body.error.details.problems.map((p) => p.field)).toEqual(['countyCode', 'docAbbrev']);
    const after = JSON.stringify([await server.api('settings.getOffice'), await server.api('audit.list', { limit: 500 })]);
    expect(after).toBe(before);
  });

  it('refuses malformed requests and other origins', async () => {
    const server = await serve(tempDir());
    const post = (path: string, init: RequestInit) => fetch(`${server.url}${path}`, { method: 'POST', ...init });
    const badJson = await post('api/system.info', { headers: { 'Content-Type': 'application/json' }, body: '{"oops' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: { message: string } }).error.message).toBe('请求内容不是合法的 JSON');
    const form = await post('api/system.info', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(form.status).toBe(415);
    const foreign = await post('api/system.info', { headers: { 'Content-Type': 'application/json', Origin: 'http://example.com' }, body: '{}' });
    expect(foreign.status).toBe(403);
    const unknown = await post('api/nope.nothing', { headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_METHOD');
    const get = await fetch(`${server.url}api/system.info`);
    expect(get.status).toBe(405);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const server = await serve(tempDir());
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<div id="root">');
    const deep = await fetch(`${server.url}registry/anything`);
    expect(await deep.text()).toContain('<div id="root">');
    for (const attempt of ['..%2f..%2fpackage.json', '%2e%2e/%2e%2e/package.json']) {
      const res = await fetch(`${server.url}${attempt}`);
      expect(await res.text()).not.toContain('"name": "qingbo"');
    }
  });

  it('streams job progress as server-sent events', async () => {
    const server = await serve(tempDir());
    const controller = new AbortController();
    const events = await fetch(`${server.url}api/events`, { signal: controller.signal });
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const started = await server.api<{ jobId: string }>('demo.generate', { enterprises: 20_000 });
    expect(started.ok).toBe(true);
    const reader = events.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const progress: number[] = [];
    while (!text.includes('"status":"succeeded"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    for (const m of text.matchAll(/event: job\ndata: (.+)\n/g)) progress.push((JSON.parse(m[1]!) as { progress: number }).progress);
    controller.abort();
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true);
    expect(progress.at(-1)).toBe(1);
    const info = await server.api<{ counts: { enterprises: number } }>('system.info');
    expect(info.value?.counts.enterprises).toBe(20_000);
  });

  it('listens on 127.0.0.1 only, and refuses an open host without login', async () => {
    const server = await serve(tempDir());
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    await expect(serve(tempDir(), ['--host', '0.0.0.0'])).rejects.toThrow(/需要账户登录/);
  });

  it('refuses an empty file and a file over the limit (declared or streamed) with a clear message, storing nothing', async () => {
    const data = tempDir();
    const server = await serve(data);
    const stored = () => readdirSync(join(data, 'files'), { recursive: true }).filter((f) => String(f).length > 60);
    /** Sends `chunks` (of `chunkBytes` zero bytes each) as an upload, chunked unless `declared` is given. */
    const upload = (name: string, chunks: number, chunkBytes: number, declared?: number) =>
      new Promise<{ status: number; message: string }>((resolve, reject) => {
        const req = request(`${server.url}api/files`, {
          method: 'POST',
          headers: { 'X-File-Name': encodeURIComponent(name), ...(declared !== undefined ? { 'Content-Length': String(declared) } : {}) },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, message: (JSON.parse(body) as { error?: { message: string } }).error?.message ?? '' }));
        });
        req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
        const chunk = Buffer.alloc(chunkBytes);
        let sent = 0;
        const pump = () => {
          while (sent < chunks) {
            sent++;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });

    expect(await upload('空白.jpg', 0, 0, 0)).toEqual({ status: 400, message: '「空白.jpg」是空文件（0 字节）' });
    // A 2 GB video is refused on its declared size, before any of it is read.
    expect(await upload('监控录像.mp4', 1, 1024, 2 * 1024 ** 3)).toEqual({ status: 413, message: '「监控录像.mp4」超过 100 MB，没有保存。请压缩或拆分后再添加' });
    // Without a declared size, the count stops it at the limit.
    expect((await upload('现场录像.mp4', 101, 1024 * 1024)).status).toBe(413);
    expect(stored()).toEqual([]);

    const odd = await fetch(`${server.url}api/files`, {
      method: 'POST',
      headers: { 'X-File-Name': encodeURIComponent('..\\..\\Windows/System32/现场 照片<1>.jpg') },
      body: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
    });
    expect(((await odd.json()) as { value: { name: string } }).value.name).toBe('现场 照片_1_.jpg');
  });
});
