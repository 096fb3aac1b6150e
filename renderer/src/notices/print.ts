// Printing an issued notice's frozen PDF: what prints is the stored file itself, byte for byte.
// In the desktop app the PDF opens in a print-preview window with the system print dialog on it;
// in the browser (server mode) it is loaded into a hidden frame of the page and the browser's
// print dialog opens on it.
import type { StoredFileRef } from '../../../shared/import';
import { openFile, printStoredPdf } from '../api/client';
import { fileHref, transport, transportName } from '../api/transport';

/** How printing works here, for the button's tooltip. */
export const printHint =
  transportName === 'http' || transport.printFile ? '打开打印预览，在打印对话框中选择打印机' : '在电脑上的 PDF 阅读器中打开，从那里打印';

/** A frame left over from an earlier print is removed when the next one starts. */
let lastFrame: HTMLIFrameElement | null = null;

function printInFrame(file: StoredFileRef): Promise<'printing'> {
  lastFrame?.remove();
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.title = `打印 ${file.name}`;
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0;';
    const failed = setTimeout(() => reject(new Error('打开 PDF 超时，请点「查看」后再试')), 20_000);
    frame.onload = () => {
      clearTimeout(failed);
      // The PDF viewer needs a moment after load before it can print.
      setTimeout(() => {
        try {
          frame.contentWindow?.focus();
          frame.contentWindow?.print();
          resolve('printing');
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      }, 300);
    };
    frame.src = fileHref(file, true);
    document.body.append(frame);
    lastFrame = frame;
  });
}

/**
 * Prints a stored PDF: the browser's print dialog in server mode (falling back to opening it in
 * a new tab); in the desktop app the print-preview window, or the system's PDF reader when the
 * bridge cannot print.
 */
export async function printPdf(file: StoredFileRef): Promise<'printing' | 'opened'> {
  if (transportName === 'http') {
    try {
      return await printInFrame(file);
    } catch {
      window.open(fileHref(file, true), '_blank', 'noopener');
      return 'opened';
    }
  }
  if (await printStoredPdf(file)) return 'printing';
  await openFile(file);
  return 'opened';
}
