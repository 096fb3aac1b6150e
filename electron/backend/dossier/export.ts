// Exporting dossiers to a file: one enterprise's PDF, its zip (PDF, every attachment, manifest),
// or one zip for a list of enterprises. Enterprises are done one after another and each one's
// entries are written out before the next PDF is printed, so memory stays small for 500 of them.
import { createHash } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { maskPhone } from '../../../shared/accounts';
import { todayInChina } from '../../../shared/dates';
import { recordKindLabels } from '../../../shared/dossier';
import type { Core } from '../core';
import type { Sqlite } from '../db/open';
import { dossierDocument } from './export-html';
import { dossierManifest, manifestBytes, PATHS_NOTE, type BatchManifest, type ManifestFile } from './export-manifest';
import { loadDossierModel, type DossierModel } from './export-model';
import { safeSegment, UniqueNames } from './export-names';
import { ZipWriter } from './export-zip';

export type DossierFormat = 'pdf' | 'zip';

export interface DossierExportHooks {
  /** The connection to read with (a job's own); default the backend's. */
  sqlite?: Sqlite;
  /** Progress from 0 to 1 with a message for the clerk. */
  progress?: (fraction: number, message: string) => void;
  /** Runs between steps; throws to stop the export (a cancelled job). */
  checkpoint?: () => Promise<void>;
  /** The print date (default today in China). */
  today?: string;
  /** Masks the enterprise's phone number (a caller whose role does not see personal data). */
  maskPhone?: boolean;
}

export interface DossierExportSummary {
  enterprises: number;
  records: number;
  attachments: number;
  /** The printed PDF's SHA-256 (of the one enterprise; null for a list). */
  pdfSha256: string | null;
  /** Size of the written file. */
  bytes: number;
  /** Time spent printing PDFs, in milliseconds. */
  renderMs: number;
}

export interface RenderedDossier {
  model: DossierModel;
  pdf: Buffer;
  sha256: string;
  renderMs: number;
}

const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Prints one enterprise's dossier to PDF bytes (the model is returned for the zip and manifest). */
export async function renderDossierPdf(
  core: Core,
  sqlite: Sqlite,
  enterpriseId: number,
  today = todayInChina(),
  options: { maskPhone?: boolean } = {},
): Promise<RenderedDossier> {
  const loaded = await loadDossierModel(core, sqlite, enterpriseId, today);
  const phone = loaded.enterprise.phone;
  const model = options.maskPhone && phone ? { ...loaded, enterprise: { ...loaded.enterprise, phone: maskPhone(phone) } } : loaded;
  const doc = dossierDocument(model);
  const t0 = performance.now();
  const pdf = await core.pdf.render(doc.html, { assets: doc.assets, footerTemplate: doc.footerTemplate });
  return { model, pdf, sha256: sha256Of(pdf), renderMs: performance.now() - t0 };
}

/** The PDF's name in a zip: 企业名称-企业档案.pdf. */
export const pdfNameOf = (m: DossierModel): string => safeSegment(`${m.enterprise.name}-企业档案.pdf`);

/** Writes one enterprise's dossier to `out`: the PDF alone, or a zip with the PDF, every attachment and manifest.json. */
export async function exportDossier(
  core: Core,
  enterpriseId: number,
  format: DossierFormat,
  out: string,
  hooks: DossierExportHooks = {},
): Promise<DossierExportSummary> {
  if (format === 'zip') return writeZip(core, [enterpriseId], 'zip', false, out, hooks);
  const sqlite = hooks.sqlite ?? core.sqlite;
  hooks.progress?.(0.1, '正在生成档案 PDF…');
  const r = await renderDossierPdf(core, sqlite, enterpriseId, hooks.today, { maskPhone: hooks.maskPhone ?? false });
  await hooks.checkpoint?.();
  await writeFile(out, r.pdf);
  return {
    enterprises: 1,
    records: r.model.records.length,
    attachments: r.model.records.reduce((n, x) => n + x.attachments.length, 0),
    pdfSha256: r.sha256,
    bytes: r.pdf.length,
    renderMs: r.renderMs,
  };
}

/** Writes the dossiers of several enterprises to one zip at `out`: a folder (zip) or a PDF (pdf) each, and a manifest. */
export async function exportDossiers(
  core: Core,
  enterpriseIds: readonly number[],
  format: DossierFormat,
  out: string,
  hooks: DossierExportHooks = {},
): Promise<DossierExportSummary> {
  return writeZip(core, enterpriseIds, format, true, out, hooks);
}

interface Totals {
  records: number;
  attachments: number;
  renderMs: number;
  pdfSha256: string | null;
}

