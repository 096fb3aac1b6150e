// Printing with the system's Chromium through playwright-core (never a downloaded browser). One
// browser serves a whole batch and is closed after a quiet spell; each document is a page of its
// one context, which runs no scripts and has no network.
import type { BrowserContext } from 'playwright-core';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../log';
import { browserMissing, findBrowser } from './browser';
import { writeDocumentFolder } from './document';
import { EMPTY_TEMPLATE } from './html';
import { DEFAULT_RENDER_TIMEOUT_MS, type PdfRenderOptions, type PdfRenderer } from './renderer';

/** The flags a headless Chromium needs here: no sandbox (containers), no GPU, nothing fetched from the network. */
export const CHROMIUM_LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumPdfOptions {
  log: Logger;
  /** Close the browser after this long without work (default 30 s). */
  idleMs?: number;
  /** Finds the browser to start (default: CHROMIUM_PATH, then the usual install paths). */
  findExecutable?: () => string | null;
  /** The error when none is found. */
  missing?: () => AppError;
}

export class ChromiumPdfRenderer implements PdfRenderer {
  private readonly opts: ChromiumPdfOptions;
  /** The running browser's one context (scripts off, offline), shared by every document. */
  private session: Promise<BrowserContext> | null = null;
  private active = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(opts: ChromiumPdfOptions) {
    this.opts = opts;
  }

  /** Prints `html` (a complete page) to PDF with the shared browser, starting it if needed. */
  async render(html: string, options: PdfRenderOptions = {}): Promise<Buffer> {
    this.active++;
    this.clearIdle();
    try {
      const context = await this.launch();
      const folder = await writeDocumentFolder(html, options.assets);
      try {
        return await this.print(context, folder.url, options);
      } finally {
        await folder.dispose();
      }
    } finally {
      this.active--;
      if (this.active === 0) this.scheduleIdleClose();
    }
  }

  private async print(context: BrowserContext, url: string, options: PdfRenderOptions): Promise<Buffer> {
    const timeout = options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
    const page = await context.newPage();
    try {
      page.setDefaultTimeout(timeout);
      await page.goto(url, { waitUntil: 'load', timeout });
      // Scripts are off for the page; this runs in Playwright's own world. Without it a web font
      // still loading would print in the fallback face.
      await page.evaluate('document.fonts.ready.then(() => true)');
      const templates = options.headerTemplate || options.footerTemplate;
      return await page.pdf({
        format: 'A4', // only for pages without an @page size
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: Boolean(templates),
        headerTemplate: options.headerTemplate ?? EMPTY_TEMPLATE,
        footerTemplate: options.footerTemplate ?? EMPTY_TEMPLATE,
      });
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  private launch(): Promise<BrowserContext> {
    if (this.session) return this.session;
    const executablePath = (this.opts.findExecutable ?? findBrowser)();
    if (!executablePath) return Promise.reject((this.opts.missing ?? browserMissing)());
    const t0 = performance.now();
    const starting = (async () => {
      try {
        // Loaded on first use: the desktop app prints with Electron and never needs it.
        const { chromium } = await import('playwright-core');
        const browser = await chromium.launch({ executablePath, args: CHROMIUM_LAUNCH_ARGS, timeout: 30_000 });
        browser.on('disconnected', () => {
          if (this.session === starting) this.session = null;
        });
        // Offline with scripts off: a page can show its own files and nothing else.
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block', acceptDownloads: false });
        this.opts.log.info('pdf browser started', { executablePath, ms: Math.round(performance.now() - t0) });
        return context;
      } catch (err) {
        this.opts.log.error('pdf browser failed to start', { executablePath, error: String(err) });
        throw new AppError(
          'INTERNAL',
          `无法启动浏览器「${executablePath}」生成 PDF：${(err as Error).message.split('\n')[0]}。请确认该浏览器能正常打开，或用环境变量 CHROMIUM_PATH 指定另一个浏览器。`,
        );
      }
    })();
    this.session = starting;
    starting.catch(() => {
      if (this.session === starting) this.session = null;
    });
    return starting;
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private scheduleIdleClose(): void {
    this.clearIdle();
    this.idleTimer = setTimeout(() => void this.close(), this.opts.idleMs ?? 30_000);
    // The timer alone must not keep a process alive (the CLI closes the backend when done).
    this.idleTimer.unref();
  }

  /** Closes the browser (if one is running); the next render starts a new one. */
  async close(): Promise<void> {
    this.clearIdle();
    const running = this.session;
    this.session = null;
    if (!running) return;
    const context = await running.catch(() => null);
    await context?.browser()?.close().catch(() => undefined);
  }
}
