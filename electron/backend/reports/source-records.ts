// The dossier and registry sources: 监督抽查不合格 (unqualified sampling records and what followed:
// the 责令改正 opened from each, its 复查, and the enterprise's 行政处罚 case between this sampling and
// its next unqualified one) and 企业名录 (the filtered registry, streamed from SQLite).
import { EnterpriseFilter } from '../../../shared/enterprise';
import type { Sqlite } from '../db/open';
import { townshipName } from '../divisions/divisions';
import { industryByCode } from '../reference/industries';
import { filterWhere } from '../registry/search';
import { listData, officeOf, type DataRow, type SourceData } from './data';

interface SamplingRow {
  id: number;
  enterprise_id: number;
  occurred_on: string;
  data: string;
  township_code: string | null;
  name: string;
  uscc: string | null;
}

interface Sampling {
  plan: string;
  product: string;
  brand: string | null;
  model: string | null;
  batch: string | null;
  sampledOn: string;
  lab: string | null;
  reportNo: string | null;
  resultReceivedOn: string | null;
  unqualifiedItems: { item: string }[];
}

interface Rectification {
  deadlineOn: string;
  recheckOn: string | null;
  outcome: string | null;
}

interface Penalty {
  caseNo: string;
  status: string;
  fineFen: number;
  confiscationFen: number;
}

const DONE_PENALTY = ['执行完毕', '结案', '不予处罚'];

/** Unqualified sampling results (sampled within [from, to] when given) with the handling that followed each. */
export function unqualifiedData(sqlite: Sqlite, from: string | null, to: string | null): SourceData {
  const period = from && to ? 'AND d.occurred_on BETWEEN ? AND ?' : '';
  const samplings = sqlite
    .prepare(
      `SELECT d.id, d.enterprise_id, d.occurred_on, d.data, e.township_code, e.name, e.uscc
       FROM dossier_records d JOIN enterprises e ON e.id = d.enterprise_id
       WHERE d.kind = 'sampling' AND d.voided_at IS NULL AND json_extract(d.data, '$.result') = '不合格' ${period}
       ORDER BY d.occurred_on, d.id`,
    )
    .all(...(period ? [from, to] : [])) as SamplingRow[];
  const rectOf = sqlite.prepare(
    "SELECT occurred_on, data FROM dossier_records WHERE source_id = ? AND kind = 'rectification' AND voided_at IS NULL ORDER BY occurred_on, id LIMIT 1",
  );
  // The first case of the enterprise from the sampling on, before its next unqualified sampling
  // (a case after that belongs to the later result).
  const penaltyOf = sqlite.prepare(
    `SELECT occurred_on, data FROM dossier_records
     WHERE enterprise_id = @e AND kind = 'penalty' AND voided_at IS NULL AND occurred_on >= @on
       AND occurred_on < coalesce((
         SELECT min(occurred_on) FROM dossier_records
         WHERE enterprise_id = @e AND kind = 'sampling' AND voided_at IS NULL AND json_extract(data, '$.result') = '不合格'
           AND (occurred_on > @on OR (occurred_on = @on AND id > @id))), '9999-12-31')
     ORDER BY occurred_on, id LIMIT 1`,
  );
  const county = officeOf(sqlite)?.countyName ?? null;
  const rows: DataRow[] = samplings.map((s) => {
    const d = JSON.parse(s.data) as Sampling;
    const rect = rectOf.get(s.id) as { occurred_on: string; data: string } | undefined;
    const r = rect ? (JSON.parse(rect.data) as Rectification) : null;
    const pen = penaltyOf.get({ e: s.enterprise_id, on: s.occurred_on, id: s.id }) as { occurred_on: string; data: string } | undefined;
    const p = pen ? (JSON.parse(pen.data) as Penalty) : null;
    const steps: string[] = [];
    if (rect && r) steps.push(`${rect.occurred_on} 责令改正，期限 ${r.deadlineOn}`);
    if (r?.recheckOn) steps.push(`${r.recheckOn} 复查${r.outcome ?? ''}`);
    if (pen && p) steps.push(`${pen.occurred_on} 立案（${p.caseNo}，${p.status}）`);
    const township = s.township_code ? (townshipName(s.township_code) ?? s.township_code) : null;
    return {
      area: township,
      areaCode: s.township_code,
      county,
      name: s.name,
      uscc: s.uscc,
      township,
      plan: d.plan,
      product: d.product,
      brand: d.brand,
      model: d.model,
      batch: d.batch,
      sampledOn: d.sampledOn,
      lab: d.lab,
      reportNo: d.reportNo,
      unqualifiedItems: d.unqualifiedItems.map((i) => i.item).join('、') || null,
      resultReceivedOn: d.resultReceivedOn,
      orderedOn: rect?.occurred_on ?? null,
      deadlineOn: r?.deadlineOn ?? null,
      recheckOn: r?.recheckOn ?? null,
      recheckOutcome: r?.outcome ?? null,
      caseNo: p?.caseNo ?? null,
      caseOn: pen?.occurred_on ?? null,
      penaltyStatus: p?.status ?? null,
      fineYuan: p ? (p.fineFen + p.confiscationFen) / 100 : null,
      handling: steps.length ? steps.join('；') : '尚未处置',
      completed: r?.outcome === '已整改' || (p !== null && DONE_PENALTY.includes(p.status)) ? '是' : '否',
    };
  });
  return listData(rows, { totals: null, distinctTotals: [], campaign: null, from, to });
}