async function writeZip(
  core: Core,
  ids: readonly number[],
  layout: DossierFormat,
  batch: boolean,
  out: string,
  hooks: DossierExportHooks,
): Promise<DossierExportSummary> {
  const sqlite = hooks.sqlite ?? core.sqlite;
  const exportedAt = new Date().toISOString();
  const zip = new ZipWriter(out);
  const totals: Totals = { records: 0, attachments: 0, renderMs: 0, pdfSha256: null };
  const rootNames = new UniqueNames();
  const batchManifest: BatchManifest = {
    format: 'qingbo-dossier-batch',
    version: 1,
    exportedAt,
    office: null,
    layout,
    paths: PATHS_NOTE,
    enterprises: [],
    files: [],
  };
  const step = (i: number, within: number, message: string) => hooks.progress?.((i + within) / ids.length, message);
  try {
    for (const [i, id] of ids.entries()) {
      await hooks.checkpoint?.();
      const who = ids.length > 1 ? `第 ${i + 1} / ${ids.length} 家：` : '';
      step(i, 0.05, `${who}正在生成档案 PDF…`);
      const r = await renderDossierPdf(core, sqlite, id, hooks.today, { maskPhone: hooks.maskPhone ?? false });
      await hooks.checkpoint?.();
      const m = r.model;
      batchManifest.office = m.officeName;
      totals.records += m.records.length;
      totals.renderMs += r.renderMs;
      if (!batch) totals.pdfSha256 = r.sha256;
      const label = `${m.enterprise.name}_${m.enterprise.uscc ?? `编号${m.enterprise.id}`}`;
      const pdfRef = (path: string) => ({ path, size: r.pdf.length, sha256: r.sha256 });
      const entry = { id: m.enterprise.id, name: m.enterprise.name, uscc: m.enterprise.uscc };
      const attachmentCount = m.records.reduce((n, x) => n + x.attachments.length, 0);

      if (layout === 'pdf') {
        // A list as PDFs only: one file per enterprise at the root.
        const path = rootNames.claim(safeSegment(`${label}.pdf`));
        batchManifest.enterprises.push({ ...entry, path, records: m.records.length, attachments: attachmentCount, pdf: pdfRef(path) });
        batchManifest.files.push({ ...pdfRef(path), recordId: null, name: path, mime: 'application/pdf', enterpriseId: id });
        const written = new Promise<void>((resolve) => zip.addLater(path, () => (resolve(), r.pdf), false));
        await zip.until(written);
        continue;
      }

      const folder = batch ? rootNames.claim(safeSegment(label)) : '';
      const prefix = folder ? `${folder}/` : '';
      const pdfName = pdfNameOf(m);
      zip.addBytes(`${prefix}${pdfName}`, r.pdf, false);
      const files: ManifestFile[] = [{ ...pdfRef(pdfName), recordId: null, name: pdfName, mime: 'application/pdf' }];
      let done = 0;
      for (const rec of m.records) {
        if (!rec.attachments.length) continue;
        const dir = `附件/${safeSegment(`${rec.occurredOn}_${recordKindLabels[rec.kind]}_${rec.id}`)}`;
        const names = new UniqueNames();
        for (const a of rec.attachments) {
          const path = `${dir}/${names.claim(safeSegment(a.name, '附件'))}`;
          files.push({ path, size: a.size, sha256: a.sha256, recordId: rec.id, name: a.name, mime: a.mime });
          zip.addStoredFile(`${prefix}${path}`, {
            file: a.file,
            sha256: a.sha256,
            compress: !a.imageMime && !/^(video|audio)\/|zip|pdf|compressed/.test(a.mime),
            describe: `${rec.occurredOn} ${recordKindLabels[rec.kind]}（记录 ${rec.id}）的附件「${a.name}」`,
            before: async () => {
              done++;
              step(i, 0.6 + (0.4 * done) / attachmentCount, `${who}正在打包附件 ${done} / ${attachmentCount}`);
              await hooks.checkpoint?.();
            },
          });
        }
      }
      totals.attachments += attachmentCount;
      batchManifest.enterprises.push({ ...entry, path: folder || '.', records: m.records.length, attachments: attachmentCount, pdf: pdfRef(`${prefix}${pdfName}`) });
      for (const f of files) batchManifest.files.push({ ...f, path: `${prefix}${f.path}`, enterpriseId: id });
      const manifest = manifestBytes(dossierManifest(m, pdfRef(pdfName), files, exportedAt));
      // The folder's manifest comes last: once its turn comes, everything before it is on disk.
      const written = new Promise<void>((resolve) => zip.addLater(`${prefix}manifest.json`, () => (resolve(), manifest), true));
      await zip.until(written);
    }
    if (batch) zip.addBytes('manifest.json', manifestBytes(batchManifest), true);
    hooks.progress?.(0.99, '正在完成压缩包…');
    await zip.finish();
  } catch (err) {
    zip.abort();
    // A half-written zip must not pass for an export.
    await rm(out, { force: true });
    throw err;
  }
  return { enterprises: ids.length, ...totals, bytes: statSync(out).size };
}
