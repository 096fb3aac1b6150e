// Reading issued notices: one by id with its frozen files, or a filtered page of them. The files
// are the stored bytes, never printed again, so a reprint is identical to what was issued.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  NoticeService, noticeTypeInfo, type Notice, type NoticeList, type NoticeListInput, type NoticeType,
} from '../../../shared/notice';
import type { Sqlite } from '../db/open';

interface NoticeRow {
  id: number;
  type: NoticeType;
  number: string;
  year: number;
  serial: number;
  enterprise_id: number;
  enterprise_name: string;
  record_id: number | null;
  campaign_id: number | null;
  dossier_record_id: number;
  fields: string;
  issued_on: string;
  issued_at: string;
  issued_by: string;
  voided_at: string | null;
  void_reason: string | null;
  corrects_id: number | null;
  corrected_by_id: number | null;
  service: string | null;
  pdf_sha256: string;
  pdf_name: string;
  pdf_size: number;
  pdf_mime: string;
  docx_sha256: string;
  docx_name: string;
  docx_size: number;
  docx_mime: string;
}

const SELECT = `SELECT n.id, n.type, n.number, n.year, n.serial, n.enterprise_id, n.enterprise_name, n.record_id, n.campaign_id,
    n.dossier_record_id, n.fields, n.issued_on, n.issued_at, n.issued_by, n.voided_at, n.void_reason, n.corrects_id, n.service,
    (SELECT c.id FROM notices c WHERE c.corrects_id = n.id ORDER BY c.id DESC LIMIT 1) AS corrected_by_id,
    n.pdf_sha256, p.name AS pdf_name, p.size AS pdf_size, p.mime AS pdf_mime,
    n.docx_sha256, d.name AS docx_name, d.size AS docx_size, d.mime AS docx_mime
  FROM notices n JOIN files p ON p.sha256 = n.pdf_sha256 JOIN files d ON d.sha256 = n.docx_sha256`;

function toNotice(r: NoticeRow): Notice {
  return {
    id: r.id,
    type: r.type,
    title: noticeTypeInfo[r.type].title,
    number: r.number,
    year: r.year,
    serial: r.serial,
    status: r.voided_at ? 'voided' : 'issued',
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    recordId: r.record_id,
    campaignId: r.campaign_id,
    dossierRecordId: r.dossier_record_id,
    fields: JSON.parse(r.fields) as Record<string, unknown>,
    issuedOn: r.issued_on,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    pdf: { sha256: r.pdf_sha256, name: r.pdf_name, size: r.pdf_size, mime: r.pdf_mime },
    docx: { sha256: r.docx_sha256, name: r.docx_name, size: r.docx_size, mime: r.docx_mime },
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    correctsId: r.corrects_id,
    correctedById: r.corrected_by_id,
    service: r.service ? NoticeService.parse(JSON.parse(r.service)) : null,
  };
}

/** One issued notice with its frozen PDF and DOCX; NOT_FOUND when there is none. */
export function getNotice(sqlite: Sqlite, id: number): Notice {
  const r = sqlite.prepare(`${SELECT} WHERE n.id = ?`).get(id) as NoticeRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到文书（编号 ${id}）`);
  return toNotice(r);
}

/** Issued notices, newest first, filtered by type, year, status, party, campaign and a search of number or party name. */
export function listNotices(sqlite: Sqlite, input: z.output<typeof NoticeListInput>): NoticeList {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (input.type) add('n.type = ?', input.type);
  if (input.year) add('n.year = ?', input.year);
  if (input.status === 'voided') add('n.voided_at IS NOT NULL');
  if (input.status === 'issued') add('n.voided_at IS NULL');
  if (input.enterpriseId) add('n.enterprise_id = ?', input.enterpriseId);
  if (input.campaignId) add('n.campaign_id = ?', input.campaignId);
  const q = input.q.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add("(n.number LIKE ? ESCAPE '\\' OR n.enterprise_name LIKE ? ESCAPE '\\')", like, like);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM notices n ${clause}`).get(...params) as { n: number }).n;
  const rows = sqlite
    .prepare(`${SELECT} ${clause} ORDER BY n.issued_at DESC, n.id DESC LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as NoticeRow[];
  return { total, rows: rows.map(toNotice) };
}
