// PDF.js behind one small door. Only ui/pdf.ts imports this module, and only dynamically, so the
// ~0.6 MB library and its 1.3 MB worker are fetched the first time a PDF is previewed, not with the app.
//
// The legacy build is used on purpose: the default build of PDF.js 5 relies on the newest
// JavaScript built-ins (Map#getOrInsertComputed…) that the Chromium inside our Electron does not
// have yet; the legacy build carries the polyfills.
import { GlobalWorkerOptions, PDFWorker, VerbosityLevel, getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.min.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

// Vite copies the worker next to the app's own scripts. It is thus same-origin (over HTTP) or a
// file beside the page (file://, whose origin PDF.js sees as "file://"), and the page's
// script-src 'self' already lets it start: PDF.js never needs its blob: detour here.
GlobalWorkerOptions.workerSrc = workerUrl;

/** One worker for every preview: starting one per file would parse 1.3 MB of script each time. */
let worker: PDFWorker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | null = null;
let open = 0;

/** A worker nobody used for a while is stopped: its memory goes back to the clerk's computer. */
const IDLE_MS = 60_000;

function acquireWorker(): PDFWorker {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  open += 1;
  if (!worker) {
    const started = new PDFWorker({ verbosity: VerbosityLevel.ERRORS });
    // A worker that could not start is not kept: the next preview tries a fresh one.
    started.promise.catch(() => {
      if (worker === started) worker = null;
    });
    worker = started;
  }
  return worker;
}

function releaseWorker(): void {
  open -= 1;
  if (open > 0 || idleTimer) return;
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (open > 0) return;
    worker?.destroy();
    worker = null;
  }, IDLE_MS);
}

/** The promise's outcome, or a rejection once `ms` have passed. */
async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`PDF.js did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** An opened PDF; `close()` must be called once, whatever happened. */
export interface OpenedPdf {
  numPages: number;
  /** Draws page `n` (from 1) `pixelWidth` pixels wide into the canvas (resized to fit), on white. */
  renderPage(n: number, pixelWidth: number, canvas: HTMLCanvasElement): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a PDF from its bytes (never from an address: nothing is fetched by PDF.js itself). The
 * bytes are handed over to the worker, so the caller's buffer is empty afterwards. Rejects for a
 * damaged or password-protected file, or one that takes longer than `timeoutMs` to open (the same
 * limit applies to drawing each page).
 */
export async function openPdf(bytes: ArrayBuffer, timeoutMs: number): Promise<OpenedPdf> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    worker: acquireWorker(),
    verbosity: VerbosityLevel.ERRORS,
    // Our pages forbid eval (script-src 'self'): do not even try it.
    isEvalSupported: false,
    // WebAssembly decoders would need the policy to allow compiling code. PDF.js's own JavaScript
    // decoders serve instead (JBIG2 and CCITT scans, colour profiles); JPEG 2000 pictures, which
    // have none, stay blank in the preview.
    useWasm: false,
    // Forms in XFA are not what a clerk looks for in a preview.
    enableXfa: false,
    // Everything is already in memory: no range requests, no streaming.
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await within(task.promise, timeoutMs);
  } catch (err) {
    await task.destroy().catch(() => undefined);
    releaseWorker();
    throw err;
  }
  let closed = false;
  return {
    numPages: doc.numPages,
    async renderPage(n, pixelWidth, canvas) {
      const page = await doc.getPage(n);
      try {
        const unscaled = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale: pixelWidth / unscaled.width });
        canvas.width = Math.max(1, Math.floor(viewport.width));
        canvas.height = Math.max(1, Math.floor(viewport.height));
        const drawing = page.render({ canvas, viewport, background: '#ffffff' });
        // A page that never finishes must not hold its place in the queue of thumbnails.
        await within(drawing.promise, timeoutMs).catch((err: unknown) => {
          drawing.cancel();
          throw err;
        });
      } finally {
        page.cleanup();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await task.destroy().catch(() => undefined);
      releaseWorker();
    },
  };
}
