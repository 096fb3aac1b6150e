// How a printer shows a document to its browser: the page and its assets are written to a fresh
// temporary folder and opened from disk. Handing pictures over the browser's debugging channel
// instead costs about 40 ms per megabyte (20 photos: most of a second); from disk they load at
// once. The page carries a policy that allows no scripts and nothing from the network.
import { constants } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../../shared/errors';
import type { PdfAsset } from './renderer';

/** No scripts, nothing from elsewhere: inline styles and the document's own files only. */
export const DOCUMENT_CSP = "default-src 'none'; img-src file: data:; font-src file: data:; style-src 'unsafe-inline'";

const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}">`;

/** The page with the policy as the first thing in its head, whatever the document itself says. */
export function withPolicy(html: string): string {
  // After <head>, else after <html>, else after the doctype: never before a doctype (quirks mode).
  const anchor = /<head(\s[^>]*)?>/i.exec(html) ?? /<html(\s[^>]*)?>/i.exec(html) ?? /<!doctype[^>]*>/i.exec(html);
  if (!anchor) return `${CSP_META}${html}`;
  const at = anchor.index + anchor[0].length;
  return `${html.slice(0, at)}${CSP_META}${html.slice(at)}`;
}

export interface DocumentFolder {
  /** file:// URL of the page. */
  url: string;
  /** Removes the folder. */
  dispose(): Promise<void>;
}

/** Writes the page and its assets to a new temporary folder (removed by dispose()). */
export async function writeDocumentFolder(html: string, assets: readonly PdfAsset[] = []): Promise<DocumentFolder> {
  const dir = await mkdtemp(join(tmpdir(), 'qingbo-pdf-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const page = join(dir, 'document.html');
    await writeFile(page, withPolicy(html), 'utf8');
    for (const a of assets) {
      const target = resolve(dir, a.path.replace(/^\.?\//, ''));
      if (!target.startsWith(dir + sep)) throw new AppError('INTERNAL', `文档的附属文件路径不对：${a.path}`);
      await mkdir(dirname(target), { recursive: true });
      if (a.bytes) await writeFile(target, a.bytes);
      // A copy-on-write clone where the file system offers one, a plain copy elsewhere.
      else if (a.file) await copyFile(a.file, target, constants.COPYFILE_FICLONE);
    }
    return { url: pathToFileURL(page).href, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}
