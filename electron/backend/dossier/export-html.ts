// The printable dossier (一企一档) as one HTML page for the PDF service: a cover with the
// registry data, the summary, then every record newest first. Every piece of text from the
// database goes through escapeHtml: records hold whatever clerks pasted, markup and scripts included.
import { todayInChina } from '../../../shared/dates';
import { recordKindLabels } from '../../../shared/dossier';
import { creditClassLabels } from '../../../shared/enterprise';
import { chineseDate, escapeHtml as e, pageFooter } from '../pdf/html';
import type { PdfAsset } from '../pdf/renderer';
import { industryByCode } from '../reference/industries';
import { dossierStyle } from './export-style';
import { deadlineName, deadlineState, EMPTY, formatSize, recordFieldRows, type FieldRow } from './export-fields';
import type { DossierAttachment, DossierExportRecord, DossierModel } from './export-model';

/** Page margins (mm): a wider left margin leaves room to bind the printout. */
export const DOSSIER_MARGINS = { top: 18, right: 16, bottom: 20, left: 22 } as const;

const or = (v: string | null | undefined): string => (v ? e(v) : EMPTY);

/** The day of an instant (UTC ISO) in China. */
const chinaDay = (instant: string): string => todayInChina(new Date(instant));

const row = (label: string, value: string) => `<tr><th>${e(label)}</th><td>${value}</td></tr>`;

/** The relative path an attachment's picture is served under. */
export const assetPath = (a: { sha256: string }): string => `assets/${a.sha256}`;

function cover(m: DossierModel): string {
  const x = m.enterprise;
  const industry = x.industryCode ? (industryByCode(x.industryCode) ?? null) : null;
  const licences = x.licences.length
    ? `<table class="inner"><tr><th>证照类别</th><th>证书编号</th><th>许可范围</th><th>有效期</th></tr>${x.licences
        .map(
          (l) =>
            `<tr><td>${e(l.kind)}</td><td>${e(l.number)}</td><td>${or(l.scope)}</td><td>${or(l.validFrom)} 至 ${or(l.validTo)}</td></tr>`,
        )
        .join('')}</table>`
    : EMPTY;
  const status = [
    e(x.status),
    x.archivedAt ? `（已归档${x.archiveReason ? `：${e(x.archiveReason)}` : ''}）` : '',
    x.mergedInto ? `（已并入 ${e(x.mergedInto.name)}）` : '',
  ].join('');
  return `<section class="cover">
  <div class="doc-kind">企业档案</div>
  <h1>${e(x.name)}</h1>
  <div class="cover-meta">${m.officeName ? `${e(m.officeName)}　` : ''}打印日期：${e(chineseDate(m.printedOn))}</div>
  <table class="fields cover-fields">
    ${row('企业名称', e(x.name))}
    ${row('统一社会信用代码', or(x.uscc))}
    ${row('主体类型', e(x.entityType))}
    ${row('法定代表人（负责人）', or(x.legalRep))}
    ${row('联系电话', or(x.phone))}
    ${row('住所（经营场所）', or(x.address))}
    ${row('乡镇（街道）', or(x.townshipName))}
    ${row('网格', or(x.grid))}
    ${row('行业', industry ? `${e(industry.code)} ${e(industry.name)}` : or(x.industryCode))}
    ${row('登记状态', status)}
    ${row('成立日期', or(x.establishedOn))}
    ${row('监管类别', e(x.supervisionClass))}
    ${row('信用风险分类', x.creditClass ? e(creditClassLabels[x.creditClass]) : '未分类')}
    ${row('重点工业产品', x.products.length ? x.products.map((p) => e(p.name)).join('、') : EMPTY)}
    ${row('许可证照', licences)}
    ${row('曾用名', x.formerNames.length ? x.formerNames.map(e).join('、') : EMPTY)}
    ${row('标签', x.tags.length ? x.tags.map(e).join('、') : EMPTY)}
    ${row('风险提示', or(x.riskNotes))}
  </table>
</section>`;
}

function summary(m: DossierModel): string {
  const s = m.summary;
  const voided = m.records.filter((r) => r.voidedAt).length;
  const byKind = s.byKind.length ? s.byKind.map((k) => `${e(recordKindLabels[k.kind])} ${k.count} 条`).join('，') : '暂无记录';
  const byYear = s.inspectionsByYear.length ? s.inspectionsByYear.map((y) => `${y.year} 年 ${y.count} 次`).join('，') : '暂无';
  const deadlines = m.openDeadlines.length
    ? `<table class="inner"><tr><th>事项</th><th>到期日</th><th>状态</th><th>来源记录</th></tr>${m.openDeadlines
        .map((d) => `<tr><td>${e(deadlineName(d))}</td><td>${e(d.dueOn)}</td><td>${e(deadlineState(d))}</td><td>${e(recordKindLabels[d.recordKind])}（记录 ${d.recordId}）</td></tr>`)
        .join('')}</table>`
    : '无';
  return `<section class="summary">
  <h2>档案概况</h2>
  <table class="fields">
    ${row('记录总数', `${m.records.length} 条${voided ? `（其中已作废 ${voided} 条）` : ''}`)}
    ${row('各类记录', byKind)}
    ${row('检查次数', byYear)}
    ${row('监督抽查', `${s.sampling.total} 批次，其中合格 ${s.sampling.qualified} 批次`)}
    ${row('未复查的责令改正', `${s.openRectifications} 件`)}
    ${row('未完成的期限', `${s.openDeadlines} 项${s.overdue ? `，其中已逾期 ${s.overdue} 项` : ''}`)}
    ${row('期限明细', deadlines)}
  </table>
</section>`;
}

