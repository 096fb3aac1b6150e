import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { combinePdfs, pageCount } from './combine';

async function pdfOf(pages: number, size: [number, number] = [595.28, 841.89]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage(size).drawRectangle({ x: 10, y: 10, width: 20, height: 20 });
  return doc.save();
}

describe('combinePdfs', () => {
  it('puts the documents one after the other', async () => {
    const combined = await combinePdfs([await pdfOf(1), await pdfOf(2), await pdfOf(3)]);
    expect(await pageCount(combined)).toBe(6);
  });

  it('for duplex printing, follows a document of odd length with a blank page, but not the last one', async () => {
    const docs = [await pdfOf(1), await pdfOf(2), await pdfOf(3, [600, 800]), await pdfOf(1)];
    const combined = await PDFDocument.load(await combinePdfs(docs, undefined, { duplex: true }));
    // 1 + blank, 2, 3 + blank, 1: every document starts on an odd page (the front of a sheet).
    expect(combined.getPageCount()).toBe(9);
    const sizes = combined.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())]);
    expect(sizes[1]).toEqual([595, 842]);
    expect(sizes[7]).toEqual([600, 800]);
    // Only the added pages are empty; the documents' own pages keep their content.
    const empty = combined.getPages().flatMap((p, i) => (p.node.Contents() === undefined ? [i] : []));
    expect(empty).toEqual([1, 7]);
  });
});
