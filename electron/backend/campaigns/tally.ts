// Tallies (统计): every figure a campaign's template defines, computed from the recorded results
// of a period, by township and in total. Voided results count nowhere.
import type { z } from 'zod';
import { type Tally, type TallyInput } from '../../../shared/campaign-results';
import { type TallyDef, TemplateDefinition } from '../../../shared/campaign-template';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../db/open';
import { townshipName, townshipsOf } from '../divisions/divisions';
import { readSetting } from '../settings/store';

export const NO_TOWNSHIP = '未填乡镇';

interface CampaignRow {
  id: number;
  name: string;
  template: string;
  scope: string;
}

/** The rows a tally shows: the campaign's townships (all of the county's when the scope names none), in division order. */
export function townshipRows(sqlite: Sqlite, scopeTownships: string[]): { code: string; name: string }[] {
  const office = readSetting(sqlite, 'office') as { countyCode?: string } | undefined;
  const all = office?.countyCode ? townshipsOf(office.countyCode) : [];
  if (scopeTownships.length === 0) return all;
  const listed = all.filter((t) => scopeTownships.includes(t.code));
  const others = scopeTownships.filter((c) => !listed.some((t) => t.code === c)).map((c) => ({ code: c, name: townshipName(c) ?? c }));
  return [...listed, ...others];
}

/** Per township: every tally value of results inspected in [from, to]. Keys of the map are township codes ('' for none). */
export function tallyByTownship(sqlite: Sqlite, campaignId: number, defs: readonly TallyDef[], from: string, to: string): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  const cell = (township: string | null) => {
    const k = township ?? '';
    let v = out.get(k);
    if (!v) out.set(k, (v = Object.fromEntries(defs.map((d) => [d.key, 0]))));
    return v;
  };
  const visits = sqlite
    .prepare(
      `SELECT r.township_code AS t, count(*) AS visits, count(DISTINCT r.enterprise_id) AS enterprises, sum(r.has_problem) AS problems,
         sum(r.rectification_id IS NOT NULL AND d.voided_at IS NULL) AS rectifications
       FROM campaign_results r LEFT JOIN dossier_records d ON d.id = r.rectification_id
       WHERE r.campaign_id = ? AND r.inspected_on BETWEEN ? AND ? AND r.voided = 0 GROUP BY r.township_code`,
    )
    .all(campaignId, from, to) as { t: string | null; visits: number; enterprises: number; problems: number; rectifications: number }[];
  for (const v of visits) {
    const c = cell(v.t);
    for (const d of defs) if (d.source !== 'quantity') c[d.key] = v[d.source];
  }
  const sums = sqlite
    .prepare(
      `SELECT township_code AS t, key, sum(hundredths) AS h FROM campaign_result_values
       WHERE campaign_id = ? AND inspected_on BETWEEN ? AND ? AND voided = 0 GROUP BY township_code, key`,
    )
    .all(campaignId, from, to) as { t: string | null; key: string; h: number }[];
  for (const s of sums) {
    const c = cell(s.t);
    for (const d of defs) if (d.source === 'quantity' && d.quantity === s.key) c[d.key] = s.h / 100;
  }
  return out;
}

/** Every tally over all of a campaign's results, in total only (the dashboard's figures so far): no grouping by township. */
export function tallyTotals(sqlite: Sqlite, campaignId: number, defs: readonly TallyDef[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(defs.map((d) => [d.key, 0]));
  const v = sqlite
    .prepare(
      `SELECT count(*) AS visits, count(DISTINCT r.enterprise_id) AS enterprises, coalesce(sum(r.has_problem), 0) AS problems,
         coalesce(sum(r.rectification_id IS NOT NULL AND d.voided_at IS NULL), 0) AS rectifications
       FROM campaign_results r LEFT JOIN dossier_records d ON d.id = r.rectification_id
       WHERE r.campaign_id = ? AND r.voided = 0`,
    )
    .get(campaignId) as Record<Exclude<TallyDef['source'], 'quantity'>, number>;
  const sums = new Map(
    (
      sqlite
        .prepare('SELECT key, sum(hundredths) AS h FROM campaign_result_values WHERE campaign_id = ? AND voided = 0 GROUP BY key')
        .all(campaignId) as { key: string; h: number }[]
    ).map((s) => [s.key, s.h / 100]),
  );
  for (const d of defs) out[d.key] = d.source === 'quantity' ? (sums.get(d.quantity ?? '') ?? 0) : v[d.source];
  return out;
}

/** A campaign's tallies for a period, one row per township plus the total. */
export function campaignTally(sqlite: Sqlite, input: z.output<typeof TallyInput>): Tally {
  const t0 = performance.now();
  const c = sqlite.prepare('SELECT id, name, template, scope FROM campaigns WHERE id = ?').get(input.campaignId) as CampaignRow | undefined;
  if (!c) throw new AppError('NOT_FOUND', `找不到专项 ${input.campaignId}`);
  const defs = TemplateDefinition.parse(JSON.parse(c.template)).tallies;
  const values = tallyByTownship(sqlite, c.id, defs, input.from, input.to);
  const zero = () => Object.fromEntries(defs.map((d) => [d.key, 0]));
  const townships = townshipRows(sqlite, (JSON.parse(c.scope) as { townshipCodes?: string[] }).townshipCodes ?? []);
  const rows: Tally['rows'] = townships.map((t) => ({ townshipCode: t.code, townshipName: t.name, values: values.get(t.code) ?? zero() }));
  // Results from townships outside the list (an enterprise moved, or none recorded) still count.
  for (const [code, v] of values) {
    if (townships.some((t) => t.code === code)) continue;
    rows.push({ townshipCode: code || null, townshipName: code ? (townshipName(code) ?? code) : NO_TOWNSHIP, values: v });
  }
  const total = zero();
  // enterprises (户) cannot be summed over townships if one enterprise moved between visits; count it once.
  for (const r of rows) for (const d of defs) total[d.key] = round2(total[d.key]! + (r.values[d.key] ?? 0));
  if (defs.some((d) => d.source === 'enterprises')) {
    const n = (
      sqlite
        .prepare('SELECT count(DISTINCT enterprise_id) AS n FROM campaign_results WHERE campaign_id = ? AND inspected_on BETWEEN ? AND ? AND voided = 0')
        .get(c.id, input.from, input.to) as { n: number }
    ).n;
    for (const d of defs) if (d.source === 'enterprises') total[d.key] = n;
  }
  return { campaignId: c.id, campaignName: c.name, from: input.from, to: input.to, definitions: defs, rows, total, tookMs: performance.now() - t0 };
}

const round2 = (v: number) => Math.round(v * 100) / 100;
