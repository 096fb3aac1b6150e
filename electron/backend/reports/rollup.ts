// City roll-up: the imported county packages of a period (or the ones chosen) as one source, one
// row per county for tallies (the county's totals), and the counties' rows one after another for
// lists. Every package is read again from the file store and checked against its manifest.
import { AppError } from '../../../shared/errors';
import type { ReportParams } from '../../../shared/report';
import type { ReportFormatDefinition } from '../../../shared/report-format';
import type { Core } from '../core';
import { listData, type DataRow, type SourceData } from './data';
import { openPackage, PART_DRAW, PART_TALLY, PART_UNQUALIFIED, type ListPart, type TallyPart } from './packages';

interface PackageRef {
  id: number;
  office_code: string;
  office_name: string;
  manifest: string;
  sha256: string;
  period_from: string;
  period_to: string;
}

/** The packages a roll-up sums: those chosen, else every imported package in force of exactly the period. */
function packagesFor(core: Core, params: ReportParams): PackageRef[] {
  if (params.packageIds?.length) {
    const rows = core.sqlite
      .prepare(`SELECT * FROM report_packages WHERE direction = 'imported' AND id IN (${params.packageIds.map(() => '?').join(',')}) ORDER BY office_code`)
      .all(...params.packageIds) as PackageRef[];
    const missing = params.packageIds.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw new AppError('NOT_FOUND', `找不到导入的数据包 ${missing.join('、')}`, { field: 'packageIds' });
    return rows;
  }
  if (!params.from || !params.to) throw new AppError('VALIDATION', '汇总各县数据时请选择统计期间', { field: 'from' });
  const rows = core.sqlite
    .prepare("SELECT * FROM report_packages WHERE direction = 'imported' AND withdrawn_at IS NULL AND period_from = ? AND period_to = ? ORDER BY office_code")
    .all(params.from, params.to) as PackageRef[];
  if (!rows.length) throw new AppError('VALIDATION', `没有 ${params.from} 至 ${params.to} 的县级数据包，请先导入各县（市、区）报送的数据包`, { field: 'from' });
  return rows;
}

const countyOf = (p: PackageRef): string => (JSON.parse(p.manifest) as { office: { countyName: string } }).office.countyName;

/** The roll-up source for a format; `needed` are the tally keys its columns read. */
export async function rollupData(core: Core, d: ReportFormatDefinition, params: ReportParams, needed: readonly string[]): Promise<SourceData> {
  if (d.source === 'registry') throw new AppError('VALIDATION', '企业名录不能按县汇总，请选择统计类或结果类报表', { field: 'rollup' });
  const packages = packagesFor(core, params);
  const rows: DataRow[] = [];
  let campaign: string | null = null;
  for (const p of packages) {
    const county = countyOf(p);
    const { parts } = await openPackage(core.files.pathOf(p.sha256));
    if (d.source === 'campaignTally') {
      const bytes = parts.get(PART_TALLY);
      const part = bytes ? (JSON.parse(bytes.toString('utf8')) as TallyPart) : null;
      if (!part || part.campaign.templateId !== d.templateId) {
        throw new AppError('VALIDATION', `${county}（${p.office_name}）的数据包中没有用「${d.templateId ?? ''}」模板建立的专项统计，请让该县重新导出或不选这个数据包`, { field: 'packageIds' });
      }
      const missing = needed.filter((k) => part.total[k] === undefined);
      if (missing.length) throw new AppError('VALIDATION', `${county}的数据包缺少统计项：${missing.join('、')}`, { field: 'packageIds' });
      campaign ??= part.campaign.name;
      rows.push({ ...part.total, area: county, areaCode: p.office_code, county, campaign: part.campaign.name });
    } else {
      const bytes = parts.get(d.source === 'drawResults' ? PART_DRAW : PART_UNQUALIFIED);
      const part = bytes ? (JSON.parse(bytes.toString('utf8')) as ListPart) : { rows: [] };
      for (const r of part.rows) rows.push({ ...r, area: county, county });
    }
  }
  const from = params.from ?? packages[0]!.period_from;
  const to = params.to ?? packages[0]!.period_to;
  return listData(rows, { totals: null, distinctTotals: [], campaign, from, to });
}
