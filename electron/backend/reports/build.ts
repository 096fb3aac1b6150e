// One table from a format and its parameters: the source's rows (or the counties' packages for a
// roll-up), laid out with titles, merged header, 合计 and footer, ready for the checks and writers.
import { AppError } from '../../../shared/errors';
import { type ReportFormatInfo, type ReportParams } from '../../../shared/report';
import { reportSourceLabels, sourceFixedFields } from '../../../shared/report-format';
import type { Core } from '../core';
import type { DataRow, SourceData } from './data';
import { officeOf } from './data';
import { exprFields, parseExpr } from './expr';
import { sourceFields } from './fields';
import { formatForExport } from './formats';
import { rollupData } from './rollup';
import { drawResultsData, campaignTallyData } from './source-campaign';
import { registryData, unqualifiedData } from './source-records';
import { fillOf, layOut, orderedRows, tableRows, totalsOf, type Layout, type TableRow } from './table';

export interface BuiltTable {
  format: ReportFormatInfo;
  formatSha256: string;
  data: SourceData;
  layout: Layout;
  /** What the 合计 row shows (the source's totals where it has them); null when the format has no 合计 row. */
  totals: DataRow | null;
  /** The sums of the rows, recomputed. */
  summed: Record<string, number>;
  rows: () => Iterable<TableRow>;
}

function given<T>(v: T | null, message: string, field: string): T {
  if (v === null) throw new AppError('VALIDATION', message, { field });
  return v;
}

/** Builds the table for an export, preview or check; refuses missing parameters in words. */
export async function buildTable(core: Core, params: ReportParams): Promise<BuiltTable> {
  const { info: format, sha256 } = formatForExport(core.sqlite, params.formatId);
  if (format.archived) throw new AppError('VALIDATION', `报表格式「${format.definition.name}」已停用，请先恢复或选择其他格式`, { field: 'formatId' });
  const d = format.definition;
  const fields = sourceFields(core.sqlite, d.source, d.templateId);
  const numeric = new Set(fields.filter((f) => f.type === 'number').map((f) => f.key));
  const fixed = new Set(sourceFixedFields[d.source].map((f) => f.key));
  const used = d.columns.flatMap((c) => [...(c.field ? [c.field] : []), ...(c.expr ? exprFields(parseExpr(c.expr)) : [])]);
  const needed = [...new Set(used.filter((k) => !fixed.has(k)))];
  let data: SourceData;
  if (params.rollup) {
    data = await rollupData(core, d, params, needed);
  } else if (d.source === 'campaignTally') {
    const campaignId = given(params.campaignId, `「${reportSourceLabels[d.source]}」报表需要选择专项`, 'campaignId');
    const from = given(params.from, '请选择统计期间的开始日期', 'from');
    const to = given(params.to, '请选择统计期间的结束日期', 'to');
    data = campaignTallyData(core.sqlite, campaignId, from, to, needed);
  } else if (d.source === 'drawResults') {
    data = drawResultsData(core.sqlite, given(params.campaignId, '双随机抽查结果公示表需要选择专项', 'campaignId'), params.from, params.to);
  } else if (d.source === 'unqualifiedSamplings') {
    data = unqualifiedData(core.sqlite, params.from, params.to);
  } else {
    data = registryData(core.sqlite, params.filter);
  }
  const layout = layOut(d, data, fillOf(officeOf(core.sqlite), params), numeric, params.rollup);
  const { shown, summed } = totalsOf(layout, data, orderedRows(d, layout, data));
  const totals = d.rows.totalRow ? shown : null;
  return { format, formatSha256: sha256, data, layout, totals, summed, rows: () => tableRows(d, layout, orderedRows(d, layout, data), totals) };
}
