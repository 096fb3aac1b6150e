// Creating, editing and voiding dossier records: each one transaction with its audit row, its
// attachments and its deadlines. An unqualified sampling result opens the follow-up chain of
// SAMR Order 18 (an order to correct with its deadline and 复查 deadline); a credit or
// supervision-class record changes the enterprise's current class.
import { existsSync } from 'node:fs';
import {
  NOTICE_RECORD_REFUSED, recordFields, recordKindLabels, type Attachment, type DossierRecord, type RecordKind, type RecordSaved,
} from '../../../shared/dossier';
import { AppError } from '../../../shared/errors';
import { deadline as countDeadline } from '../../../shared/workdays';
import type { RequestContext } from '../context';
import { write, type Core, type WriteScope } from '../core';
import type { Sqlite } from '../db/open';
import { campaignOfRecord, markResultVoided } from '../campaigns/record-link';
import { safeFileName } from '../files/store';
import { holidayCalendar } from '../reference/holidays';
import { getEnterprise } from '../registry/repo';
import { deriveDeadlines, writeDeadlines } from './deadlines';
import { getRecord } from './read';
import { getDeadlineRules } from './rules';
import { summaryOf } from './summary';

export interface RecordSaveInput {
  kind: RecordKind;
  occurredOn: string;
  data: Record<string, unknown>;
  attachments: Attachment[];
}

interface StoredRecord {
  id: number;
  enterprise_id: number;
  kind: RecordKind;
  occurred_on: string;
  data: string;
  township_code: string | null;
  voided_at: string | null;
  updated_at: string;
}

/** The kind's fields parsed (the contract checked them already; this also gives defaults), plus date checks. */
function parseFields(kind: RecordKind, occurredOn: string, raw: Record<string, unknown>): Record<string, unknown> {
  const parsed = recordFields[kind].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('VALIDATION', `${recordKindLabels[kind]}：${issue.message}`, { field: ['data', ...issue.path].join('.') });
  }
  const data = parsed.data as Record<string, unknown>;
  const notBefore = (field: string, label: string) => {
    const v = data[field];
    if (typeof v === 'string' && v < occurredOn) {
      throw new AppError('VALIDATION', `${label}（${v}）早于记录日期（${occurredOn}），请核对`, { field: `data.${field}` });
    }
  };
  if (kind === 'rectification') {
    notBefore('deadlineOn', '整改期限');
    notBefore('recheckDueOn', '复查期限');
    notBefore('recheckOn', '复查日期');
    if (data.recheckOn && !data.outcome) throw new AppError('VALIDATION', '填写了复查日期，请同时选择复查结果', { field: 'data.outcome' });
  }
  if (kind === 'supervision') {
    notBefore('deadlineOn', '办结期限');
    notBefore('closedOn', '办结日期');
  }
  if (kind === 'sampling') {
    notBefore('resultReceivedOn', '收到检验结果日期');
    if (data.result === '不合格' && (data.unqualifiedItems as unknown[]).length === 0) {
      throw new AppError('VALIDATION', '检验结论为不合格，请至少填写一个不合格项目', { field: 'data.unqualifiedItems' });
    }
    if (data.result === '合格' && (data.unqualifiedItems as unknown[]).length > 0) {
      throw new AppError('VALIDATION', '检验结论为合格，却填写了不合格项目，请核对', { field: 'data.unqualifiedItems' });
    }
  }
  if (kind === 'complaint') notBefore('repliedOn', '答复日期');
  return data;
}

