// The desktop app prints HTML to PDF with Electron's own Chromium: a hidden window per document
// in a separate in-memory session that reaches nothing but the document's temporary folder, then
// webContents.printToPDF. Injected into the backend at start-up in place of the system browser.
import { BrowserWindow, session, type Session } from 'electron';
import { writeDocumentFolder } from '../backend/pdf/document';
import { EMPTY_TEMPLATE } from '../backend/pdf/html';
import { DEFAULT_RENDER_TIMEOUT_MS, type PdfRenderOptions, type PdfRenderer } from '../backend/pdf/renderer';

const PARTITION = 'qingbo-pdf';

/** Rejects with a clear message when `p` takes longer than `ms`. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}超过 ${Math.round(ms / 1000)} 秒没有完成`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export class ElectronPdfRenderer implements PdfRenderer {
  private ses: Session | null = null;
  private readonly windows = new Set<BrowserWindow>();

  /** The printing session, made on first use (sessions exist only once the app is ready). */
  private printingSession(): Session {
    if (this.ses) return this.ses;
    const ses = session.fromPartition(PARTITION, { cache: false });
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('file:') }));
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    this.ses = ses;
    return ses;
  }

  /** Prints `html` in a hidden window; the window and the temporary folder are gone afterwards. */
  async render(html: string, options: PdfRenderOptions = {}): Promise<Buffer> {
    const timeout = options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
    const folder = await writeDocumentFolder(html, options.assets);
    const win = new BrowserWindow({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: {
        session: this.printingSession(),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
        backgroundThrottling: false,
      },
    });
    this.windows.add(win);
    try {
      await within(win.loadURL(folder.url), timeout, '打开待打印的文档');
      // The page's own scripts are blocked by its policy; this one is the app's. Fonts are local,
      // so a failure here only risks a fallback face, not a missing page.
      await within(win.webContents.executeJavaScript('document.fonts.ready.then(() => true)'), 5_000, '加载字体').catch(() => false);
      const templates = options.headerTemplate || options.footerTemplate;
      return await within(
        win.webContents.printToPDF({
          pageSize: 'A4',
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: Boolean(templates),
          headerTemplate: options.headerTemplate ?? EMPTY_TEMPLATE,
          footerTemplate: options.footerTemplate ?? EMPTY_TEMPLATE,
        }),
        timeout,
        '生成 PDF',
      );
    } finally {
      this.windows.delete(win);
      if (!win.isDestroyed()) win.destroy();
      await folder.dispose();
    }
  }

  /** Closes any window still printing. */
  async close(): Promise<void> {
    for (const w of this.windows) if (!w.isDestroyed()) w.destroy();
    this.windows.clear();
  }
}
