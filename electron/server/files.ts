// File transfer for the browser: POST /api/files puts the clerk's file into the file store,
// GET /api/files/<sha256>?name=… downloads a stored file (an export, a list of rejected rows);
// with &inline=1 a picture or PDF opens in the browser tab instead (a record's attachments).
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_UPLOAD_BYTES } from '../../shared/bridge';
import { fail, ok } from '../../shared/errors';
import type { Backend } from '../backend/backend';
import { INLINE_MIME, mimeOf } from '../backend/files/mime';
import { safeFileName } from '../backend/files/store';


function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new Error('too large'));
      return;
    }
    let size = 0;
    let chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        // Stop keeping bytes but do not reset the connection: the clerk must get the 413 and its message.
        chunks = [];
        reject(new Error('too large'));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Stores an uploaded file; the custom X-File-Name header keeps other sites out (it needs a CORS preflight). */
export async function handleUpload(backend: Backend, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const rawName = req.headers['x-file-name'];
  if (typeof rawName !== 'string' || !rawName) return send(res, 400, fail('VALIDATION', '缺少文件名（X-File-Name）'));
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    return send(res, 400, fail('VALIDATION', '文件名编码不对'));
  }
  let bytes: Buffer;
  try {
    bytes = await readBytes(req, MAX_UPLOAD_BYTES);
  } catch (err) {
    const tooLarge = (err as Error).message === 'too large';
    if (tooLarge) {
      // The rest of the body is not worth receiving: answer, then close the connection.
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.destroy());
    }
    const limitMb = MAX_UPLOAD_BYTES / 1024 / 1024;
    return send(res, tooLarge ? 413 : 400, fail('VALIDATION', tooLarge ? `「${safeFileName(name)}」超过 ${limitMb} MB，没有保存。请压缩或拆分后再添加` : '文件没有传完整，请重试'));
  }
  if (bytes.length === 0) return send(res, 400, fail('VALIDATION', `「${name}」是空文件（0 字节）`));
  try {
    const stored = await backend.core.files.putBytes(bytes, name, mimeOf(name));
    send(res, 200, ok(stored));
  } catch (err) {
    backend.core.log.error('upload failed', { error: String(err) });
    send(res, 500, fail('INTERNAL', `保存文件失败：${(err as Error).message}`));
  }
}

/** Sends a stored file as a download under the given name, or shown in the tab when asked and safe. */
export function handleDownload(backend: Backend, req: IncomingMessage, res: ServerResponse, sha256: string, name: string): void {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return send(res, 400, fail('VALIDATION', '文件编号格式不对'));
  const path = backend.core.files.pathOf(sha256);
  if (!existsSync(path)) return send(res, 404, fail('NOT_FOUND', '文件不存在或已被清理'));
  const fileName = name.replace(/[\\/:*?"<>|\r\n]/g, '_') || `${sha256.slice(0, 12)}.bin`;
  const mime = mimeOf(fileName);
  const inline = new URL(req.url ?? '/', 'http://localhost').searchParams.get('inline') === '1' && INLINE_MIME.has(mime);
  res.writeHead(200, {
    'Content-Type': mime,
    'Content-Length': statSync(path).size,
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${encodeURIComponent(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(path).pipe(res);
}