/** Every attachment must already be in the file store (uploaded); names are made safe; files are indexed once. */
function linkAttachments(core: Core, recordId: number, attachments: Attachment[]): void {
  core.sqlite.prepare('DELETE FROM record_files WHERE record_id = ?').run(recordId);
  const index = core.sqlite.prepare('INSERT OR IGNORE INTO files (sha256, size, mime, name, created_at) VALUES (?, ?, ?, ?, ?)');
  const link = core.sqlite.prepare('INSERT OR IGNORE INTO record_files (record_id, sha256, name, mime, size, position) VALUES (?, ?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  attachments.forEach((a, i) => {
    const name = safeFileName(a.name);
    if (!existsSync(core.files.pathOf(a.sha256))) {
      throw new AppError('VALIDATION', `附件「${name}」没有上传完整，请重新添加`, { field: `attachments.${i}` });
    }
    index.run(a.sha256, a.size, a.mime, name, now);
    link.run(recordId, a.sha256, name, a.mime, a.size, i);
  });
}

/** Credit and supervision-class records set the enterprise's current class; the value before is kept on the record. */
function applyClassChange(core: Core, scope: WriteScope, enterpriseId: number, kind: RecordKind, data: Record<string, unknown>, reason: string): void {
  if (kind !== 'credit' && kind !== 'supervisionClass') return;
  const e = getEnterprise(core.sqlite, enterpriseId);
  const column = kind === 'credit' ? 'credit_class' : 'supervision_class';
  const before = kind === 'credit' ? e.creditClass : e.supervisionClass;
  data.from = before;
  if (before === data.to) return;
  core.sqlite.prepare(`UPDATE enterprises SET ${column} = ?, updated_at = ? WHERE id = ?`).run(data.to, new Date().toISOString(), enterpriseId);
  const field = kind === 'credit' ? 'creditClass' : 'supervisionClass';
  scope.audit({ entity: 'enterprise', entityId: enterpriseId, before: { [field]: before }, after: { [field]: data.to }, reason });
}

