// The publishable list of a draw (双随机抽查对象及执法检查人员名单), as xlsx in the file store.
import { todayInChina } from '../../../shared/dates';
import type { StoredFileRef } from '../../../shared/import';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import { drawDetail } from './draw';
import { tableXlsx } from './sheet';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Writes the draw's list with its seed and hashes (so readers can re-run it) and records the export. */
export async function exportDraw(core: Core, ctx: RequestContext, drawId: number): Promise<StoredFileRef> {
  const { draw, targets } = drawDetail(core.sqlite, drawId);
  const campaign = core.sqlite.prepare('SELECT name, doc_ref FROM campaigns WHERE id = ?').get(draw.campaignId) as { name: string; doc_ref: string | null };
  const office = core.sqlite.prepare("SELECT json_extract(value, '$.name') AS name FROM settings WHERE key = 'office'").get() as { name: string } | undefined;
  const bytes = await tableXlsx({
    title: `${campaign.name}双随机抽查对象及执法检查人员名单`,
    notes: [
      `${office?.name ?? ''}　${campaign.doc_ref ? `依据：${campaign.doc_ref}　` : ''}抽取时间：${draw.createdAt.slice(0, 10)}　抽取人：${draw.actor}`,
      `抽取方法：${draw.algorithm} 第 ${draw.algorithmVersion} 版　随机种子：${draw.seed}　检查对象库 ${draw.poolSize} 户（SHA-256 ${draw.poolHash}）`,
      `执法检查人员库 ${draw.inspectorPoolSize} 人（SHA-256 ${draw.inspectorPoolHash}）　抽取结果 ${draw.drawnCount} 户（SHA-256 ${draw.resultHash}）`,
    ],
    columns: [
      { header: '序号', width: 7 },
      { header: '检查对象名称', width: 40 },
      { header: '统一社会信用代码（注册号）', width: 24 },
      { header: '乡镇（街道）', width: 14 },
      { header: '执法检查人员', width: 20 },
      { header: '执法证号', width: 28 },
    ],
    rows: targets.map((t) => [
      t.position,
      t.name,
      t.uscc,
      t.townshipName,
      t.inspectors.map((i) => i.name).join('、'),
      t.inspectors.map((i) => i.certNo).join('、'),
    ]),
    footer: `公示日期：${todayInChina().replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}`,
  });
  const file = await core.files.putBytes(bytes, `${campaign.name}-双随机抽取结果-${draw.createdAt.slice(0, 10)}.xlsx`, XLSX);
  return write(core, ctx, 'campaigns.exportDraw', (scope) => {
    core.files.register(core.sqlite, file);
    scope.audit({ entity: 'campaign', entityId: draw.campaignId, after: { export: 'draw', drawId, file: file.sha256 } });
    return file;
  });
}
