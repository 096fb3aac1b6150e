// The model a notice template is filled from: the office (本单位 settings), the party block from
// the registry, the completed fields, amounts in capital numerals (the render layer's helper),
// the campaign and the number.
import { recordKindLabels, type RecordKind } from '../../../shared/dossier';
import { AppError } from '../../../shared/errors';
import { noticeTypeInfo, OFFICE_MISSING, type NoticeModel, type NoticeType, type PartyBlock } from '../../../shared/notice';
import type { Core } from '../core';
import type { Sqlite } from '../db/open';
import { countyByCode } from '../divisions/divisions';
import { chineseDate } from '../pdf/html';
import { noticeAmounts } from './render/index';
import { getOffice } from '../settings/office';

export interface NoticeOffice {
  name: string;
  abbrev: string;
  /** The county's full name (湖南省岳阳市华容县). */
  county: string;
  /** The county's own name (华容县), for 华容县人民政府 and 华容县人民法院. */
  countyShort: string;
}

export { OFFICE_MISSING };

/** The office as notices print it; refuses (VALIDATION, naming where to set it) before the office is set up. */
export function requireOffice(core: Core): NoticeOffice {
  const office = getOffice(core);
  if (!office?.name || !office.docAbbrev) throw new AppError('VALIDATION', OFFICE_MISSING, { field: 'office', where: '设置 → 本单位' });
  const county = countyByCode(office.countyCode);
  return { name: office.name, abbrev: office.docAbbrev, county: office.countyName, countyShort: county?.name ?? office.countyName };
}

/** The office when it is set up, else null (a draft can be prepared before the settings are complete). */
export function officeOrNull(core: Core): NoticeOffice | null {
  try {
    return requireOffice(core);
  } catch {
    return null;
  }
}

interface EnterpriseRow {
  id: number;
  name: string;
  uscc: string | null;
  entity_type: string;
  legal_rep: string | null;
  id_number: string | null;
  phone: string | null;
  address: string | null;
  status: string;
  archived_at: string | null;
}

export interface SourceRecord {
  id: number;
  kind: RecordKind;
  occurredOn: string;
  data: Record<string, unknown>;
}

/** Where a notice's content comes from. */
export interface NoticeSource {
  enterprise: EnterpriseRow;
  record: SourceRecord | null;
  campaign: { id: number; name: string } | null;
}

/** Loads and checks the enterprise, its record (if any) and the campaign (given, or the record's own). */
export function loadSource(sqlite: Sqlite, input: { enterpriseId: number; recordId: number | null; campaignId: number | null }): NoticeSource {
  const enterprise = sqlite
    .prepare('SELECT id, name, uscc, entity_type, legal_rep, id_number, phone, address, status, archived_at FROM enterprises WHERE id = ?')
    .get(input.enterpriseId) as EnterpriseRow | undefined;
  if (!enterprise) throw new AppError('NOT_FOUND', `找不到当事人（企业编号 ${input.enterpriseId}），请重新选择企业`, { field: 'enterpriseId' });
  let record: SourceRecord | null = null;
  if (input.recordId !== null) {
    const r = sqlite.prepare('SELECT id, enterprise_id, kind, occurred_on, data, voided_at FROM dossier_records WHERE id = ?').get(input.recordId) as
      | { id: number; enterprise_id: number; kind: RecordKind; occurred_on: string; data: string; voided_at: string | null }
      | undefined;
    if (!r) throw new AppError('NOT_FOUND', `找不到档案记录 ${input.recordId}`, { field: 'recordId' });
    if (r.enterprise_id !== enterprise.id) throw new AppError('VALIDATION', `档案记录：这条记录不属于「${enterprise.name}」，请从该企业的档案中选择`, { field: 'recordId' });
    if (r.voided_at) throw new AppError('VALIDATION', `档案记录：这条${recordKindLabels[r.kind]}记录已作废，不能据此出具文书`, { field: 'recordId' });
    record = { id: r.id, kind: r.kind, occurredOn: r.occurred_on, data: JSON.parse(r.data) as Record<string, unknown> };
  }
  let campaign: NoticeSource['campaign'] = null;
  if (input.campaignId !== null) {
    campaign = (sqlite.prepare('SELECT id, name FROM campaigns WHERE id = ?').get(input.campaignId) as NoticeSource['campaign'] | undefined) ?? null;
    if (!campaign) throw new AppError('NOT_FOUND', `找不到专项 ${input.campaignId}`, { field: 'campaignId' });
  } else if (record) {
    campaign = (sqlite
      .prepare('SELECT c.id, c.name FROM campaign_results r JOIN campaigns c ON c.id = r.campaign_id WHERE r.record_id = ?')
      .get(record.id) as NoticeSource['campaign'] | undefined) ?? null;
  }
  return { enterprise, record, campaign };
}

const REGISTERED = new Set(['企业', '个体工商户', '农民专业合作社']);

/** The standard party block (当事人…联系电话) and what the clerk should check before issuing. */
export function partyOf(e: EnterpriseRow): { party: PartyBlock; warnings: string[] } {
  const warnings: string[] = [];
  if (!e.uscc) warnings.push('该企业没有统一社会信用代码（注册号），文书上该栏将留空，请核实后手工填写');
  if (!e.address) warnings.push('该企业没有登记住所（经营场所），文书上该栏将留空');
  if (!e.legal_rep) warnings.push('该企业没有登记法定代表人（负责人、经营者），文书上该栏将留空');
  if (!e.phone) warnings.push('该企业没有联系电话，文书上该栏将留空');
  if (e.status !== '存续') warnings.push(`该企业的登记状态为「${e.status}」，请核实当事人`);
  if (e.archived_at) warnings.push('该企业已归档，请核实当事人');
  return {
    party: {
      name: e.name,
      licenceName: REGISTERED.has(e.entity_type) || e.uscc ? '营业执照' : '',
      code: e.uscc,
      address: e.address,
      legalRep: e.legal_rep,
      // In full: the notice is served on the party (the registry shows it masked).
      idNumber: e.id_number,
      phone: e.phone,
    },
    warnings,
  };
}

// A 专项检查 outside a campaign still names its campaign on the record.
function campaignNamed(record: SourceRecord | null): string | null {
  const name = record?.kind === 'specialInspection' ? record.data.campaign : null;
  return typeof name === 'string' && name ? name : null;
}

/** The complete model of one notice. */
export function buildModel(input: {
  type: NoticeType;
  office: NoticeOffice;
  source: NoticeSource;
  fields: Record<string, unknown>;
  number: string | null;
  issuedOn: string;
  corrects: string | null;
}): NoticeModel {
  return {
    type: input.type,
    title: noticeTypeInfo[input.type].title,
    office: { name: input.office.name, abbrev: input.office.abbrev, county: input.office.county },
    party: partyOf(input.source.enterprise).party,
    number: input.number,
    date: chineseDate(input.issuedOn),
    fields: input.fields,
    amounts: noticeAmounts(input.type, input.fields),
    campaign: input.source.campaign?.name ?? campaignNamed(input.source.record),
    corrects: input.corrects,
  };
}