function insertRecord(
  core: Core,
  ctx: RequestContext,
  enterpriseId: number,
  input: { kind: RecordKind; occurredOn: string; data: Record<string, unknown>; sourceId: number | null },
): number {
  const e = getEnterprise(core.sqlite, enterpriseId);
  const now = new Date().toISOString();
  return Number(
    core.sqlite
      .prepare(
        `INSERT INTO dossier_records (enterprise_id, kind, occurred_on, summary, data, source_id, township_code, enterprise_archived,
           created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(enterpriseId, input.kind, input.occurredOn, summaryOf(input.kind, input.data as never), JSON.stringify(input.data),
        input.sourceId, e.townshipCode, e.archived ? 1 : 0, ctx.actor, now, now).lastInsertRowid,
  );
}

function refreshDeadlines(core: Core, id: number): string[] {
  const r = core.sqlite.prepare('SELECT * FROM dossier_records WHERE id = ?').get(id) as StoredRecord;
  const derived = deriveDeadlines(r.kind, r.occurred_on, JSON.parse(r.data) as Record<string, unknown>, getDeadlineRules(core.sqlite), holidayCalendar());
  writeDeadlines(core.sqlite, { id, enterpriseId: r.enterprise_id, townshipCode: r.township_code, voided: r.voided_at !== null }, derived);
  return derived.flatMap((d) => d.warnings);
}

/** An unqualified sampling result opens its order to correct (once): 60 days to correct, 复查 within 75, from the rules. */
function openFollowUp(core: Core, ctx: RequestContext, scope: WriteScope, sampling: { id: number; enterpriseId: number; occurredOn: string; data: Record<string, unknown> }): number | null {
  if (sampling.data.result !== '不合格') return null;
  const existing = core.sqlite.prepare("SELECT id FROM dossier_records WHERE source_id = ? AND kind = 'rectification'").get(sampling.id);
  if (existing) return null;
  const rules = getDeadlineRules(core.sqlite);
  const cal = holidayCalendar();
  const start = (sampling.data.resultReceivedOn as string | null) ?? sampling.occurredOn;
  const correct = countDeadline(cal, start, rules.correct.days, rules.correct.unit, { extendPastRestDays: rules.extendPastRestDays });
  const recheck = countDeadline(cal, start, rules.recheck.days, rules.recheck.unit, { extendPastRestDays: rules.extendPastRestDays });
  const items = (sampling.data.unqualifiedItems as { item: string }[]).map((i) => i.item).join('、');
  const data = recordFields.rectification.parse({
    problem: `监督抽查不合格：${String(sampling.data.product)}${sampling.data.batch ? `（${String(sampling.data.batch)}）` : ''}，不合格项目：${items}`,
    legalBasis: '《产品质量监督抽查管理暂行办法》（国家市场监督管理总局令第18号）',
    requirement: '立即停止生产、销售同一产品，查明原因，限期整改；整改完成后报送整改报告，接受复查。',
    deadlineOn: correct.date,
    recheckDueOn: recheck.date,
  }) as Record<string, unknown>;
  const id = insertRecord(core, ctx, sampling.enterpriseId, { kind: 'rectification', occurredOn: start, data, sourceId: sampling.id });
  scope.audit({ entity: 'dossier_record', entityId: id, after: { kind: 'rectification', occurredOn: start, data, sourceId: sampling.id } });
  return id;
}

/**
 * Adds a record inside the caller's write (a campaign result adds its 专项检查 record this way):
 * fields parsed, attachments linked, audit row and deadlines written. Returns the id and warnings.
 */
export function addRecordInScope(
  core: Core,
  ctx: RequestContext,
  scope: WriteScope,
  enterpriseId: number,
  input: RecordSaveInput & { sourceId?: number | null },
): { id: number; warnings: string[] } {
  const data = parseFields(input.kind, input.occurredOn, input.data);
  const reason = typeof data.reason === 'string' ? data.reason : null;
  applyClassChange(core, scope, enterpriseId, input.kind, data, reason ?? '');
  const id = insertRecord(core, ctx, enterpriseId, { kind: input.kind, occurredOn: input.occurredOn, data, sourceId: input.sourceId ?? null });
  linkAttachments(core, id, input.attachments);
  scope.audit({
    entity: 'dossier_record',
    entityId: id,
    after: { enterpriseId, kind: input.kind, occurredOn: input.occurredOn, data, attachments: input.attachments.map((a) => a.name), sourceId: input.sourceId ?? null },
    reason,
  });
  return { id, warnings: refreshDeadlines(core, id) };
}

// 文书 records hold an issued notice's frozen copy: only issuing makes them, and they change only through the notice.
const NOTICE_ONLY = NOTICE_RECORD_REFUSED;

/** Adds a record to an enterprise's file (an archived enterprise is allowed, and the record is flagged). */
export function createRecord(core: Core, ctx: RequestContext, enterpriseId: number, input: RecordSaveInput): RecordSaved {
  if (input.kind === 'notice') throw new AppError('VALIDATION', NOTICE_ONLY, { field: 'kind' });
  const data = parseFields(input.kind, input.occurredOn, input.data);
  return write(core, ctx, 'dossier.create', (scope) => {
    const e = getEnterprise(core.sqlite, enterpriseId);
    const { id, warnings } = addRecordInScope(core, ctx, scope, enterpriseId, { ...input, data });
    const opened: number[] = [];
    if (input.kind === 'sampling') {
      const follow = openFollowUp(core, ctx, scope, { id, enterpriseId, occurredOn: input.occurredOn, data });
      if (follow) {
        opened.push(follow);
        warnings.push(...refreshDeadlines(core, follow));
      }
    }
    if (e.archived) warnings.unshift(`「${e.name}」已归档，记录已保存并标注「归档后记录」`);
    return { record: getRecord(core.sqlite, id), opened: opened.map((o) => getRecord(core.sqlite, o)), warnings: [...new Set(warnings)] };
  });
}

function storedRecord(sqlite: Sqlite, id: number): StoredRecord {
  const r = sqlite.prepare('SELECT * FROM dossier_records WHERE id = ?').get(id) as StoredRecord | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到记录 ${id}`);
  return r;
}

/** Replaces a stored record's date, fields and attachments inside the caller's write; returns the warnings. */
export function replaceRecordInScope(core: Core, scope: WriteScope, id: number, input: RecordSaveInput): string[] {
  const data = parseFields(input.kind, input.occurredOn, input.data);
  const current = storedRecord(core.sqlite, id);
  const before = { occurredOn: current.occurred_on, data: JSON.parse(current.data) as unknown };
  core.sqlite
    .prepare('UPDATE dossier_records SET occurred_on = ?, summary = ?, data = ?, updated_at = ? WHERE id = ?')
    .run(input.occurredOn, summaryOf(input.kind, data as never), JSON.stringify(data), new Date().toISOString(), id);
  linkAttachments(core, id, input.attachments);
  scope.audit({
    entity: 'dossier_record',
    entityId: id,
    before,
    after: { occurredOn: input.occurredOn, data, attachments: input.attachments.map((a) => a.name) },
  });
  return refreshDeadlines(core, id);
}

/** Replaces a record's fields and attachments; refused with CONFLICT if it was saved since `expectedUpdatedAt`. */
export function updateRecord(core: Core, ctx: RequestContext, id: number, expectedUpdatedAt: string, input: RecordSaveInput): RecordSaved {
  if (input.kind === 'notice') throw new AppError('VALIDATION', NOTICE_ONLY, { field: 'kind' });
  const data = parseFields(input.kind, input.occurredOn, input.data);
  return write(core, ctx, 'dossier.update', (scope) => {
    const current = storedRecord(core.sqlite, id);
    const label = recordKindLabels[current.kind];
    if (current.kind === 'notice') throw new AppError('VALIDATION', NOTICE_ONLY, { field: 'kind' });
    if (current.voided_at) throw new AppError('CONFLICT', `这条${label}记录已作废，不能修改`);
    if (current.kind !== input.kind) throw new AppError('VALIDATION', `记录类别不能修改（原为${label}）`, { field: 'kind' });
    if (current.updated_at !== expectedUpdatedAt) {
      throw new AppError('CONFLICT', `这条${label}记录在您打开之后已被修改，请重新打开后再改`, { updatedAt: current.updated_at });
    }
    if (input.kind === 'credit' || input.kind === 'supervisionClass') {
      throw new AppError('CONFLICT', `${label}记录保存后不能修改；如有错误，请作废后重新调整`);
    }
    const campaign = campaignOfRecord(core.sqlite, id);
    if (campaign) throw new AppError('CONFLICT', `这条${label}记录是专项「${campaign}」的检查结果，请在该专项的“结果录入”中修改`);
    const warnings = replaceRecordInScope(core, scope, id, { ...input, data });
    const opened: number[] = [];
    if (input.kind === 'sampling') {
      const follow = openFollowUp(core, ctx, scope, { id, enterpriseId: current.enterprise_id, occurredOn: input.occurredOn, data });
      if (follow) {
        opened.push(follow);
        warnings.push(...refreshDeadlines(core, follow));
      }
    }
    return { record: getRecord(core.sqlite, id), opened: opened.map((o) => getRecord(core.sqlite, o)), warnings: [...new Set(warnings)] };
  });
}

/** Voids a record (it stays in the file, struck through, with the reason); its deadlines are cancelled. */
export function voidRecord(core: Core, ctx: RequestContext, id: number, reason: string): DossierRecord {
  return write(core, ctx, 'dossier.void', (scope) => {
    const current = storedRecord(core.sqlite, id);
    if (current.kind === 'notice') throw new AppError('CONFLICT', NOTICE_ONLY);
    if (current.voided_at) throw new AppError('CONFLICT', `这条${recordKindLabels[current.kind]}记录已经作废`);
    const now = new Date().toISOString();
    core.sqlite.prepare('UPDATE dossier_records SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?').run(now, reason, now, id);
    core.sqlite.prepare("UPDATE deadlines SET status = 'cancelled' WHERE record_id = ?").run(id);
    markResultVoided(core.sqlite, id);
    scope.audit({ entity: 'dossier_record', entityId: id, before: { voided: false }, after: { voided: true }, reason });
    return getRecord(core.sqlite, id);
  });
}