function fieldCell(f: FieldRow): string {
  if ('text' in f) return `<td class="text">${e(f.text)}</td>`;
  if (!f.table.rows.length) return `<td>${EMPTY}</td>`;
  const head = `<tr>${f.table.headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr>`;
  return `<td><table class="inner">${head}${f.table.rows.map((r) => `<tr>${r.map((c) => `<td class="text">${e(c)}</td>`).join('')}</tr>`).join('')}</table></td>`;
}

function pictures(list: DossierAttachment[]): string {
  if (!list.length) return '';
  return `<div class="pictures">${list
    .map(
      (a) =>
        `<figure><img src="${e(assetPath(a))}" alt="${e(a.name)}"><figcaption>${e(a.name)}（${e(formatSize(a.size))}）</figcaption></figure>`,
    )
    .join('')}</div>`;
}

function otherFiles(list: DossierAttachment[]): string {
  if (!list.length) return '';
  return `<table class="inner files"><tr><th>文件名</th><th>大小</th><th>SHA-256</th></tr>${list
    .map((a) => `<tr><td class="text">${e(a.name)}</td><td>${e(formatSize(a.size))}</td><td class="hash">${e(a.sha256)}</td></tr>`)
    .join('')}</table>`;
}

function record(r: DossierExportRecord): string {
  const kind = recordKindLabels[r.kind];
  const voided = r.voidedAt
    ? `<div class="void-note"><span class="void">已作废</span>作废原因：${or(r.voidReason)}（${e(chinaDay(r.voidedAt))} 作废）</div>`
    : '';
  const notes = [
    r.sourceId ? `由记录 ${r.sourceId} 产生` : '',
    r.enterpriseArchived ? '记录时企业已归档' : '',
    `${e(r.createdBy)} 录入于 ${e(chinaDay(r.createdAt))}`,
  ].filter(Boolean);
  const deadlines = r.deadlines.length
    ? row(
        '期限',
        `<table class="inner"><tr><th>事项</th><th>起算日</th><th>到期日</th><th>状态</th></tr>${r.deadlines
          .map((d) => `<tr><td>${e(deadlineName(d))}</td><td>${e(d.startOn)}</td><td>${e(d.dueOn)}</td><td>${e(deadlineState(d))}</td></tr>`)
          .join('')}</table>`,
      )
    : '';
  const images = r.attachments.filter((a) => a.imageMime);
  const others = r.attachments.filter((a) => !a.imageMime);
  return `<article class="record${r.voidedAt ? ' voided' : ''}">
  <header><span class="date">${e(r.occurredOn)}</span><span class="kind">${e(kind)}</span>${r.voidedAt ? '<span class="void">已作废</span>' : ''}<span class="id">记录 ${r.id}</span></header>
  <p class="record-summary">${e(r.summary)}</p>
  ${voided}
  <table class="fields">
    ${recordFieldRows(r.kind, r.data).map((f) => `<tr><th>${e(f.label)}</th>${fieldCell(f)}</tr>`).join('\n    ')}
    ${deadlines}
    ${r.attachments.length ? row('附件', `${r.attachments.length} 个${images.length ? `，照片 ${images.length} 张` : ''}`) : ''}
  </table>
  ${pictures(images)}
  ${otherFiles(others)}
  <div class="record-notes">${notes.join('；')}</div>
</article>`;
}

export interface DossierDocument {
  html: string;
  assets: PdfAsset[];
  footerTemplate: string;
}

/** The dossier page, the pictures it shows and its footer (page numbers, enterprise, print date). */
export function dossierDocument(m: DossierModel): DossierDocument {
  const records = m.records.length ? m.records.map(record).join('\n') : '<p class="none">暂无档案记录。</p>';
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${e(m.enterprise.name)} 企业档案</title>
<style>${dossierStyle(DOSSIER_MARGINS)}</style>
</head>
<body>
${cover(m)}
${summary(m)}
<section class="records">
<h2>档案记录（按日期从新到旧）</h2>
${records}
</section>
</body>
</html>`;
  const seen = new Set<string>();
  const assets: PdfAsset[] = [];
  for (const r of m.records) {
    for (const a of r.attachments) {
      if (!a.imageMime || seen.has(a.sha256)) continue;
      seen.add(a.sha256);
      assets.push({ path: assetPath(a), file: a.file });
    }
  }
  const footerTemplate = pageFooter({
    left: `${m.enterprise.name} 企业档案`,
    right: `打印日期：${chineseDate(m.printedOn)}`,
    sideMarginsMm: { left: DOSSIER_MARGINS.left, right: DOSSIER_MARGINS.right },
  });
  return { html, assets, footerTemplate };
}
