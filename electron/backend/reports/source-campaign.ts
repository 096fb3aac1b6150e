// The campaign sources: 专项统计 (the campaign's own tallies by township, from campaigns/tally.ts,
// never recomputed here) and 双随机抽查结果 (the current draw's targets with their latest result).
import { AppError } from '../../../shared/errors';
import { campaignTally } from '../campaigns/tally';
import { currentDraw } from '../campaigns/draw-record';
import { drawDetail } from '../campaigns/draw';
import type { Sqlite } from '../db/open';
import { listData, officeOf, type DataRow, type SourceData } from './data';

/** The tally rows of a campaign over [from, to]: one row per township, with the campaign's totals. */
export function campaignTallyData(sqlite: Sqlite, campaignId: number, from: string, to: string, needed: readonly string[]): SourceData {
  const tally = campaignTally(sqlite, { campaignId, from, to });
  const keys = new Set(tally.definitions.map((d) => d.key));
  const missing = needed.filter((k) => !keys.has(k));
  if (missing.length) {
    throw new AppError('VALIDATION', `专项「${tally.campaignName}」没有报表需要的统计项：${missing.join('、')}。请选择用相应模板建立的专项，或修改报表格式`, { field: 'campaignId' });
  }
  const county = officeOf(sqlite)?.countyName ?? null;
  const rows: DataRow[] = tally.rows.map((r) => ({ area: r.townshipName, areaCode: r.townshipCode, county, campaign: tally.campaignName, ...r.values }));
  const distinct = tally.definitions.filter((d) => d.source === 'enterprises').map((d) => d.key);
  return listData(rows, { totals: tally.total, distinctTotals: distinct, campaign: tally.campaignName, from, to });
}

interface ResultRow {
  enterprise_id: number;
  inspected_on: string;
  has_problem: number;
  record_data: string;
  rect_data: string | null;
  rect_voided: string | null;
}

const handlingOf = (r: ResultRow | undefined): { status: string; handling: string } => {
  if (!r) return { status: '未检查', handling: '尚未检查' };
  if (r.has_problem === 0) return { status: '已检查无问题', handling: '无需处理' };
  if (!r.rect_data || r.rect_voided) return { status: '发现问题', handling: '发现问题，待后续处理' };
  const rect = JSON.parse(r.rect_data) as { deadlineOn?: string; outcome?: string | null; recheckOn?: string | null };
  if (rect.outcome === '已整改') return { status: '已整改', handling: `已责令改正，${rect.recheckOn ? `${rect.recheckOn} 复查` : '复查'}已整改` };
  return { status: '整改中', handling: `已责令改正，整改期限 ${rect.deadlineOn ?? ''}${rect.outcome ? `，复查结果：${rect.outcome}` : ''}` };
};

/** The current draw's targets in draw order with the latest result (within [from, to] when given) of each. */
export function drawResultsData(sqlite: Sqlite, campaignId: number, from: string | null, to: string | null): SourceData {
  const campaign = sqlite.prepare('SELECT name FROM campaigns WHERE id = ?').get(campaignId) as { name: string } | undefined;
  if (!campaign) throw new AppError('NOT_FOUND', `找不到专项 ${campaignId}`, { field: 'campaignId' });
  const draw = currentDraw(sqlite, campaignId);
  if (!draw) throw new AppError('VALIDATION', `专项「${campaign.name}」还没有进行双随机抽取，没有可公示的抽查结果`, { field: 'campaignId' });
  const { targets } = drawDetail(sqlite, draw.id);
  const period = from && to ? 'AND r.inspected_on BETWEEN ? AND ?' : '';
  const results = sqlite
    .prepare(
      `SELECT r.enterprise_id, r.inspected_on, r.has_problem, d.data AS record_data, rect.data AS rect_data, rect.voided_at AS rect_voided
       FROM campaign_results r JOIN dossier_records d ON d.id = r.record_id LEFT JOIN dossier_records rect ON rect.id = r.rectification_id
       WHERE r.campaign_id = ? AND r.voided = 0 ${period} ORDER BY r.enterprise_id, r.inspected_on, r.id`,
    )
    .all(...(period ? [campaignId, from, to] : [campaignId])) as ResultRow[];
  const latest = new Map<number, ResultRow>();
  for (const r of results) latest.set(r.enterprise_id, r);
  const county = officeOf(sqlite)?.countyName ?? null;
  const rows: DataRow[] = targets.map((t) => {
    const r = latest.get(t.enterpriseId);
    const data = r ? (JSON.parse(r.record_data) as { result?: string; inspectors?: string[] }) : null;
    return {
      area: t.townshipName,
      areaCode: null,
      county,
      position: t.position,
      name: t.name,
      uscc: t.uscc,
      township: t.townshipName,
      creditClass: t.creditClass,
      inspectors: (data?.inspectors ?? t.inspectors.map((i) => i.name)).join('、'),
      inspectedOn: r?.inspected_on ?? null,
      result: data?.result ?? null,
      campaign: campaign.name,
      ...handlingOf(r),
    };
  });
  return listData(rows, { totals: null, distinctTotals: [], campaign: campaign.name, from, to });
}
