// `qingbo campaign list|tally`: the campaigns of an office and a campaign's tallies by township.
import type { CampaignSummary } from '../../shared/campaign';
import type { Tally } from '../../shared/campaign-results';
import { isIsoDate } from '../../shared/dates';
import type { Backend } from '../backend/backend';
import { callApi } from './jobs';
import { UsageError } from './usage';

export const CAMPAIGN_HELP = `  campaign list --data 目录 [--json]
          列出专项整治：编号、名称、期间、状态、检查对象数、计划检查数和已检查数。
  campaign tally --data 目录 --campaign 编号 --from 日期 --to 日期 [--json]
          按乡镇（街道）和合计列出专项在期间内（含首尾两天，日期格式 2026-11-23）的各项统计。`;

export interface CampaignOptions {
  campaign?: string;
  from?: string;
  to?: string;
  json: boolean;
}

function dateOption(name: string, v: string | undefined): string {
  if (!v) throw new UsageError(`缺少 --${name} 日期，例如：--${name} 2026-11-23`);
  if (!isIsoDate(v)) throw new UsageError(`--${name} 应为日期，格式 YYYY-MM-DD，收到「${v}」`);
  return v;
}

/** Runs `campaign list` or `campaign tally`; resolves to the exit code. */
export async function campaignCommand(backend: Backend, sub: string | undefined, o: CampaignOptions): Promise<number> {
  if (sub === 'list') {
    const list = await callApi<CampaignSummary[]>(backend, 'campaigns.list', {});
    if (o.json) {
      console.log(JSON.stringify({
        ok: true,
        campaigns: list.map((c) => ({
          id: c.id, name: c.name, docRef: c.docRef, startsOn: c.startsOn, endsOn: c.endsOn, status: c.status,
          targetCount: c.targetCount, plannedCount: c.plannedCount, inspectedCount: c.inspectedCount,
        })),
      }));
    } else if (list.length === 0) console.log('还没有专项整治。');
    else for (const c of list) console.log(`${c.id}\t${c.name}\t${c.startsOn} 至 ${c.endsOn}\t${c.status}\t检查对象 ${c.targetCount} 户，计划 ${c.plannedCount}，已检查 ${c.inspectedCount}`);
    return 0;
  }
  if (sub === 'tally') {
    const id = Number(o.campaign);
    if (!o.campaign || !Number.isInteger(id) || id < 1) throw new UsageError(`--campaign 应为专项编号（qingbo campaign list 可查），收到「${o.campaign ?? ''}」`);
    const from = dateOption('from', o.from);
    const to = dateOption('to', o.to);
    if (to < from) throw new UsageError(`--to（${to}）早于 --from（${from}）`);
    const tally = await callApi<Tally>(backend, 'campaigns.tally', { campaignId: id, from, to });
    if (o.json) {
      const { tookMs: _ms, ...rest } = tally;
      console.log(JSON.stringify({ ok: true, ...rest }));
      return 0;
    }
    const defs = tally.definitions;
    console.log(`${tally.campaignName}　${from} 至 ${to}`);
    console.log(['乡镇（街道）', ...defs.map((d) => `${d.label}（${d.unit}）`)].join('\t'));
    for (const r of tally.rows) console.log([r.townshipName, ...defs.map((d) => r.values[d.key] ?? 0)].join('\t'));
    console.log(['合计', ...defs.map((d) => tally.total[d.key] ?? 0)].join('\t'));
    return 0;
  }
  throw new UsageError('用法：qingbo campaign list --data 目录，或 qingbo campaign tally --data 目录 --campaign 编号 --from 日期 --to 日期');
}
