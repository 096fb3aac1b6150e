// The fields a format's columns may name: the source's fixed fields, and for campaign tallies the
// tallies of the campaign template the format names. A format naming a field its source lacks is
// refused when it is saved or imported, naming the column and the field.
import { TemplateDefinition } from '../../../shared/campaign-template';
import { AppError } from '../../../shared/errors';
import { type ReportFormatDefinition, type ReportSource, reportSourceLabels, reportSources, type SourceField, sourceFixedFields } from '../../../shared/report-format';
import type { Sqlite } from '../db/open';
import { exprFields, parseExpr } from './expr';

/** The tallies of a campaign template as number fields; an unknown template is refused. */
export function templateTallyFields(sqlite: Sqlite, templateId: string): SourceField[] {
  const row = sqlite.prepare('SELECT definition FROM campaign_templates WHERE id = ?').get(templateId) as { definition: string } | undefined;
  if (!row) throw new AppError('VALIDATION', `找不到专项模板「${templateId}」，请检查格式中的 templateId`, { field: 'templateId' });
  const t = TemplateDefinition.parse(JSON.parse(row.definition));
  return t.tallies.map((d) => ({ key: d.key, label: `${d.label}（${d.unit}）`, type: 'number' as const }));
}

/** Every field a source offers (campaignTally: with the template's tallies when a template is named). */
export function sourceFields(sqlite: Sqlite, source: ReportSource, templateId: string | null): SourceField[] {
  const fixed = sourceFixedFields[source];
  if (source !== 'campaignTally' || !templateId) return fixed;
  return [...fixed, ...templateTallyFields(sqlite, templateId)];
}

/** What the sources offer, for the format editor. */
export function listSources(sqlite: Sqlite, templateId: string | null) {
  return reportSources.map((source) => ({
    source,
    label: reportSourceLabels[source],
    fields: sourceFields(sqlite, source, templateId),
    needsCampaign: source === 'campaignTally' || source === 'drawResults',
    needsPeriod: source === 'campaignTally',
  }));
}

const columnName = (i: number, header: readonly string[]) => `第 ${i + 1} 列「${header.join('／')}」`;

/** Refuses (VALIDATION) a format whose columns, expressions or sort name a field its source does not have. */
export function assertFieldsExist(sqlite: Sqlite, d: ReportFormatDefinition, where = ''): void {
  const fields = sourceFields(sqlite, d.source, d.templateId);
  const keys = new Set(fields.map((x) => x.key));
  const sourceName = reportSourceLabels[d.source];
  const problems: string[] = [];
  d.columns.forEach((c, i) => {
    const at = columnName(i, c.header);
    if (c.field && !keys.has(c.field)) problems.push(`${at}：数据源「${sourceName}」没有字段 ${c.field}`);
    if (c.expr) {
      try {
        for (const k of exprFields(parseExpr(c.expr))) if (!keys.has(k)) problems.push(`${at}：计算式中的字段 ${k} 在数据源「${sourceName}」中不存在`);
      } catch (err) {
        problems.push(`${at}：${(err as Error).message}`);
      }
    }
    if (c.total === 'expr' && !c.expr) problems.push(`${at}：合计方式为「计算式」，但这一列没有计算式`);
    if (c.total === 'sum' && c.field && fields.find((x) => x.key === c.field)?.type !== 'number') {
      problems.push(`${at}：字段 ${c.field} 不是数值，不能合计`);
    }
  });
  if (d.rows.sortBy && !keys.has(d.rows.sortBy)) problems.push(`排序字段 ${d.rows.sortBy} 在数据源「${sourceName}」中不存在`);
  if (problems.length) {
    const shown = problems.slice(0, 5).join('；');
    throw new AppError('VALIDATION', `${where}${shown}${problems.length > 5 ? `；等 ${problems.length} 处问题` : ''}`, { problems });
  }
}
