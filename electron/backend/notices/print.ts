// Printing a notice: the template filled from the model into HTML that the PDF service prints
// (GB/T 9704 page, — 1 — page numbers) and into a DOCX; the bytes go to the file store, and the
// caller indexes them in the transaction that keeps them (or drops them if it never does).
import { rmSync } from 'node:fs';
import type { NoticeModel } from '../../../shared/notice';
import type { Core } from '../core';
import type { Sqlite } from '../db/open';
import type { StoredFile } from '../files/store';
import { EMPTY_TEMPLATE } from '../pdf/html';
import { noticeRenderer } from './render/index';
import type { ParsedTemplate } from './render/types';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The notice as a PDF (printed by the PDF service). */
export async function printPdf(core: Core, template: ParsedTemplate, model: NoticeModel): Promise<Buffer> {
  return core.pdf.render(noticeRenderer.html(template, model), { headerTemplate: EMPTY_TEMPLATE, footerTemplate: noticeRenderer.footer() });
}

export interface PrintedNotice {
  pdf: StoredFile;
  docx: StoredFile;
}

/** Prints PDF and DOCX and puts both in the file store (not yet indexed), named after the notice. */
export async function printAndStore(core: Core, template: ParsedTemplate, model: NoticeModel, baseName: string): Promise<PrintedNotice> {
  const [pdf, docx] = await Promise.all([printPdf(core, template, model), noticeRenderer.docx(template, model)]);
  return {
    pdf: await core.files.putBytes(pdf, `${baseName}.pdf`, PDF),
    docx: await core.files.putBytes(docx, `${baseName}.docx`, DOCX),
  };
}

/** Stores a preview PDF (never indexed: no row anywhere refers to it). */
export async function storePreview(core: Core, template: ParsedTemplate, model: NoticeModel, baseName: string): Promise<StoredFile> {
  return core.files.putBytes(await printPdf(core, template, model), `${baseName}.pdf`, PDF);
}

/** Removes stored bytes that no index row refers to (a print whose number was taken, a failed issue). */
export function discardUnindexed(core: Core, sqlite: Sqlite, files: readonly StoredFile[]): void {
  const indexed = sqlite.prepare('SELECT 1 FROM files WHERE sha256 = ?').pluck();
  for (const f of files) {
    if (indexed.get(f.sha256) !== undefined) continue;
    try {
      rmSync(core.files.pathOf(f.sha256), { force: true });
    } catch (err) {
      core.log.warn('could not remove an unused notice file', { sha256: f.sha256, error: String(err) });
    }
  }
}
