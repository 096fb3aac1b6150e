// 打印预览 in the desktop app: a stored PDF in a window of its own, where Chromium's PDF viewer is
// the preview, with the system print dialog opened on it. What prints is the frozen file itself.
import { BrowserWindow } from 'electron';
import { pathToFileURL } from 'node:url';
import type { Logger } from '../backend/log';

/** Shows `pdfPath` in a preview window and opens the print dialog on it; resolves once the dialog is open. */
export async function printPdfFile(pdfPath: string, title: string, log: Logger, parent?: BrowserWindow): Promise<void> {
  const win = new BrowserWindow({
    width: 900,
    height: 1000,
    title: `打印预览 — ${title}`,
    show: false,
    autoHideMenuBar: true,
    ...(parent ? { parent } : {}),
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // The built-in PDF viewer is a plugin.
      plugins: true,
    },
  });
  await win.loadURL(pathToFileURL(pdfPath).href);
  win.show();
  // The viewer lays out its pages after the load event; printing before that prints blank pages.
  await new Promise((resolve) => setTimeout(resolve, 600));
  if (win.isDestroyed()) return;
  win.webContents.print({ silent: false, printBackground: true }, (printed, reason) => {
    if (!printed && reason !== 'Print job canceled') log.warn('printing a stored pdf failed', { title, reason });
  });
}