interface EnterpriseRow {
  name: string;
  uscc: string | null;
  entity_type: string;
  legal_rep: string | null;
  phone: string | null;
  address: string | null;
  township_code: string | null;
  grid: string | null;
  industry_code: string | null;
  status: string;
  established_on: string | null;
  supervision_class: string;
  credit_class: string | null;
  tags: string;
}

/** The registry under a filter (default: enterprises in use), in name order, read afresh on each pass. */
export function registryData(sqlite: Sqlite, filter: EnterpriseFilter | null): SourceData {
  const w = filterWhere(filter ?? EnterpriseFilter.parse({}));
  const where = w.sql.length ? `WHERE ${w.sql.join(' AND ')}` : '';
  const count = (sqlite.prepare(`SELECT count(*) AS n FROM enterprises e ${where}`).get(...w.params) as { n: number }).n;
  const select = sqlite.prepare(
    `SELECT e.name, e.uscc, e.entity_type, e.legal_rep, e.phone, e.address, e.township_code, e.grid, e.industry_code, e.status,
       e.established_on, e.supervision_class, e.credit_class, e.tags
     FROM enterprises e ${where} ORDER BY e.name_pinyin, e.id`,
  );
  const county = officeOf(sqlite)?.countyName ?? null;
  function* rows(): Iterable<DataRow> {
    for (const r of select.iterate(...w.params) as IterableIterator<EnterpriseRow>) {
      const township = r.township_code ? (townshipName(r.township_code) ?? r.township_code) : null;
      const industry = r.industry_code ? industryByCode(r.industry_code) : undefined;
      yield {
        area: township,
        areaCode: r.township_code,
        county,
        name: r.name,
        uscc: r.uscc,
        entityType: r.entity_type,
        legalRep: r.legal_rep,
        phone: r.phone,
        address: r.address,
        township,
        grid: r.grid,
        industryCode: r.industry_code,
        industry: industry ? industry.name : r.industry_code,
        status: r.status,
        establishedOn: r.established_on,
        supervisionClass: r.supervision_class,
        creditClass: r.credit_class,
        tags: (JSON.parse(r.tags) as string[]).join('、') || null,
      };
    }
  }
  return { rows, count, totals: null, distinctTotals: [], campaign: null, from: null, to: null };
}
