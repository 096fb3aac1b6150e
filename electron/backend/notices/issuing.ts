// What single and bulk issuing share: the plan (everything checked before anything is printed)
// and the storing of one printed notice inside a write transaction — the number claimed, the
// files indexed, the notice row, its 文书 record in the dossier with the PDF and DOCX attached,
// and the audit row.
import type { z } from 'zod';
import { todayInChina } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { noticeTypeInfo, type NoticeFillInput, type NoticeModel, type NoticeType } from '../../../shared/notice';
import type { RequestContext } from '../context';
import type { Core, WriteScope } from '../core';
import type { Sqlite } from '../db/open';
import { addRecordInScope } from '../dossier/records';
import { checkFields } from './fields';
import { buildModel, loadSource, requireOffice, type NoticeOffice, type NoticeSource } from './model';
import { claimSerial, formatNumber, yearOf } from './numbering';
import type { PrintedNotice } from './print';
import { loadTemplate, type LoadedTemplate } from './templates';

export type FillInput = z.output<typeof NoticeFillInput>;

/** Everything a notice needs except its number, checked. */
export interface IssuePlan {
  type: NoticeType;
  office: NoticeOffice;
  source: NoticeSource;
  fields: Record<string, unknown>;
  template: LoadedTemplate;
  issuedOn: string;
  year: number;
  corrects: { id: number; number: string } | null;
}

/** The notice a correction replaces: issued, of the same type and party, and not corrected already. */
function correctedNotice(sqlite: Sqlite, input: FillInput): IssuePlan['corrects'] {
  if (input.correctsId === null) return null;
  const old = sqlite.prepare('SELECT id, type, enterprise_id, number FROM notices WHERE id = ?').get(input.correctsId) as
    | { id: number; type: NoticeType; enterprise_id: number; number: string }
    | undefined;
  if (!old) throw new AppError('NOT_FOUND', `找不到要更正的文书（编号 ${input.correctsId}）`, { field: 'correctsId' });
  if (old.type !== input.type) {
    throw new AppError('VALIDATION', `更正的文书：${old.number}是${noticeTypeInfo[old.type].title}，更正文书应为同一种类`, { field: 'correctsId' });
  }
  if (old.enterprise_id !== input.enterpriseId) throw new AppError('VALIDATION', `更正的文书：${old.number}不是这个当事人的文书`, { field: 'correctsId' });
  assertNotCorrected(sqlite, old.id, old.number);
  return { id: old.id, number: old.number };
}

function assertNotCorrected(sqlite: Sqlite, id: number, number: string): void {
  const later = sqlite.prepare('SELECT number FROM notices WHERE corrects_id = ?').pluck().get(id) as string | undefined;
  if (later) throw new AppError('CONFLICT', `${number}已由${later}更正，请对最新的${later}进行更正`, { field: 'correctsId' });
}

/** Checks the office, the source, the fields, the notice corrected and the template; nothing is printed yet. */
export function planIssue(core: Core, input: FillInput, issuedOn = todayInChina()): IssuePlan {
  const office = requireOffice(core);
  const source = loadSource(core.sqlite, input);
  const fields = checkFields(input.type, input.fields, issuedOn);
  const corrects = correctedNotice(core.sqlite, input);
  return { type: input.type, office, source, fields, template: loadTemplate(core, input.type), issuedOn, year: yearOf(issuedOn), corrects };
}

/** The number a plan prints with `serial`. */
export const numberOf = (plan: IssuePlan, serial: number): string => formatNumber(plan.office.abbrev, plan.type, plan.year, serial);

/** The model of the plan's notice with its number. */
export function modelOf(plan: Pick<IssuePlan, 'type' | 'office' | 'source' | 'fields' | 'issuedOn' | 'corrects'>, number: string | null): NoticeModel {
  return buildModel({ ...plan, number, corrects: plan.corrects?.number ?? null });
}

/** The file name of a notice (without extension): 责令改正通知书-华市监责改〔2026〕1号-某某商行. */
export const fileBaseName = (plan: Pick<IssuePlan, 'type' | 'source'>, number: string | null): string =>
  `${noticeTypeInfo[plan.type].title}-${number ?? '预览'}-${plan.source.enterprise.name}`.slice(0, 180);

// The id the notice will get: its 文书 record names it before the notice row exists.
function nextNoticeId(sqlite: Sqlite): number {
  const seq = sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'notices'").pluck().get() as number | undefined;
  const max = sqlite.prepare('SELECT coalesce(max(id), 0) FROM notices').pluck().get() as number;
  return Math.max(seq ?? 0, max) + 1;
}

/**
 * Inside a write: claims `serial` (SerialTaken when it is no longer the next number), indexes the
 * printed files, inserts the notice and its 文书 dossier record, and audits. Returns the notice id.
 */
export function storeIssued(core: Core, ctx: RequestContext, scope: WriteScope, plan: IssuePlan, serial: number, model: NoticeModel, printed: PrintedNotice): number {
  const sqlite = core.sqlite;
  claimSerial(sqlite, plan.type, plan.year, serial);
  if (plan.corrects) assertNotCorrected(sqlite, plan.corrects.id, plan.corrects.number);
  const number = numberOf(plan, serial);
  core.files.register(sqlite, printed.pdf);
  core.files.register(sqlite, printed.docx);
  const id = nextNoticeId(sqlite);
  const title = noticeTypeInfo[plan.type].title;
  const attachments = [printed.pdf, printed.docx].map((f) => ({ sha256: f.sha256, name: f.name, mime: f.mime, size: f.size }));
  const record = addRecordInScope(core, ctx, scope, plan.source.enterprise.id, {
    kind: 'notice',
    occurredOn: plan.issuedOn,
    data: { noticeId: id, type: plan.type, title, number },
    attachments,
    sourceId: plan.source.record?.id ?? null,
  });
  const now = new Date().toISOString();
  sqlite
    .prepare(
      `INSERT INTO notices (id, type, enterprise_id, enterprise_name, record_id, campaign_id, dossier_record_id, year, serial, number,
         fields, model, template_sha256, pdf_sha256, docx_sha256, issued_on, issued_at, issued_by, corrects_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, plan.type, plan.source.enterprise.id, model.party.name, plan.source.record?.id ?? null, plan.source.campaign?.id ?? null, record.id,
      plan.year, serial, number, JSON.stringify(plan.fields), JSON.stringify(model), plan.template.sha256, printed.pdf.sha256,
      printed.docx.sha256, plan.issuedOn, now, ctx.actor, plan.corrects?.id ?? null);
  scope.audit({
    entity: 'notice',
    entityId: id,
    after: {
      type: plan.type, number, enterpriseId: plan.source.enterprise.id, recordId: plan.source.record?.id ?? null, issuedOn: plan.issuedOn,
      pdfSha256: printed.pdf.sha256, docxSha256: printed.docx.sha256, templateSha256: plan.template.sha256, correctsId: plan.corrects?.id ?? null,
    },
  });
  return id;
}
