// Exporting dossiers (一企一档) as a printable PDF or a zip with every attachment.
import { z } from 'zod';
import { EnterpriseFilter } from './enterprise';
import { StoredFileRef } from './import';

/** The most enterprises one dossier export takes (a township at a time). */
export const MAX_DOSSIER_EXPORT = 500;

/**
 * Exporting dossiers: one enterprise (`enterpriseId`) or the enterprises a registry filter selects
 * (`filter`). `pdf` is the printable file alone; `zip` adds every attachment and a manifest with
 * SHA-256 hashes. A list always arrives as one zip, with a folder (zip) or a PDF (pdf) per enterprise.
 */
export const DossierExportInput = z
  .object({
    enterpriseId: z.number().int().positive().nullable().default(null).describe('企业'),
    filter: EnterpriseFilter.nullable().default(null).describe('筛选条件'),
    format: z.enum(['pdf', 'zip']).default('zip').describe('导出格式'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.enterpriseId === null) === (v.filter === null)) {
      ctx.addIssue({ code: 'custom', message: '请指定一家企业，或者一组筛选条件（二者选一）', path: ['enterpriseId'] });
    }
  });
export type DossierExportInput = z.input<typeof DossierExportInput>;

export const DossierExportResult = z.object({
  /** The PDF or zip in the file store, ready to save. */
  file: StoredFileRef,
  enterprises: z.number().int(),
  records: z.number().int(),
  attachments: z.number().int(),
  seconds: z.number(),
});
export type DossierExportResult = z.infer<typeof DossierExportResult>;
