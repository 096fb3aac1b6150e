// A campaign's progress for its dashboard: coverage of the targets to inspect, status counts,
// problems and rectifications per township, the tallies so far and visits per week.
import type { z } from 'zod';
import { type TargetStatus, targetStatuses } from '../../../shared/campaign';
import { type Progress, type ProgressInput } from '../../../shared/campaign-results';
import { TemplateDefinition } from '../../../shared/campaign-template';
import { todayInChina } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../db/open';
import { townshipName } from '../divisions/divisions';
import { TARGET_STATUS_CTE } from './status';
import { NO_TOWNSHIP, tallyTotals, townshipRows } from './tally';

type TownshipProgress = Progress['byTownship'][number];

/** Progress of one campaign as of `today` (for what is overdue). */
export function campaignProgress(sqlite: Sqlite, input: z.output<typeof ProgressInput>): Progress {
  const t0 = performance.now();
  const today = input.today ?? todayInChina();
  const c = sqlite.prepare('SELECT id, template, scope FROM campaigns WHERE id = ?').get(input.campaignId) as
    | { id: number; template: string; scope: string }
    | undefined;
  if (!c) throw new AppError('NOT_FOUND', `找不到专项 ${input.campaignId}`);
  // Planned targets by township off the list's index, then the statuses of the inspected ones:
  // the CTE drives the join (CROSS JOIN keeps that order) and finds each target by its key, so
  // the work follows the results, not targets × results.
  const plannedByTownship = sqlite
    .prepare(
      `SELECT township_code AS township, count(*) AS n FROM campaign_targets
       WHERE campaign_id = ? AND removed_at IS NULL AND planned = 1 GROUP BY 1`,
    )
    .all(c.id) as { township: string | null; n: number }[];
  const inspectedCounts = sqlite
    .prepare(
      `WITH ${TARGET_STATUS_CTE}
       SELECT t.township_code AS township, s.status AS status, count(*) AS n
       FROM target_status s CROSS JOIN campaign_targets t
       WHERE t.campaign_id = ? AND t.enterprise_id = s.enterprise_id AND t.removed_at IS NULL AND t.planned = 1
       GROUP BY 1, 2`,
    )
    .all(c.id, c.id) as { township: string | null; status: TargetStatus; n: number }[];
  const counts: { township: string | null; status: TargetStatus; n: number }[] = [...inspectedCounts];
  for (const p of plannedByTownship) {
    const inspected = inspectedCounts.filter((x) => x.township === p.township).reduce((s, x) => s + x.n, 0);
    counts.push({ township: p.township, status: '未检查', n: p.n - inspected });
  }
  const overdue = sqlite
    .prepare(
      // From the campaign's rectifications to their deadlines by record: the unary + keeps SQLite
      // off the county-wide (status, due_on) index, which holds every open deadline of every file.
      `SELECT r.township_code AS township, count(*) AS n FROM campaign_results r CROSS JOIN deadlines d
       WHERE r.campaign_id = ? AND r.voided = 0 AND r.rectification_id IS NOT NULL
         AND d.record_id = r.rectification_id AND d.kind = 'correct' AND +d.status = 'open' AND +d.due_on < ?
       GROUP BY 1`,
    )
    .all(c.id, today) as { township: string | null; n: number }[];
  const rect = sqlite
    .prepare(
      `SELECT sum(json_extract(d.data, '$.outcome') = '已整改') AS closed, count(*) AS total FROM campaign_results r
       JOIN dossier_records d ON d.id = r.rectification_id AND d.voided_at IS NULL WHERE r.campaign_id = ? AND r.voided = 0`,
    )
    .get(c.id) as { closed: number | null; total: number };

  const byStatus = Object.fromEntries(targetStatuses.map((s) => [s, 0])) as Record<TargetStatus, number>;
  const scopeTownships = (JSON.parse(c.scope) as { townshipCodes?: string[] }).townshipCodes ?? [];
  const rows = new Map<string, TownshipProgress>();
  const row = (code: string | null): TownshipProgress => {
    const k = code ?? '';
    let r = rows.get(k);
    if (!r) {
      r = { townshipCode: code, townshipName: code ? (townshipName(code) ?? code) : NO_TOWNSHIP, planned: 0, inspected: 0, problems: 0, rectifying: 0, rectified: 0, overdue: 0 };
      rows.set(k, r);
    }
    return r;
  };
  for (const t of townshipRows(sqlite, scopeTownships)) row(t.code);
  for (const { township, status, n } of counts) {
    byStatus[status] += n;
    const r = row(township);
    r.planned += n;
    if (status !== '未检查') r.inspected += n;
    if (status === '发现问题' || status === '整改中' || status === '已整改') r.problems += n;
    if (status === '整改中') r.rectifying += n;
    if (status === '已整改') r.rectified += n;
  }
  for (const o of overdue) row(o.township).overdue += o.n;
  const byTownship = [...rows.values()].filter((r) => r.townshipCode !== null || r.planned > 0);
  const planned = byTownship.reduce((s, r) => s + r.planned, 0);
  const inspected = byTownship.reduce((s, r) => s + r.inspected, 0);

  const defs = TemplateDefinition.parse(JSON.parse(c.template)).tallies;
  const sums = tallyTotals(sqlite, c.id, defs);
  const weekly = sqlite
    .prepare(
      `SELECT date(inspected_on, '-6 days', 'weekday 1') AS weekOf, count(*) AS visits, sum(has_problem) AS problems
       FROM campaign_results WHERE campaign_id = ? AND voided = 0 GROUP BY 1 ORDER BY 1`,
    )
    .all(c.id) as { weekOf: string; visits: number; problems: number }[];
  const overdueTotal = overdue.reduce((s, o) => s + o.n, 0);
  return {
    planned,
    inspected,
    coverage: planned ? inspected / planned : 0,
    byStatus,
    byTownship,
    rectifications: { open: rect.total - (rect.closed ?? 0), closed: rect.closed ?? 0, overdue: overdueTotal },
    tallies: defs.map((d) => ({ key: d.key, label: d.label, unit: d.unit, value: sums[d.key] ?? 0 })),
    weekly,
    tookMs: performance.now() - t0,
  };
}
