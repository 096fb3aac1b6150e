// Pictures of stored PDFs for the page: a small first-page thumbnail, drawn once per file and
// kept, and the opened document for a larger preview. PDF.js is loaded on first use only.
import { MAX_PREVIEW_BYTES } from '../../../shared/bridge';
import type { StoredFileRef } from '../../../shared/import';
import { ApiError, readFile } from '../api/client';
import type { OpenedPdf } from './pdf-engine';

export type { OpenedPdf };

/** Width of the rendered thumbnail in CSS pixels: the picture tiles' THUMB (the tile shows the page's upper part). */
export const PDF_THUMB_WIDTH = 96;

/** A file that cannot be opened in this time is treated as damaged rather than left spinning. */
const OPEN_TIMEOUT_MS = 20_000;

/** The first page, drawn; or why there is none. */
export type PdfThumb =
  | { kind: 'ready'; image: HTMLCanvasElement; pages: number }
  /** Damaged, password-protected, or not a PDF after all. */
  | { kind: 'failed' }
  /** Over the size the page reads into memory; the clerk opens it instead. */
  | { kind: 'too-big' };

const engine = () => import('./pdf-engine');

// Two at a time: enough to keep the worker busy while the page paints, few enough that a record
// with twenty PDFs does not make the page stutter.
const MAX_AT_ONCE = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(job: () => Promise<T>): Promise<T> {
  if (running < MAX_AT_ONCE) running += 1;
  else await new Promise<void>((go) => waiting.push(go)); // the finishing job hands its place over
  try {
    return await job();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

/** Opens a stored PDF for the preview. Rejects if it cannot be read or is not a readable PDF. */
export async function openStoredPdf(file: StoredFileRef): Promise<OpenedPdf> {
  const [bytes, { openPdf }] = await Promise.all([readFile(file), engine()]);
  return openPdf(bytes, OPEN_TIMEOUT_MS);
}

async function drawThumbnail(file: StoredFileRef): Promise<PdfThumb> {
  const pdf = await openStoredPdf(file).catch((err: unknown) => {
    // A file that could not be fetched (the server was unreachable) may work next time.
    if (err instanceof ApiError) throw err;
    return null;
  });
  if (!pdf) return { kind: 'failed' };
  try {
    const image = document.createElement('canvas');
    // Drawn at twice its size whatever the screen: shrunk by the browser, the tiny lines of a page
    // stay legible instead of breaking up; the pixels cost nothing at this size.
    await pdf.renderPage(1, PDF_THUMB_WIDTH * 2, image);
    return { kind: 'ready', image, pages: pdf.numPages };
  } catch {
    return { kind: 'failed' };
  } finally {
    await pdf.close();
  }
}

// Drawn thumbnails by file (and failures, which would fail again): a record opened twice, or a
// second record with the same file, costs nothing. Bounded, oldest first out.
const CACHE_SIZE = 200;
const thumbs = new Map<string, Promise<PdfThumb>>();

/** The first-page thumbnail of a stored PDF, drawn at most once per file while the app runs. */
export function pdfThumbnail(file: StoredFileRef): Promise<PdfThumb> {
  if (file.size > MAX_PREVIEW_BYTES) return Promise.resolve({ kind: 'too-big' });
  const known = thumbs.get(file.sha256);
  if (known) {
    thumbs.delete(file.sha256);
    thumbs.set(file.sha256, known);
    return known;
  }
  const made = inTurn(() => drawThumbnail(file)).catch((): PdfThumb => {
    thumbs.delete(file.sha256);
    return { kind: 'failed' };
  });
  thumbs.set(file.sha256, made);
  if (thumbs.size > CACHE_SIZE) thumbs.delete(thumbs.keys().next().value!);
  return made;
}
