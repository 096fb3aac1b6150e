// Printing an issued notice's frozen PDF. In the browser (server mode) the PDF is loaded into a
// hidden frame of the same page and the browser's print dialog opens on it: what prints is the
// stored file itself, byte for byte. The desktop bridge offers no printing of its own, so there
// the PDF opens in the computer's PDF reader, which prints it.
import type { StoredFileRef } from '../../../shared/import';
import { openFile } from '../api/client';
import { fileHref, transportName } from '../api/transport';

/** How printing works here, for the button's tooltip. */
export const printHint =
  transportName === 'http' ? '在浏览器的打印对话框中选择打印机' : '在电脑上的 PDF 阅读器中打开，从那里打印';

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
 * a new tab), the system's PDF reader in the desktop app.
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
  await openFile(file);
  return 'opened';
}
