// What a dossier export prints: the enterprise as the registry has it, the summary, and every
// record (voided ones too) newest first with its deadlines and attachments, each attachment
// checked to be in the file store and sniffed for whether a PDF can show it as a picture.
import { open } from 'node:fs/promises';
import { todayInChina } from '../../../shared/dates';
import type { Attachment, Deadline, Dossier, DossierRecord } from '../../../shared/dossier';
import { recordKindLabels } from '../../../shared/dossier';
import type { Enterprise } from '../../../shared/enterprise';
import { AppError } from '../../../shared/errors';
import type { Core } from '../core';
import type { Sqlite } from '../db/open';
import { getEnterprise } from '../registry/repo';
import { getOffice } from '../settings/office';
import { getDossier } from './read';

export interface DossierAttachment extends Attachment {
  /** Where the bytes are (the file store). */
  file: string;
  /** The picture type read from the bytes themselves, or null for anything a PDF cannot show. */
  imageMime: string | null;
}

export interface DossierExportRecord extends Omit<DossierRecord, 'attachments'> {
  attachments: DossierAttachment[];
}

export interface DossierModel {
  enterprise: Enterprise;
  /** The office that keeps the file (本单位), when set up. */
  officeName: string | null;
  /** The day the file is printed (YYYY-MM-DD, China time). */
  printedOn: string;
  summary: Dossier['summary'];
  openDeadlines: Deadline[];
  /** All records newest first, voided ones included (marked). */
  records: DossierExportRecord[];
}

// Magic numbers of the picture formats Chromium and Electron draw into a PDF. The stored MIME
// type came from the clerk's browser and cannot be trusted to be right.
const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { mime: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mime: 'image/bmp', test: (b) => b.subarray(0, 2).toString('latin1') === 'BM' },
];

/** The picture type of a file from its first bytes, or null. */
export async function sniffImage(file: string): Promise<string | null> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    return SIGNATURES.find((s) => s.test(bytes))?.mime ?? null;
  } finally {
    await handle.close();
  }
}

const PAGE = 500;

/** Everything the dossier PDF and zip show for one enterprise; INTEGRITY when an attachment's file is missing. */
export async function loadDossierModel(core: Core, sqlite: Sqlite, enterpriseId: number, today = todayInChina()): Promise<DossierModel> {
  const enterprise = getEnterprise(sqlite, enterpriseId);
  const query = { enterpriseId, kinds: [], year: null, includeVoided: true, limit: PAGE };
  const first = getDossier(sqlite, { ...query, offset: 0 }, today);
  const records: DossierRecord[] = [...first.records];
  while (records.length < first.total) {
    const page = getDossier(sqlite, { ...query, offset: records.length }, today).records;
    if (!page.length) break;
    records.push(...page);
  }
  const withFiles: DossierExportRecord[] = [];
  for (const r of records) {
    const attachments: DossierAttachment[] = [];
    for (const a of r.attachments) {
      const file = core.files.pathOf(a.sha256);
      const imageMime = await sniffImage(file).catch(() => {
        throw new AppError(
          'INTEGRITY',
          `${r.occurredOn} ${recordKindLabels[r.kind]}（记录 ${r.id}）的附件「${a.name}」在文件库中找不到。请运行 qingbo check 检查数据，或从备份恢复后再导出。`,
          { recordId: r.id, sha256: a.sha256 },
        );
      });
      attachments.push({ ...a, file, imageMime });
    }
    withFiles.push({ ...r, attachments });
  }
  const office = getOffice({ ...core, sqlite });
  return {
    enterprise,
    officeName: office?.name ?? null,
    printedOn: today,
    summary: first.summary,
    openDeadlines: first.openDeadlines,
    records: withFiles,
  };
}
