// The HTML → PDF service. A document is one complete HTML page: page size and margins come from
// its CSS @page rule, images are assets the page refers to by relative path. The server and the
// CLI print with a system Chromium (chromium.ts); the desktop app injects Electron's own printer
// (electron/main/pdf.ts). Dossiers use it now, notices (GB/T 9704 layouts) will later.

/** A file the document refers to (an image), served to the page under `path`. */
export interface PdfAsset {
  /** The path relative to the document, exactly as the HTML writes it (e.g. `assets/3f9a….jpg`). */
  path: string;
  /** Where the bytes are on disk (the file store), or the bytes themselves. */
  file?: string;
  bytes?: Uint8Array;
}

export interface PdfRenderOptions {
  assets?: readonly PdfAsset[];
  /**
   * Chromium header/footer templates (inline styles only; `<span class="pageNumber">` and
   * `<span class="totalPages">` are filled in). Drawn inside the page margins. See pageFooter().
   */
  headerTemplate?: string;
  footerTemplate?: string;
  /** Give up after this long (default 60 s). */
  timeoutMs?: number;
}

export interface PdfRenderer {
  /** Prints the page to PDF bytes; refuses (AppError) when no printer can be started. */
  render(html: string, options?: PdfRenderOptions): Promise<Buffer>;
  /** Releases the browser or windows it holds. */
  close(): Promise<void>;
}

export const DEFAULT_RENDER_TIMEOUT_MS = 60_000;
