// One PDF of many notices, for printing a batch in one go (pdf-lib copies the pages as they are).
// pdf-lib is loaded when first needed: it would add a twentieth of a second to every start.
const pdfLib = () => import('pdf-lib');

/**
 * The documents' pages one after the other; `between` is awaited after each document (a job's
 * checkpoint). With `duplex`, a document with an odd number of pages is followed by a blank page of
 * its last page's size, so that printed on both sides every document starts on a sheet of its own.
 */
export async function combinePdfs(
  documents: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  between?: () => Promise<void>,
  options: { duplex?: boolean } = {},
): Promise<Buffer> {
  const { PDFDocument } = await pdfLib();
  const out = await PDFDocument.create();
  out.setTitle('执法文书（合并打印）');
  out.setCreator('清波');
  let pending: [number, number] | null = null;
  for await (const bytes of documents) {
    // The blank after a document is added only once another follows: the batch never ends on one.
    if (pending) out.addPage(pending);
    const doc = await PDFDocument.load(bytes);
    const pages = await out.copyPages(doc, doc.getPageIndices());
    for (const page of pages) out.addPage(page);
    const last = pages.at(-1);
    pending = options.duplex && last && pages.length % 2 === 1 ? [last.getWidth(), last.getHeight()] : null;
    await between?.();
  }
  return Buffer.from(await out.save());
}

/** How many pages a PDF has. */
export async function pageCount(bytes: Uint8Array): Promise<number> {
  const { PDFDocument } = await pdfLib();
  return (await PDFDocument.load(bytes)).getPageCount();
}
