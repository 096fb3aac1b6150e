// The tally table of a period as xlsx: one row per township and the 合计 row.
import type { z } from 'zod';
import type { TallyInput } from '../../../shared/campaign-results';
import { todayInChina } from '../../../shared/dates';
import type { StoredFileRef } from '../../../shared/import';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import { tableXlsx } from './sheet';
import { campaignTally } from './tally';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const chineseDate = (d: string) => d.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

/** Writes the tally of [from, to] to the file store and records the export. */
export async function exportTally(core: Core, ctx: RequestContext, input: z.output<typeof TallyInput>): Promise<StoredFileRef> {
  const tally = campaignTally(core.sqlite, input);
  const office = core.sqlite.prepare("SELECT json_extract(value, '$.name') AS name FROM settings WHERE key = 'office'").get() as { name: string } | undefined;
  const defs = tally.definitions;
  const bytes = await tableXlsx({
    title: `${tally.campaignName}统计表`,
    notes: [`填报单位：${office?.name ?? ''}　统计期间：${chineseDate(tally.from)}至${chineseDate(tally.to)}`],
    columns: [{ header: '乡镇（街道）', width: 16 }, ...defs.map((d) => ({ header: `${d.label}（${d.unit}）`, width: Math.max(10, d.label.length * 2 + 6) }))],
    rows: [
      ...tally.rows.map((r) => [r.townshipName, ...defs.map((d) => r.values[d.key] ?? 0)]),
      ['合计', ...defs.map((d) => tally.total[d.key] ?? 0)],
    ],
    boldRows: [tally.rows.length],
    footer: `填报人：　　　　　联系电话：　　　　　填报日期：${chineseDate(todayInChina())}`,
  });
  const file = await core.files.putBytes(bytes, `${tally.campaignName}-统计表-${tally.from}至${tally.to}.xlsx`, XLSX);
  return write(core, ctx, 'campaigns.exportTally', (scope) => {
    core.files.register(core.sqlite, file);
    scope.audit({ entity: 'campaign', entityId: tally.campaignId, after: { export: 'tally', from: tally.from, to: tally.to, file: file.sha256 } });
    return file;
  });
}
