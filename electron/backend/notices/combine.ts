// One PDF of many notices, for printing a batch in one go (pdf-lib copies the pages as they are).
import { PDFDocument } from 'pdf-lib';

/** The documents' pages one after the other; `between` is awaited after each document (a job's checkpoint). */
export async function combinePdfs(documents: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, between?: () => Promise<void>): Promise<Buffer> {
  const out = await PDFDocument.create();
  out.setTitle('执法文书（合并打印）');
  out.setCreator('清波');
  for await (const bytes of documents) {
    const doc = await PDFDocument.load(bytes);
    const pages = await out.copyPages(doc, doc.getPageIndices());
    for (const page of pages) out.addPage(page);
    await between?.();
  }
  return Buffer.from(await out.save());
}

/** How many pages a PDF has. */
export async function pageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes)).getPageCount();
}
