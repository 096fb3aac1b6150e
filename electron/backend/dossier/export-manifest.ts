// manifest.json of an exported dossier: what the zip holds and the SHA-256 of every file, so
// whoever receives it (a court, the city bureau, the next clerk) can check nothing was changed.
import { recordKindLabels } from '../../../shared/dossier';
import type { DossierModel } from './export-model';

export interface ManifestFile {
  /** Path inside the zip, relative to the folder holding this manifest. */
  path: string;
  size: number;
  sha256: string;
  /** The record the file is attached to; null for the PDF itself. */
  recordId: number | null;
  name: string;
  mime: string;
}

export interface DossierManifest {
  format: 'qingbo-dossier';
  version: 1;
  exportedAt: string;
  printedOn: string;
  office: string | null;
  paths: string;
  enterprise: {
    id: number;
    name: string;
    uscc: string | null;
    entityType: string;
    legalRep: string | null;
    address: string | null;
    township: string | null;
    industryCode: string | null;
    status: string;
    supervisionClass: string;
    creditClass: string | null;
  };
  pdf: { path: string; size: number; sha256: string };
  records: {
    id: number;
    kind: string;
    kindLabel: string;
    occurredOn: string;
    summary: string;
    voided: boolean;
    voidReason: string | null;
    sourceId: number | null;
    attachments: number;
  }[];
  files: ManifestFile[];
}

export interface BatchManifest {
  format: 'qingbo-dossier-batch';
  version: 1;
  exportedAt: string;
  office: string | null;
  /** zip: a folder per enterprise (PDF, attachments, its own manifest); pdf: a PDF per enterprise. */
  layout: 'zip' | 'pdf';
  paths: string;
  enterprises: {
    id: number;
    name: string;
    uscc: string | null;
    /** The enterprise's folder (zip layout) or PDF (pdf layout). */
    path: string;
    records: number;
    attachments: number;
    pdf: { path: string; size: number; sha256: string };
  }[];
  /** Every file in the zip except the manifests, paths from the zip's root. */
  files: (ManifestFile & { enterpriseId: number })[];
}

export const PATHS_NOTE = '路径相对于本文件所在的文件夹';

/** The manifest of one enterprise's folder. */
export function dossierManifest(m: DossierModel, pdf: DossierManifest['pdf'], files: ManifestFile[], exportedAt: string): DossierManifest {
  const x = m.enterprise;
  return {
    format: 'qingbo-dossier',
    version: 1,
    exportedAt,
    printedOn: m.printedOn,
    office: m.officeName,
    paths: PATHS_NOTE,
    enterprise: {
      id: x.id,
      name: x.name,
      uscc: x.uscc,
      entityType: x.entityType,
      legalRep: x.legalRep,
      address: x.address,
      township: x.townshipName,
      industryCode: x.industryCode,
      status: x.status,
      supervisionClass: x.supervisionClass,
      creditClass: x.creditClass,
    },
    pdf,
    records: m.records.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: recordKindLabels[r.kind],
      occurredOn: r.occurredOn,
      summary: r.summary,
      voided: r.voidedAt !== null,
      voidReason: r.voidReason,
      sourceId: r.sourceId,
      attachments: r.attachments.length,
    })),
    files,
  };
}

/** JSON as written into the zip: indented, UTF-8, ending in a newline. */
export const manifestBytes = (manifest: DossierManifest | BatchManifest): Buffer => Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
